/**
 * Zoneless local times read in a zone (`--input-tz`): every instant, written as its wall
 * time, reads back as itself — except in the hour repeated in autumn, where it reads as the
 * earlier instant (summer time). A wall time in the hour skipped in spring has no instant.
 * Checked against `Intl` in zones whose offsets reach 12 hours or more, whose changes are
 * of 30 minutes or not on a quarter hour, and one that skipped a day.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localToInstant, offsetCache } from '../../src/cli/mapping/local-time.js';
import { wallAsUtc, wallText } from '../support/wall-clock.js';

const HOUR = 3_600_000;

/** The zone's offset at `at`, ms (its wall time read as UTC, minus `at`). */
function offsetAt(at: number, zone: string): number {
  return wallAsUtc(at, zone) - Math.floor(at / 1000) * 1000;
}

/** The instants (whole seconds) at which `zone`'s offset changes between `from` and `to`: a 6-hour scan, then a binary search. */
function transitions(zone: string, from: number, to: number): number[] {
  const found: number[] = [];
  const STEP = 6 * HOUR;
  for (let t = from; t < to; t += STEP) {
    if (offsetAt(t, zone) === offsetAt(t + STEP, zone)) continue;
    let lo = t / 1000; // offset as at t
    let hi = (t + STEP) / 1000; // offset as at t + STEP
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (offsetAt(mid * 1000, zone) === offsetAt(t, zone)) lo = mid;
      else hi = mid;
    }
    found.push(hi * 1000);
  }
  return found;
}

/** What reading `at`'s wall time should give: the earliest instant showing that wall time (changes are of 30 or 60 minutes, or a day), and whether another instant shows it. */
function expected(at: number, zone: string): { at: number; ambiguous: boolean } {
  const wall = wallText(at, zone);
  const shifts = [HOUR / 2, HOUR];
  const earlier = shifts.filter((d) => wallText(at - d, zone) === wall);
  return { at: earlier.length > 0 ? at - Math.max(...earlier) : at, ambiguous: earlier.length > 0 || shifts.some((d) => wallText(at + d, zone) === wall) };
}

const FROM = Date.UTC(2000, 0, 1);
const TO = Date.UTC(2032, 0, 1);

describe('local times in a zone (clock changes)', () => {
  // Offsets from −10 to +13:45; changes of an hour, of 30 minutes (Lord Howe), at 00:01 local
  // (St John's until 2011), and of a whole day (Apia skipped 30 December 2011).
  for (const zone of ['Europe/London', 'America/New_York', 'Australia/Sydney', 'Pacific/Auckland', 'Pacific/Chatham', 'America/St_Johns', 'Australia/Lord_Howe', 'Pacific/Apia']) {
    it(`${zone}: every instant's wall time reads back as it, or as the earlier instant showing it (ambiguous), 2000–2031, around each change`, () => {
      const cache = offsetCache(zone);
      const changes = transitions(zone, FROM, TO);
      const instant = fc.oneof(
        fc.integer({ min: FROM / 1000, max: TO / 1000 }).map((s) => s * 1000),
        fc.tuple(fc.nat({ max: Math.max(0, changes.length - 1) }), fc.integer({ min: -3 * 3600, max: 3 * 3600 })).map(([i, s]) => (changes[i] ?? FROM) + s * 1000),
      );
      fc.assert(
        fc.property(instant, (at) => {
          const r = localToInstant(wallText(at, zone), cache);
          expect(r).toEqual({ ok: true, ...expected(at, zone) });
        }),
        { numRuns: 2000 },
      );
    });
  }

  it('the wall times no instant shows (a skipped hour, 00:01–01:01 in St John\'s, Apia\'s 30 December 2011) are refused as skipped', () => {
    for (const [zone, text] of [
      ['Europe/London', '2026-03-29 01:30:00'],
      ['America/St_Johns', '2006-04-02 00:30:00'],
      ['Pacific/Auckland', '2026-09-27 02:30:00'],
      ['Pacific/Apia', '2011-12-30 12:00:00'],
    ] as const) {
      expect([zone, localToInstant(text, offsetCache(zone))]).toEqual([zone, { ok: false, reason: 'skipped' }]);
    }
  });

  it('St John\'s, 2 April 2006 (the change at 00:01 local): 00:00:59 is before it, 01:01:00 and 01:05:00 after it', () => {
    const cache = offsetCache('America/St_Johns');
    expect(localToInstant('2006-04-02 00:00:59', cache)).toEqual({ ok: true, at: Date.UTC(2006, 3, 2, 3, 30, 59), ambiguous: false });
    expect(localToInstant('2006-04-02 01:01:00', cache)).toEqual({ ok: true, at: Date.UTC(2006, 3, 2, 3, 31, 0), ambiguous: false });
    expect(localToInstant('2006-04-02 01:05:00', cache)).toEqual({ ok: true, at: Date.UTC(2006, 3, 2, 3, 35, 0), ambiguous: false });
  });

  it('Auckland, 5 April 2026 (+13:00 → +12:00): 02:30 is ambiguous, read as the earlier instant (13:30Z)', () => {
    expect(localToInstant('2026-04-05 02:30:00', offsetCache('Pacific/Auckland'))).toEqual({ ok: true, at: Date.UTC(2026, 3, 4, 13, 30), ambiguous: true });
  });

  it('London, 25 October 2026: 01:00:00–01:59:59 are ambiguous, read as BST; 00:59:59 and 02:00:00 are not', () => {
    const cache = offsetCache('Europe/London');
    expect(localToInstant('2026-10-25 00:59:59', cache)).toEqual({ ok: true, at: Date.UTC(2026, 9, 24, 23, 59, 59), ambiguous: false });
    expect(localToInstant('2026-10-25 01:00:00', cache)).toEqual({ ok: true, at: Date.UTC(2026, 9, 25, 0, 0, 0), ambiguous: true });
    expect(localToInstant('2026-10-25 01:59:59', cache)).toEqual({ ok: true, at: Date.UTC(2026, 9, 25, 0, 59, 59), ambiguous: true });
    expect(localToInstant('2026-10-25 02:00:00', cache)).toEqual({ ok: true, at: Date.UTC(2026, 9, 25, 2, 0, 0), ambiguous: false });
  });

  it('London, 29 March 2026: 01:00:00–01:59:59 never happened; 00:59:59 and 02:00:00 did', () => {
    const cache = offsetCache('Europe/London');
    expect(localToInstant('2026-03-29 00:59:59', cache)).toEqual({ ok: true, at: Date.UTC(2026, 2, 29, 0, 59, 59), ambiguous: false });
    expect(localToInstant('2026-03-29 01:00:00', cache)).toEqual({ ok: false, reason: 'skipped' });
    expect(localToInstant('2026-03-29 01:59:59', cache)).toEqual({ ok: false, reason: 'skipped' });
    expect(localToInstant('2026-03-29 02:00:00', cache)).toEqual({ ok: true, at: Date.UTC(2026, 2, 29, 1, 0, 0), ambiguous: false });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3599 }), (s) => {
        const text = `2026-03-29 01:${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
        expect(localToInstant(text, cache)).toEqual({ ok: false, reason: 'skipped' });
      }),
    );
  });

  it('malformed and impossible dates are refused', () => {
    const cache = offsetCache('Europe/London');
    for (const text of ['2026-02-30 10:00:00', '2026-13-01 10:00:00', '2026-01-01 24:00:00', '10:00:00', '2026-01-01', '2026-01-01 10:00:00Z']) {
      expect([text, localToInstant(text, cache)]).toEqual([text, { ok: false, reason: 'format' }]);
    }
  });
});
