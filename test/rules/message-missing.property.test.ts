/**
 * A2.19 under the US TSR (16 CFR 310.4(b)(4)(iii)) around the 2 s boundary: for random
 * answer and greeting times, message, agent and hang-up offsets, `messageMissing` is raised
 * exactly when a simple model says the recorded message was owed and never came — and never
 * together with `lateMessage`, and never under Ofcom 2017.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classify, foldEvents, ofcom2017, usTsr, type CallEvent } from '../../src/index.js';
import { dial, T0 } from '../support/calls.js';

const DEADLINE = usTsr.message.deadlineMs; // 2 s after the completed greeting

/** An offset from the clock's start, often on the 2 s boundary. */
const offset = fc.oneof(fc.constantFrom(DEADLINE - 1, DEADLINE, DEADLINE + 1), fc.integer({ min: 0, max: 8_000 }));

const callArb = fc.record({
  answer: fc.integer({ min: 1_000, max: 30_000 }),
  /** The greeting: its start after pickup and its length; `null`: not reported (the clock runs from pickup). */
  greeting: fc.option(fc.record({ startAfter: fc.integer({ min: 0, max: 1_500 }), length: fc.integer({ min: 0, max: 4_000 }) }), { nil: null }),
  message: fc.option(offset, { nil: null }),
  agent: fc.option(offset, { nil: null }),
  /** The hang-up, from the clock's start (may be before it: then at pickup or later); `null`: the call never hung up. */
  hangup: fc.option(fc.record({ after: fc.oneof(offset, fc.integer({ min: -1_500, max: 0 })), by: fc.constantFrom('caller', 'recipient', 'network') as fc.Arbitrary<'caller' | 'recipient' | 'network'> }), { nil: null }),
  messagePlanned: fc.boolean(),
});

type Call = typeof callArb extends fc.Arbitrary<infer T> ? T : never;

/**
 * The call's events, in time order; what would have come after the hang-up never happened.
 * With them, the model's facts: the clock start (the end of the greeting as kept, else
 * pickup), and the message, agent and hang-up times kept.
 */
function build(c: Call) {
  const salStart = c.greeting === null ? null : c.answer + c.greeting.startAfter;
  const salEnd = c.greeting === null || salStart === null ? null : salStart + c.greeting.length;
  const start0 = salEnd ?? c.answer;
  const hangupAt = c.hangup === null ? null : Math.max(c.answer, start0 + c.hangup.after);
  const keep = (at: number | null): number | null => (at === null || (hangupAt !== null && at > hangupAt) ? null : at);
  const sal = { start: keep(salStart), end: salStart !== null && keep(salStart) !== null ? keep(salEnd) : null };
  const messageAt = keep(c.message === null ? null : start0 + c.message);
  const agentAt = keep(c.agent === null ? null : start0 + c.agent);
  const id = 'p';
  const events: CallEvent[] = [];
  events.push({ type: 'ringing', callId: id, at: T0 + 100 }, { type: 'answer', callId: id, at: T0 + c.answer });
  if (sal.start !== null) events.push({ type: 'salutation', callId: id, at: T0 + sal.start, phase: 'start' });
  if (sal.end !== null) events.push({ type: 'salutation', callId: id, at: T0 + sal.end, phase: 'end' });
  if (messageAt !== null) events.push({ type: 'message', callId: id, at: T0 + messageAt });
  if (agentAt !== null) events.push({ type: 'agent', callId: id, at: T0 + agentAt });
  events.sort((a, b) => a.at - b.at);
  if (c.hangup !== null && hangupAt !== null) events.push({ type: 'hangup', callId: id, at: T0 + hangupAt, by: c.hangup.by });
  const lastAt = Math.max(...events.map((e) => e.at)) - T0;
  return { events: [dial(id, 0, { messagePlanned: c.messagePlanned }), ...events], start: sal.end ?? c.answer, messageAt, agentAt, hangupAt, lastAt };
}

describe('messageMissing around the 2 s boundary (US TSR)', () => {
  it('raised iff no agent by the deadline, nothing played before one, and the call was up at the deadline or cut off by the calling side; never with lateMessage; never under Ofcom 2017', () => {
    fc.assert(
      fc.property(callArb, (call) => {
        const b = build(call);
        const record = foldEvents(b.events);
        const due = b.start + DEADLINE;
        const played = b.messageAt !== null && (b.agentAt === null || b.messageAt < b.agentAt);
        const agentInTime = b.agentAt !== null && b.agentAt <= due;
        const recipientLeftEarly = call.hangup !== null && b.hangupAt !== null && call.hangup.by === 'recipient' && b.hangupAt <= due;
        const seenPastDeadline = b.hangupAt !== null || b.agentAt !== null || b.lastAt > due;
        const owed = !played && !agentInTime && !recipientLeftEarly;

        const us = classify(record, usTsr);
        const missing = us.flags.find((f) => f.kind === 'messageMissing');
        const late = us.flags.some((f) => f.kind === 'lateMessage');
        const notJudged = (us.notJudged ?? []).some((n) => n.rule === 'messageMissing');
        expect(missing !== undefined).toBe(owed && seenPastDeadline);
        expect(notJudged).toBe(owed && !seenPastDeadline); // never ended and not seen past the deadline: not judged, never a guess
        expect(late).toBe(played && (b.messageAt as number) > due);
        if (missing !== undefined) {
          expect(us.category).toBe('abandoned');
          expect(missing.at).toBe(T0 + due);
          expect(missing.detail).toEqual({
            deadlineMs: DEADLINE,
            from: record.salutationEndAt === null ? 'pickup' : 'salutationEnd',
            hangupBy: record.hangupBy,
            hangupAfterMs: b.hangupAt === null ? null : b.hangupAt - b.start,
            agentAfterMs: b.agentAt === null ? null : b.agentAt - b.start,
          });
        }

        const uk = classify(record, ofcom2017);
        expect(uk.flags.some((f) => f.kind === 'messageMissing')).toBe(false);
        expect((uk.notJudged ?? []).some((n) => n.rule === 'messageMissing')).toBe(false);
      }),
      { numRuns: 1_000 },
    );
  });
});
