/**
 * The per-call message and outcome rules on records that cannot show every fact (A1.3–A1.10,
 * A2.17–A2.19, call-recording guidance): which facts each "not judged" names, which
 * categories each rule looks at at all, and what the known facts still settle — never a
 * pass for a rule the records cannot decide, never a "not judged" for a rule the call's
 * category puts out of scope.
 */
import { describe, expect, it } from 'vitest';
import { classify, type CallRecord, type UnknownFact } from '../../src/internals.js';
import { goodMessage, T0 } from '../support/calls.js';
import { answeredRecord, dialledRecord } from '../support/records.js';

/** A call answered at T0 + 1 s, ending at T0 + 60 s, every fact known unless `over` says otherwise. */
const answered = (over: Partial<CallRecord>): CallRecord => answeredRecord('p1', over);

const RULES = ['lateMessage', 'messageContent', 'abandonedCall', 'silentCall', 'recordingNotice'] as const;
type RuleId = (typeof RULES)[number];

/** Each rule's verdict on `record`: the reason it was not judged, else whether it flagged. */
function verdicts(record: CallRecord, options?: Parameters<typeof classify>[2]) {
  const c = classify(record, undefined, options);
  const out = {} as Record<RuleId, { flagged: boolean; reason: string | null }>;
  const kinds: Record<RuleId, string> = {
    lateMessage: 'lateMessage',
    messageContent: 'messageContent',
    abandonedCall: 'abandonedCall',
    silentCall: 'silentCall',
    recordingNotice: 'recordingWithoutNotice',
  };
  for (const r of RULES) out[r] = { flagged: c.flags.some((f) => f.kind === kinds[r]), reason: (c.notJudged ?? []).find((n) => n.rule === r)?.reason ?? null };
  return { c, v: out };
}

const unknownOf = (...facts: UnknownFact[]) => ({ unknown: facts });

describe('A2.18–A2.19 message deadline when the records lack facts', () => {
  it('an AMD call with no start-of-salutation times: the deadline is not judged, naming exactly that fact', () => {
    const record = answered({
      amd: true,
      amdResult: 'human',
      amdAt: T0 + 2_500,
      messageAt: T0 + 6_000,
      hangupAt: T0 + 20_000,
      lastEventAt: T0 + 20_000,
      outcome: { status: 'DROP', category: 'abandoned', machine: null },
      ...unknownOf('salutationStartAt'),
    });
    const { c, v } = verdicts(record);
    expect(c.category).toBe('abandoned');
    expect(v.lateMessage).toEqual({ flagged: false, reason: 'the records have no start-of-salutation times' });
  });

  it('a call made without AMD does not need the start of salutation: judged from pickup, and late', () => {
    const record = answered({ messageAt: T0 + 3_500, hangupAt: T0 + 20_000, lastEventAt: T0 + 20_000, ...unknownOf('salutationStartAt') });
    const { c, v } = verdicts(record);
    expect(c.category).toBe('abandoned');
    expect(v.lateMessage).toEqual({ flagged: true, reason: null });
  });

  it('the answer, agent and message times are each needed, named in the rule’s order', () => {
    const base = { messageAt: T0 + 1_500, outcome: { status: 'DROP', category: 'abandoned' as const, machine: null } };
    expect(verdicts(answered({ ...base, ...unknownOf('messageAt') })).v.lateMessage.reason).toBe('the records have no message times');
    expect(verdicts(answered({ ...base, ...unknownOf('agentAt') })).v.lateMessage.reason).toBe('the records have no agent-connect times');
    expect(verdicts(answered({ ...base, ...unknownOf('messageAt', 'answerAt', 'agentAt') })).v.lateMessage.reason).toBe(
      'the records have no answer times or message times or agent-connect times',
    );
  });

  it('a live call whose message began after the agent: no deadline to meet, whatever its delay', () => {
    const record = answered({ agentAt: T0 + 1_500, messageAt: T0 + 9_000 });
    expect(verdicts(record).v.lateMessage).toEqual({ flagged: false, reason: null });
  });

  it('an agent and a late message in the same millisecond: the agent came first, no late message', () => {
    const record = answered({ agentAt: T0 + 4_000, messageAt: T0 + 4_000, outcome: { status: 'SALE', category: 'live', machine: null } });
    expect(verdicts(record).v.lateMessage).toEqual({ flagged: false, reason: null });
  });

  it('the flag carries the measured delay, the deadline and the moment the clock ran from', () => {
    const { c } = verdicts(answered({ messageAt: T0 + 3_500, hangupAt: T0 + 20_000, lastEventAt: T0 + 20_000 }));
    const late = c.flags.find((f) => f.kind === 'lateMessage')!;
    expect(late).toMatchObject({ at: T0 + 3_500, ref: 'A2.19', detail: { delayMs: 2_500, deadlineMs: 2_000, from: 'pickup' } });
  });
});

describe('rules out of scope for the category are neither judged nor "not judged"', () => {
  it('a silent call with no message times: no message rule says "not judged"', () => {
    const record = answered({ hangupAt: T0 + 30_000, lastEventAt: T0 + 30_000, outcome: { status: 'DEAD', category: 'silent', machine: null }, ...unknownOf('messageAt', 'agentAt') });
    const { c, v } = verdicts(record);
    expect(c.category).toBe('silent');
    expect(v.lateMessage).toEqual({ flagged: false, reason: null });
    expect(v.messageContent).toEqual({ flagged: false, reason: null });
    expect(v.silentCall.flagged).toBe(true);
  });

  it('an unconnected call with no message times: neither message rule is in play', () => {
    const record = dialledRecord('u1', { hangupAt: T0 + 20_000, hangupBy: 'caller', lastEventAt: T0 + 20_000, unknown: ['messageAt', 'agentAt'] });
    const { c, v } = verdicts(record);
    expect(c.category).toBe('unconnected');
    expect(v.lateMessage.reason).toBeNull();
    expect(v.messageContent.reason).toBeNull();
  });

  it('an answer-machine call with no message times: neither message rule is in play', () => {
    const record = answered({ outcome: { status: 'AA', category: 'answerMachine', machine: null }, ...unknownOf('messageAt', 'agentAt') });
    const { c, v } = verdicts(record);
    expect(c.category).toBe('answerMachine');
    expect(v.lateMessage.reason).toBeNull();
    expect(v.messageContent.reason).toBeNull();
  });

  it('an undetermined call: each outcome and message rule gives the category’s own reason, and none flags', () => {
    const record = answered({ ...unknownOf('agentAt', 'messageAt') });
    const { c, v } = verdicts(record);
    expect(c.category).toBe('undetermined');
    const reason = v.lateMessage.reason!;
    expect(reason).toMatch(/agent-connect times/);
    for (const r of ['lateMessage', 'messageContent', 'abandonedCall', 'silentCall'] as const) expect(v[r]).toEqual({ flagged: false, reason });
  });
});

describe('A2.17 message content when the records lack facts', () => {
  it('a live call with no message times: content not judged, naming the message times', () => {
    const record = answered({ agentAt: T0 + 1_500, outcome: { status: 'SALE', category: 'live', machine: null }, ...unknownOf('messageAt') });
    expect(verdicts(record).v.messageContent).toEqual({ flagged: false, reason: 'the records have no message times' });
  });

  it('a live call known to have had no message: nothing to judge, nothing left unjudged', () => {
    expect(verdicts(answered({ agentAt: T0 + 1_500 })).v.messageContent).toEqual({ flagged: false, reason: null });
  });

  it('an abandoned call whose described message lacks an element: flagged at the message, naming it', () => {
    const { c } = verdicts(answered({ messageAt: T0 + 1_500, messageContent: { ...goodMessage, marketing: true } }));
    expect(c.flags.find((f) => f.kind === 'messageContent')).toMatchObject({ at: T0 + 1_500, ref: 'A2.17', detail: { missing: ['noMarketing'] } });
  });

  it('a complete message on an abandoned call: judged and passed', () => {
    expect(verdicts(answered({ messageAt: T0 + 1_500, messageContent: goodMessage })).v.messageContent).toEqual({ flagged: false, reason: null });
  });
});

describe('A1.9–A1.10 abandoned and A1.3–A1.7 silent calls: where and what they cite', () => {
  it('an abandoned call is raised at its message and cites A1.9; who answered is unknown without AMD', () => {
    const { c } = verdicts(answered({ messageAt: T0 + 1_500, messageContent: goodMessage }));
    expect(c.flags.find((f) => f.kind === 'abandonedCall')).toMatchObject({ at: T0 + 1_500, ref: 'A1.9', detail: { messagePlayed: true, answeredBy: 'unknown' } });
  });

  it('an abandoned call AMD heard a person on: answered by a human', () => {
    const record = answered({ amd: true, salutationStartAt: T0 + 1_200, amdResult: 'human', amdAt: T0 + 2_000, messageAt: T0 + 2_500, messageContent: goodMessage });
    const { c } = verdicts(record);
    expect(c.flags.find((f) => f.kind === 'abandonedCall')).toMatchObject({ at: T0 + 2_500, ref: 'A1.9', detail: { messagePlayed: true, answeredBy: 'human' } });
  });

  it('hung up before the message would have played: raised at the hang-up, citing A1.10', () => {
    const { c } = verdicts(answered({ hangupAt: T0 + 1_800, lastEventAt: T0 + 1_800 }));
    expect(c.category).toBe('abandoned');
    expect(c.flags.find((f) => f.kind === 'abandonedCall')).toMatchObject({ at: T0 + 1_800, ref: 'A1.10', detail: { messagePlayed: false } });
  });

  it('a recorded abandoned call with no hang-up time: raised at the pickup; the records cannot show the message, and who answered is unknown', () => {
    const record = answered({ hangupAt: null, hangupBy: null, outcome: { status: 'DROP', category: 'abandoned', machine: null }, ...unknownOf('messageAt', 'agentAt', 'hangupAt', 'hangupBy') });
    const { c } = verdicts(record);
    expect(c.flags.find((f) => f.kind === 'abandonedCall')).toMatchObject({ at: T0 + 1_000, ref: 'A1.9', detail: { messagePlayed: null, answeredBy: 'unknown' } });
  });

  it('a recorded abandoned call with no answer or hang-up time: raised at the dial', () => {
    const record = answered({ answerAt: null, hangupAt: null, hangupBy: null, outcome: { status: 'DROP', category: 'abandoned', machine: null }, ...unknownOf('answerAt', 'messageAt', 'agentAt', 'hangupAt', 'hangupBy') });
    const { c } = verdicts(record);
    expect(c.category).toBe('abandoned');
    expect(c.flags.find((f) => f.kind === 'abandonedCall')).toMatchObject({ at: T0 });
  });

  it('dead air: a silent call at the pickup, citing A1.3, with its duration, who hung up and the CLI', () => {
    const { c } = verdicts(answered({ hangupAt: T0 + 30_000, lastEventAt: T0 + 30_000, cli: null }));
    expect(c.flags.find((f) => f.kind === 'silentCall')).toMatchObject({
      at: T0 + 1_000,
      ref: 'A1.3',
      detail: { reason: 'deadAir', durationMs: 29_000, hangupBy: 'recipient', cliWithheld: true },
    });
  });

  it('a recorded silent call with no answer or hang-up time: raised at the dial, for its recorded outcome, duration unknown, CLI presented', () => {
    const record = answered({ answerAt: null, hangupAt: null, hangupBy: null, outcome: { status: 'DEAD', category: 'silent', machine: null }, ...unknownOf('answerAt', 'hangupAt', 'hangupBy', 'messageAt', 'agentAt') });
    const { c } = verdicts(record);
    expect(c.flags.find((f) => f.kind === 'silentCall')).toMatchObject({ at: T0, ref: 'A1.3', detail: { reason: 'recordedOutcome', durationMs: null, hangupBy: null, cliWithheld: false } });
  });

  it('an agent who hung up with nothing said cites A1.7; an AMD false positive cites A1.6', () => {
    const agentHungUp = verdicts(answered({ agentAt: T0 + 1_500, hangupAt: T0 + 1_800, hangupBy: 'caller', lastEventAt: T0 + 1_800 })).c;
    expect(agentHungUp.flags.find((f) => f.kind === 'silentCall')).toMatchObject({ ref: 'A1.7', detail: { reason: 'agentHungUp' } });
    const falsePositive = verdicts(
      answered({ amd: true, salutationStartAt: T0 + 1_200, amdResult: 'machine', amdAt: T0 + 2_000, hangupAt: T0 + 2_100, hangupBy: 'caller', lastEventAt: T0 + 2_100, disposition: 'human' }),
    ).c;
    expect(falsePositive.flags.find((f) => f.kind === 'silentCall')).toMatchObject({ ref: 'A1.6', detail: { reason: 'amdFalsePositive' } });
  });
});

describe('call-recording guidance when the records lack facts', () => {
  const recorded = (over: Partial<CallRecord>) => answered({ agentAt: T0 + 1_500, recordingAt: T0 + 1_600, recordingNotice: false, ...over });

  it('no recording facts: not judged, naming them', () => {
    expect(verdicts(recorded({ recordingAt: null, recordingNotice: null, ...unknownOf('recordingAt') })).v.recordingNotice).toEqual({
      flagged: false,
      reason: 'the records have no recording facts',
    });
  });

  it('recorded without notice: flagged at the recording’s start', () => {
    const { c } = verdicts(recorded({}));
    expect(c.flags.find((f) => f.kind === 'recordingWithoutNotice')).toMatchObject({ at: T0 + 1_600, detail: { recordingAt: T0 + 1_600 } });
  });

  it('a notice given, a standing written notice, or no recording: judged and passed', () => {
    expect(verdicts(recorded({ recordingNotice: true })).v.recordingNotice).toEqual({ flagged: false, reason: null });
    expect(verdicts(recorded({}), { standingRecordingNotice: ['spring'] }).v.recordingNotice).toEqual({ flagged: false, reason: null });
    expect(verdicts(recorded({}), { standingRecordingNotice: new Set(['spring']) }).v.recordingNotice).toEqual({ flagged: false, reason: null });
    expect(verdicts(recorded({}), { standingRecordingNotice: ['autumn'] }).v.recordingNotice.flagged).toBe(true);
    expect(verdicts(recorded({ recordingAt: null, recordingNotice: null })).v.recordingNotice).toEqual({ flagged: false, reason: null });
  });

  it('a recording whose notice is not known is not judged — neither a breach nor a pass — unless the campaign has standing notice', () => {
    expect(verdicts(recorded({ recordingNotice: null })).v.recordingNotice).toEqual({ flagged: false, reason: 'the records show a recording but not whether notice was given' });
    expect(verdicts(recorded({ recordingNotice: null }), { standingRecordingNotice: ['spring'] }).v.recordingNotice).toEqual({ flagged: false, reason: null });
  });
});

describe('A1.3 silent calls: the duration needs both ends', () => {
  it('a recorded silent call with a hang-up time but no answer time: duration unknown', () => {
    const record = answered({ answerAt: null, outcome: { status: 'DEAD', category: 'silent', machine: null }, ...unknownOf('answerAt', 'messageAt', 'agentAt') });
    const { c } = verdicts(record);
    expect(c.flags.find((f) => f.kind === 'silentCall')).toMatchObject({ at: T0, detail: { durationMs: null, hangupBy: 'recipient' } });
  });
});
