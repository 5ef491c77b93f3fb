/**
 * The pre-dial guard's repeat history (A2.9) keeps every call to a number, whichever order
 * they were recorded in: a dial checked a little behind the latest recorded call is
 * refused for the call dialled before it.
 */
import { describe, expect, it } from 'vitest';
import { createDialGuard } from '../../src/guard/dial-guard.js';
import { call, HOUR, request, T0, WINDOW } from './helpers.js';

describe('createDialGuard — the repeat history in any recording order', () => {
  it('a second call to the number recorded after the first keeps the first', () => {
    const guard = createDialGuard();
    guard.record(call('b', T0, 'silent'));
    guard.record(call('a', T0 + HOUR / 2, 'silent'));
    const d = guard.check(request(T0 + HOUR / 4));
    expect(d.reasons).toEqual([expect.objectContaining({ kind: 'repeatWithin72h', until: T0 + WINDOW, detail: expect.objectContaining({ previousCallId: 'b' }) })]);
  });
});
