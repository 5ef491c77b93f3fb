/**
 * A2.19 under a policy with a connection deadline (US TSR 16 CFR 310.4(b)(4)(iii), FCC 47
 * CFR 64.1200(a)(7)(i), CRTC): when no agent came within 2 s, the recorded message must
 * play. A person-answered call with neither — dead air, a cut-off by the calling side, an
 * AMD false positive, an agent too late — raises `messageMissing` at the deadline; never
 * under Ofcom, where such a call is silent (A1.3) or the recipient hung up before the
 * message was due (footnote 9, A1.10). Through the public API.
 */
import { from, lastValueFrom, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import {
  callRecords,
  canadaCrtc,
  classified,
  classify,
  definePolicy,
  FLAG_KIND_INFO,
  foldEvents,
  ofcom2010,
  ofcom2017,
  report,
  RULES,
  usFcc,
  usTsr,
  type CallRecord,
  type ClassifiedCall,
  type LiveDeadlineNotice,
  type Policy,
} from '../../src/index.js';
import { callEvents, T0 } from '../support/calls.js';
import { answeredRecord } from '../support/records.js';

type Steps = Parameters<typeof callEvents>[1];

/** Answered at 5 s (no greeting reported: the TSR clock falls back to pickup), so the message is due at 7 s. */
const ANSWER = 5_000;
const DUE = ANSWER + 2_000;
const rec = (steps: Steps, over: Parameters<typeof callEvents>[2] = {}): CallRecord => foldEvents(callEvents('m1', [['ringing', 100], ['answer', ANSWER], ...steps], over));
/** The outcome and message flags (T0 is 05:00 in New York: the TSR's calling hours are not what these tests look at). */
const kinds = (c: ClassifiedCall): string[] => c.flags.map((f) => f.kind).filter((k) => k !== 'unsociableHours');
const missingOf = (c: ClassifiedCall) => c.flags.find((f) => f.kind === 'messageMissing');
const notJudgedReason = (c: ClassifiedCall): string | null => (c.notJudged ?? []).find((n) => n.rule === 'messageMissing')?.reason ?? null;

describe('messageMissing under the US TSR (16 CFR 310.4(b)(4)(iii))', () => {
  it('dead air past the deadline: abandoned, and the message was missing — flagged at the deadline, with the clock and who ended it', () => {
    const c = classify(rec([['hangup', 20_000, 'recipient']]), usTsr);
    expect(c.category).toBe('abandoned');
    expect(kinds(c)).toEqual(['abandonedCall', 'messageMissing']);
    expect(missingOf(c)).toEqual({
      kind: 'messageMissing',
      callId: 'm1',
      at: T0 + DUE,
      ref: 'A2.19',
      detail: { deadlineMs: 2_000, from: 'pickup', hangupBy: 'recipient', hangupAfterMs: 15_000, agentAfterMs: null },
    });
    expect(c.notJudged).toEqual([]);
  });

  it('the clock runs from the completed greeting, as the TSR’s: due 2 s after the end of salutation', () => {
    const c = classify(rec([['salutation', 5_500, 'start'], ['salutation', 7_500, 'end'], ['hangup', 9_600, 'caller']]), usTsr);
    expect(missingOf(c)).toMatchObject({ at: T0 + 9_500, detail: { from: 'salutationEnd', hangupBy: 'caller', hangupAfterMs: 2_100 } });
    // Hung up by the recipient at exactly 2.000 s after the greeting: not yet owed.
    expect(missingOf(classify(rec([['salutation', 5_500, 'start'], ['salutation', 7_500, 'end'], ['hangup', 9_500, 'recipient']]), usTsr))).toBeUndefined();
  });

  it('an AMD false positive: the dialler dropped a person without the message — flagged, whether it dropped them before the deadline or after', () => {
    const early = classify(rec([['amd', 6_000, 'machine'], ['hangup', 6_100, 'caller'], ['disposition', 9_000, 'human']], { amd: true }), usTsr);
    expect(early.category).toBe('abandoned');
    expect(missingOf(early)).toMatchObject({ at: T0 + DUE, detail: { hangupBy: 'caller', hangupAfterMs: 1_100, agentAfterMs: null } });
    const late = classify(rec([['amd', 8_000, 'machine'], ['hangup', 8_100, 'caller'], ['disposition', 9_000, 'human']], { amd: true }), usTsr);
    expect(missingOf(late)).toMatchObject({ at: T0 + DUE, detail: { hangupBy: 'caller', hangupAfterMs: 3_100 } });
  });

  it('cut off by the calling side (or the network) within the deadline: flagged — hanging up on a person is no message', () => {
    expect(missingOf(classify(rec([['hangup', 6_000, 'caller']]), usTsr))).toMatchObject({ at: T0 + DUE, detail: { hangupBy: 'caller', hangupAfterMs: 1_000 } });
    expect(missingOf(classify(rec([['hangup', 5_000, 'caller']]), usTsr))).toMatchObject({ detail: { hangupAfterMs: 0 } }); // at pickup
    expect(missingOf(classify(rec([['hangup', 6_000, 'network']]), usTsr))).toMatchObject({ detail: { hangupBy: 'network' } });
  });

  it('the recipient hung up at exactly the deadline: not yet owed, no flag; at 2.001 s they had dead air: flagged', () => {
    const atDeadline = classify(rec([['hangup', DUE, 'recipient']]), usTsr);
    expect(atDeadline.category).toBe('abandoned'); // footnote 9: a message was planned
    expect(kinds(atDeadline)).toEqual(['abandonedCall']);
    expect(notJudgedReason(atDeadline)).toBeNull();
    expect(kinds(classify(rec([['hangup', DUE, 'recipient']], { messagePlanned: false }), usTsr))).toEqual(['silentCall']);
    expect(missingOf(classify(rec([['hangup', DUE + 1, 'recipient']]), usTsr))).toMatchObject({ detail: { hangupAfterMs: 2_001 } });
  });

  it('a message at exactly 2.000 s is on time: neither flag; at 2.001 s it is late: lateMessage only', () => {
    const onTime = classify(rec([['message', DUE], ['hangup', 20_000, 'caller']]), usTsr);
    expect(kinds(onTime)).toEqual(['abandonedCall']);
    const late = classify(rec([['message', DUE + 1], ['hangup', 20_000, 'caller']]), usTsr);
    expect(kinds(late)).toEqual(['abandonedCall', 'lateMessage']);
    expect(late.flags[1]).toMatchObject({ detail: { delayMs: 2_001, deadlineMs: 2_000, from: 'pickup' } });
  });

  it('an agent at 1.9 s: live, nothing owed; at exactly 2.000 s too', () => {
    for (const at of [ANSWER + 1_900, DUE]) {
      const c = classify(rec([['agent', at], ['hangup', 60_000, 'recipient']]), usTsr);
      expect(c.category).toBe('live');
      expect(kinds(c)).toEqual([]);
    }
  });

  it('an agent at 5 s with no message before: abandoned and the message missing, with when the agent came', () => {
    const c = classify(rec([['agent', ANSWER + 5_000], ['hangup', 60_000, 'recipient']]), usTsr);
    expect(c.category).toBe('abandoned');
    expect(kinds(c)).toEqual(['abandonedCall', 'messageMissing']);
    expect(missingOf(c)).toMatchObject({ at: T0 + DUE, detail: { agentAfterMs: 5_000, hangupBy: 'recipient', hangupAfterMs: 55_000 } });
    // A message only once the agent had taken the call is no safe-harbour message.
    const after = classify(rec([['agent', ANSWER + 5_000], ['message', ANSWER + 5_500], ['hangup', 60_000, 'recipient']]), usTsr);
    expect(kinds(after)).toEqual(['abandonedCall', 'messageMissing']);
    // A message by the deadline, then the agent too late: the message played, nothing missing.
    const before = classify(rec([['message', ANSWER + 1_500], ['agent', ANSWER + 5_000], ['hangup', 60_000, 'recipient']]), usTsr);
    expect(kinds(before)).toEqual(['abandonedCall']);
  });

  it('an IVM prompt by the deadline is the message (footnote 44): no flag', () => {
    const c = classify(answeredRecord('i1', { ivmAgentRequestedAt: T0 + 2_500, hangupAt: T0 + 60_000, lastEventAt: T0 + 60_000 }), usTsr);
    expect(c.category).toBe('abandoned');
    expect(kinds(c)).not.toContain('messageMissing');
    expect(notJudgedReason(c)).toBeNull();
  });

  it('the FCC and the CRTC too: dead air raises it', () => {
    for (const p of [usFcc, canadaCrtc]) expect(kinds(classify(rec([['hangup', 20_000, 'recipient']]), p))).toContain('messageMissing');
  });
});

describe('messageMissing never fires under Ofcom', () => {
  it('Ofcom 2017 and 2010 dead air: silentCall, no messageMissing, and the rule is not listed as not judged', () => {
    for (const p of [ofcom2017, ofcom2010]) {
      const c = classify(rec([['hangup', 20_000, 'recipient']]), p);
      expect(c.category).toBe('silent');
      expect(kinds(c)).toEqual(['silentCall']);
      expect(notJudgedReason(c)).toBeNull();
    }
  });

  it('an Ofcom abandoned call with nothing played (the recipient hung up before the message was due): no flag', () => {
    const c = classify(rec([['hangup', 6_000, 'recipient']]), ofcom2017);
    expect(c.category).toBe('abandoned');
    expect(kinds(c)).toEqual(['abandonedCall']);
  });

  it('it follows the policy’s data, not its name: a connection deadline switches it on, none switches it off', () => {
    const deadAir = rec([['hangup', 20_000, 'recipient']]);
    expect(kinds(classify(deadAir, definePolicy(ofcom2017, { connection: { deadlineMs: 2_000 } })))).toEqual(['abandonedCall', 'messageMissing']);
    expect(kinds(classify(deadAir, definePolicy(usTsr, { connection: { deadlineMs: null } })))).toEqual(['silentCall']);
  });

  it('an agent by the message deadline but after a shorter connection deadline: abandoned, yet a representative came before the message was due — no flag', () => {
    const quick = definePolicy(usTsr, { connection: { deadlineMs: 1_000 } });
    const c = classify(rec([['agent', ANSWER + 1_500], ['hangup', 60_000, 'recipient']]), quick);
    expect(c.category).toBe('abandoned');
    expect(kinds(c)).toEqual(['abandonedCall']);
    expect(kinds(classify(rec([['agent', DUE + 1], ['hangup', 60_000, 'recipient']]), quick))).toEqual(['abandonedCall', 'messageMissing']);
  });

  it('the flag kind: A2.19, from the rule listed in RULES; not a form of misuse (the call is counted abandoned already)', () => {
    expect(RULES.filter((r) => 'messageMissing' in r.flags).map((r) => r.id)).toEqual(['messageMissing']);
    expect(FLAG_KIND_INFO.messageMissing).toEqual({ ref: 'A2.19', title: 'no information message when no agent came in time' });
  });
});

describe('messageMissing when the records cannot show a fact: not judged, never passed', () => {
  const deadAir = (over: Partial<CallRecord>) => answeredRecord('u1', { hangupAt: T0 + 20_000, lastEventAt: T0 + 20_000, ...over });

  it('no message times: not judged (abandoned by the dialler’s word), or undetermined without one', () => {
    const recorded = classify(deadAir({ unknown: ['messageAt'], outcome: { status: 'DROP', category: 'abandoned', machine: null } }), usTsr);
    expect(recorded.category).toBe('abandoned');
    expect(kinds(recorded)).not.toContain('messageMissing');
    expect(notJudgedReason(recorded)).toBe('the records have no message times');
    const undetermined = classify(deadAir({ unknown: ['messageAt'] }), usTsr);
    expect(undetermined.category).toBe('undetermined');
    expect(notJudgedReason(undetermined)).toBe('the records have no message times');
  });

  it('no agent-connect or answer times: not judged, naming them', () => {
    const outcome = { status: 'DROP', category: 'abandoned', machine: null } as const;
    expect(notJudgedReason(classify(deadAir({ unknown: ['agentAt'], outcome }), usTsr))).toBe('the records have no agent-connect times');
    expect(notJudgedReason(classify(deadAir({ unknown: ['answerAt'], outcome }), usTsr))).toBe('the records have no answer times');
  });

  it('no IVM facts: a prompt may have spoken by the deadline — not judged; the rest known, it would have been flagged', () => {
    const c = classify(deadAir({ unknown: ['ivmAgentRequestedAt'] }), usTsr);
    expect(c.category).toBe('abandoned');
    expect(kinds(c)).not.toContain('messageMissing');
    expect(notJudgedReason(c)).toBe('the records have no IVM facts');
    // The recipient hung up within the deadline: not owed whatever the IVM did, so judged.
    const early = classify(deadAir({ unknown: ['ivmAgentRequestedAt'], hangupAt: T0 + 2_000, lastEventAt: T0 + 2_000 }), usTsr);
    expect(notJudgedReason(early)).toBeNull();
    expect(kinds(early)).not.toContain('messageMissing');
  });

  it('no hang-up times, or who hung up within the deadline: not judged', () => {
    const outcome = { status: 'DROP', category: 'abandoned', machine: null } as const;
    expect(notJudgedReason(classify(deadAir({ hangupAt: null, hangupBy: null, unknown: ['hangupAt'], outcome }), usTsr))).toBe('the records have no hang-up times');
    const early = deadAir({ hangupAt: T0 + 2_000, hangupBy: null, lastEventAt: T0 + 2_000, unknown: ['hangupBy'], outcome });
    expect(notJudgedReason(classify(early, usTsr))).toBe('the records have no who hung up');
    // Who hung up is not needed when the call was up past the deadline.
    expect(kinds(classify({ ...early, hangupAt: T0 + 20_000, lastEventAt: T0 + 20_000 }, usTsr))).toContain('messageMissing');
  });

  it('a call that never hung up, seen only up to the deadline: undetermined, or not judged under a recorded outcome — never flagged on a guess', () => {
    const open = deadAir({ hangupAt: null, hangupBy: null, lastEventAt: T0 + 3_000 });
    const c = classify(open, usTsr);
    expect(c.category).toBe('undetermined');
    expect(notJudgedReason(c)).toMatch(/never hung up/);
    const recorded = classify({ ...open, outcome: { status: 'DROP', category: 'abandoned', machine: null } }, usTsr);
    expect(recorded.category).toBe('abandoned');
    expect(notJudgedReason(recorded)).toMatch(/never hung up and its records stop at or before the message deadline/);
    // Seen past the deadline (a later event): dead air, flagged.
    expect(kinds(classify({ ...open, lastEventAt: T0 + 3_001 }, usTsr))).toContain('messageMissing');
  });

  it('abandoned by the dialler’s word, with no answer in the records (they stop while it rang): no clock, not judged', () => {
    const c = classify(deadAir({ answerAt: null, ringingAt: T0 + 500, hangupAt: null, hangupBy: null, lastEventAt: T0 + 30_000, outcome: { status: 'DROP', category: 'abandoned', machine: null } }), usTsr);
    expect(c.category).toBe('abandoned');
    expect(notJudgedReason(c)).toBe('the records show no answer time: they cannot show when the message was due');
  });
});

describe('messageMissing live and in the report', () => {
  it('callRecords under the TSR: messageDue is announced at the deadline, and the record classified at the end has the flag', async () => {
    const events = callEvents('live1', [['ringing', 100], ['answer', ANSWER], ['hangup', 20_000, 'recipient']]);
    const notices: LiveDeadlineNotice[] = [];
    const calls = await lastValueFrom(from(events).pipe(callRecords({ policy: usTsr, onDeadline: (n) => void notices.push(n) }), classified(usTsr), toArray()));
    expect(notices.filter((n) => n.kind === 'messageDue').map((n) => n.at)).toEqual([T0 + DUE]);
    expect(calls).toHaveLength(1);
    expect(missingOf(calls[0]!)).toMatchObject({ at: T0 + DUE, detail: { hangupBy: 'recipient' } });
    expect(calls[0]).toEqual(classify(foldEvents(events), usTsr));
  });

  it('the report counts it under the message-delay factor (A2.18–A2.19) and in the flags section', () => {
    const calls = [classify(rec([['hangup', 20_000, 'recipient']]), usTsr), classify(rec([['message', DUE + 1], ['hangup', 20_000, 'caller']]), usTsr)];
    const r = report(calls, { policy: usTsr });
    expect(r.flags.find((f) => f.kind === 'messageMissing')).toMatchObject({ count: 1, refs: ['A2.19'], notJudged: 0 });
    expect(r.factors.find((f) => f.id === 'messageDelay')).toMatchObject({ observed: true, evidence: { lateMessages: 1, missingMessages: 1 } });
    const uk = report([classify(rec([['hangup', 20_000, 'recipient']]), ofcom2017)], { policy: ofcom2017 as Policy });
    expect(uk.flags.find((f) => f.kind === 'messageMissing')).toMatchObject({ count: 0, notJudged: 0 });
  });
});
