/**
 * A1.25 (TPS and do-not-call lists) and the written form of the number. `isBarred` is
 * given `to` as the request wrote it (a host may look it up in its own form, E.164 say)
 * and `key`, its `numberKey` — the national form of a UK number however it is written — so
 * a list held in national form is looked up by `key`, as the guard's doc example does.
 * The example used `tps.has(to)`: a TPS number checked as `01632 960001` was dialled.
 */
import { describe, expect, it } from 'vitest';
import { createDialGuard, ofcom2017, toE164 } from '../../src/index.js';
import { request, T0 } from './helpers.js';

const FORMS = ['01632960001', '01632 960001', '+44 1632 960001', '0044 1632 960001', 'tel:+44-1632-960001', '+44 1632 960001 (home)'];

describe('guard — isBarred and the number as written (A1.25)', () => {
  it.each(FORMS)('the doc example: a number on the TPS (held as 01632960001) checked as %j is refused', (to) => {
    const tps = new Set(['01632960001']); // the TPS list, in national form
    const guard = createDialGuard(ofcom2017, { isBarred: (_to, key) => (tps.has(key) ? 'tps' : false) });
    expect(guard.check(request(T0, { to })).reasons).toEqual([{ kind: 'barred', ref: 'A1.25', detail: { list: 'tps' } }]);
    expect(guard.check(request(T0, { to: '01632 960002' })).allowed).toBe(true);
  });

  it('isBarred is given `to` exactly as written, and its numberKey', () => {
    const asked: [string, string][] = [];
    const guard = createDialGuard(ofcom2017, { isBarred: (to, key) => (asked.push([to, key]), false) });
    for (const to of FORMS) guard.check(request(T0, { to }));
    guard.check(request(T0, { to: '+1 212 555 0100', agentGuaranteed: true }));
    expect(asked).toEqual([...FORMS.map((to) => [to, '01632960001']), ['+1 212 555 0100', '12125550100']]);
  });

  it('a host that keeps its own list in E.164 may still read `to`', () => {
    const dnc = new Set(['+441632960001']);
    const guard = createDialGuard(ofcom2017, { isBarred: (to) => (dnc.has(toE164(to) ?? to) ? 'dnc' : false) });
    expect(guard.check(request(T0, { to: '01632 960001' })).reasons).toEqual([{ kind: 'barred', ref: 'A1.25', detail: { list: 'dnc' } }]);
  });
});
