/**
 * The pre-dial guard's repeat history (A2.9) keeps every call to a number, whichever order
 * they were recorded in, and a check cites the newest: a dial checked a little behind the
 * latest recorded call is refused until the end of that call's window, the last to end.
 */
import { describe, expect, it } from 'vitest';
import { createDialGuard } from '../../src/guard/dial-guard.js';
import { call, HOUR, request, T0, WINDOW } from './helpers.js';

describe('createDialGuard — the repeat history in any recording order', () => {
  it('a second call to the number recorded after the first keeps the first; a check between them cites the second, whose window ends last', () => {
    const guard = createDialGuard();
    guard.record(call('b', T0, 'silent'));
    guard.record(call('a', T0 + HOUR / 2, 'silent'));
    expect(guard.toJSON().calls.map((c) => c[1])).toEqual(['b', 'a']);
    const d = guard.check(request(T0 + HOUR / 4));
    expect(d.reasons).toEqual([expect.objectContaining({ kind: 'repeatWithin72h', until: T0 + HOUR / 2 + WINDOW, detail: expect.objectContaining({ previousCallId: 'a' }) })]);
  });

  it('a call recorded late, behind a later one, is kept and does not hide the later one', () => {
    const guard = createDialGuard();
    guard.record(call('a', T0 + HOUR / 2, 'silent'));
    guard.record(call('b', T0, 'silent'));
    expect(guard.size()).toBe(2);
    expect(guard.check(request(T0 + HOUR / 4)).reasons).toEqual([expect.objectContaining({ until: T0 + HOUR / 2 + WINDOW, detail: expect.objectContaining({ previousCallId: 'a' }) })]);
  });
});
