/**
 * The call categories (Annex 1, A3.3, A3.5) and the one function that decides them. Silent
 * and abandoned are exclusive (A1.12). A fact the record's source could not show is
 * unknown, not absent: where one decides the category, the dialler's recorded outcome
 * decides instead, and with neither the call is `undetermined` — never guessed.
 */
import type { Policy } from '../../policy/policy.js';
import type { CallRecord, RecordedOutcome, UnknownFact } from '../../record.js';
import { messageClock } from '../message-deadline/index.js';
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
  /** For `silent`: why. */
  readonly silentReason: SilentReason | null;
  /** For `abandoned`: whether the message played (`false`: the recipient hung up before it would have); `null` when the record cannot show it. */
  readonly messagePlayed: boolean | null;
  /** What decided it: the record's timings, the dialler's recorded outcome, or nothing (`undetermined`). */
  readonly decidedBy: 'facts' | 'recordedOutcome' | null;
  /** For `undetermined`: which facts were missing, in words. */
  readonly undeterminedReason: string | null;
}

const result = (
  category: CallCategory,
  by: AnsweredBy | null,
  extra: Partial<Pick<Categorisation, 'machine' | 'silentReason' | 'messagePlayed'>> = {},
): Categorisation => ({
  category,
  machine: extra.machine ?? null,
  answeredBy: by,
  silentReason: extra.silentReason ?? null,
  messagePlayed: extra.messagePlayed ?? false,
  decidedBy: 'facts',
  undeterminedReason: null,
});

/** The facts that can decide a category: with any of them unknown, the timings may not. */
const DECIDING_FACTS: readonly UnknownFact[] = ['answerAt', 'agentAt', 'messageAt', 'amdResult', 'salutationStartAt', 'hangupAt', 'hangupBy'];

/**
 * Decides a call's category (silent and abandoned are exclusive, A1.12):
 * 1. not answered → `unconnected` (A3.3);
 * 2. a machine answered → `answerMachine`: `falseNegative` if an agent took it, else
 *    `disconnectedByAmd` if AMD said machine, else `abandoned` (A3.5);
 * 3. an agent was connected but the calling side hung up at or shortly after pickup —
 *    within the message deadline (A2.19), the policy's own measure of "shortly" — with
 *    no message played before → `silent` (A1.7: "where the agent making the call hangs up
 *    when the call recipient answers the phone");
 * 4. a person (or nobody knows who) answered and an agent took the call → `live` (A3.3) —
 *    unless the policy sets a connection deadline (US TSR, CRTC) and the agent came later:
 *    then `abandoned`;
 * 5. an information message played → `abandoned` (A1.9), late or not (lateness is a flag, A2.19);
 * 6. AMD said machine but it was a person (disposition), and the call was dropped →
 *    `silent`, AMD false positive (A1.6);
 * 7. the recipient hung up within the message deadline → `abandoned` if the dialler would
 *    have played a message (A1.3 footnote 9, A1.10), else `silent`;
 * 8. otherwise nothing was directed at the recipient → `silent` (A1.3): cut off by the
 *    caller within the deadline, or dead air past it.
 *
 * Unknown facts (`record.unknown`): when a step needs one, the timings cannot decide; the
 * dialler's recorded outcome (`record.outcome`) decides instead — who answered then comes
 * from the AMD verdict or disposition when known, else `unknown` (the A3.6 estimate) —
 * and with no outcome the call is `undetermined`, with the missing facts in words.
 */
export function categorise(record: CallRecord, policy: Policy): Categorisation {
  const unknown = record.unknown;
  const decided = fromFacts(record, policy, unknown === undefined || unknown.length === 0 ? null : unknown);
  if (decided !== null) return decided;
  const outcome = record.outcome ?? null;
  if (outcome !== null) return fromOutcome(record, outcome);
  return {
    category: 'undetermined',
    machine: null,
    answeredBy: record.answerAt === null ? 'unknown' : answeredBy(record),
    silentReason: null,
    messagePlayed: null,
    decidedBy: null,
    undeterminedReason: missingFacts(record, DECIDING_FACTS) ?? 'the records cannot show the outcome',
  };
}

/** The category from the record's timings, or `null` when a fact it needs is unknown. */
function fromFacts(record: CallRecord, policy: Policy, unknown: readonly UnknownFact[] | null): Categorisation | null {
  const u = (f: UnknownFact): boolean => unknown !== null && unknown.includes(f);
  if (u('answerAt')) return null;
  const by = answeredBy(record);
  if (by === null) return result('unconnected', null);
  if (by === 'machine') {
    if (u('agentAt')) return null;
    if (record.agentAt !== null) return result('answerMachine', by, { machine: 'falseNegative' });
    if (u('amdResult')) return null;
    if (record.amdResult === 'machine') return result('answerMachine', by, { machine: 'disconnectedByAmd' });
    return result('answerMachine', by, { machine: 'abandoned' });
  }
  const clock = messageClock(record, policy);
  if (clock !== null && clock.from !== 'pickup' && u('salutationStartAt')) return null;
  if (u('agentAt')) return null;
  const agentAt = record.agentAt;
  if (agentAt !== null) {
    if (u('hangupAt')) return null;
    const hangupAt = record.hangupAt;
    if (clock !== null && hangupAt !== null && hangupAt <= clock.deadlineAt) {
      if (u('hangupBy') || u('messageAt')) return null;
      const nothingPlayed = record.messageAt === null || record.messageAt > hangupAt;
      if (record.hangupBy === 'caller' && nothingPlayed) return result('silent', by, { silentReason: 'agentHungUp' });
    }
    const connectBy = policy.connection.deadlineMs;
    if (connectBy === null || clock === null || agentAt <= clock.startsAt + connectBy) return result('live', by);
    if (u('messageAt')) return null;
    return result('abandoned', by, { messagePlayed: record.messageAt !== null && record.messageAt <= agentAt });
  }
  if (u('messageAt')) return null;
  if (record.messageAt !== null) return result('abandoned', by, { messagePlayed: true });
  if (record.amd && u('amdResult')) return null;
  if (record.amdResult === 'machine') return result('silent', by, { silentReason: 'amdFalsePositive' });
  if (u('hangupAt')) return null;
  const withinDeadline = clock !== null && record.hangupAt !== null && record.hangupAt <= clock.deadlineAt;
  if (withinDeadline && u('hangupBy')) return null;
  if (withinDeadline && record.hangupBy === 'recipient') {
    return record.messagePlanned
      ? result('abandoned', by, { messagePlayed: false })
      : result('silent', by, { silentReason: 'noMessagePlanned' });
  }
  return result('silent', by, { silentReason: withinDeadline ? 'disconnected' : 'deadAir' });
}

/** The category the dialler recorded (A3.3, A3.5), with who answered from what evidence there is. */
function fromOutcome(record: CallRecord, outcome: RecordedOutcome): Categorisation {
  const base = { machine: null, silentReason: null, messagePlayed: null, decidedBy: 'recordedOutcome', undeterminedReason: null } as const;
  switch (outcome.category) {
    case 'unconnected':
      return { ...base, category: 'unconnected', answeredBy: null, messagePlayed: false };
    case 'answerMachine':
      return { ...base, category: 'answerMachine', answeredBy: 'machine', machine: outcome.machine ?? 'abandoned', messagePlayed: false };
    case 'live':
      return { ...base, category: 'live', answeredBy: 'human', messagePlayed: false };
    case 'silent':
      return { ...base, category: 'silent', answeredBy: 'human', silentReason: 'recordedOutcome', messagePlayed: false };
    case 'abandoned': {
      const evidence = record.answerAt === null && record.disposition === null && record.amdResult === null ? 'unknown' : answeredBy(record);
      const by: AnsweredBy = evidence === 'machine' || evidence === null ? 'unknown' : evidence;
      return { ...base, category: 'abandoned', answeredBy: by, messagePlayed: record.messageAt !== null ? true : null };
    }
  }
}
