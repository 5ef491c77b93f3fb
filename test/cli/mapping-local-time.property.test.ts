/**
 * Zoneless local times read in a zone (`--input-tz`): every instant, written as its wall
 * time, reads back as itself — except in the hour repeated in autumn, where it reads as the
 * earlier instant (summer time). A wall time in the hour skipped in spring has no instant.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localToInstant, offsetCache } from '../../src/cli/mapping/local-time.js';

const HOUR = 3_600_000;

const formats = new Map<string, Intl.DateTimeFormat>();
function wallText(at: number, zone: string): string {
  let f = formats.get(zone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    formats.set(zone, f);
  }
  const p = Object.fromEntries(f.formatToParts(at).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

describe('local times in a zone (clock changes)', () => {
  for (const zone of ['Europe/London', 'America/New_York', 'Australia/Sydney']) {
    it(`${zone}: round trip, the repeated hour read as its earlier instant`, () => {
      const cache = offsetCache(zone);
      fc.assert(
        fc.property(fc.integer({ min: Date.UTC(2018, 0, 1) / 1000, max: Date.UTC(2032, 0, 1) / 1000 }), (seconds) => {
          const at = seconds * 1000;
          const r = localToInstant(wallText(at, zone), cache);
          expect(r.ok).toBe(true);
          if (!r.ok) return;
          const sameWallHourEarlier = wallText(at - HOUR, zone) === wallText(at, zone);
          expect(r.at).toBe(sameWallHourEarlier ? at - HOUR : at);
          expect(r.ambiguous).toBe(sameWallHourEarlier || wallText(at + HOUR, zone) === wallText(at, zone));
        }),
        { numRuns: 2000 },
      );
    });
  }

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
