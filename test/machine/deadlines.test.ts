/**
 * The deadline helpers of the call machine, at their edges (mutants of
 * `src/machine/deadlines.ts` that the machine's own tests left alive).
 */
import { describe, expect, it } from 'vitest';
import { foldEvents, ofcom2017 } from '../../src/index.js';
import { delayUntil, messageDueAt } from '../../src/machine/index.js';
import { callEvents, T0 } from '../support/calls.js';

describe('deadline helpers', () => {
  it('messageDueAt: pickup + 2 s; for a record that was never answered, its latest event', () => {
    expect(messageDueAt(foldEvents(callEvents('c1', [['answer', 5000]])), ofcom2017)).toBe(T0 + 7000);
    expect(messageDueAt(foldEvents(callEvents('c1', [['ringing', 1000]])), ofcom2017)).toBe(T0 + 1000);
  });

  it('delayUntil: a deadline with no usable time is as far off as a timer goes; otherwise clamped to 0 … MAX', () => {
    expect(delayUntil(Number.NaN, 0)).toBe(2_147_483_647);
    expect(delayUntil(100, Number.NaN)).toBe(2_147_483_647);
    expect(delayUntil(100, 40)).toBe(60);
    expect(delayUntil(40, 100)).toBe(0);
    expect(delayUntil(3e9, 0)).toBe(2_147_483_647);
  });
});
