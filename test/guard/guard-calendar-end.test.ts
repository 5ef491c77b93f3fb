/**
 * A request at the end of the calendar range (9999-12-30T00:00Z, `CALENDAR_RANGE.to`): the
 * guard accepts any `at` with a calendar day, and the next calling moment (A2.11) or the
 * end of a repeat window (A2.9) may lie past the range. The check is then refused with no
 * `until`/`retryAt` (no moment is known), never a thrown `ValidationError`, and the
 * `guard()` operator goes on.
 */
import { describe, expect, it } from 'vitest';
import { from, lastValueFrom, toArray } from 'rxjs';
import { createDialGuard, guard, ofcom2017 } from '../../src/index.js';
import { CALENDAR_RANGE, nextCallingMoment } from '../../src/internals.js';
import { call, HOUR, request, T0 } from './helpers.js';

const END = CALENDAR_RANGE.to; // 9999-12-30T00:00Z, exclusive

describe('guard — a request at the end of the calendar range (A2.9, A2.11)', () => {
  it('22:00 on 9999-12-29 in London (outside calling hours, no next day to open) is refused, untimed', () => {
    const d = createDialGuard(ofcom2017).check(request(END - 2 * HOUR));
    expect(d).toEqual({ allowed: false, reasons: [expect.objectContaining({ kind: 'unsociableHours' })] });
    expect(d.reasons[0]).not.toHaveProperty('until');
  });

  it('nextCallingMoment is null when the calendar range ends before a window opens', () => {
    expect(nextCallingMoment(END - 2 * HOUR, 'Europe/London', ofcom2017.callingHours)).toBeNull();
    expect(nextCallingMoment(END - 14 * HOUR, 'Europe/London', ofcom2017.callingHours)).toBe(END - 14 * HOUR + 1);
  });

  it('a redial within 72 h of a silent call dialled on 9999-12-28 is refused, untimed (its window ends past the range)', () => {
    const g = createDialGuard(ofcom2017);
    g.record(call('s1', END - 40 * HOUR, 'silent'));
    const d = g.check(request(END - 38 * HOUR));
    expect(d).toEqual({ allowed: false, reasons: [expect.objectContaining({ kind: 'repeatWithin72h', until: END + 32 * HOUR })] });
  });

  it('the guard() operator goes on past such a request', async () => {
    const g = createDialGuard(ofcom2017);
    const passed = await lastValueFrom(from([request(END - 2 * HOUR, { to: '01632960009' }), request(T0, { to: '01632960010' })]).pipe(guard(g), toArray()));
    expect(passed.map((r) => r.to)).toEqual(['01632960010']);
  });
});
