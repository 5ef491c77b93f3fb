/**
 * An unanswered call whose records show no end — no hang-up time, nor who hung up — was
 * cut off (or closed by the host) while it rang: it may still have been answered, so it is
 * `undetermined` (README "Evidence: unknown is not absent"), never `unconnected`. A call
 * whose records say who hung up did end, unanswered: `unconnected` (A3.3).
 */
import fc from 'fast-check';
import { from, lastValueFrom, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { callRecords, classify, classified, createDialGuard, foldEvents } from '../../src/index.js';
import { dial, T0 } from '../support/calls.js';
import { unansweredRecord } from '../support/records.js';

describe('an unanswered call with no end in its records', () => {
  it('no hang-up time, nor who hung up: undetermined, saying why; no unconnected count, no ring rule judged', () => {
    const c = classify(unansweredRecord('cut', { hangupAt: null, hangupBy: null, lastEventAt: T0 + 40_000 }));
    expect(c.category).toBe('undetermined');
    expect(c.notJudged?.find((n) => n.rule === 'shortRing')?.reason).toMatch(/never hung up and was not answered/);
    expect(c.notJudged?.map((n) => n.rule)).toEqual(expect.arrayContaining(['shortRing', 'longRing']));
  });

  it('who hung up is recorded but not when: the call ended unanswered — unconnected', () => {
    expect(classify(unansweredRecord('ended', { hangupAt: null, hangupBy: 'caller' })).category).toBe('unconnected');
  });

  it('with its hang-up: unconnected, for any ring length', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4 * 3_600_000 }), (ringMs) => {
        const r = unansweredRecord('r', { hangupAt: T0 + 500 + ringMs, lastEventAt: T0 + 500 + ringMs });
        expect(classify(r).category).toBe('unconnected');
        expect(classify({ ...r, hangupAt: null, hangupBy: null }).category).toBe('undetermined');
      }),
    );
  });

  it('callRecords: a call still ringing when the stream ends, or closed by maxInFlight, is undetermined', async () => {
    const events = [
      { ...dial('a'), at: T0 },
      { type: 'ringing' as const, callId: 'a', at: T0 + 500 },
      { ...dial('b', 0, { to: '01632960002' }), at: T0 + 1_000 },
      { type: 'ringing' as const, callId: 'b', at: T0 + 1_500 },
      { type: 'hangup' as const, callId: 'b', at: T0 + 20_000, by: 'caller' as const },
    ];
    const calls = await lastValueFrom(from(events).pipe(callRecords(), classified(), toArray()));
    expect(calls.map((c) => [c.record.callId, c.category])).toEqual([
      ['b', 'unconnected'],
      ['a', 'undetermined'],
    ]);
    const capped = await lastValueFrom(from(events).pipe(callRecords({ maxInFlight: 1 }), classified(), toArray()));
    expect(capped.map((c) => [c.record.callId, c.category])).toEqual([
      ['a', 'undetermined'],
      ['b', 'unconnected'],
    ]);
  });
});

describe('an unanswered call whose hang-up came with a time that could not be read', () => {
  /** Dial, ringing, then a hang-up with no valid time: folded as an `invalidTime` anomaly, so the record has no hang-up time nor who hung up. */
  const events = [
    { ...dial('x'), at: T0 },
    { type: 'ringing' as const, callId: 'x', at: T0 + 1_000 },
    { type: 'hangup' as const, callId: 'x', at: Number.NaN, by: 'recipient' as const, cause: 'noAnswer' as const },
  ];

  it('ended unanswered: unconnected, not undetermined (only when it ended is unknown)', () => {
    const record = foldEvents(events);
    expect(record.hangupAt).toBeNull();
    expect(record.anomalies.map((a) => [a.kind, a.event])).toContainEqual(['invalidTime', 'hangup']);
    expect(classify(record).category).toBe('unconnected');
  });

  it('so the pre-dial guard does not refuse the number for 72 h after it', () => {
    const guard = createDialGuard();
    guard.record(classify(foldEvents(events)));
    const r = guard.check({ to: '01632960001', cli: '01134961000', campaignId: 'spring', at: T0 + 3_600_000, agentGuaranteed: false });
    expect(r.reasons.map((x) => x.kind)).toEqual([]);
  });
});
