/**
 * Calls the cross-call rules can no longer judge are said to be not judged, never passed.
 * - A2.9: the repeat history holds calls back to the latest dial − 72 h − `maxLatenessMs`; a
 *   silent or abandoned call dialled more than the lateness before the latest dial seen may
 *   have lost the calls it should be compared with. With none found, it is not judged.
 * - A1.21, A1.35, A3.4: day state is held for the latest day and the day before; a call
 *   dated earlier is counted by none of them, and each says so on the call.
 * The cause in practice: a record with a wrong far-future dial time, or files joined out of order.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { audit, createMisuseState, ofcom2017, usTsr, type ClassifiedCall } from '../../src/index.js';
import { callAt, DAY, HOUR, WINDOW } from './helpers.js';

const X = '0113 496 4401';
const M = 60_000;
const ruleIds = (call: ClassifiedCall): string[] => (call.notJudged ?? []).map((n) => n.rule);
const notJudgedOn = (call: ClassifiedCall, rule: string) => (call.notJudged ?? []).find((n) => n.rule === rule);

describe('calls too late for the cross-call rules are not judged, not passed', () => {
  it('after one call wrongly dated 30 days ahead, a silent repeat within 72 h is not judged (A2.9), and its day rules say their day is not held', () => {
    const state = createMisuseState(ofcom2017);
    state.next(callAt('glitch', 30 * DAY, 'live', { to: '0113 496 4402' }));
    state.next(callAt('s1', 0, 'silent', { to: X }));
    const second = state.next(callAt('s2', 2 * HOUR, 'silent', { to: X })).call;
    expect(second.flags.map((f) => f.kind)).not.toContain('repeatWithin72h');
    expect(notJudgedOn(second, 'repeatWithin72h')?.reason).toMatch(/maxLatenessMs/);
    expect(ruleIds(second)).toEqual(['repeatWithin72h', 'tooManyClis', 'numberScanning', 'acrAlert']);
    for (const rule of ['tooManyClis', 'numberScanning', 'acrAlert']) expect(notJudgedOn(second, rule)?.reason).toMatch(/no longer held/);
  });

  it('audit(): the report counts those calls as not judged for each rule', () => {
    const records = [callAt('glitch', 30 * DAY, 'live', { to: '0113 496 4402' }), callAt('s1', 0, 'silent', { to: X }), callAt('s2', 2 * HOUR, 'silent', { to: X })].map((c) => c.record);
    const result = audit(records);
    expect(result.flagCounts.repeatWithin72h).toBeUndefined();
    const coverage = new Map(result.report.coverage.rules.map((r) => [r.rule, r.notJudged]));
    expect(coverage.get('repeatWithin72h')).toBe(2);
    expect(coverage.get('numberScanning')).toBe(2);
    expect(coverage.get('tooManyClis')).toBe(2);
  });

  it('a repeat the history still holds is flagged even when the call is late: what is held is never wrong', () => {
    const state = createMisuseState(ofcom2017);
    state.next(callAt('s1', 0, 'silent', { to: X }));
    state.next(callAt('later', 3 * HOUR, 'live', { to: '0113 496 4403' }));
    const late = state.next(callAt('s2', HOUR, 'silent', { to: X })).call; // 2 h behind the latest dial
    expect(late.flags.map((f) => f.kind)).toContain('repeatWithin72h');
    expect(ruleIds(late)).not.toContain('repeatWithin72h');
  });

  it('a late call the rule could not flag is not marked: live, agent guaranteed, or under a policy with no repeat window', () => {
    const at = (callId: string, outcome: 'live' | 'silent', over = {}, policy = ofcom2017) => {
      const state = createMisuseState(policy);
      state.next(callAt('later', 3 * HOUR, 'live', { to: '0113 496 4404' }, policy));
      return state.next(callAt(callId, 0, outcome, { to: X, ...over }, policy)).call;
    };
    expect(ruleIds(at('live', 'live'))).not.toContain('repeatWithin72h');
    expect(ruleIds(at('guaranteed', 'silent', { agentGuaranteed: true }))).not.toContain('repeatWithin72h');
    expect(ruleIds(at('us', 'silent', {}, usTsr))).not.toContain('repeatWithin72h');
    expect(ruleIds(at('silent', 'silent'))).toContain('repeatWithin72h');
  });

  it('a call on the day before the latest is still counted by the day rules: nothing marked', () => {
    const state = createMisuseState(ofcom2017);
    state.next(callAt('today', DAY, 'live', { to: '0113 496 4405' }));
    const yesterday = state.next(callAt('y', 10 * M, 'live', { to: X })).call; // 10:10 the day before: also late for A2.9, but live
    expect(ruleIds(yesterday)).toEqual([]);
  });

  it('maxLatenessMs sets the line: exactly the lateness behind the latest dial is judged; 1 ms more, with no repeat found, is not', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 * HOUR }), fc.integer({ min: -2, max: 2 }), fc.integer({ min: 0, max: 5 * HOUR }), (lateness, nudge, ahead) => {
        const state = createMisuseState(ofcom2017, { maxLatenessMs: lateness, alertRate: null });
        const latest = DAY / 2 + ahead;
        state.next(callAt('latest', latest, 'live', { to: '0113 496 4406' }));
        const at = latest - lateness + nudge; // nudge < 0: more than the lateness behind
        const call = state.next(callAt('s', at, 'silent', { to: X })).call;
        expect(ruleIds(call).includes('repeatWithin72h')).toBe(nudge < 0);
      }),
      { numRuns: 300 },
    );
  });

  it('a silent call just inside the lateness still finds a silent call 72 h − 1 ms before it (the history keeps window + lateness)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 * HOUR }), (behind) => {
        const state = createMisuseState(ofcom2017, { maxLatenessMs: 2 * HOUR, alertRate: null });
        const at = WINDOW + 3 * HOUR;
        state.next(callAt('first', at - WINDOW + 1, 'silent', { to: X }));
        state.next(callAt('latest', at + behind, 'live', { to: '0113 496 4407' }));
        const repeat = state.next(callAt('repeat', at, 'silent', { to: X })).call;
        expect(repeat.flags.map((f) => f.kind)).toContain('repeatWithin72h');
        expect(ruleIds(repeat)).not.toContain('repeatWithin72h');
      }),
      { numRuns: 200 },
    );
  });
});
