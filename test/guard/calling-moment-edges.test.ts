/**
 * A2.11's next calling moment when the window opens inside the hour the clocks skip
 * (29 March 2026, Europe/London: 01:00 GMT becomes 02:00 BST) and the question is asked
 * after the clocks have landed: the window is open, so the answer is the very next
 * millisecond — never a moment at or before the question.
 */
import { describe, expect, it } from 'vitest';
import { nextCallingMoment } from '../../src/internals.js';

const LONDON = 'Europe/London';
const opensInGap = Array(7).fill({ start: '01:30', end: '23:00' });
const landed = Date.UTC(2026, 2, 29, 1, 0); // 02:00 BST, the first instant after the skipped hour

describe('nextCallingMoment after a window that opened in the skipped hour', () => {
  it('half a second after the clocks land: the next millisecond', () => {
    expect(nextCallingMoment(landed + 500, LONDON, opensInGap)).toBe(landed + 501);
  });

  it('exactly when the clocks land: the next millisecond', () => {
    expect(nextCallingMoment(landed, LONDON, opensInGap)).toBe(landed + 1);
  });

  it('before the clocks land: the instant they land', () => {
    expect(nextCallingMoment(landed - 30 * 60_000, LONDON, opensInGap)).toBe(landed);
    expect(nextCallingMoment(landed - 1, LONDON, opensInGap)).toBe(landed);
  });
});

describe('nextCallingMoment on the day the clocks go back (25 October 2026, Europe/London)', () => {
  const opensInRepeatedHour = () => Array(7).fill({ start: '01:30', end: '23:00' });

  it('a window opening in the repeated hour opens at its first occurrence (01:30 BST, 00:30 UTC)', () => {
    for (const at of [Date.UTC(2026, 9, 24, 23, 0), Date.UTC(2026, 9, 24, 23, 29, 17), Date.UTC(2026, 9, 25, 0, 10)]) {
      expect(nextCallingMoment(at, LONDON, opensInRepeatedHour())).toBe(Date.UTC(2026, 9, 25, 0, 30));
    }
  });

  it('in the repeated hour’s second pass, before 01:30 GMT by the wall clock: its second occurrence', () => {
    expect(nextCallingMoment(Date.UTC(2026, 9, 25, 1, 10), LONDON, opensInRepeatedHour())).toBe(Date.UTC(2026, 9, 25, 1, 30));
  });
});

describe('nextCallingMoment inside the window', () => {
  const ofcomHours = () => Array(7).fill({ start: '08:00', end: '21:00' });
  const T = Date.UTC(2026, 10, 23, 12, 0); // 12:00 GMT, Monday 23 November 2026

  it('open and still open a millisecond later: that millisecond', () => {
    expect(nextCallingMoment(T, LONDON, ofcomHours())).toBe(T + 1);
  });

  it('the last millisecond of the window: the next day’s opening', () => {
    expect(nextCallingMoment(Date.UTC(2026, 10, 23, 21, 0) - 1, LONDON, ofcomHours())).toBe(Date.UTC(2026, 10, 24, 8, 0));
  });

  it('the last millisecond of a day whose window runs to midnight: the next day’s own window decides', () => {
    const hours = [null, { start: '00:00', end: '24:00' }, { start: '09:00', end: '21:00' }, null, null, null, null];
    expect(nextCallingMoment(Date.UTC(2026, 10, 24, 0, 0) - 1, LONDON, hours)).toBe(Date.UTC(2026, 10, 24, 9, 0));
  });
});

describe('nextCallingMoment at the edges of a window', () => {
  it('a millisecond before the window opens: the opening', () => {
    const hours = Array(7).fill({ start: '08:00', end: '21:00' });
    expect(nextCallingMoment(Date.UTC(2026, 10, 23, 8, 0) - 1, LONDON, hours)).toBe(Date.UTC(2026, 10, 23, 8, 0));
  });

  it('after a window that opened in the skipped hour has closed: the next day’s opening, not the landing', () => {
    const hours = Array(7).fill({ start: '01:30', end: '23:00' });
    expect(nextCallingMoment(Date.UTC(2026, 2, 29, 22, 30), LONDON, hours)).toBe(Date.UTC(2026, 2, 30, 0, 30)); // 23:30 BST → 01:30 BST
  });

  it('Santiago, 4 April 2026 (24:00 −03 becomes 23:00 −04): a window ending at 23:30 opens again for the repeated hour, then the next day', () => {
    const SANTIAGO = 'America/Santiago';
    const hours = Array(7).fill({ start: '00:00', end: '23:30' });
    expect(nextCallingMoment(Date.UTC(2026, 3, 5, 2, 45), SANTIAGO, hours)).toBe(Date.UTC(2026, 3, 5, 3, 0)); // 23:45 −03 → 23:00 −04
    expect(nextCallingMoment(Date.UTC(2026, 3, 5, 3, 45), SANTIAGO, hours)).toBe(Date.UTC(2026, 3, 5, 4, 0)); // 23:45 −04 → Sunday 00:00
    expect(nextCallingMoment(Date.UTC(2026, 3, 5, 2, 45), SANTIAGO, hours)).toBe(Date.UTC(2026, 3, 5, 3, 0)); // asked again
  });
});
