/**
 * Restoring a guard (A2.9 history survives a restart) from a state whose calls are listed in
 * any order: the calls are remembered oldest dial first, after the clock is set to the
 * state's `latest`, so each joins its number's list at the head. Calls to one number listed
 * newest first used to walk the whole list for each call: 60 000 of them (a 3 MB JSON
 * text) took seconds, the same calls oldest first milliseconds.
 */
import { describe, expect, it } from 'vitest';
import { createDialGuard, ofcom2017 } from '../../src/index.js';
import type { GuardCallEntry } from '../../src/internals.js';
import { HOUR, request, T0, WINDOW } from './helpers.js';

const state = (calls: readonly GuardCallEntry[], latest = T0) => ({ version: 1 as const, policyId: 'ofcom2017', latest, calls });

describe('createDialGuard — a state in any order (A2.9)', () => {
  it('calls listed newest first answer as the same calls oldest first, and are saved oldest first', () => {
    const oldestFirst: GuardCallEntry[] = [
      ['01632960001', 'a', T0 - 2 * HOUR, 'silent'],
      ['01632960002', 'b', T0 - HOUR, 'undetermined'],
      ['01632960001', 'c', T0 - HOUR / 2, 'abandoned'],
    ];
    const a = createDialGuard(ofcom2017, { state: state(oldestFirst) });
    const b = createDialGuard(ofcom2017, { state: state([...oldestFirst].reverse()) });
    expect(b.toJSON()).toEqual(a.toJSON());
    expect(b.toJSON().calls).toEqual(oldestFirst);
    for (const to of ['01632960001', '01632960002']) expect(b.check(request(T0, { to }))).toEqual(a.check(request(T0, { to })));
    expect(b.check(request(T0)).reasons[0]).toMatchObject({ until: T0 - HOUR / 2 + WINDOW, detail: { previousCallId: 'c' } });
  });

  it('calls already expired at the state’s latest are not held', () => {
    const g = createDialGuard(ofcom2017, { state: state([['01632960001', 'new', T0 - HOUR, 'silent'], ['01632960001', 'old', T0 - WINDOW - 2 * HOUR, 'silent']]) });
    expect(g.toJSON().calls.map((c) => c[1])).toEqual(['new']);
  });

  it('60 000 calls to one number listed newest first restore in about the time of the same calls oldest first (no quadratic insertion)', () => {
    const n = 60_000;
    const newestFirst = Array.from({ length: n }, (_, i): GuardCallEntry => ['01632960001', `c${i}`, T0 - i * 1000, 'silent']);
    const oldestFirst = [...newestFirst].reverse();
    const time = (calls: readonly GuardCallEntry[]): number => {
      const t = performance.now();
      createDialGuard(ofcom2017, { state: state(calls) });
      return performance.now() - t;
    };
    // The best of a few runs of each, and a generous factor: robust on a loaded machine. Quadratic was 30–40×.
    time(oldestFirst); // warm up
    const fast = Math.min(time(oldestFirst), time(oldestFirst), time(oldestFirst));
    const slow = Math.min(time(newestFirst), time(newestFirst));
    expect(slow).toBeLessThan(5 * fast + 300);
  });
});
