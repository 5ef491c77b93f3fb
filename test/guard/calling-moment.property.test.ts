/**
 * A2.11's next calling moment against a model written from the rule alone: the first
 * instant after `at` whose wall clock in the zone, on its local weekday, lies in that day's
 * window (start inclusive, end exclusive). Windows change only at whole minutes of the wall
 * clock, so the model tries `at + 1` and then every whole minute after `at`, reading the
 * wall clock with `Intl` (no code shared with `src/`). Zones with summer time (London, New
 * York, Lord Howe's 30-minute change, Santiago's midnight changes) and windows that open in
 * a skipped or repeated hour; the same hours asked again and again, in any order, so the
 * answers remembered for a day are checked too.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nextCallingMoment } from '../../src/internals.js';

type Window = { readonly start: string; readonly end: string } | null;
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const formats = new Map<string, Intl.DateTimeFormat>();

/** The wall clock of `t` in `zone`: weekday (0 Sunday) and minute of the day. */
function wall(t: number, zone: string): { weekday: number; minute: number } {
  let f = formats.get(zone);
  if (f === undefined) formats.set(zone, (f = new Intl.DateTimeFormat('en-GB', { timeZone: zone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })));
  const parts = Object.fromEntries(f.formatToParts(t).map((p) => [p.type, p.value]));
  return { weekday: WEEKDAYS.indexOf(parts.weekday!), minute: Number(parts.hour) * 60 + Number(parts.minute) };
}

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
function open(t: number, zone: string, hours: readonly Window[]): boolean {
  const { weekday, minute } = wall(t, zone);
  const w = hours[weekday];
  return w != null && minute >= minutes(w.start) && minute < minutes(w.end);
}

/** The model: `at + 1` if open, else the first whole minute after `at` that is open; `null` if none within nine days. */
function modelNext(at: number, zone: string, hours: readonly Window[]): number | null {
  if (open(at + 1, zone, hours)) return at + 1;
  for (let t = Math.floor(at / 60_000) * 60_000 + 60_000; t <= at + 9 * 86_400_000; t += 60_000) if (open(t, zone, hours)) return t;
  return null;
}

const ZONES = ['Europe/London', 'America/New_York', 'Australia/Lord_Howe', 'America/Santiago'];
/** Around each zone's changes of 2026 (and a plain week), so the days with 23, 23.5, 24.5 and 25 hours come up often. */
const AROUND = [
  Date.UTC(2026, 2, 28), Date.UTC(2026, 9, 24), // London: 29 March, 25 October
  Date.UTC(2026, 2, 7), Date.UTC(2026, 10, 0), // New York: 8 March, 1 November
  Date.UTC(2026, 3, 4), Date.UTC(2026, 9, 3), // Lord Howe: 5 April, 4 October
  Date.UTC(2026, 3, 4), Date.UTC(2026, 8, 5), // Santiago: 5 April, 6 September
  Date.UTC(2026, 10, 21), // a plain week
];
const CLOCK = ['00:00', '00:30', '01:00', '01:30', '02:00', '02:30', '08:00', '09:00', '21:00', '23:30', '24:00'];
const windowArb: fc.Arbitrary<Window> = fc.oneof(
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 4, arbitrary: fc.tuple(fc.constantFrom(...CLOCK), fc.constantFrom(...CLOCK)).filter(([s, e]) => minutes(s) < minutes(e)).map(([start, end]) => ({ start, end })) },
);
const atArb = fc.tuple(fc.constantFrom(...AROUND), fc.integer({ min: 0, max: 3 * 86_400_000 })).map(([base, offset]) => base + offset);

describe('nextCallingMoment ≡ the wall-clock model (A2.11)', () => {
  it('property: every answer is the model’s, for the same hours asked many times in any order', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.array(windowArb, { minLength: 7, maxLength: 7 }), fc.array(atArb, { minLength: 1, maxLength: 6 }), (zone, hours, ats) => {
        for (const at of ats) expect(nextCallingMoment(at, zone, hours)).toBe(modelNext(at, zone, hours));
      }),
      { numRuns: 150 },
    );
  });

  it('the same day asked after its window and then before it: each gets its own answer', () => {
    const hours = Array(7).fill({ start: '08:00', end: '21:00' });
    const evening = Date.UTC(2026, 10, 23, 21, 30);
    const morning = Date.UTC(2026, 10, 23, 7, 0);
    expect(nextCallingMoment(evening, 'Europe/London', hours)).toBe(Date.UTC(2026, 10, 24, 8, 0));
    expect(nextCallingMoment(morning, 'Europe/London', hours)).toBe(Date.UTC(2026, 10, 23, 8, 0));
    expect(nextCallingMoment(evening, 'Europe/London', hours)).toBe(Date.UTC(2026, 10, 24, 8, 0));
  });
});
