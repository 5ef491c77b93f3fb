/**
 * The tally of statuses a mapping's outcome table does not know (`status-tally.ts`): most
 * rows first, equals in the order first met, at most a hundred distinct, and the worker
 * threads' per-batch tallies, added in order, give one thread's.
 */
import { describe, expect, it } from 'vitest';
import { createStatusTally, MAX_UNMAPPED_STATUSES } from '../../src/cli/mapping/status-tally.js';

describe('createStatusTally', () => {
  it('lists the statuses most rows first, equals in the order first met', () => {
    const tally = createStatusTally();
    for (const s of ['B', 'A', 'C', 'A', 'C', 'D']) tally.add(s, 1);
    expect(tally.list()).toEqual([
      { status: 'A', rows: 2 },
      { status: 'C', rows: 2 },
      { status: 'B', rows: 1 },
      { status: 'D', rows: 1 },
    ]);
  });

  it('counts the first hundred distinct statuses met, and those again; a status met after them is left out', () => {
    const tally = createStatusTally();
    for (let i = 0; i <= MAX_UNMAPPED_STATUSES; i++) tally.add(`S${i}`, 1);
    tally.add('S0', 3);
    const list = tally.list();
    expect(list).toHaveLength(MAX_UNMAPPED_STATUSES);
    expect(list[0]).toEqual({ status: 'S0', rows: 4 });
    expect(list.some((s) => s.status === `S${MAX_UNMAPPED_STATUSES}`)).toBe(false);
  });

  it('take gives the counts since the last take, in the order first met, and starts again; batches added in order give one tally\'s', () => {
    const batches = [['X', 'Y', 'X'], ['Z', 'Y'], ['W', 'X']];
    const worker = createStatusTally(Infinity);
    const merged = createStatusTally(2);
    const one = createStatusTally(2);
    for (const batch of batches) {
      for (const s of batch) {
        worker.add(s, 1);
        one.add(s, 1);
      }
      for (const [s, n] of worker.take()) merged.add(s, n);
    }
    expect(worker.take()).toEqual([]);
    expect(merged.list()).toEqual(one.list());
    expect(one.list()).toEqual([
      { status: 'X', rows: 3 },
      { status: 'Y', rows: 2 },
    ]);
  });
});
