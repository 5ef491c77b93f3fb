/**
 * The misuse state's table of called numbers (src/misuse/called-numbers.ts) after one record
 * dated far ahead: no later day opens, so the sweep that runs when days are dropped never
 * runs again. Calls on days no longer held (and not kept by the repeat history) must make
 * no entry, or the table keeps one per distinct number called, for ever, unseen by
 * `size()` and `daySize()`.
 */
import { describe, expect, it } from 'vitest';
import { createDialGuard, createMisuseState, ofcom2017 } from '../../src/index.js';
import { classifiedAs as call, DAY, heapUsed, MB, T0 } from '../support/heap.js';

const PER_DAY = 10_000;

describe('misuse state after a far-future outlier', () => {
  it('numbers called on later days are not held for ever (heap from day 10 to day 20 grows < 4 MB)', () => {
    const state = createMisuseState(ofcom2017, { alertRate: null });
    state.next(call('glitch', T0 + 60 * 365 * DAY, 'live', { to: '01134960000' })); // one bad record, ~60 years ahead
    let n = 0;
    const feed = (days: number): void => {
      for (let d = 0; d < days; d++) {
        for (let i = 0; i < PER_DAY; i++, n++) {
          const to = `07${String(100_000_000 + n).slice(1)}`; // a new mobile number each call
          const category = i % 3 === 0 ? 'unconnected' : i % 3 === 1 ? 'live' : 'silent'; // silent: refused by the repeat history, which is 60 years on
          state.next(call(`c${n}`, T0 + Math.floor(n / PER_DAY) * DAY + i * 3000, category, { to }));
        }
      }
    };
    feed(10);
    const after10 = heapUsed();
    feed(10);
    const after20 = heapUsed();
    expect([state.size(), state.daySize()]).toEqual([0, 2]);
    expect((after20 - after10) / MB).toBeLessThan(4); // before the fix ~16 MB: one entry per number called (100,000)
    // The answers are those the entries would give: a silent call and its repeat are not judged, never passed
    // (nor is the ACR alert, turned off here under a policy that sets a level).
    for (const id of ['s1', 's2']) {
      const u = state.next(call(id, T0 + 20 * DAY, 'silent', { to: '01134960123' }));
      expect(u.call.notJudged?.map((j) => j.rule).sort()).toEqual(['acrAlert', 'numberScanning', 'repeatWithin72h', 'tooManyClis']);
    }
  }, 30_000);
});

describe('dial guard after a far-future record', () => {
  it('silent calls recorded after it leave no per-number list behind (heap for 100,000 more numbers grows < 3 MB)', () => {
    const guard = createDialGuard(ofcom2017, { isBarred: () => false });
    guard.record(call('glitch', T0 + 60 * 365 * DAY, 'silent'));
    const feed = (from: number, to: number): void => {
      for (let n = from; n < to; n++) guard.record(call(`s${n}`, T0 + n * 1000, 'silent', { to: `07${String(100_000_000 + n).slice(1)}` }));
    };
    feed(0, 100_000);
    const before = heapUsed();
    feed(100_000, 200_000);
    const after = heapUsed();
    expect(guard.toJSON().calls).toHaveLength(1);
    expect((after - before) / MB).toBeLessThan(3); // before the fix ~10 MB: an empty list per number
  }, 30_000);
});
