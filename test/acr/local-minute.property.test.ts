import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { localMinuteOfDay } from '../../src/internals.js';

/** The wall-clock minute of the day straight from Intl, the slow way. */
function wallMinute(at: number, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return get('hour') * 60 + get('minute');
}

describe('localMinuteOfDay (A2.11 calling hours)', () => {
  it('on the clock-change days in London it is the wall clock: 01:30 twice on 25 October 2026, no 01:30 on 29 March', () => {
    expect(localMinuteOfDay(Date.UTC(2026, 9, 25, 0, 30), 'Europe/London')).toBe(90); // 01:30 BST
    expect(localMinuteOfDay(Date.UTC(2026, 9, 25, 1, 30), 'Europe/London')).toBe(90); // 01:30 GMT
    expect(localMinuteOfDay(Date.UTC(2026, 9, 25, 7, 59), 'Europe/London')).toBe(7 * 60 + 59);
    expect(localMinuteOfDay(Date.UTC(2026, 2, 29, 0, 59), 'Europe/London')).toBe(59); // 00:59 GMT
    expect(localMinuteOfDay(Date.UTC(2026, 2, 29, 1, 0), 'Europe/London')).toBe(120); // 02:00 BST
    expect(localMinuteOfDay(Date.UTC(2026, 2, 29, 7, 0), 'Europe/London')).toBe(8 * 60); // 08:00 BST
  });

  it('property: equals the wall clock from Intl, on clock-change days and others, in several zones', () => {
    const changeDays = [Date.UTC(2026, 2, 29), Date.UTC(2026, 9, 25), Date.UTC(2026, 2, 8), Date.UTC(2026, 10, 1), Date.UTC(2026, 3, 5)];
    const instant = fc.oneof(
      fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2028, 0, 1) }),
      fc.tuple(fc.constantFrom(...changeDays), fc.integer({ min: -12 * 3_600_000, max: 36 * 3_600_000 })).map(([d, o]) => d + o),
    );
    const zone = fc.constantFrom('Europe/London', 'America/New_York', 'Australia/Lord_Howe', 'Australia/Sydney', 'Asia/Kolkata', 'UTC');
    fc.assert(
      fc.property(instant, zone, (at, z) => {
        expect(localMinuteOfDay(at, z)).toBe(wallMinute(at, z));
      }),
      { numRuns: 2000 },
    );
  });
});
