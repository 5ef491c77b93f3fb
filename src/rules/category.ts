import type { SilentReason } from '../flags.js';
import type { Policy } from '../policy/policy.js';
import type { CallRecord } from '../record.js';
import { answeredBy, type AnsweredBy } from './answered-by.js';
import { messageClock } from './message-deadline.js';

/**
 * The one category every call ends in (Annex 1, A3.3, A3.5). `undetermined`: answered, but
 * the records cannot show whether it was live, abandoned or silent; excluded from x and y
 * (Annex 3) and counted on its own.
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

/** A call's category with the facts that decided it. */
export interface Categorisation {
  readonly category: CallCategory;
  /** For `answerMachine`: which kind. */
  readonly machine: MachineKind | null;
  /** Who answered (`null`: nobody). */
  readonly answeredBy: AnsweredBy | null;
  /** For `silent`: why. */
  readonly silentReason: SilentReason | null;
  /** For `abandoned`: whether the message played (else the recipient hung up before it would have). */
  readonly messagePlayed: boolean;
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
});

/**
 * Decides a call's category (silent and abandoned are exclusive, A1.12):
 * 1. not answered → `unconnected` (A3.3);
 * 2. a machine answered → `answerMachine`: `falseNegative` if an agent took it, else
 *    `disconnectedByAmd` if AMD said machine, else `abandoned` (A3.5);
 * 3. a person (or nobody knows who) answered and an agent took the call → `live` (A3.3) —
 *    unless the policy sets a connection deadline (US TSR, CRTC) and the agent came later:
 *    then `abandoned`;
 * 4. an information message played → `abandoned` (A1.9), late or not (lateness is a flag, A2.19);
 * 5. AMD said machine but it was a person (disposition), and the call was dropped →
 *    `silent`, AMD false positive (A1.6);
 * 6. the recipient hung up within the message deadline → `abandoned` if the dialler would
 *    have played a message (A1.3 footnote 9, A1.10), else `silent`;
 * 7. otherwise nothing was directed at the recipient → `silent` (A1.3): cut off by the
 *    caller within the deadline, or dead air past it.
 */
export function categorise(record: CallRecord, policy: Policy): Categorisation {
  const by = answeredBy(record);
  if (by === null) return result('unconnected', null);
  if (by === 'machine') {
    if (record.agentAt !== null) return result('answerMachine', by, { machine: 'falseNegative' });
    if (record.amdResult === 'machine') return result('answerMachine', by, { machine: 'disconnectedByAmd' });
    return result('answerMachine', by, { machine: 'abandoned' });
  }
  const clock = messageClock(record, policy);
  if (record.agentAt !== null) {
    const connectBy = policy.connection.deadlineMs;
    if (connectBy === null || clock === null || record.agentAt <= clock.startsAt + connectBy) return result('live', by);
    return result('abandoned', by, { messagePlayed: record.messageAt !== null && record.messageAt <= record.agentAt });
  }
  if (record.messageAt !== null) return result('abandoned', by, { messagePlayed: true });
  if (record.amdResult === 'machine') return result('silent', by, { silentReason: 'amdFalsePositive' });
  const withinDeadline = clock !== null && record.hangupAt !== null && record.hangupAt <= clock.deadlineAt;
  if (withinDeadline && record.hangupBy === 'recipient') {
    return record.messagePlanned
      ? result('abandoned', by, { messagePlayed: false })
      : result('silent', by, { silentReason: 'noMessagePlanned' });
  }
  return result('silent', by, { silentReason: withinDeadline ? 'disconnected' : 'deadAir' });
}
