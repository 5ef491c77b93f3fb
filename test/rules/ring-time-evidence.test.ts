/**
 * A2.15 ring times on records that cannot show every fact: the short-ring and long-ring
 * rules say which facts they lacked ("not judged"), and judge whatever the known facts
 * settle — never a pass for a rule the records cannot decide.
 */
import { describe, expect, it } from 'vitest';
import { classify, newRecord, type CallRecord } from '../../src/internals.js';
import { dial, T0 } from '../support/calls.js';

const unanswered = (over: Partial<CallRecord>): CallRecord => ({
  ...newRecord({ ...dial('r1'), dialAt: T0 }),
  outcome: { status: 'NA', category: 'unconnected', machine: null },
  ...over,
});

const verdict = (record: CallRecord, rule: 'shortRing' | 'longRing') => {
  const c = classify(record);
  return {
    flagged: c.flags.some((f) => f.kind === rule),
    reason: (c.notJudged ?? []).find((n) => n.rule === rule)?.reason ?? null,
  };
};

describe('A2.15 ring times when the records lack facts', () => {
  it('an undetermined call: neither ring rule is judged, each giving the category’s own reason', () => {
    const record = unanswered({ outcome: null, answerAt: T0 + 8_000, hangupAt: T0 + 60_000, lastEventAt: T0 + 60_000, unknown: ['agentAt', 'messageAt', 'hangupBy'] });
    const c = classify(record);
    expect(c.category).toBe('undetermined');
    const reasons = new Map((c.notJudged ?? []).map((n) => [n.rule, n.reason]));
    expect(reasons.get('shortRing')).toBeTruthy();
    expect(reasons.get('shortRing')).toBe(reasons.get('longRing'));
    expect(reasons.get('shortRing')).toMatch(/agent-connect times/);
  });

  it('no hang-up time: both rules not judged, naming the hang-up time', () => {
    const record = unanswered({ ringingAt: T0 + 1_000, unknown: ['hangupAt', 'hangupBy'] });
    expect(verdict(record, 'shortRing').reason).toMatch(/hang-up times/);
    expect(verdict(record, 'longRing').reason).toMatch(/hang-up times/);
    expect(verdict(record, 'longRing').reason).not.toMatch(/ringing/);
  });

  it('a long ring from the dial with no ringing times or hang-up side: long ring not judged, naming both', () => {
    const record = unanswered({ hangupAt: T0 + 90_000, lastEventAt: T0 + 90_000, unknown: ['ringingAt', 'hangupBy'] });
    const v = verdict(record, 'longRing');
    expect(v.flagged).toBe(false);
    expect(v.reason).toMatch(/ringing \(alerting\) times/);
    expect(v.reason).toMatch(/who hung up/);
  });

  it('the same ring with every fact known and the caller ending it: flagged long ring', () => {
    const record = unanswered({ ringingAt: T0 + 1_000, hangupAt: T0 + 90_000, hangupBy: 'caller', lastEventAt: T0 + 90_000, unknown: [] });
    expect(verdict(record, 'longRing')).toEqual({ flagged: true, reason: null });
  });

  it('a recipient who rejected the call was not left ringing: no long ring, and nothing left unjudged', () => {
    const record = unanswered({ ringingAt: T0 + 1_000, hangupAt: T0 + 90_000, hangupBy: 'recipient', lastEventAt: T0 + 90_000, unknown: [] });
    expect(verdict(record, 'longRing')).toEqual({ flagged: false, reason: null });
  });

  it('a ring long enough measured from the dial but no ringing times: short ring not judged, saying so', () => {
    const record = unanswered({ hangupAt: T0 + 20_000, hangupBy: 'caller', lastEventAt: T0 + 20_000, unknown: ['ringingAt'] });
    const v = verdict(record, 'shortRing');
    expect(v.flagged).toBe(false);
    expect(v.reason).toMatch(/no ringing \(alerting\) times, and measured from the dial the ring was long enough/);
  });

  it('under 15 s even from the dial, the caller ending it: flagged short ring although the ringing times are unknown', () => {
    const record = unanswered({ hangupAt: T0 + 10_000, hangupBy: 'caller', lastEventAt: T0 + 10_000, unknown: ['ringingAt'] });
    expect(verdict(record, 'shortRing')).toEqual({ flagged: true, reason: null });
  });

  it('who hung up unknown on a short ring: not judged, naming who hung up', () => {
    const record = unanswered({ ringingAt: T0 + 1_000, hangupAt: T0 + 10_000, lastEventAt: T0 + 10_000, unknown: ['hangupBy'] });
    const v = verdict(record, 'shortRing');
    expect(v.flagged).toBe(false);
    expect(v.reason).toMatch(/who hung up/);
    expect(v.reason).not.toMatch(/hang-up times/);
  });
});
