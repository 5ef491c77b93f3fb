/**
 * The cross-call engine (`createMisuseState`) at its edges: what a repeat that cannot be
 * judged adds (A2.9, footnote 37), which calls count as probes (A1.35), scope flags raised
 * together (A1.21, A1.35, A3.4), calls with no calendar day, its options, and what it holds.
 */
import { describe, expect, it } from 'vitest';
import { classify, createMisuseState, definePolicy, misuseAll, ofcom2017, PolicyError, type AnyFlag, type CallRecord, type ClassifiedCall } from 'dialguard/internals';
import { callAt, HOUR, WINDOW } from './helpers.js';

const number = (i: number) => `0113 496 ${String(2000 + i)}`;
const kinds = (flags: readonly AnyFlag[]) => flags.map((f) => f.kind);
const rules = (call: ClassifiedCall) => (call.notJudged ?? []).map((n) => n.rule);

/** The call re-classified from its record with `facts` changed (e.g. facts the source could not show). */
const reclassified = (call: ClassifiedCall, facts: Partial<CallRecord>, policy = ofcom2017) => classify({ ...call.record, ...facts }, policy);

describe('repeat within 72 h (A2.9) of a call whose category is undetermined', () => {
  // No ACR alert at all (no level): `alertRate: null` under a level would list acrAlert as not judged too.
  const noAlert = definePolicy(ofcom2017, { acr: { alertRate: null } });
  const first = callAt('s1', 0, 'silent');
  const undetermined = reclassified(callAt('u1', HOUR, 'silent'), { unknown: ['agentAt', 'messageAt', 'messageContent', 'disposition'] });

  it('is listed as not judged, after the rules classify could not judge, and raises no flag', () => {
    expect(undetermined.category).toBe('undetermined');
    const [, u] = misuseAll([first, undetermined], noAlert);
    expect(rules(u!.call)).toEqual([...rules(undetermined), 'repeatWithin72h']);
    expect(u!.call.notJudged!.at(-1)).toEqual({ rule: 'repeatWithin72h', title: '72 h repeat after misuse', refs: ['A2.9', 'A2.8', 'A2.10'], reason: "the repeat call's category is undetermined" });
    expect(u!.call.flags).toEqual(undetermined.flags);
    expect(u!.raised).toEqual(undetermined.flags);
  });

  it('a call given without a notJudged list gets one: empty with a flag, the verdict alone without', () => {
    const { notJudged: _a, ...bareSilent } = callAt('s2', HOUR, 'silent');
    const [, flagged] = misuseAll([first, bareSilent], noAlert);
    expect(kinds(flagged!.call.flags).at(-1)).toBe('repeatWithin72h');
    expect(flagged!.call.notJudged).toEqual([]);
    const { notJudged: _b, ...bareUndetermined } = undetermined;
    const [, unjudged] = misuseAll([first, bareUndetermined], noAlert);
    expect(rules(unjudged!.call)).toEqual(['repeatWithin72h']);
  });
});

describe('number scanning (A1.35): which calls count', () => {
  const policy = definePolicy(ofcom2017, { scanning: { minCalls: 3, maxRingMs: 3000 } });
  const scanFlags = (updates: readonly { raised: readonly AnyFlag[] }[]) => updates.map((u) => u.raised.filter((f) => f.kind === 'numberScanning').length);

  it('a call whose recorded outcome says it was answered is no probe, even when its answer time is unknown', () => {
    const answeredByOutcome = (i: number) =>
      reclassified(callAt(`o${i}`, i * 10_000, 'probe', { to: number(i) }, policy), { unknown: ['answerAt'], outcome: { status: 'SALE', category: 'live', machine: null } }, policy);
    const calls = [0, 1, 2, 3].map(answeredByOutcome);
    expect(calls.map((c) => c.category)).toEqual(['live', 'live', 'live', 'live']);
    const updates = misuseAll(calls, policy, { alertRate: null });
    expect(scanFlags(updates)).toEqual([0, 0, 0, 0]);
    expect(updates.flatMap((u) => rules(u.call))).not.toContain('numberScanning');
  });

  it('an unanswered call with no hang-up facts is not judged as a probe, and does not count', () => {
    const unknowable = (i: number) => reclassified(callAt(`k${i}`, i * 10_000, 'probe', { to: number(i) }, policy), { unknown: ['hangupBy'] }, policy);
    const updates = misuseAll([0, 1, 2].map(unknowable), policy, { alertRate: null });
    expect(scanFlags(updates)).toEqual([0, 0, 0]);
    expect(updates[0]!.call.notJudged).toContainEqual({
      rule: 'numberScanning',
      title: 'number scanning',
      refs: ['A1.35', 'A1.36'],
      reason: 'the records cannot show whether an unanswered call was a probe (no hang-up facts)',
    });
    const noAnswerFacts = reclassified(callAt('n1', 0, 'probe', {}, policy), { unknown: ['answerAt'] }, policy);
    expect(noAnswerFacts.category).toBe('undetermined');
    expect(rules(misuseAll([noAnswerFacts], policy, { alertRate: null })[0]!.call)).toContain('numberScanning');
    const live = reclassified(callAt('l1', 0, 'live', {}, policy), { unknown: ['hangupBy'] }, policy);
    expect(rules(misuseAll([live], policy, { alertRate: null })[0]!.call)).not.toContain('numberScanning');
  });

  it('a number called again after its probe stops counting once, however often it is called again', () => {
    const at = (i: number) => i * 10_000;
    const calls = [
      callAt('x1', at(0), 'probe', { to: number(0) }, policy),
      callAt('x2', at(1), 'live', { to: number(0) }, policy), // number 0: no longer a probe-only number
      callAt('x3', at(2), 'live', { to: number(0) }, policy),
      callAt('y1', at(3), 'live', { to: number(1) }, policy), // number 1: never a probe
      callAt('y2', at(4), 'live', { to: number(1) }, policy),
      callAt('a', at(5), 'probe', { to: number(2) }, policy),
      callAt('b', at(6), 'probe', { to: number(3) }, policy),
      callAt('c', at(7), 'probe', { to: number(4) }, policy),
    ];
    expect(scanFlags(misuseAll(calls, policy, { alertRate: null }))).toEqual([0, 0, 0, 0, 0, 0, 0, 1]);
  });

  it('the scope flag follows the call\'s own flags in what it raised, nothing else', () => {
    const calls = [0, 1, 2].map((i) => callAt(`p${i}`, i * 10_000, 'probe', { to: number(i) }, policy));
    const third = misuseAll(calls, policy, { alertRate: null })[2]!;
    expect(third.raised).toEqual([...calls[2]!.flags, expect.objectContaining({ kind: 'numberScanning', callId: null })]);
  });
});

describe('scope flags raised by one call', () => {
  it('too many CLIs, number scanning and the ACR alert all come, in that order, after the call\'s own flags', () => {
    const policy = definePolicy(ofcom2017, { cli: { maxDistinctPerCampaignDay: 1 }, scanning: { minCalls: 1, maxRingMs: 3000 }, acr: { alertMinCalls: 0 } });
    const live = callAt('l1', 0, 'live', { to: number(0) }, policy);
    const abandoned = callAt('a1', 10_000, 'abandoned', { to: number(1), cli: '0300 555 0199' }, policy);
    const probe = callAt('p1', 20_000, 'probe', { to: number(2), cli: '0300 555 0199' }, policy);
    const [, second, third] = misuseAll([live, abandoned, probe], policy, { scopes: ['all'] });
    expect(kinds(second!.raised)).toEqual([...kinds(abandoned.flags), 'tooManyClis', 'acrAlert']);
    expect(kinds(third!.raised)).toEqual([...kinds(probe.flags), 'numberScanning']);
  });
});

describe('a call dialled at a time with no calendar day', () => {
  it('passes through with its own flags, judged by no cross-call rule, and moves no clock', () => {
    const state = createMisuseState(ofcom2017, { alertRate: null });
    state.next(callAt('s1', 0, 'silent'));
    const far = callAt('s2', HOUR, 'silent');
    const outOfRange: ClassifiedCall = { ...far, record: { ...far.record, dialAt: 9e15 } };
    const u = state.next(outOfRange);
    expect(u.call).toBe(outOfRange);
    expect(u.raised).toBe(outOfRange.flags);
    expect(kinds(state.next(callAt('s3', 2 * HOUR, 'silent')).call.flags)).toContain('repeatWithin72h'); // the first call is still held
    expect(state.size()).toBe(2);
  });
});

describe('what the state holds', () => {
  it('size: the silent and abandoned calls of the window plus the lateness', () => {
    const state = createMisuseState(ofcom2017, { alertRate: null, maxLatenessMs: 0 });
    expect(state.size()).toBe(0);
    state.next(callAt('s1', 0, 'silent', { to: number(1) }));
    state.next(callAt('l1', 1000, 'live', { to: number(2) }));
    state.next(callAt('a1', 2000, 'abandoned', { to: number(3) }));
    expect(state.size()).toBe(2);
    state.next(callAt('l2', WINDOW + 1000, 'live', { to: number(4) }));
    expect(state.size()).toBe(1);
  });

  it('daySize: distinct CLIs and numbers per campaign day, plus the ACR alerts raised', () => {
    const policy = definePolicy(ofcom2017, { acr: { alertMinCalls: 0 } });
    const calls = [callAt('l1', 0, 'live', { to: number(1) }, policy), callAt('a1', 1000, 'abandoned', { to: number(2), cli: '0300 555 0199' }, policy)];
    const quiet = createMisuseState(policy, { alertRate: null });
    const alerting = createMisuseState(policy, { scopes: ['all', 'campaign'] });
    for (const c of calls) {
      quiet.next(c);
      alerting.next(c);
    }
    expect(quiet.daySize()).toBe(4); // 2 CLIs + 2 numbers
    expect(alerting.daySize()).toBe(6); // and two alerts
  });
});

describe('options', () => {
  it('maxLatenessMs: 0 is allowed; below 0 is a PolicyError that says what is wanted', () => {
    expect(() => createMisuseState(ofcom2017, { maxLatenessMs: 0 })).not.toThrow();
    expect(() => createMisuseState(ofcom2017, { maxLatenessMs: -1 })).toThrow(new PolicyError('maxLatenessMs should be a duration in ms, 0 or more; received -1'));
  });

  it('alertRate: 0 and 1 are allowed (the ends of 0–1); just outside them is a PolicyError', () => {
    for (const alertRate of [0, 1, null]) expect(() => createMisuseState(ofcom2017, { alertRate })).not.toThrow();
    for (const alertRate of [-0.001, 1.001]) expect(() => createMisuseState(ofcom2017, { alertRate })).toThrow(PolicyError);
  });
});
