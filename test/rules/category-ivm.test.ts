/**
 * IVM calls (A1.4, A1.9, A1.10, A2.19 footnote 44): a call on which the recipient answered
 * an IVM prompt — asked it for an agent, or was told about the queue — has had an automated
 * message directed at them. With no agent it is an abandoned call (message played: the
 * IVM's), never a silent one; and the IVM prompt is a message for the 2 s deadline.
 *
 * A1.4: "In a silent call the caller does not play any sort of information message
 * informing the recipient about the attempted call (or any other sort of communication
 * directed at that person)."
 * A1.10 (second bullet): "where Interactive Voice Messaging (IVM) is used and the call
 * recipient answers the phone and hears an automated message which asks them to press a
 * button to speak to an agent … Where the call recipient has indicated a preference to be
 * put through to an agent, they may experience an abandoned call".
 * A1.9: abandoned calls occur when "instead of being connected to an agent or experiencing
 * a silent call, the caller plays the recipient a message (usually an information message)".
 * A2.19: "whether the recipient is connected to a message as quickly as possible, and no
 * longer than two seconds, after … the phone has been picked up", footnote 44 on
 * "message": "Whether an information message, an automated message or an interactive
 * message".
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classify, foldEvents, type CallEvent } from 'dialguard';
import { categorise, ofcom2017, type CallRecord } from 'dialguard/internals';
import { IVM_START_NOT_RECORDED } from '../../src/rules/message-deadline/index.js';
import { callEvents, T0 } from '../support/calls.js';
import { answeredRecord } from '../support/records.js';

const kinds = (c: ReturnType<typeof classify>) => c.flags.map((f) => f.kind);
const lateMessageVerdict = (c: ReturnType<typeof classify>) => ({
  late: kinds(c).includes('lateMessage'),
  reason: (c.notJudged ?? []).find((n) => n.rule === 'lateMessage')?.reason ?? null,
});

const queueInfo = (callId: string, at: number): CallEvent =>
  ({ type: 'ivm', callId, at, action: 'queueInfo', info: { identity: true, purpose: true, position: true, expectedWait: true } }) as CallEvent;
const agentRequested = (callId: string, at: number): CallEvent => ({ type: 'ivm', callId, at, action: 'agentRequested' }) as CallEvent;

/** Answered at +1 s; the recipient pressed "speak to an agent" at +4 s (so heard the IVM prompt); no agent came; they hung up at +30 s. */
function ivmCallNoAgent(extra: CallEvent[] = []): CallEvent[] {
  return [...callEvents('ivm1', [['answer', 1_000]]), agentRequested('ivm1', T0 + 4_000), ...extra, { type: 'hangup', callId: 'ivm1', at: T0 + 30_000, by: 'recipient' }];
}

describe('IVM calls are not silent calls (A1.4, A1.9, A1.10)', () => {
  it('a recipient who asked an IVM for an agent heard a message directed at them: abandoned, not silent (A1.4; A1.10 second bullet)', () => {
    const c = classify(foldEvents(ivmCallNoAgent()));
    expect(c.category).toBe('abandoned');
    expect(kinds(c)).not.toContain('silentCall');
    expect(c.flags.find((f) => f.kind === 'abandonedCall')).toMatchObject({ ref: 'A1.9', detail: { messagePlayed: true } });
  });

  it('a recipient the IVM told about the queue (identity, purpose, position, wait) was not left in silence: not a silent call (A1.4, A1.29)', () => {
    const c = classify(foldEvents(ivmCallNoAgent([queueInfo('ivm1', T0 + 5_000)])));
    expect(c.category).toBe('abandoned');
    expect(kinds(c)).not.toContain('silentCall');
  });

  it('queue information alone (no request for an agent) is an IVM speaking to the recipient too', () => {
    const c = classify(answeredRecord('q1', { ivmInfo: { identity: true }, ivmInfoAt: T0 + 9_000, hangupBy: 'caller' }));
    expect(c.category).toBe('abandoned');
  });

  it('unchanged: an IVM call that reached an agent is live; an answer machine stays an answer machine', () => {
    expect(classify(answeredRecord('l1', { ivmAgentRequestedAt: T0 + 4_000, agentAt: T0 + 20_000 })).category).toBe('live');
    const machine = classify(answeredRecord('m1', { amd: true, amdResult: 'machine', disposition: 'machine', ivmAgentRequestedAt: T0 + 4_000, hangupBy: 'caller' }));
    expect(machine).toMatchObject({ category: 'answerMachine', machine: 'disconnectedByAmd' });
  });

  it('property: an answered call with any IVM event and no agent is abandoned with the message played, whoever hung up and whenever', () => {
    fc.assert(
      fc.property(
        fc.record({
          ivmAfter: fc.integer({ min: 0, max: 30_000 }),
          action: fc.constantFrom('agentRequested', 'queueInfo') as fc.Arbitrary<'agentRequested' | 'queueInfo'>,
          hangupAfter: fc.integer({ min: 0, max: 60_000 }),
          by: fc.constantFrom('caller', 'recipient', 'network') as fc.Arbitrary<'caller' | 'recipient' | 'network'>,
          amd: fc.boolean(),
          messagePlanned: fc.boolean(),
        }),
        ({ ivmAfter, action, hangupAfter, by, amd, messagePlanned }) => {
          const ivmAt = T0 + 1_000 + ivmAfter;
          const ivm = action === 'agentRequested' ? agentRequested('p1', ivmAt) : queueInfo('p1', ivmAt);
          const events = [...callEvents('p1', [['answer', 1_000]], { amd, messagePlanned }), ivm, { type: 'hangup', callId: 'p1', at: ivmAt + hangupAfter, by } as CallEvent];
          const c = classify(foldEvents(events));
          expect(c.category).toBe('abandoned');
          expect(kinds(c)).not.toContain('silentCall');
          expect(c.flags.find((f) => f.kind === 'abandonedCall')?.detail).toMatchObject({ messagePlayed: true });
        },
      ),
    );
  });
});

describe('IVM facts unknown: silent is not decided from them', () => {
  it('dead air past the deadline, but the source cannot show IVM facts: undetermined, naming them — not silent', () => {
    const record: CallRecord = answeredRecord('u1', { hangupBy: 'caller', unknown: ['ivmAgentRequestedAt'] });
    const c = classify(record);
    expect(c.category).toBe('undetermined');
    expect(kinds(c)).not.toContain('silentCall');
    expect(categorise(record, ofcom2017).undeterminedReason).toBe('the records have no IVM facts');
  });

  it('a recorded outcome still decides it', () => {
    const record: CallRecord = answeredRecord('u2', { hangupBy: 'caller', unknown: ['ivmAgentRequestedAt'], outcome: { status: 'DEAD', category: 'silent', machine: null } });
    expect(classify(record).category).toBe('silent');
  });
});

/** An answered call (pickup at +1 s, deadline at +3 s) with an IVM request at pickup + `ivmMs`, a message at pickup + `messageMs` (if given), no agent. */
function deadlineCall(ivmMs: number | null, messageMs: number | null, over: Partial<CallRecord> = {}): CallRecord {
  return answeredRecord('d1', {
    ivmAgentRequestedAt: ivmMs === null ? null : T0 + 1_000 + ivmMs,
    messageAt: messageMs === null ? null : T0 + 1_000 + messageMs,
    hangupAt: T0 + 40_000,
    hangupBy: 'caller',
    lastEventAt: T0 + 40_000,
    ...over,
  });
}

describe('IVM calls and the 2 s message deadline (A2.19, footnote 44)', () => {
  it('an information message played after the recipient asked the IVM for an agent is not flagged late: the interactive message came first, at a time not recorded (A2.19 fn 44)', () => {
    const events = [
      ...callEvents('ivm2', [['answer', 1_000]]),
      agentRequested('ivm2', T0 + 10_000),
      { type: 'message', callId: 'ivm2', at: T0 + 11_000 },
      { type: 'hangup', callId: 'ivm2', at: T0 + 20_000, by: 'caller' },
    ] as CallEvent[];
    const c = classify(foldEvents(events));
    expect(c.category).toBe('abandoned'); // A1.10 second bullet
    expect(lateMessageVerdict(c)).toEqual({ late: false, reason: IVM_START_NOT_RECORDED });
  });

  it('an IVM event by the deadline shows the interactive message was on time: judged, not late', () => {
    expect(lateMessageVerdict(classify(deadlineCall(1_500, null)))).toEqual({ late: false, reason: null });
    expect(lateMessageVerdict(classify(deadlineCall(1_500, 9_000)))).toEqual({ late: false, reason: null });
    expect(lateMessageVerdict(classify(deadlineCall(9_000, 1_500)))).toEqual({ late: false, reason: null });
  });

  it('no IVM event: a late message is still flagged; with the IVM facts unknown it is not judged', () => {
    expect(lateMessageVerdict(classify(deadlineCall(null, 9_000)))).toEqual({ late: true, reason: null });
    expect(lateMessageVerdict(classify(deadlineCall(null, 9_000, { unknown: ['ivmAgentRequestedAt'] })))).toEqual({ late: false, reason: 'the records have no IVM facts' });
    expect(lateMessageVerdict(classify(deadlineCall(null, 1_500, { unknown: ['ivmAgentRequestedAt'] })))).toEqual({ late: false, reason: null });
  });

  it('the earliest IVM event counts: queue information before the request for an agent', () => {
    expect(lateMessageVerdict(classify(deadlineCall(9_000, null, { ivmInfo: { position: true }, ivmInfoAt: T0 + 2_500 })))).toEqual({ late: false, reason: null });
  });

  it('property: the earliest of the message and the IVM event at or before the deadline is on time; after it, an IVM event leaves the deadline not judged, a lone message is late', () => {
    const near = fc.oneof(fc.constantFrom(1_999, 2_000, 2_001), fc.integer({ min: 0, max: 10_000 }));
    fc.assert(
      fc.property(fc.option(near, { nil: null }), fc.option(near, { nil: null }), fc.boolean(), (ivmMs, messageMs, queue) => {
        fc.pre(ivmMs !== null || messageMs !== null);
        const over: Partial<CallRecord> = queue && ivmMs !== null ? { ivmAgentRequestedAt: null, ivmInfo: { position: true }, ivmInfoAt: T0 + 1_000 + ivmMs } : {};
        const c = classify(deadlineCall(ivmMs, messageMs, over));
        expect(c.category).toBe('abandoned');
        const first = Math.min(ivmMs ?? Infinity, messageMs ?? Infinity);
        const v = lateMessageVerdict(c);
        if (first <= 2_000) expect(v).toEqual({ late: false, reason: null });
        else if (ivmMs !== null) expect(v).toEqual({ late: false, reason: IVM_START_NOT_RECORDED });
        else expect(v).toEqual({ late: true, reason: null });
      }),
      { numRuns: 300 },
    );
  });
});
