/**
 * A fast-check arbitrary of plausible call timelines: one call's events in time order,
 * with random timings (often on the A2.15 / A2.19 boundaries), AMD on or off, a start of
 * salutation or not, ringing reported or not, an agent, a message, both or neither,
 * message content sometimes, recording, an IVM event sometimes (the recipient asked the
 * IVM for an agent, or was told about the queue: A1.10, A1.29), a hangup by any party at
 * any point (rarely none), and a later disposition sometimes.
 *
 * It also reaches, with noticeable probability:
 * - a hang-up before the ringing the dialler would have reported (the ringing comes after it);
 * - the A2.19 deadline hit exactly, and missed by 1 ms, from whichever moment starts the
 *   clock (the start of salutation with AMD): the message, the agent and the hang-up can be
 *   timed from the deadline itself (−1, 0 or +1 ms);
 * - both orders of two events in the same millisecond: the hang-up before or after an
 *   event of its millisecond (an event after it is an `afterHangup` anomaly), and an agent
 *   and a message together;
 * - hang-ups timed from the start of salutation, not only from pickup.
 */
import fc from 'fast-check';
import type { CallEvent, HangupBy, MessageContent } from '../../src/events.js';
import { call, T0 } from './calls.js';

const by = fc.constantFrom<HangupBy>('caller', 'recipient', 'network');
const content: fc.Arbitrary<MessageContent> = fc.record(
  {
    onBehalfOf: fc.option(fc.constantFrom('Acme Energy', ''), { nil: null }),
    explainsAttempt: fc.boolean(),
    optOutNumber: fc.option(fc.constantFrom('01632960000', '09011000000', '0800 000 0000'), { nil: null }),
    marketing: fc.boolean(),
  },
  { requiredKeys: [] },
);
/** A delay that often lands on the message deadline's boundary. */
const aroundDeadline = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(0, 1_999, 2_000, 2_001) },
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 6_000 }) },
);

/** −1, 0 or +1 ms around a deadline. */
const nearEdge = fc.constantFrom(-1, 0, 1);

export const timelineSpec = fc.record({
  callId: fc.constantFrom('c1', 'call-42'),
  dialAt: fc.integer({ min: T0, max: T0 + 30 * 86_400_000 }),
  amd: fc.boolean(),
  messagePlanned: fc.boolean(),
  cliWithheld: fc.boolean(),
  /** A basic-rate CLI, a premium one, a drama-range one (cannot be called back). */
  cli: fc.constantFrom('02071234567', '03001234567', '09011000000', '01632960999'),
  agentGuaranteed: fc.boolean(),
  /** ms from dial to ringing; undefined: not reported. */
  ringing: fc.option(fc.integer({ min: 0, max: 8_000 }), { nil: undefined }),
  answered: fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
  /** ms from ring start to pickup. */
  answerAfter: fc.oneof(fc.integer({ min: 0, max: 20_000 }), fc.integer({ min: 0, max: 80_000 })),
  /** ms from ring start to the hangup of an unanswered call. */
  ringEnd: fc.oneof(fc.constantFrom(14_999, 15_000, 60_000, 60_001), fc.integer({ min: 0, max: 90_000 })),
  /** An unanswered call hung up this many ms before its reported ringing (which then comes after the hang-up); undefined: not so. */
  hangupBeforeRinging: fc.oneof(
    { weight: 4, arbitrary: fc.constant<number | undefined>(undefined) },
    { weight: 1, arbitrary: fc.constantFrom(0, 1) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 3_000 }) },
  ),
  salutation: fc.option(fc.integer({ min: 0, max: 4_000 }), { nil: undefined }),
  salutationEnd: fc.option(fc.integer({ min: 0, max: 3_000 }), { nil: undefined }),
  amdVerdict: fc.option(
    fc.record({ result: fc.constantFrom('human', 'machine', 'unknown' as const), after: fc.integer({ min: 0, max: 6_000 }) }),
    { nil: undefined },
  ),
  resolution: fc.constantFrom('agent', 'message', 'none', 'messageThenAgent', 'agentThenMessage'),
  /** The resolution is timed from pickup, from the start of salutation (when there is one), or from the A2.19 deadline (± 1 ms). */
  resolveFrom: fc.constantFrom('pickup', 'salutation', 'deadline'),
  resolveAfter: aroundDeadline,
  resolveNearDeadline: nearEdge,
  /** ms from the first resolution to the second (often the same millisecond). */
  secondAfter: fc.oneof({ weight: 1, arbitrary: fc.constant(0) }, { weight: 3, arbitrary: fc.integer({ min: 0, max: 5_000 }) }),
  content: fc.option(content, { nil: undefined }),
  recording: fc.option(fc.record({ after: fc.integer({ min: 0, max: 8_000 }), notice: fc.boolean() }), { nil: undefined }),
  /** An IVM event, timed from pickup or from the A2.19 deadline (± 1 ms); undefined: none. */
  ivm: fc.oneof(
    { weight: 3, arbitrary: fc.constant(undefined) },
    {
      weight: 1,
      arbitrary: fc.record({
        action: fc.constantFrom('agentRequested', 'queueInfo' as const),
        from: fc.constantFrom('pickup', 'deadline'),
        after: aroundDeadline,
        nearDeadline: nearEdge,
      }),
    },
  ),
  /** ms from the anchor to the hangup (events after it do not happen, or come after it as anomalies). */
  hangupAfter: fc.oneof(aroundDeadline, fc.integer({ min: 0, max: 60_000 })),
  /** The hangup is timed from pickup, from the start of salutation (when there is one), or from the A2.19 deadline (± 1 ms). */
  hangupFrom: fc.constantFrom('pickup', 'pickup', 'salutation', 'deadline'),
  hangupNearDeadline: nearEdge,
  /** Events in the hangup's millisecond come before it (`last`) or after it (`first`: they are then anomalies). */
  hangupOnTie: fc.constantFrom('last', 'first'),
  hangupBy: by,
  hangup: fc.oneof({ weight: 9, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
  disposition: fc.option(
    fc.record({ verdict: fc.constantFrom('human', 'machine' as const), after: fc.integer({ min: 0, max: 20_000 }) }),
    { nil: undefined },
  ),
  dispositionWait: fc.boolean(),
});
export type TimelineSpec = typeof timelineSpec extends fc.Arbitrary<infer T> ? T : never;

/** Builds the events of a timeline, in time order (ties in causal order). */
export function buildTimeline(spec: TimelineSpec): CallEvent[] {
  const c = call(spec.callId, spec.dialAt);
  const events: CallEvent[] = [
    c.dial(0, {
      amd: spec.amd,
      messagePlanned: spec.messagePlanned,
      cli: spec.cliWithheld ? null : spec.cli,
      agentGuaranteed: spec.agentGuaranteed,
    }),
  ];
  const ringStart = spec.ringing ?? 0;
  const ringingAfterHangup = !spec.answered && spec.ringing !== undefined && spec.hangup && spec.hangupBeforeRinging !== undefined;
  if (spec.ringing !== undefined && !ringingAfterHangup) events.push(c.ringing(spec.ringing));
  let end: number;
  const inCall: CallEvent[] = [];
  if (ringingAfterHangup) {
    end = Math.max(0, spec.ringing! - spec.hangupBeforeRinging!);
    inCall.push(c.ringing(spec.ringing!));
  } else if (!spec.answered) {
    end = ringStart + spec.ringEnd;
  } else {
    const pickup = ringStart + spec.answerAfter;
    inCall.push(c.answer(pickup));
    const salStart = spec.salutation === undefined ? null : pickup + spec.salutation;
    if (salStart !== null) {
      inCall.push(c.salutation(salStart, 'start'));
      if (spec.salutationEnd !== undefined) inCall.push(c.salutation(salStart + spec.salutationEnd, 'end'));
    }
    if (spec.amd && spec.amdVerdict) inCall.push(c.amd(pickup + spec.amdVerdict.after, spec.amdVerdict.result));
    if (spec.recording) inCall.push(c.recording(pickup + spec.recording.after, spec.recording.notice));
    // A2.19's clock: from the start of salutation with AMD, else from pickup.
    const deadline = (spec.amd && salStart !== null ? salStart : pickup) + 2_000;
    if (spec.ivm) inCall.push(c.ivm(spec.ivm.from === 'deadline' ? deadline + spec.ivm.nearDeadline : pickup + spec.ivm.after, spec.ivm.action));
    const from = spec.resolveFrom === 'salutation' && salStart !== null ? salStart : pickup;
    const first = spec.resolveFrom === 'deadline' ? deadline + spec.resolveNearDeadline : from + spec.resolveAfter;
    const second = first + spec.secondAfter;
    switch (spec.resolution) {
      case 'agent':
        inCall.push(c.agent(first));
        break;
      case 'message':
        inCall.push(c.message(first, spec.content));
        break;
      case 'messageThenAgent':
        inCall.push(c.message(first, spec.content), c.agent(second));
        break;
      case 'agentThenMessage':
        inCall.push(c.agent(first), c.message(second, spec.content));
        break;
      case 'none':
        break;
    }
    if (spec.hangupFrom === 'deadline') end = deadline + spec.hangupNearDeadline;
    else end = (spec.hangupFrom === 'salutation' && salStart !== null ? salStart : pickup) + spec.hangupAfter;
  }
  // Stable sort: ties keep their causal order.
  inCall.sort((a, b) => a.at - b.at);
  if (spec.hangup) {
    // The pickup itself always precedes a hang-up of its millisecond (the call stays answered).
    const before = (e: CallEvent) =>
      e.at - spec.dialAt < end || (e.at - spec.dialAt === end && (e.type === 'answer' || (spec.hangupOnTie === 'last' && !ringingAfterHangup)));
    const tied = inCall.filter((e) => e.at - spec.dialAt === end || (ringingAfterHangup && e.type === 'ringing'));
    events.push(...inCall.filter(before), c.hangup(end, spec.hangupBy), ...tied.filter((e) => !before(e)));
  } else {
    events.push(...inCall);
  }
  if (spec.answered && spec.disposition) {
    const last = events[events.length - 1]!.at - spec.dialAt;
    events.push(c.disposition(last + spec.disposition.after, spec.disposition.verdict));
  }
  return events;
}
export const timeline = timelineSpec.map((spec) => ({ spec, events: buildTimeline(spec) }));
