/**
 * The guard's decisions (A1.20, A1.25, A2.9, A2.11, A2.14): one cannot change another, and
 * their reasons come in the documented order. The CLI verdict is cached per guard, so its
 * reasons are shared by every decision with that CLI: they are frozen (array, reason and
 * detail), as the allowed answer is; a calling-hours refusal holds a copy of the policy's
 * window, not the window itself. An unreadable `zone` is an `invalidRequest`, listed
 * first with the others, before the repeat refusal.
 */
import { describe, expect, it } from 'vitest';
import { createDialGuard, definePolicy, ofcom2017 } from '../../src/index.js';
import { call, HOUR, request, T0 } from './helpers.js';

describe('guard — one decision cannot change another', () => {
  it.each([null, '  ', '0909 000 0000', '0845 000 0000', 'sip:alice@host', '+33 1 23 45 67 89'])('mutating a refusal for CLI %j does not change the next decision', (cli) => {
    const guard = createDialGuard(ofcom2017);
    const first = guard.check(request(T0, { cli }));
    const expected = JSON.parse(JSON.stringify(first));
    const r = first.reasons[0] as unknown as { kind: string; detail: Record<string, unknown> };
    expect(Object.isFrozen(r) && Object.isFrozen(r.detail)).toBe(true);
    try {
      r.detail.leadId = 42;
      r.kind = 'annotated';
    } catch {
      // frozen (strict mode): fine
    }
    expect(guard.check(request(T0 + 1000, { cli }))).toEqual(expected);
  });

  it('mutating the window of an unsociableHours refusal changes neither the policy nor the next decision', () => {
    const policy = definePolicy(ofcom2017, {});
    const guard = createDialGuard(policy);
    const night = T0 + 12 * HOUR; // 22:00 London
    const first = guard.check(request(night));
    const expected = JSON.parse(JSON.stringify(first));
    (first.reasons[0]!.detail as { window: { start: string } }).window.start = '00:00';
    expect(policy.callingHours[1]).toEqual({ start: '08:00', end: '21:00' });
    expect(guard.check(request(night))).toEqual(expected);
  });
});

describe('guard — reasons in the documented order', () => {
  it('an invalid zone (invalidRequest) is listed before the repeat refusal, with the other invalid fields', () => {
    const guard = createDialGuard(ofcom2017);
    guard.record(call('s1', T0, 'silent'));
    const zone = 5 as unknown as string;
    expect(guard.check(request(T0 + HOUR, { zone })).reasons.map((r) => r.kind)).toEqual(['invalidRequest', 'repeatWithin72h']);
    const d = guard.check(request(Number.NaN, { zone, to: 7 as unknown as string, cli: null }));
    expect(d.reasons.map((r) => [r.kind, 'field' in r.detail ? r.detail.field : null])).toEqual([
      ['invalidRequest', 'at'],
      ['invalidRequest', 'to'],
      ['invalidRequest', 'zone'],
      ['cliWithheld', null],
    ]);
  });
});
