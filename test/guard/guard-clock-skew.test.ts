/**
 * A2.9 when the host's clock (the check's `at`) is behind the switch's (the recorded dial):
 * a silent or abandoned call the guard holds has already been dialled, so the dial asked
 * about comes after it whatever the two clocks say. A check whose `at` is before such a
 * call's recorded dial is refused until that dial + 72 h, and `retryAt` is a moment at
 * which the guard allows the call.
 */
import { describe, expect, it } from 'vitest';
import { classify, createDialGuard, ofcom2017 } from '../../src/index.js';
import { call, HOUR, recordOf, repeatFlagged, request, T0, WINDOW } from './helpers.js';

describe('guard — a check behind a recorded silent call (A2.9)', () => {
  it('refuses a redial checked 10 s (host clock) before the recorded dial of a silent call to the number', () => {
    const guard = createDialGuard(ofcom2017);
    // The switch stamps its records 30 s ahead of the dialler host: the silent call is dialled at host
    // time T0 − 30 s (switch T0), ends and is recorded; the dialler redials at host T0 − 10 s.
    guard.record(call('s1', T0, 'silent'));
    const d = guard.check(request(T0 - 10_000));
    expect(d.allowed).toBe(false);
    expect(d.reasons).toEqual([{ kind: 'repeatWithin72h', ref: 'A2.9', until: T0 + WINDOW, detail: { previousCallId: 's1', previousAt: T0, previousCategory: 'silent', windowMs: WINDOW } }]);
    expect(d.retryAt).toBe(T0 + WINDOW);
  });

  it('an undetermined call recorded after the checked time refuses the same way (repeatAfterUndetermined)', () => {
    const guard = createDialGuard(ofcom2017);
    guard.record(call('u1', T0, 'undetermined'));
    expect(guard.check(request(T0 - 10_000)).reasons).toEqual([expect.objectContaining({ kind: 'repeatAfterUndetermined', until: T0 + WINDOW })]);
  });

  it('the redial it refuses is one audit() would flag repeatWithin72h once the switch stamps it', () => {
    const guard = createDialGuard(ofcom2017);
    const first = recordOf('s1', T0, '01632960001', 'silent');
    guard.record(classify(first, ofcom2017));
    const allowed = guard.check(request(T0 - 10_000)).allowed;
    const redial = recordOf('s2', T0 + 20_000, '01632960001', 'silent'); // host T0 − 10 s, switch T0 + 20 s
    expect(repeatFlagged([first, redial], ofcom2017).has('s2')).toBe(true);
    expect(allowed).toBe(false);
  });

  it('retryAt is a moment the guard allows: the end of the newest call’s window, not of an earlier one', () => {
    const guard = createDialGuard(ofcom2017);
    guard.record(call('p1', T0, 'silent'));
    guard.record(call('p2', T0 + HOUR / 2, 'abandoned'));
    const d = guard.check(request(T0 + HOUR / 6)); // 20 min behind the latest record: within maxLatenessMs
    expect(d.reasons).toEqual([expect.objectContaining({ kind: 'repeatWithin72h', until: T0 + HOUR / 2 + WINDOW, detail: expect.objectContaining({ previousCallId: 'p2' }) })]);
    expect(d.retryAt).toBe(T0 + HOUR / 2 + WINDOW);
    expect(guard.check(request(d.retryAt! - 1)).allowed).toBe(false);
    expect(guard.check(request(d.retryAt!)).allowed).toBe(true);
  });

  it('retryAt is one the history covers: a check far behind the latest record waits for that too (never historyIncomplete then)', () => {
    const guard = createDialGuard(ofcom2017);
    guard.record(call('a1', T0 + 2 * HOUR, 'silent', { to: '01632960002' }));
    guard.record(call('s1', T0, 'silent')); // recorded late: behind a1 in arrival order, so swept after it
    guard.record(call('l1', T0 + WINDOW + 2 * HOUR, 'live', { to: '01632960099' })); // the guard's clock moves on: s1 has expired, but is still held
    const d = guard.check(request(T0 + HOUR / 2));
    expect(d.reasons).toEqual([expect.objectContaining({ kind: 'repeatWithin72h', until: T0 + WINDOW })]);
    // At s1's window end the history no longer covers the check (more than an hour behind l1): historyIncomplete.
    expect(guard.check(request(T0 + WINDOW)).reasons.map((r) => r.kind)).toEqual(['historyIncomplete']);
    expect(d.retryAt).toBe(T0 + WINDOW + HOUR);
    expect(guard.check(request(d.retryAt!)).allowed).toBe(true);
  });
});
