/**
 * The pre-dial guard never allows a call on an unknown fact (README "Evidence: unknown is
 * not absent"): an earlier undetermined call in the 72 h window (A2.9, footnote 37), an
 * `isBarred` answer it cannot read (A1.25), a request with no CLI (A1.20) or no number, a
 * time with no calendar day (A2.11). Bad request fields are refused with a reason, never
 * a thrown TypeError, so the `guard()` operator keeps going.
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { from, lastValueFrom, toArray } from 'rxjs';
import { createDialGuard, dialGuardFromJSON, guard, ofcom2017, usTsr, type DialGuardState, type DialRequest, type GuardReason } from '../../src/index.js';
import { call, HOUR, request, T0, WINDOW } from './helpers.js';

const kinds = (reasons: readonly GuardReason[]): string[] => reasons.map((r) => r.kind);

describe('guard — an undetermined call in the repeat window (A2.9, footnote 37)', () => {
  it('refuses a redial an hour after an undetermined call, saying its outcome is unknown, until its dial + 72 h', () => {
    const g = createDialGuard(ofcom2017);
    g.record(call('u1', T0, 'undetermined', { answeredBy: 'unknown' }));
    const d = g.check(request(T0 + HOUR));
    expect(d.allowed).toBe(false);
    expect(d.reasons).toEqual([
      {
        kind: 'repeatAfterUndetermined',
        ref: 'A2.9',
        until: T0 + WINDOW,
        detail: { previousCallId: 'u1', previousAt: T0, previousCategory: 'undetermined', windowMs: WINDOW, why: expect.stringMatching(/undetermined category: it may have been misuse/) },
      },
    ]);
    expect(d.retryAt).toBe(T0 + WINDOW); // 10:00 on a weekday: inside calling hours
    expect(g.check(request(T0 + HOUR, { agentGuaranteed: true })).allowed).toBe(true);
    expect(g.check(request(T0 + HOUR, { to: '01632960002' })).allowed).toBe(true);
  });

  it('a live call is not remembered; a policy with no repeat window never refuses for it', () => {
    const g = createDialGuard(ofcom2017);
    g.record(call('l1', T0, 'live'));
    expect(g.check(request(T0 + HOUR)).allowed).toBe(true);
    const us = createDialGuard(usTsr);
    us.record(call('u1', T0, 'undetermined', { answeredBy: 'unknown' }));
    expect(kinds(us.check(request(T0 + HOUR)).reasons)).not.toContain('repeatAfterUndetermined');
  });

  it('with both a silent and a later undetermined call, both are cited and retryAt waits for the later', () => {
    const g = createDialGuard(ofcom2017);
    g.record(call('s1', T0, 'silent'));
    g.record(call('u1', T0 + 2 * HOUR, 'undetermined', { answeredBy: 'unknown' }));
    const d = g.check(request(T0 + 3 * HOUR));
    expect(kinds(d.reasons)).toEqual(['repeatWithin72h', 'repeatAfterUndetermined']);
    expect(d.retryAt).toBe(T0 + 2 * HOUR + WINDOW);
  });

  it('(property) refused exactly while the gap is under 72 h: 72:00:00.000 later is allowed', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: 0, max: 2 * WINDOW }), fc.constantFrom(0, WINDOW - 1, WINDOW, WINDOW + 1)), (gap) => {
        const g = createDialGuard(ofcom2017);
        g.record(call('u1', T0, 'undetermined', { answeredBy: 'unknown' }));
        const d = g.check(request(T0 + gap, { zone: 'UTC', ...{} }));
        expect(kinds(d.reasons).includes('repeatAfterUndetermined')).toBe(gap < WINDOW);
      }),
    );
  });

  it('round-trips through toJSON / dialGuardFromJSON, and a state saved before (silent and abandoned only) still loads', () => {
    const g = createDialGuard(ofcom2017);
    g.record(call('u1', T0, 'undetermined', { answeredBy: 'unknown' }));
    g.record(call('a1', T0 + HOUR, 'abandoned', { to: '01632960002' }));
    const state = g.toJSON();
    expect(state.calls).toEqual([
      ['01632960001', 'u1', T0, 'undetermined'],
      ['01632960002', 'a1', T0 + HOUR, 'abandoned'],
    ]);
    const restored = dialGuardFromJSON(JSON.stringify(g));
    expect(restored.toJSON()).toEqual(state);
    expect(restored.check(request(T0 + 2 * HOUR))).toEqual(g.check(request(T0 + 2 * HOUR)));
    const old: DialGuardState = { version: 1, policyId: 'ofcom2017', latest: T0, calls: [['01632960001', 's1', T0, 'silent']] };
    expect(kinds(createDialGuard(ofcom2017, { state: old }).check(request(T0 + HOUR)).reasons)).toEqual(['repeatWithin72h']);
  });
});

describe('guard — an isBarred answer it cannot read (A1.25)', () => {
  it.each([
    ['a Promise', () => Promise.resolve(false), 'a Promise (isBarred must answer synchronously)'],
    ["'TPS'", () => 'TPS', '"TPS"'],
    ['undefined', () => undefined, 'undefined'],
    ['null', () => null, 'null'],
    ['1', () => 1, '1'],
  ])('%s refuses as barredUnknown', (_name, answer, received) => {
    const g = createDialGuard(ofcom2017, { isBarred: answer as unknown as (to: string) => boolean });
    const d = g.check(request(T0));
    expect(d.allowed).toBe(false);
    expect(d.reasons).toEqual([{ kind: 'barredUnknown', ref: 'A1.25', detail: { received } }]);
    expect(d).not.toHaveProperty('retryAt');
  });

  it('false allows; true, tps and dnc refuse as barred', () => {
    expect(createDialGuard(ofcom2017, { isBarred: () => false }).check(request(T0)).allowed).toBe(true);
    for (const [answer, list] of [[true, 'unspecified'], ['tps', 'tps'], ['dnc', 'dnc']] as const) {
      expect(createDialGuard(ofcom2017, { isBarred: () => answer }).check(request(T0)).reasons).toEqual([{ kind: 'barred', ref: 'A1.25', detail: { list } }]);
    }
  });
});

describe('guard — requests from JavaScript or JSON hosts with fields missing', () => {
  const { cli: _cli, ...noCli } = request(T0);
  const { to: _to, ...noTo } = request(T0);

  it('a request with no cli field is refused as cliWithheld on a fresh guard, and on every later check (A1.20)', () => {
    const g = createDialGuard(ofcom2017);
    for (let i = 0; i < 3; i++) {
      const d = g.check(noCli as unknown as DialRequest);
      expect(d.allowed).toBe(false);
      expect(d.reasons).toEqual([{ kind: 'cliWithheld', ref: 'A1.20', detail: { cli: null } }]);
      expect(g.check(request(T0)).allowed).toBe(true);
    }
    expect(kinds(g.check({ ...request(T0), cli: 441134961999 as unknown as string }).reasons)).toEqual(['cliWithheld']);
  });

  it('a request with no to field is refused as invalidRequest naming to, not a TypeError', () => {
    const g = createDialGuard(ofcom2017, { isBarred: () => false });
    g.record(call('s1', T0, 'silent'));
    const d = g.check(noTo as unknown as DialRequest);
    expect(d.allowed).toBe(false);
    expect(d.reasons).toEqual([{ kind: 'invalidRequest', ref: 'A2.9', detail: { field: 'to', expected: 'the number to call, a string', received: 'undefined' } }]);
    expect(g.check(null as unknown as DialRequest).reasons).toEqual([expect.objectContaining({ kind: 'invalidRequest', detail: expect.objectContaining({ field: '' }) })]);
    expect(g.check({ ...request(T0 + HOUR), zone: 5 as unknown as string }).reasons.map((r) => r.kind)).toEqual(['invalidRequest', 'repeatWithin72h']);
  });

  it('the guard() operator refuses the bad requests and passes the dials after them', async () => {
    const g = createDialGuard(ofcom2017);
    const refused: string[][] = [];
    const requests = [request(T0, { to: '01632960010' }), noCli, noTo, null, request(T0 + 1000, { to: '01632960011' })] as unknown as DialRequest[];
    const passed = await lastValueFrom(from(requests).pipe(guard(g, { onRefused: (r) => refused.push(kinds(r.reasons)) }), toArray()));
    expect(passed.map((r) => r.to)).toEqual(['01632960010', '01632960011']);
    expect(refused).toEqual([['cliWithheld'], ['invalidRequest'], ['invalidRequest']]);
  });

  it('(property) any object as a request gets an answer, never a throw', () => {
    fc.assert(
      fc.property(fc.record({ to: fc.anything(), cli: fc.anything(), at: fc.anything(), agentGuaranteed: fc.anything(), zone: fc.anything() }, { requiredKeys: [] }), (r) => {
        const g = createDialGuard(ofcom2017, { isBarred: () => false });
        const d = g.check(r as unknown as DialRequest);
        expect(typeof d.allowed).toBe('boolean');
        if (typeof r.to !== 'string' || typeof r.cli !== 'string') expect(d.allowed).toBe(false);
      }),
    );
  });
});

describe('guard — a time with no calendar day (A2.11, A2.9)', () => {
  it.each([Number.NaN, Number.POSITIVE_INFINITY, -Infinity, 1e300, '2026-11-23'])('%s is refused as invalidRequest naming the time, never unknownZone', (at) => {
    const g = createDialGuard(ofcom2017);
    const d = g.check(request(at as number));
    expect(d.allowed).toBe(false);
    expect(d.reasons).toEqual([{ kind: 'invalidRequest', ref: 'A2.11', detail: expect.objectContaining({ field: 'at', received: typeof at === 'string' ? JSON.stringify(at) : String(at) }) }]);
    expect(d).not.toHaveProperty('retryAt');
  });
});

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

describe('guard — the CLI cache holds no long CLIs (hostile input)', () => {
  it('3,000 distinct 10,000-character CLIs leave < 6 MB behind (cached, they would hold 30 MB)', () => {
    const g = createDialGuard(ofcom2017);
    const pad = '1'.repeat(10_000);
    gc();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < 3_000; i++) g.check(request(T0, { cli: Buffer.from(`0113${i}${pad}`).toString('latin1') }));
    g.check(request(T0)); // the one-entry cache lets go of the last long CLI
    gc();
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(6_000_000);
    // Short CLIs are still judged the same, cached or not.
    expect(kinds(g.check(request(T0, { cli: 'not a number' })).reasons)).toEqual(['cliInvalid']);
    expect(g.check(request(T0, { cli: `0113${'1'.repeat(40)}` })).allowed).toBe(false);
    expect(kinds(g.check(request(T0, { cli: `0113 496 1999${' '.repeat(40)}` })).reasons)).toEqual(kinds(g.check(request(T0, { cli: '0113 496 1999' })).reasons));
  });
});
