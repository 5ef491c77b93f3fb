import { flag, type Flag } from '../../flags.js';
import type { Policy } from '../../policy/policy.js';
import { observedUntil, type CallRecord } from '../../record.js';
import { isUnknown, missingFacts, notJudged, type CallRule } from '../rule.js';

/**
 * The paragraphs of IVM waits: an unfairly long wait for an agent (A1.28), the
 * information a waiting recipient should be given (A1.29), and a long wait even with that
 * information (A1.31).
 */
export const IVM_REFS = { wait: 'A1.28', queueInfo: 'A1.29', informedWait: 'A1.31' } as const;
const { wait: IVM_WAIT_REF, queueInfo: IVM_QUEUE_INFO_REF, informedWait: IVM_INFORMED_WAIT_REF } = IVM_REFS;

/** The measured values of an `ivmLongWait` flag. */
export interface IvmLongWaitDetail {
  readonly waitMs: number;
  readonly maxWaitMs: number;
  readonly informed: boolean;
}

/** The measured values of an `ivmNoQueueInfo` flag. */
export interface IvmNoQueueInfoDetail {
  readonly waitMs: number;
  readonly limitMs: number;
  readonly missing: readonly string[];
}

/** What A1.29 says a waiting recipient should be told: the caller's identity, the purpose, the queue position and the likely wait. */
export type QueueItem = 'identity' | 'purpose' | 'position' | 'expectedWait';

/** Every queue item A1.29 names, in its order. */
export const QUEUE_ITEMS: readonly QueueItem[] = ['identity', 'purpose', 'position', 'expectedWait'];

/** A flag about an IVM wait. */
export type IvmFlag = Flag<'ivmLongWait'> | Flag<'ivmNoQueueInfo'>;

const NONE: readonly IvmFlag[] = /* @__PURE__ */ Object.freeze([]);

/**
 * How long a recipient who asked an IVM for an agent waited (A1.28): from the request to
 * the agent, or — with no agent after the request — to the end of the call. `null` when no
 * agent was requested, or the call has not ended and no agent came.
 */
export function ivmWaitMs(record: CallRecord): number | null {
  const from = record.ivmAgentRequestedAt;
  if (from === null) return null;
  const agent = record.agentAt;
  const end = agent !== null && agent >= from ? agent : record.hangupAt;
  return end === null ? null : Math.max(0, end - from);
}

/**
 * The A1.29 queue items the recipient had not been told by `by` (epoch ms). The record
 * keeps what was told (all queue information merged) and when it was first told, so
 * information counts as given by `by` when its first telling was at or before `by`.
 */
export function missingQueueItems(record: CallRecord, by: number): readonly QueueItem[] {
  const info = record.ivmInfoAt !== null && record.ivmInfoAt <= by ? record.ivmInfo : null;
  if (info === null) return QUEUE_ITEMS;
  return QUEUE_ITEMS.filter((item) => info[item] !== true);
}

/**
 * A1.28–A1.31 IVM waits, for a recipient who asked for an agent (`ivmAgentRequestedAt`),
 * measured by `ivmWaitMs`:
 *
 * - `ivmNoQueueInfo` (A1.29): the wait was longer than `policy.ivm.maxWaitWithoutInfoMs`
 *   and, by that limit, the recipient had not been told all four of identity, purpose,
 *   queue position and likely wait; names the missing ones, at the moment the limit passed;
 * - `ivmLongWait`: the wait was longer than `policy.ivm.maxWaitMs`, at the moment it passed;
 *   `informed` says whether all four items had been given by the end of the wait. It cites
 *   A1.28 (an unfairly long wait), or A1.31 when the recipient was informed ("even where
 *   call recipients are given the kind of information described").
 *
 * A wait of exactly a limit is not longer than it. Returns the flags (none, one or two);
 * the empty result is a shared frozen array.
 */
export function ivmWait(record: CallRecord, policy: Policy): readonly IvmFlag[] {
  const waitMs = ivmWaitMs(record);
  const from = record.ivmAgentRequestedAt;
// Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent: waitMs is null whenever from is, and a null wait exceeds no limit
  if (waitMs === null || from === null) return NONE;
  return waitFlags(record, policy, from, waitMs);
}

/** The flags of a wait of `waitMs` from the request at `from` (see `ivmWait`). */
function waitFlags(record: CallRecord, policy: Policy, from: number, waitMs: number): readonly IvmFlag[] {
  const { maxWaitMs, maxWaitWithoutInfoMs } = policy.ivm;
  let flags: IvmFlag[] | null = null;
  if (waitMs > maxWaitWithoutInfoMs) {
    const limitAt = from + maxWaitWithoutInfoMs;
    const missing = missingQueueItems(record, limitAt);
    if (missing.length > 0) {
      flags = [flag('ivmNoQueueInfo', record.callId, limitAt, IVM_QUEUE_INFO_REF, { waitMs, limitMs: maxWaitWithoutInfoMs, missing })];
    }
  }
  if (waitMs > maxWaitMs) {
    const informed = missingQueueItems(record, from + waitMs).length === 0;
    const long = flag('ivmLongWait', record.callId, from + maxWaitMs, informed ? IVM_INFORMED_WAIT_REF : IVM_WAIT_REF, { waitMs, maxWaitMs, informed });
    if (flags === null) flags = [long];
    else flags.push(long);
  }
  return flags ?? NONE;
}

/**
 * How long a recipient who asked for an agent (A1.28) had waited by the last moment the
 * records saw the call going, when they show no end of the wait: no agent after the request and no
 * hang-up time. That moment is the call's last event, or the moment the host closed it
 * (`observedUntil`; the close is not read when the call did hang up at a time that could
 * not be read: who hung up is known, or an `invalidTime` hang-up anomaly). The wait was at
 * least this long. `null` when no agent was requested, or the wait ended (`ivmWaitMs` measures it).
 */
export function ivmWaitSeenMs(record: CallRecord): number | null {
  const from = record.ivmAgentRequestedAt;
  if (from === null || ivmWaitMs(record) !== null) return null;
  return Math.max(0, observedUntil(record) - from);
}

/** Why the IVM wait (A1.28–A1.31) is not judged on a call whose records show no end of the wait, and stop within the limit. */
export const IVM_WAIT_NOT_ENDED = 'no agent came and the records show no end of the wait: they stop (the call never hung up, was closed, or its hang-up time could not be read) before the wait passed the limit';

/**
 * A1.28–A1.31 IVM waits as a rule (`ivmWait`). Judged with no breach on a call whose
 * records show no answer (an IVM speaks only to a call that was answered). Not judged when the records
 * have no IVM facts (or no answer times), or — for a recipient who asked for an agent — no
 * agent or hang-up times. On a call that never ended (no agent after the request, no
 * hang-up: its records stop, or the host closed it), the wait is measured up to the last
 * moment the records saw the call (`ivmWaitSeenMs`): flagged when that is already longer
 * than `policy.ivm.maxWaitMs` (`waitMs` is then the wait up to that moment), else not
 * judged — never passed.
 */
export const ivmWaitRule: CallRule<'ivmLongWait' | 'ivmNoQueueInfo'> = {
  id: 'ivmWait',
  title: 'IVM waits for an agent',
  refs: [IVM_WAIT_REF, IVM_QUEUE_INFO_REF, IVM_INFORMED_WAIT_REF],
  flags: {
    ivmLongWait: { ref: IVM_WAIT_REF, title: 'IVM: held too long for an agent', misuse: true },
    ivmNoQueueInfo: { ref: IVM_QUEUE_INFO_REF, title: 'IVM: kept waiting without queue information', misuse: true },
  },
  judge(record, policy) {
    // The records show no answer (the answer time known, and none): no IVM spoke to anyone. A
    // recorded outcome of unconnected is not enough: the records may show an answer and a wait.
    if (record.answerAt === null && !isUnknown(record, 'answerAt')) return null;
    const noIvm = missingFacts(record, ['ivmAgentRequestedAt']);
    if (noIvm !== null) return notJudged(ivmWaitRule, noIvm);
    const from = record.ivmAgentRequestedAt;
    if (from === null) return null;
    const noEnd = missingFacts(record, ['agentAt', 'hangupAt']);
    if (noEnd !== null) return notJudged(ivmWaitRule, noEnd);
    const seenMs = ivmWaitSeenMs(record);
    if (seenMs === null) return ivmWait(record, policy); // none: an empty list, judged with no breach
    return seenMs > policy.ivm.maxWaitMs ? waitFlags(record, policy, from, seenMs) : notJudged(ivmWaitRule, IVM_WAIT_NOT_ENDED);
  },
};
