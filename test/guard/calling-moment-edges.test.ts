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
