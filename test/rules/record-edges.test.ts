/**
 * A2.23 records and A1.35 probes at their edges: a record both out of range and with
 * anomalies gets every flag, the out-of-range flag says which time and why; a call whose
 * hang-up time is unknown cannot be judged a probe, and one with no hang-up time is none.
 */
import { describe, expect, it } from 'vitest';
import { classify, createMisuseState, isScanningProbe, ofcom2017, type CallRecord } from '../../src/internals.js';
import { unansweredRecord } from '../support/records.js';

const unanswered = (over: Partial<CallRecord>): CallRecord => unansweredRecord('e1', over);

describe('record anomalies (A2.23)', () => {
  it('a dial time with no calendar day: flagged at the dial, the message naming the call, the time and the valid range', () => {
    const c = classify(unanswered({ dialAt: 8.64e15, ringingAt: null, hangupAt: 8.64e15, lastEventAt: 8.64e15 }));
    const f = c.flags.filter((x) => x.kind === 'recordAnomaly');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ at: 8.64e15, ref: 'A2.23', detail: { anomaly: 'timeOutOfRange', event: 'dial' } });
    expect((f[0]!.detail as { message: string }).message).toBe(
      'call e1 has dialAt 8640000000000000, which has no calendar day (valid: 0001-01-03 to 9999-12-30 UTC); it is classified but counted on no day',
    );
  });

  it('out of range and with anomalies in its events: a flag for each anomaly, then the out-of-range one', () => {
    const anomalies: CallRecord['anomalies'] = [{ kind: 'outOfOrder', event: 'answer', at: 8.64e15 + 1, detail: 'answer before an event already applied' }];
    const c = classify(unanswered({ dialAt: 8.64e15, ringingAt: null, hangupAt: 8.64e15 + 2, lastEventAt: 8.64e15 + 2, anomalies }));
    expect(c.flags.filter((x) => x.kind === 'recordAnomaly').map((x) => (x.detail as { anomaly: string }).anomaly)).toEqual(['outOfOrder', 'timeOutOfRange']);
  });
});

describe('number-scanning probes (A1.35)', () => {
  it('who hung up known, but no hang-up time: no probe', () => {
    expect(isScanningProbe(unanswered({}), ofcom2017)).toBe(true);
    expect(isScanningProbe(unanswered({ hangupAt: null }), ofcom2017)).toBe(false);
  });

  it.each([['answerAt'], ['hangupAt'], ['hangupBy']] as const)('records with no %s cannot show whether an unanswered call was a probe: not judged', (fact) => {
    const call = classify(unanswered({ unknown: [fact], outcome: { status: 'NA', category: 'unconnected', machine: null } }));
    const judged = createMisuseState(ofcom2017, { alertRate: null }).next(call).call;
    expect(judged.notJudged?.find((n) => n.rule === 'numberScanning')?.reason).toBe('the records cannot show whether an unanswered call was a probe (no hang-up facts)');
  });

  it('every hang-up fact known: judged', () => {
    const judged = createMisuseState(ofcom2017, { alertRate: null }).next(classify(unanswered({}))).call;
    expect(judged.notJudged?.find((n) => n.rule === 'numberScanning')).toBeUndefined();
  });
});
