/**
 * A2.15: an unanswered call must ring for at least 15 seconds before the caller gives up,
 * and must not be "left ringing for extended periods". Ring time runs from the moment the
 * line starts ringing (alerting) when the dialler reports it, else from the dial. The
 * ring arithmetic, the live machine's `minRingReached`/`maxRingReached` deadlines and the
 * `shortRing`/`longRing` flags all come from here.
 */
import { flag } from '../../flags.js';
import type { Policy } from '../../policy/policy.js';
import type { HangupCause } from '../../events.js';
import type { CallRecord } from '../../record.js';
import { isUnknown, missingFacts, notJudged, notJudgedUndetermined, type CallRule } from '../rule.js';

/** The paragraph of the ring-time rules. */
export const RING_TIME_REF = 'A2.15';

/** The measured values of a `shortRing` flag. */
export interface ShortRingDetail {
  readonly ringMs: number;
  readonly minMs: number;
  readonly rings: number;
  readonly minRings: number | null;
}

/** The measured values of a `longRing` flag. */
export interface LongRingDetail {
  readonly ringMs: number;
  readonly maxMs: number;
}

/** When ringing began: the alerting moment when the dialler reported it, else the dial (A2.15). */
export function ringStartAt(record: Pick<CallRecord, 'ringingAt' | 'dialAt'>): number {
  return record.ringingAt ?? record.dialAt;
}

/**
 * The hang-up causes that mean the network never alerted the called phone: the line was
 * busy, or the number does not exist. `noAnswer` and `rejected` come after ringing; a
 * `failed` call may have failed before or after alerting, so it is not listed.
 */
export const NOT_ALERTED_CAUSES: readonly HangupCause[] = /* @__PURE__ */ Object.freeze(['busy', 'invalidNumber'] as const);

/**
 * `true` when the call never rang (A2.15: "allowed to ring"): it was not answered, no
 * ringing (alerting) was reported, and it ended with a cause that means the phone was
 * never alerted (`NOT_ALERTED_CAUSES`). Such a call has no ring time to judge: no short
 * ring, no long ring.
 */
export function neverRang(record: Pick<CallRecord, 'ringingAt' | 'answerAt' | 'hangupCause'>): boolean {
  return record.ringingAt === null && record.answerAt === null && record.hangupCause !== null && NOT_ALERTED_CAUSES.includes(record.hangupCause);
}

/**
 * How long the call rang (A2.15): from `ringStartAt` to pickup, or to the hangup of an
 * unanswered call; `null` while it is still ringing.
 */
export function ringTimeMs(record: CallRecord): number | null {
  const end = record.answerAt ?? record.hangupAt;
  return end === null ? null : Math.max(0, end - ringStartAt(record));
}

/** Rings heard in `ringMs`, counting a ring as begun at the start of each cycle. */
export function ringsIn(ringMs: number, policy: Policy): number {
  return Math.ceil(ringMs / policy.ring.ringCycleMs);
}

/** The earliest moment the caller may give up on this call without a short ring (A2.15): the machine's `minRingReached`. */
export function minRingEndsAt(record: Pick<CallRecord, 'ringingAt' | 'dialAt'>, policy: Policy): number {
  return ringStartAt(record) + policy.ring.minMs;
}

/** The moment the call starts to be "left ringing for extended periods" (A2.15): the machine's `maxRingReached`. */
export function maxRingEndsAt(record: Pick<CallRecord, 'ringingAt' | 'dialAt'>, policy: Policy): number {
  return ringStartAt(record) + policy.ring.maxMs;
}

/** Why a ring judged from the dial is not judged: with no alerting time the ring may have been shorter. */
const NO_RINGING_TIMES = 'the records have no ringing (alerting) times, and measured from the dial the ring was long enough';

/**
 * A2.15 short ring: an unconnected call that the caller ended after ringing for less than
 * `policy.ring.minMs` (exactly the minimum is allowed) — or, where the policy counts rings
 * too, fewer than `minRings`. Calls the recipient or network ended never have a short
 * ring, nor do calls that never rang (`neverRang`: busy or invalid number, no ringing
 * reported — A2.15 is about calls "allowed to ring"). Not judged on an undetermined call,
 * or when the records have no hang-up time or do not say who hung up; when they have no
 * ringing times, a ring measured from the dial that is long enough is not judged (the
 * line may have started ringing later), a short one is flagged.
 */
export const shortRingRule: CallRule<'shortRing'> = {
  id: 'shortRing',
  title: '15 s minimum ring',
  refs: [RING_TIME_REF],
  flags: { shortRing: { ref: RING_TIME_REF, title: 'ring under the minimum' } },
  judge(record, policy, { categorisation }) {
    if (categorisation.category === 'undetermined') return notJudgedUndetermined(shortRingRule, categorisation);
    if (categorisation.category !== 'unconnected') return null;
    if (!isUnknown(record, 'hangupBy') && record.hangupBy !== 'caller') return null;
    if (neverRang(record)) return null;
    const missing = missingFacts(record, ['hangupAt', 'hangupBy']);
    if (missing !== null) return notJudged(shortRingRule, missing);
    const hangupAt = record.hangupAt;
    if (hangupAt === null) return null;
    const ringMs = Math.max(0, hangupAt - ringStartAt(record));
    const rings = ringsIn(ringMs, policy);
    const { minMs, minRings } = policy.ring;
    if (ringMs >= minMs || (minRings !== null && rings >= minRings)) {
      return isUnknown(record, 'ringingAt') ? notJudged(shortRingRule, NO_RINGING_TIMES) : null;
    }
    return flag('shortRing', record.callId, hangupAt, RING_TIME_REF, { ringMs, minMs, rings, minRings });
  },
};

/**
 * A2.15 long ring: an unconnected call left ringing longer than `policy.ring.maxMs` before
 * the caller or the network ended it (a recipient who rejects the call was not left
 * ringing, nor was a call that never rang: `neverRang`). Raised at the moment the maximum
 * passed. Not judged on an undetermined call, or when the records have no hang-up time,
 * or have no ringing times (or do not say who hung up) and the ring measured from the
 * dial is over the maximum.
 */
export const longRingRule: CallRule<'longRing'> = {
  id: 'longRing',
  title: 'maximum ring',
  refs: [RING_TIME_REF],
  flags: { longRing: { ref: RING_TIME_REF, title: 'left ringing for an extended period' } },
  judge(record, policy, { categorisation }) {
    if (categorisation.category === 'undetermined') return notJudgedUndetermined(longRingRule, categorisation);
    if (categorisation.category !== 'unconnected') return null;
    const noHangup = missingFacts(record, ['hangupAt']);
    if (noHangup !== null) return notJudged(longRingRule, noHangup);
    const hangupAt = record.hangupAt;
    // Stryker disable next-line ConditionalExpression: equivalent: with no hang-up time the ring measures negative, never long
    if (hangupAt === null || record.hangupBy === 'recipient' || neverRang(record)) return null;
    const ringMs = hangupAt - ringStartAt(record);
    if (ringMs <= policy.ring.maxMs) return null;
    const unsure = missingFacts(record, ['ringingAt', 'hangupBy']);
    if (unsure !== null) return notJudged(longRingRule, unsure);
    return flag('longRing', record.callId, maxRingEndsAt(record, policy), RING_TIME_REF, { ringMs, maxMs: policy.ring.maxMs });
  },
};
