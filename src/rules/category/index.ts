/**
 * The call categories (Annex 1, A3.3, A3.5) and the one function that decides them. Silent
 * and abandoned are exclusive (A1.12). A fact the record's source could not show is
 * unknown, not absent: where one decides the category, the dialler's recorded outcome
 * decides instead, and with neither the call is `undetermined` — never guessed.
 */
import type { Policy } from '../../policy/policy.js';
import { hungUpAtUnreadableTime, observedUntil, type CallRecord, type RecordedOutcome, type UnknownFact } from '../../record.js';
import { ivmPromptBy, messageClock, type MessageClock } from '../message-deadline/index.js';
import { missingFacts } from '../rule.js';
import { answeredBy, type AnsweredBy } from './answered-by.js';

export { answeredBy, type AnsweredBy } from './answered-by.js';

/**
 * The one category every call ends in (Annex 1, A3.3, A3.5). `undetermined`: the record
 * cannot show which — an answered call whose source has no agent or message times and no
 * recorded outcome. It is counted and reported, never guessed, and is outside x and y.
 */
export type CallCategory = 'live' | 'abandoned' | 'silent' | 'unconnected' | 'answerMachine' | 'undetermined';

/** The three kinds of answer-machine call (A3.5). */
export type MachineKind =
  /** picked up by an answer machine and disconnected by the AMD */
  | 'disconnectedByAmd'
  /** mistaken by the AMD for a live person and connected to a live agent: z in A3.6 */
  | 'falseNegative'
  /** abandoned to the answer machine */
  | 'abandoned';

/** Why a call is silent (A1.3–A1.7). */
export type SilentReason =
  /** AMD took a person for a machine and disconnected (A1.6). */
  | 'amdFalsePositive'
  /** The caller (or the network) cut the call off at or shortly after pickup, within the deadline (A1.3 second bullet). */
  | 'disconnected'
  /** An agent was connected, and the calling side hung up at or shortly after pickup, within the message deadline (A1.7). */
  | 'agentHungUp'
  /** Nothing was played by the deadline and the call then ended, or never ended (A1.3 first and last bullets). */
  | 'deadAir'
  /** The recipient hung up within the deadline, and no message was planned to play (A1.3, A1.4). */
  | 'noMessagePlanned'
  /** The dialler's recorded outcome says silent; the record has no timings to say why. */
  | 'recordedOutcome';

/** A call's category with the facts that decided it. */
export interface Categorisation {
  readonly category: CallCategory;
  /** For `answerMachine`: which kind. */
  readonly machine: MachineKind | null;
  /** Who answered (`null`: nobody). */
  readonly answeredBy: AnsweredBy | null;
  /**
   * For `silent`: why. For an `abandoned` call that a policy with a connection deadline makes
   * abandoned although nothing was directed at the recipient (`neverConnected`): what Ofcom
   * would call it (`deadAir`, `disconnected` or `amdFalsePositive`); else `null`.
   */
  readonly silentReason: SilentReason | null;
  /** For `abandoned`: whether the message played (`false`: the recipient hung up before it would have); `null` when the record cannot show it. */
  readonly messagePlayed: boolean | null;
  /** What decided it: the record's timings, the dialler's recorded outcome, or nothing (`undetermined`). */
  readonly decidedBy: 'facts' | 'recordedOutcome' | null;
  /** For `undetermined`: which facts were missing, in words. */
  readonly undeterminedReason: string | null;
}

/** What the timings add to a category: the answer-machine kind, why silent, whether the message played. */
type Outcome = Partial<Pick<Categorisation, 'machine' | 'silentReason' | 'messagePlayed'>>;

/**
 * The categorisations of one outcome decided by the timings, by who answered. Nothing
 * else in them varies from call to call, so each is made once, frozen, and shared.
 */
function outcome(category: CallCategory, extra: Outcome = {}, decidedBy: Categorisation['decidedBy'] = 'facts'): (by: AnsweredBy | null) => Categorisation {
  const made = new Map<AnsweredBy | null, Categorisation>();
  return (by) => {
    let c = made.get(by);
    // Stryker disable next-line ConditionalExpression: equivalent: the categorisation made once; making it again gives an equal one
    if (c === undefined) {
      c = Object.freeze({
        category,
        machine: extra.machine ?? null,
        answeredBy: by,
        silentReason: extra.silentReason ?? null,
        messagePlayed: extra.messagePlayed === undefined ? false : extra.messagePlayed,
        decidedBy,
        undeterminedReason: null,
      });
      made.set(by, c);
    }
    return c;
  };
}

const UNCONNECTED = /* @__PURE__ */ outcome('unconnected');
const MACHINE_TO_AGENT = /* @__PURE__ */ outcome('answerMachine', { machine: 'falseNegative' });
const MACHINE_DISCONNECTED = /* @__PURE__ */ outcome('answerMachine', { machine: 'disconnectedByAmd' });
const MACHINE_ABANDONED = /* @__PURE__ */ outcome('answerMachine', { machine: 'abandoned' });
const SILENT_AGENT_HUNG_UP = /* @__PURE__ */ outcome('silent', { silentReason: 'agentHungUp' });
const LIVE = /* @__PURE__ */ outcome('live');
const ABANDONED_MESSAGE_PLAYED = /* @__PURE__ */ outcome('abandoned', { messagePlayed: true });
const ABANDONED_NO_MESSAGE = /* @__PURE__ */ outcome('abandoned', { messagePlayed: false });
const ABANDONED_MESSAGE_UNKNOWN = /* @__PURE__ */ outcome('abandoned', { messagePlayed: null });
const SILENT_AMD_FALSE_POSITIVE = /* @__PURE__ */ outcome('silent', { silentReason: 'amdFalsePositive' });
const SILENT_NO_MESSAGE_PLANNED = /* @__PURE__ */ outcome('silent', { silentReason: 'noMessagePlanned' });
const SILENT_DISCONNECTED = /* @__PURE__ */ outcome('silent', { silentReason: 'disconnected' });
const SILENT_DEAD_AIR = /* @__PURE__ */ outcome('silent', { silentReason: 'deadAir' });
/** Abandoned, never connected (US TSR, FCC, CRTC): by the silent reason Ofcom would give. */
const NEVER_CONNECTED = /* @__PURE__ */ (() => ({
  deadAir: outcome('abandoned', { silentReason: 'deadAir', messagePlayed: false }),
  disconnected: outcome('abandoned', { silentReason: 'disconnected', messagePlayed: false }),
  amdFalsePositive: outcome('abandoned', { silentReason: 'amdFalsePositive', messagePlayed: false }),
}))();

/** The categorisations the dialler's recorded outcome decides (A3.3, A3.5), made once each too. */
const RECORDED = /* @__PURE__ */ (() => ({
  unconnected: outcome('unconnected', {}, 'recordedOutcome'),
  machine: {
    disconnectedByAmd: outcome('answerMachine', { machine: 'disconnectedByAmd' }, 'recordedOutcome'),
    falseNegative: outcome('answerMachine', { machine: 'falseNegative' }, 'recordedOutcome'),
    abandoned: outcome('answerMachine', { machine: 'abandoned' }, 'recordedOutcome'),
  } satisfies Record<MachineKind, unknown>,
  live: outcome('live', {}, 'recordedOutcome'),
  silent: outcome('silent', { silentReason: 'recordedOutcome' }, 'recordedOutcome'),
  abandonedMessagePlayed: outcome('abandoned', { messagePlayed: true }, 'recordedOutcome'),
  abandonedMessageUnknown: outcome('abandoned', { messagePlayed: null }, 'recordedOutcome'),
}))();

/** `true` when the record's source could not show `fact` (`unknown`: its unknown facts, `null` for none). */
function lacks(unknown: readonly UnknownFact[] | null, fact: UnknownFact): boolean {
  return unknown !== null && unknown.includes(fact);
}

/**
 * The records show no end of the call: no hang-up time, nor who hung up (and neither is an
 * unknown fact), nor a hang-up event whose time could not be read (it ended, when is not
 * known: `invalidTime` anomaly).
 */
function neverEnded(record: CallRecord, unknown: readonly UnknownFact[] | null): boolean {
  if (record.hangupAt !== null || record.hangupBy !== null || lacks(unknown, 'hangupAt') || lacks(unknown, 'hangupBy')) return false;
  return !hungUpAtUnreadableTime(record);
}

/** The facts that can decide a category: with any of them unknown, the timings may not. */
const DECIDING_FACTS: readonly UnknownFact[] = ['answerAt', 'agentAt', 'messageAt', 'ivmAgentRequestedAt', 'amdResult', 'salutationStartAt', 'hangupAt', 'hangupBy'];

/**
 * Decides a call's category (silent and abandoned are exclusive, A1.12):
 * 1. not answered → `unconnected` (A3.3) — unless the records show no end of the call
 *    either (no hang-up time, nor who hung up): they stop while it rang (cut off, or
 *    closed by the host), so it may have been answered → `undetermined`;
 * 2. a machine answered → `answerMachine`: `falseNegative` if an agent took it, else
 *    `disconnectedByAmd` if AMD said machine, else `abandoned` (A3.5);
 * 3. an agent was connected but the calling side hung up at or shortly after pickup —
 *    within the message deadline (A2.19), the policy's own measure of "shortly" — with
 *    no message played before → `silent` (A1.7: "where the agent making the call hangs up
 *    when the call recipient answers the phone");
 * 4. a person (or nobody knows who) answered and an agent took the call → `live` (A3.3) —
 *    unless the policy sets a connection deadline (US TSR, CRTC) and the agent came later:
 *    then `abandoned`;
 * 5. an information message played, or an IVM prompt did (the records show an IVM event:
 *    the recipient asked it for an agent, or was told about the queue — `ivmPromptBy`) →
 *    `abandoned`, message played (A1.9), late or not (lateness is a flag, A2.19). An IVM
 *    call is never silent: A1.4's silent call has no "communication directed at that
 *    person", and a recipient who asked the IVM for an agent and got none "may experience
 *    an abandoned call" (A1.10 second bullet);
 * 6. AMD said machine but it was a person (disposition), and the call was dropped →
 *    `silent`, AMD false positive (A1.6);
 * 7. the recipient hung up within the message deadline → `abandoned` if the dialler would
 *    have played a message (A1.3 footnote 9, A1.10), else `silent`;
 * 8. otherwise nothing was directed at the recipient → `silent` (A1.3): cut off by the
 *    caller within the deadline, or dead air past it;
 * 9. under a policy with a connection deadline (US TSR, FCC, CRTC), a call of step 6 or 8 —
 *    AMD false positive, cut off, dead air: a person answered and no agent ever came —
 *    is `abandoned` instead, with that reason kept (`neverConnected`).
 *
 * Unknown facts (`record.unknown`): when a step needs one, the timings cannot decide; the
 * dialler's recorded outcome (`record.outcome`) decides instead — who answered then comes
 * from the AMD verdict or disposition when known, else `unknown` (the A3.6 estimate) —
 * and with no outcome the call is `undetermined`, with the missing facts in words. With the
 * IVM facts unknown, steps 6–8 cannot call a call silent (an IVM prompt may have spoken to
 * the recipient), and a step-7 abandoned call may have played the IVM's message
 * (`messagePlayed` `null`).
 */
export function categorise(record: CallRecord, policy: Policy): Categorisation {
  const unknown = record.unknown;
  const decided = fromFacts(record, policy, unknown?.length ? unknown : null); // most records know every fact
  if (decided !== null) return decided;
  const outcome = record.outcome ?? null;
  if (outcome !== null) return fromOutcome(record, outcome);
  return {
    category: 'undetermined',
    machine: null,
    answeredBy: answeredBy(record) ?? 'unknown',
    silentReason: null,
    messagePlayed: null,
    decidedBy: null,
    // fromFacts gives up for a deciding fact, which missingFacts names, or for an answered call that never hung up and is not seen past its deadline
    undeterminedReason: missingFacts(record, DECIDING_FACTS) ?? (record.hangupAt === null ? (answeredBy(record) === null ? NEVER_ANSWERED_NOR_HUNG_UP : NOT_SEEN_PAST_DEADLINE) : 'the records cannot show the outcome'),
  };
}

/** The category from the record's timings, or `null` when a fact it needs is unknown. */
function fromFacts(record: CallRecord, policy: Policy, unknown: readonly UnknownFact[] | null): Categorisation | null {
  if (lacks(unknown, 'answerAt')) return null;
  const by = answeredBy(record);
  // Not answered and never hung up (no hang-up time, nor who hung up: the records stop, or the host closed it, while it rang): it may still have been answered.
  if (by === null) return neverEnded(record, unknown) ? null : UNCONNECTED(null);
  if (by === 'machine') {
    if (lacks(unknown, 'agentAt')) return null;
    if (record.agentAt !== null) return MACHINE_TO_AGENT(by);
    if (lacks(unknown, 'amdResult')) return null;
    if (record.amdResult === 'machine') return MACHINE_DISCONNECTED(by);
    return MACHINE_ABANDONED(by);
  }
  const clock = messageClock(record, policy) as MessageClock; // answered (`by` is set), so the clock runs
  // With AMD the clock may run from the salutation (A2.19): when its time is unknown, so is the clock's start.
  if (record.amd && policy.message.deadlineFrom.withAmd !== 'pickup' && lacks(unknown, 'salutationStartAt')) return null;
  if (lacks(unknown, 'agentAt')) return null;
  const agentAt = record.agentAt;
  if (agentAt !== null) {
    if (lacks(unknown, 'hangupAt')) return null;
    const hangupAt = record.hangupAt;
    if (hangupAt !== null && hangupAt <= clock.deadlineAt) {
      if (lacks(unknown, 'hangupBy') || lacks(unknown, 'messageAt')) return null;
      const nothingPlayed = record.messageAt === null || record.messageAt > hangupAt;
      if (record.hangupBy === 'caller' && nothingPlayed) return SILENT_AGENT_HUNG_UP(by);
    }
    const connectBy = policy.connection.deadlineMs;
    if (connectBy === null || agentAt <= clock.startsAt + connectBy) return LIVE(by);
    if (lacks(unknown, 'messageAt')) return null;
    return record.messageAt !== null && record.messageAt <= agentAt ? ABANDONED_MESSAGE_PLAYED(by) : ABANDONED_NO_MESSAGE(by);
  }
  if (lacks(unknown, 'messageAt')) return null;
  if (record.messageAt !== null || ivmPromptBy(record) !== null) return ABANDONED_MESSAGE_PLAYED(by);
  const rest = neverConnected(withNothingPlayed(record, clock, unknown, by), policy);
  // With the IVM facts unknown, a prompt may have spoken to the recipient: not silent (A1.4), and no one knows if a message played.
  if (rest === null || !lacks(unknown, 'ivmAgentRequestedAt')) return rest;
  return rest.category === 'silent' ? null : ABANDONED_MESSAGE_UNKNOWN(by);
}

/** Why a call that was neither answered nor hung up while its records ran is undetermined. */
const NEVER_ANSWERED_NOR_HUNG_UP = 'the call never hung up and was not answered while its records ran (they stop, or the call was closed, while it rang): they cannot show whether it was answered';

/** Why an answered call that never hung up, seen only up to its message deadline, is undetermined. */
const NOT_SEEN_PAST_DEADLINE = 'the call never hung up and its records stop at or before the message deadline (A2.19): they cannot show whether a message or an agent came in time';

/** Steps 6–8 of `categorise`: a person answered, no agent came, and neither a message nor an IVM prompt played. */
function withNothingPlayed(record: CallRecord, clock: MessageClock, unknown: readonly UnknownFact[] | null, by: AnsweredBy): Categorisation | null {
  if (record.amd && lacks(unknown, 'amdResult')) return null;
  if (record.amdResult === 'machine') return SILENT_AMD_FALSE_POSITIVE(by);
  if (lacks(unknown, 'hangupAt')) return null;
  // Never hung up, and not seen past the deadline (closed, or its events stop, before it): a
  // message or an agent may still have come in time — not dead air, unknown.
  if (record.hangupAt === null && observedUntil(record) <= clock.deadlineAt) return null;
  const withinDeadline = record.hangupAt !== null && record.hangupAt <= clock.deadlineAt;
  if (withinDeadline && lacks(unknown, 'hangupBy')) return null;
  if (withinDeadline && record.hangupBy === 'recipient') {
    return record.messagePlanned ? ABANDONED_NO_MESSAGE(by) : SILENT_NO_MESSAGE_PLANNED(by);
  }
  return withinDeadline ? SILENT_DISCONNECTED(by) : SILENT_DEAD_AIR(by);
}

/**
 * Step 9 of `categorise`: under a policy with a connection deadline, a call a person answered
 * and no agent ever took is abandoned — 16 CFR 310.4(b)(1)(iv): "does not connect the call to
 * a sales representative within two (2) seconds of the completed greeting"; 47 CFR
 * 64.1200(a)(7)(i); the CRTC's 2 s — so the Ofcom silent calls of dead air (A1.3), a cut-off
 * (A1.3 second bullet) and an AMD false positive (A1.6) are abandoned there, counted in x and
 * x + y. An agent who hung up (A1.7) was connected, and a recipient who hung up before any
 * message was due with none planned was not yet owed a connection: both stay silent. Returns
 * `c` unchanged otherwise (always under Ofcom, whose `connection.deadlineMs` is `null`).
 */
export function neverConnected(c: Categorisation | null, policy: Policy): Categorisation | null {
  if (c === null || c.category !== 'silent' || policy.connection.deadlineMs === null) return c;
  const reason = c.silentReason;
  if (reason !== 'deadAir' && reason !== 'disconnected' && reason !== 'amdFalsePositive') return c;
  return NEVER_CONNECTED[reason](c.answeredBy);
}

/** The category the dialler recorded (A3.3, A3.5), with who answered from what evidence there is. */
function fromOutcome(record: CallRecord, outcome: RecordedOutcome): Categorisation {
  switch (outcome.category) {
    case 'unconnected':
      return RECORDED.unconnected(null);
    case 'answerMachine':
      return RECORDED.machine[outcome.machine ?? 'abandoned']('machine');
    case 'live':
      return RECORDED.live('human');
    case 'silent':
      return RECORDED.silent('human');
    case 'abandoned': {
      const evidence = answeredBy(record); // null when the answer time is unknown
      const by: AnsweredBy = evidence === 'machine' || evidence === null ? 'unknown' : evidence;
      return record.messageAt !== null ? RECORDED.abandonedMessagePlayed(by) : RECORDED.abandonedMessageUnknown(by);
    }
  }
}
