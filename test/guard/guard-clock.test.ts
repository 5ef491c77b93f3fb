/**
 * The guard's clock (A2.9): only `record()` moves it; a check for a time days ahead never
 * makes the guard forget a silent or abandoned call. A record dated far ahead (2099) does
 * move it — memory stays bounded — and then the history cannot show the answer for a check
 * at the real time: refused as `historyIncomplete`, never allowed, unless an agent is
 * guaranteed.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createDialGuard, ofcom2017 } from '../../src/index.js';
import { call, DAY, HOUR, request, T0, WINDOW } from './helpers.js';

describe('guard — a check does not move the clock (A2.9)', () => {
  it('a check 4 days ahead leaves a redial 1 h after a silent call refused, and the state unchanged', () => {
    const g = createDialGuard(ofcom2017);
    g.record(call('s1', T0, 'silent'));
    const before = g.toJSON();
    expect(g.check(request(T0 + 4 * DAY, { to: '01632960099' })).allowed).toBe(true);
    expect(g.toJSON()).toEqual(before);
    expect(g.check(request(T0 + HOUR + 1000)).reasons.map((r) => r.kind)).toEqual(['repeatWithin72h']);
  });

  it('(property) any sequence of checks changes neither the state nor a later answer', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -10 * DAY, max: 400 * DAY }), { maxLength: 6 }), fc.integer({ min: 0, max: WINDOW + HOUR }), (checks, later) => {
        const plain = createDialGuard(ofcom2017);
        const checked = createDialGuard(ofcom2017);
        for (const g of [plain, checked]) g.record(call('a1', T0, 'abandoned'));
        for (const at of checks) checked.check(request(T0 + at));
        expect(checked.toJSON()).toEqual(plain.toJSON());
        expect(checked.check(request(T0 + later))).toEqual(plain.check(request(T0 + later)));
      }),
    );
  });
});

describe('guard — a record dated far ahead (A2.9)', () => {
  const FAR = Date.UTC(2099, 0, 5, 10);

  it('a live call recorded in 2099: a redial 1 h after a silent call is refused as historyIncomplete; memory stays bounded', () => {
    const g = createDialGuard(ofcom2017);
    g.record(call('s1', T0, 'silent'));
    g.record(call('bad', FAR, 'live', { to: '01632960099' }));
    expect(g.size()).toBe(0); // forgotten: the memory bound holds
    const d = g.check(request(T0 + HOUR));
    expect(d.allowed).toBe(false);
    expect(d.reasons).toEqual([{ kind: 'historyIncomplete', ref: 'A2.9', detail: { latest: FAR, maxLatenessMs: HOUR, why: expect.stringContaining('maxLatenessMs') } }]);
    expect(d).not.toHaveProperty('retryAt');
    // Any number, not only the one with the silent call: the history cannot show any of them.
    expect(g.check(request(T0 + HOUR, { to: '01632960002' })).allowed).toBe(false);
    // A guaranteed agent needs no history (A2.9).
    expect(g.check(request(T0 + HOUR, { agentGuaranteed: true })).allowed).toBe(true);
  });

  it('(property) covered exactly when the check is no more than maxLatenessMs behind the latest recorded dial', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: 0, max: 3 * HOUR }), fc.constantFrom(HOUR - 1, HOUR, HOUR + 1)), (behind) => {
        const g = createDialGuard(ofcom2017, { maxLatenessMs: HOUR });
        g.record(call('l1', T0 + 10 * DAY, 'live', { to: '01632960099' }));
        const d = g.check(request(T0 + 10 * DAY - behind));
        expect(d.reasons.some((r) => r.kind === 'historyIncomplete')).toBe(behind > HOUR);
      }),
    );
  });

  it('a repeat still held is cited as repeatWithin72h, not historyIncomplete', () => {
    const g = createDialGuard(ofcom2017, { maxLatenessMs: HOUR });
    g.record(call('a1', T0, 'abandoned'));
    g.record(call('l1', T0 + 3 * HOUR, 'live', { to: '01632960099' }));
    expect(g.check(request(T0 + HOUR)).reasons.map((r) => r.kind)).toEqual(['repeatWithin72h']);
  });
});
