/**
 * A2.18–A2.19: the information message must start no later than 2 seconds after the phone
 * is picked up — or, where the message depends on AMD, after the person called begins to
 * speak (the start of salutation). The clock, the deadline the live machine announces
 * (`messageDue`), the `lateMessage` flag and, under a policy with a connection deadline
 * (16 CFR 310.4(b)(4)(iii)), the `messageMissing` flag all come from here.
 */
import { flag } from '../../flags.js';
import type { DeadlineMoment, Policy } from '../../policy/policy.js';
import { observedUntil, type CallRecord, type UnknownFact } from '../../record.js';
import { isUnknown, missingFacts, notJudged, notJudgedUndetermined, type CallRule } from '../rule.js';

/** The paragraph of the message deadline. */
export const MESSAGE_DEADLINE_REF = 'A2.19';

/** The moment that starts the information-message clock, and which one it was. */
export interface MessageClock {
  readonly from: DeadlineMoment;
  readonly startsAt: number;
  /** The message is late after this moment (start + deadline; exactly this moment is on time). */
  readonly deadlineAt: number;
}

/** The measured values of a `lateMessage` flag (A2.18–A2.19). */
export interface LateMessageDetail {
  readonly delayMs: number;
  readonly deadlineMs: number;
  /** Which moment the clock ran from. */
  readonly from: DeadlineMoment;
}

/**
 * The measured values of a `messageMissing` flag (A2.19; 16 CFR 310.4(b)(4)(iii), 47 CFR
 * 64.1200(a)(7)(i)): when the message was due, and how the call went on without it. Times
 * are from the clock's start, as `LateMessageDetail.delayMs` is.
 */
export interface MessageMissingDetail {
  readonly deadlineMs: number;
  /** Which moment the clock ran from. */
  readonly from: DeadlineMoment;
  /** Who ended the call (`null`: the records show no end; they saw it still up past the deadline). */
  readonly hangupBy: CallRecord['hangupBy'];
  /** Milliseconds from the clock's start to the end of the call: at most `deadlineMs` when the calling side cut it off before the message was due (`null`: no end recorded). */
  readonly hangupAfterMs: number | null;
  /** Milliseconds from the clock's start to an agent who came only after the deadline (`null`: no agent ever came). */
  readonly agentAfterMs: number | null;
}

function momentAt(record: CallRecord, moment: DeadlineMoment): number | null {
  switch (moment) {
    case 'salutationStart':
      return record.salutationStartAt;
    case 'salutationEnd':
      return record.salutationEndAt;
    default: // 'pickup'
      return record.answerAt;
  }
}

/**
 * A2.19: the message clock. With AMD the policy's `withAmd` moment (Ofcom: the start of
 * salutation), else its `withoutAmd` moment (Ofcom: pickup). When that moment never came
 * (the person never spoke) the clock runs from pickup — "in any other case" (A2.19). So it
 * does when the person began to speak only after the message began: that message did not
 * wait for their voice. `null` for an unanswered call.
 */
export function messageClock(record: CallRecord, policy: Policy): MessageClock | null {
  if (record.answerAt === null) return null;
  const wanted = record.amd ? policy.message.deadlineFrom.withAmd : policy.message.deadlineFrom.withoutAmd;
  const spoke = momentAt(record, wanted);
  // A message that began before the person spoke did not wait for their voice: timed from pickup ("in any other case").
  // Stryker disable next-line ConditionalExpression: equivalent: with no salutation (spoke null) a message time is never below it, and the clock runs from pickup either way
  const at = wanted === 'salutationStart' && spoke !== null && record.messageAt !== null && record.messageAt < spoke ? null : spoke;
  const from: DeadlineMoment = at === null ? 'pickup' : wanted;
  const startsAt = at ?? record.answerAt;
  return { from, startsAt, deadlineAt: startsAt + policy.message.deadlineMs };
}

/**
 * A2.19: the moment the information message is due, for the live machine's `messageDue`
 * notice — the end of the message clock (pickup + 2 s, or start of salutation + 2 s with
 * AMD once the person spoke). Falls back to the latest event for an unanswered record
 * (never the case while the machine waits).
 */
export function messageDueAt(record: CallRecord, policy: Policy): number {
  return messageClock(record, policy)?.deadlineAt ?? record.lastEventAt;
}

/**
 * A2.19 footnote 44 ("Whether an information message, an automated message or an
 * interactive message"): the moment by which an IVM prompt had begun speaking to the
 * recipient — the earliest IVM event, the recipient asking for an agent
 * (`ivmAgentRequestedAt`) or being told about the queue (`ivmInfoAt`); `null` when the
 * records show no IVM event. The prompt's own start is not recorded: it came at or before
 * this moment. Any such event means the IVM spoke to the recipient (A1.4, A1.10).
 */
export function ivmPromptBy(record: Pick<CallRecord, 'ivmAgentRequestedAt' | 'ivmInfoAt'>): number | null {
  const asked = record.ivmAgentRequestedAt;
  const told = record.ivmInfoAt;
  if (asked === null) return told;
  return told === null || asked <= told ? asked : told;
}

/**
 * The first thing the recipient was played: the message, or an IVM prompt (by its first
 * event, `ivmPromptBy`), whichever came first; `null` when the records show neither.
 */
function firstPlayedAt(messageAt: number | null, ivmBy: number | null): number | null {
  if (messageAt === null) return ivmBy;
  return ivmBy === null || messageAt <= ivmBy ? messageAt : ivmBy;
}

/** Why the deadline is not judged when the only message evidence after it is an IVM event (footnote 44). */
export const IVM_START_NOT_RECORDED = 'the records do not show when the IVM prompt started, and its first recorded event came after the deadline';

/** The facts the late-message rule needs; with AMD the clock may run from the start of salutation too. */
const FACTS: readonly UnknownFact[] = ['answerAt', 'messageAt', 'agentAt'];
const FACTS_WITH_AMD: readonly UnknownFact[] = [...FACTS, 'salutationStartAt'];

/** The facts the message clock and what came before it need on `record` (both rules of this module). */
function clockFacts(record: CallRecord): readonly UnknownFact[] {
  return record.amd ? FACTS_WITH_AMD : FACTS;
}

/**
 * A2.18–A2.19 late message: on a live or abandoned call, the information message started
 * more than `policy.message.deadlineMs` (2 s) after the clock's start, before any agent.
 * Exactly 2.000 s is on time. An IVM prompt is a message too (footnote 44): it began by
 * the first IVM event (`ivmPromptBy`), so a message or an IVM event by the deadline is on
 * time; when the first of them is after the deadline and an IVM event is among them, the
 * prompt may have begun earlier and the deadline is not judged — never flagged on a guess,
 * never passed. Not judged either when the records have no answer, agent or message times
 * (or no start of salutation where the clock runs from it), have no IVM facts and the
 * message is past the deadline, or the call's category is undetermined. Raises
 * `lateMessage` at the message's start, with the measured delay.
 */
export const lateMessageRule: CallRule<'lateMessage'> = {
  id: 'lateMessage',
  title: '2 s information-message deadline',
  refs: [MESSAGE_DEADLINE_REF, 'A2.18'],
  flags: { lateMessage: { ref: MESSAGE_DEADLINE_REF, title: 'information message later than the deadline' } },
  judge(record, policy, { categorisation }) {
    const category = categorisation.category;
    if (category === 'undetermined') return notJudgedUndetermined(lateMessageRule, categorisation);
    if (category !== 'abandoned' && category !== 'live') return null;
    const missing = missingFacts(record, clockFacts(record));
    if (missing !== null) return notJudged(lateMessageRule, missing);
    const clock = messageClock(record, policy);
    const messageAt = record.messageAt;
    const ivmBy = ivmPromptBy(record);
    // Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent: a live or abandoned call was answered, so its clock runs
    if (clock === null || (messageAt === null && ivmBy === null)) return null;
    // The first thing the recipient was played: the message, or the IVM prompt (at the latest by its first event).
    const first = firstPlayedAt(messageAt, ivmBy) as number;
    if (record.agentAt !== null && record.agentAt <= first) return null;
    if (first <= clock.deadlineAt) return null;
    if (ivmBy !== null) return notJudged(lateMessageRule, IVM_START_NOT_RECORDED);
    // An IVM prompt the records cannot show may have come by the deadline.
    if (isUnknown(record, 'ivmAgentRequestedAt')) return notJudged(lateMessageRule, missingFacts(record, ['ivmAgentRequestedAt']) as string);
    const late = messageAt as number; // no IVM event: the first thing played was the message
    return flag('lateMessage', record.callId, late, MESSAGE_DEADLINE_REF, {
      delayMs: late - clock.startsAt,
      deadlineMs: policy.message.deadlineMs,
      from: clock.from,
    });
  },
};

/** `true` under a policy with a connection deadline (US TSR, FCC, CRTC): only there is a message owed where no agent came in time. */
function hasConnectionDeadline(policy: Policy): boolean {
  return policy.connection.deadlineMs !== null;
}

/** Why the missing message is not judged on an abandoned call whose records show no answer time (its outcome the dialler's word). */
export const NO_MESSAGE_CLOCK = 'the records show no answer time: they cannot show when the message was due';

/** Why the missing message is not judged on a call that never hung up and whose records stop by the deadline. */
export const NOT_SEEN_WHEN_DUE = 'the call never hung up and its records stop at or before the message deadline: they cannot show whether it was still up when the message was due';

/**
 * A2.19 under a policy with a connection deadline (US TSR, FCC, CRTC) — 16 CFR
 * 310.4(b)(4)(iii): "whenever a sales representative is not available to speak with the
 * person answering the call within two (2) seconds after the completed greeting, the seller
 * or telemarketer promptly plays a recorded message"; 47 CFR 64.1200(a)(7)(i) and the
 * CRTC's rules alike. Missing message: on an `abandoned` call, no agent came by the
 * deadline (`messageClock(…).deadlineAt`) and nothing was played before one — no message
 * nor IVM prompt, or one only at or after the agent's moment (the agent took the call
 * first: that is no safe-harbour message) — and the call was still up at the deadline (dead
 * air; an agent who came too late), or the calling side or the network cut it off before it
 * (a cut-off, an AMD false positive: hanging up on a person is no message either). A
 * recipient who hung up at or before the deadline was not yet owed one. A message or IVM
 * prompt before any agent is `lateMessage`'s to time: one that came late raises that flag,
 * never this one. Never under a policy without a connection deadline (Ofcom: such a call is
 * silent, A1.3). Not judged when the records have no answer, agent or message times (or no
 * start of salutation where the clock may run from it), no IVM facts, no hang-up time, or
 * who hung up when the call ended by the deadline (the end is not needed once an agent came
 * after the deadline); nor when the call never hung up and is not seen past the deadline, or
 * the category is undetermined: never passed, never flagged on a guess. Raises
 * `messageMissing` at the deadline, when the message was due.
 */
export const messageMissingRule: CallRule<'messageMissing'> = {
  id: 'messageMissing',
  title: 'information message when no agent',
  refs: [MESSAGE_DEADLINE_REF, 'A2.18'],
  flags: { messageMissing: { ref: MESSAGE_DEADLINE_REF, title: 'no information message when no agent came in time' } },
  appliesUnder: hasConnectionDeadline,
  judge(record, policy, { categorisation }) {
    if (!hasConnectionDeadline(policy)) return null;
    const category = categorisation.category;
    if (category === 'undetermined') return notJudgedUndetermined(messageMissingRule, categorisation);
    if (category !== 'abandoned') return null;
    const missing = missingFacts(record, clockFacts(record));
    if (missing !== null) return notJudged(messageMissingRule, missing);
    const clock = messageClock(record, policy);
    // Abandoned by the dialler's word, with no answer in the records (they stop while it rang).
    if (clock === null) return notJudged(messageMissingRule, NO_MESSAGE_CLOCK);
    const dueAt = clock.deadlineAt;
    const agentAt = record.agentAt;
    const first = firstPlayedAt(record.messageAt, ivmPromptBy(record));
    // Played before any agent: the message came, and lateMessage times it.
    if (first !== null && (agentAt === null || first < agentAt)) return null;
    // An agent by the deadline: a representative was available, no message was owed.
    if (agentAt !== null && agentAt <= dueAt) return null;
    const hangupAt = record.hangupAt;
    // An agent after the deadline shows the call was up when the message was due; else its end says.
    if (agentAt === null) {
      if (isUnknown(record, 'hangupAt')) return notJudged(messageMissingRule, missingFacts(record, ['hangupAt']) as string);
      if (hangupAt !== null && hangupAt <= dueAt) {
        if (isUnknown(record, 'hangupBy')) return notJudged(messageMissingRule, missingFacts(record, ['hangupBy']) as string);
        if (record.hangupBy === 'recipient') return null; // not yet owed (footnote 9, A1.10)
      } else if (hangupAt === null && observedUntil(record) <= dueAt) {
        return notJudged(messageMissingRule, NOT_SEEN_WHEN_DUE);
      }
    }
    // Owed, and nothing the records show came: an IVM prompt they cannot show may have.
    if (isUnknown(record, 'ivmAgentRequestedAt')) return notJudged(messageMissingRule, missingFacts(record, ['ivmAgentRequestedAt']) as string);
    return flag('messageMissing', record.callId, dueAt, MESSAGE_DEADLINE_REF, {
      deadlineMs: policy.message.deadlineMs,
      from: clock.from,
      hangupBy: record.hangupBy,
      hangupAfterMs: hangupAt === null ? null : hangupAt - clock.startsAt,
      agentAfterMs: agentAt === null ? null : agentAt - clock.startsAt,
    });
  },
};
