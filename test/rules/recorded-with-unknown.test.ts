/**
 * A fact that can only be recorded together with another is unknown when that one is
 * (README, "Evidence: unknown is not absent"): who hung up with the hang-up time; what
 * follows pickup (the agent, the message, the IVM, the salutation, the AMD verdict, the
 * disposition) with the answer time; the message's content with the message. Such a fact
 * is not read as absent — the rules that need it are not judged, never passed — unless the
 * record holds a value for it, which the source did show. One table says which follows
 * from which (`isUnknown` in `src/rules/rule.ts`).
 */
import { describe, expect, it } from 'vitest';
import { classify, isUnknown, parseCallRecord, type CallRecord } from 'dialguard/internals';

/** 10:00 on Monday 2 March 2026, London (GMT): inside calling hours. */
const T0 = Date.UTC(2026, 2, 2, 10, 0, 0);
const base = { callId: 'a', campaignId: 'spring', callCentreId: 'leeds', to: '01632960001', cli: '01134961000', agentGuaranteed: false, amd: false, messagePlanned: true, dialAt: T0 };
const CONTENT = { onBehalfOf: 'Acme', explainsAttempt: true, optOutNumber: '08001234567', marketing: false };

const notJudged = (r: CallRecord): Record<string, string> => Object.fromEntries((classify(r).notJudged ?? []).map((n) => [n.rule, n.reason]));

describe('hangupBy is recorded with hangupAt', () => {
  it('hang-up time unknown on an unanswered call: who hung up is unknown too, so the 15 s ring rule (A2.15) is not judged, naming the hang-up times', () => {
    const r = parseCallRecord({ ...base, ringingAt: T0 + 1_000, unknown: ['hangupAt'] });
    expect(isUnknown(r, 'hangupBy')).toBe(true);
    expect(classify(r).category).toBe('unconnected');
    expect(notJudged(r)).toMatchObject({ shortRing: 'the records have no hang-up times', longRing: 'the records have no hang-up times' });
    expect(classify(r).flags.map((f) => f.kind)).not.toContain('shortRing');
  });

  it('who hung up recorded although the time is not: known, and the record is accepted', () => {
    const r = parseCallRecord({ ...base, hangupBy: 'caller', unknown: ['hangupAt'] });
    expect(isUnknown(r, 'hangupBy')).toBe(false);
    expect(isUnknown(r, 'hangupAt')).toBe(true);
    expect(notJudged(r).shortRing).toBe('the records have no hang-up times');
  });
});

describe('the facts after pickup are recorded with answerAt', () => {
  it('answer time unknown, the dialler recorded an abandoned call: message content (A2.17) and IVM waits (A1.28) are not judged, naming the answer times', () => {
    const r = parseCallRecord({ ...base, hangupAt: T0 + 30_000, hangupBy: 'recipient', unknown: ['answerAt'], outcome: { status: 'DROP', category: 'abandoned' } });
    expect(classify(r).category).toBe('abandoned');
    for (const fact of ['salutationStartAt', 'amdResult', 'agentAt', 'messageAt', 'messageContent', 'ivmAgentRequestedAt', 'disposition'] as const) {
      expect(isUnknown(r, fact), fact).toBe(true);
    }
    expect(isUnknown(r, 'recordingAt')).toBe(false); // a recording may start before pickup: not recorded with it
    expect(notJudged(r)).toMatchObject({ messageContent: 'the records have no answer times', ivmWait: 'the records have no answer times' });
  });

  it('answer time unknown but the message and its content recorded: they are known, and A2.17 is judged on them', () => {
    const r = parseCallRecord({ ...base, messageAt: T0 + 8_000, messageContent: { ...CONTENT, marketing: true }, hangupAt: T0 + 30_000, hangupBy: 'caller', unknown: ['answerAt'], outcome: { status: 'DROP', category: 'abandoned' } });
    expect(isUnknown(r, 'messageAt')).toBe(false);
    expect(isUnknown(r, 'messageContent')).toBe(false);
    expect(notJudged(r).messageContent).toBeUndefined();
    expect(classify(r).flags.find((f) => f.kind === 'messageContent')?.detail).toEqual({ missing: ['noMarketing'] });
  });

  it('answer time unknown but an agent-connect time recorded: accepted, not rejected as unanswered', () => {
    const r = parseCallRecord({ ...base, agentAt: T0 + 8_000, hangupAt: T0 + 90_000, hangupBy: 'recipient', unknown: ['answerAt'] });
    expect(r.agentAt).toBe(T0 + 8_000);
    expect(isUnknown(r, 'agentAt')).toBe(false);
    expect(isUnknown(r, 'messageAt')).toBe(true);
  });

  it('message times unknown: the content is unknown too, named by the message times; with the answer time known, the other empty facts after it are absent', () => {
    const r = parseCallRecord({ ...base, answerAt: T0 + 5_000, hangupAt: T0 + 30_000, hangupBy: 'recipient', unknown: ['messageAt'], outcome: { status: 'DROP', category: 'abandoned' } });
    expect(isUnknown(r, 'messageContent')).toBe(true);
    expect(isUnknown(r, 'agentAt')).toBe(false);
    expect(isUnknown(r, 'disposition')).toBe(false);
    expect(notJudged(r).messageContent).toBe('the records have no message times');
  });
});
