import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { classify, definePolicy, newRecord, ofcom2017, type CallRecord } from '../../src/internals.js';
import { unsociableHours } from '../support/rules.js';
import { GOOD_CLI, instantOf, wallAsUtc } from './helpers.js';

const record = (dialAt: number, zone: string | null = null): CallRecord => ({
  ...newRecord({ callId: 'h1', campaignId: 'spring', callCentreId: 'leeds', to: '01134961000', cli: GOOD_CLI, agentGuaranteed: false, amd: false, messagePlanned: true, dialAt }),
  zone,
});
const flagged = (dialAt: number, zone: string | null = null, policy = ofcom2017): boolean => unsociableHours(record(dialAt, zone), policy) !== null;

describe('unsociable hours (A2.11)', () => {
  it('flags a call before 08:00 or from 21:00 in London, with the local time, weekday, zone and window', () => {
    const at = instantOf('Europe/London', 2026, 11, 23, 7, 59, 59);
    expect(unsociableHours(record(at), ofcom2017)).toEqual({
      kind: 'unsociableHours',
      callId: 'h1',
      at,
      ref: 'A2.11',
      detail: { localTime: '07:59', weekday: 1, zone: 'Europe/London', window: { start: '08:00', end: '21:00' } },
    });
    expect(flagged(instantOf('Europe/London', 2026, 11, 23, 8, 0, 0))).toBe(false);
    expect(flagged(instantOf('Europe/London', 2026, 11, 23, 20, 59, 59))).toBe(false);
    expect(flagged(instantOf('Europe/London', 2026, 11, 23, 21, 0, 0))).toBe(true);
  });

  it("judges the recipient's own zone when the call carries one", () => {
    // 13:30 on Monday in London is 08:30 in New York (allowed) and 02:30 on Tuesday in Auckland (flagged).
    const at = instantOf('Europe/London', 2026, 11, 23, 13, 30);
    expect(flagged(at, 'America/New_York')).toBe(false);
    expect(unsociableHours(record(at, 'Pacific/Auckland'), ofcom2017)?.detail).toMatchObject({ localTime: '02:30', weekday: 2, zone: 'Pacific/Auckland' });
  });

  it('a day with no window (null) allows no calls; each weekday has its own window', () => {
    const policy = definePolicy(ofcom2017, {
      callingHours: [null, ...Array.from({ length: 5 }, () => ({ start: '09:00', end: '20:00' })), { start: '10:00', end: '16:00' }],
    });
    expect(unsociableHours(record(instantOf('Europe/London', 2026, 11, 22, 12, 0)), policy)?.detail.window).toBeNull(); // Sunday
    expect(flagged(instantOf('Europe/London', 2026, 11, 28, 9, 30), null, policy)).toBe(true); // Saturday 09:30
    expect(flagged(instantOf('Europe/London', 2026, 11, 28, 15, 59, 59), null, policy)).toBe(false);
    expect(flagged(instantOf('Europe/London', 2026, 11, 27, 9, 30), null, policy)).toBe(false); // Friday 09:30
  });

  it('an end of 24:00 allows calls up to midnight', () => {
    const policy = definePolicy(ofcom2017, { callingHours: Array.from({ length: 7 }, () => ({ start: '00:00', end: '24:00' })) });
    expect(flagged(instantOf('Europe/London', 2026, 11, 23, 23, 59, 59), null, policy)).toBe(false);
    expect(flagged(instantOf('Europe/London', 2026, 11, 23, 0, 0, 0), null, policy)).toBe(false);
  });

  it('on the day the clocks go back, 01:30 happens twice and is the same wall-clock time both times', () => {
    const first = Date.UTC(2026, 9, 25, 0, 30); // 01:30 BST
    const second = Date.UTC(2026, 9, 25, 1, 30); // 01:30 GMT
    const policy = definePolicy(ofcom2017, { callingHours: Array.from({ length: 7 }, () => ({ start: '01:30', end: '21:00' })) });
    for (const at of [first, second]) expect(unsociableHours(record(at), policy)).toBeNull();
    expect(unsociableHours(record(first - 1000), policy)?.detail.localTime).toBe('01:29');
    expect(unsociableHours(record(second - 1000), ofcom2017)?.detail.localTime).toBe('01:29');
    // 20:59 and 21:00 on a 25-hour day
    expect(flagged(Date.UTC(2026, 9, 25, 20, 59, 59))).toBe(false);
    expect(flagged(Date.UTC(2026, 9, 25, 21, 0, 0))).toBe(true);
  });

  it('on the day the clocks go forward, 08:00 BST is 07:00 UTC', () => {
    expect(flagged(Date.UTC(2026, 2, 29, 6, 59, 59))).toBe(true);
    expect(flagged(Date.UTC(2026, 2, 29, 7, 0, 0))).toBe(false);
    expect(flagged(Date.UTC(2026, 2, 29, 19, 59, 59))).toBe(false);
    expect(flagged(Date.UTC(2026, 2, 29, 20, 0, 0))).toBe(true);
  });

  it('a record with a zone the runtime does not know is not judged (the validators reject it)', () => {
    expect(unsociableHours(record(Date.UTC(2026, 10, 23, 3), 'Mars/Olympus'), ofcom2017)).toBeNull();
  });

  it('classify raises it for every call, whatever its outcome', () => {
    const rec = record(instantOf('Europe/London', 2026, 11, 23, 22, 15));
    expect(classify(rec).flags.map((f) => f.kind)).toContain('unsociableHours');
  });
});

const ZONES = [null, 'America/New_York', 'Asia/Kolkata', 'Australia/Sydney'] as const;
const CLOCK_CHANGE_DAYS: readonly (readonly [number, number, number])[] = [
  [2026, 3, 29], // London forward
  [2026, 10, 25], // London back
  [2026, 3, 8], // New York forward
  [2026, 11, 1], // New York back
  [2025, 3, 30],
  [2025, 10, 26],
  [2026, 4, 5], // Sydney back
  [2026, 10, 4], // Sydney forward
];
const dateArb = fc.oneof(
  fc.constantFrom(...CLOCK_CHANGE_DAYS),
  fc.date({ min: new Date(Date.UTC(2024, 0, 1)), max: new Date(Date.UTC(2030, 11, 31)), noInvalidDate: true }).map((d) => [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()] as const),
);

describe('unsociable hours: window boundaries across the clock changes (property)', () => {
  it('08:00–21:00 local: 07:59:59 and 21:00:00 flagged, 08:00:00 and 20:59:59 not, on any date and in any zone', () => {
    const edges = [
      [7, 59, 59, true],
      [8, 0, 0, false],
      [20, 59, 59, false],
      [21, 0, 0, true],
    ] as const;
    fc.assert(
      fc.property(dateArb, fc.constantFrom(...ZONES), fc.constantFrom(...edges), ([y, m, d], zone, [h, mi, s, expected]) => {
        const at = instantOf(zone ?? 'Europe/London', y, m, d, h, mi, s);
        expect(flagged(at, zone)).toBe(expected);
      }),
      { numRuns: 1000 },
    );
  });

  it('any instant on a clock-change day is flagged exactly when its wall-clock time is outside 08:00–21:00', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CLOCK_CHANGE_DAYS), fc.constantFrom(...ZONES), fc.integer({ min: -6 * 3_600_000, max: 30 * 3_600_000 }), ([y, m, d], zone, offset) => {
        const at = Date.UTC(y, m - 1, d) + offset;
        const wall = wallAsUtc(at, zone ?? 'Europe/London');
        const minute = Math.floor((((wall % 86_400_000) + 86_400_000) % 86_400_000) / 60_000);
        expect(flagged(at, zone)).toBe(minute < 8 * 60 || minute >= 21 * 60);
      }),
      { numRuns: 1000 },
    );
  });
});
