import { flag, type Flag } from '../flags.js';
import type { Policy } from '../policy/policy.js';
import type { CallRecord } from '../record.js';

/** When ringing began: the alerting moment when the dialler reported it, else the dial (A2.15). */
export function ringStartAt(record: CallRecord): number {
  return record.ringingAt ?? record.dialAt;
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

/** The earliest moment the caller may give up on this call without a short ring (A2.15). */
export function minRingEndsAt(record: CallRecord, policy: Policy): number {
  return ringStartAt(record) + policy.ring.minMs;
}

/** The moment the call starts to be "left ringing for extended periods" (A2.15). */
export function maxRingEndsAt(record: CallRecord, policy: Policy): number {
  return ringStartAt(record) + policy.ring.maxMs;
}

/**
 * A2.15 short ring: an unanswered call that the caller ended after ringing for less than
 * `policy.ring.minMs` (exactly the minimum is allowed) — or, where the policy counts rings
 * too, fewer than `minRings`. Answered calls, and calls the recipient or network ended,
 * never have a short ring. Returns the flag, or `null`.
 */
export function shortRing(record: CallRecord, policy: Policy): Flag<'shortRing'> | null {
  if (record.answerAt !== null || record.hangupBy !== 'caller' || record.hangupAt === null) return null;
  const ringMs = Math.max(0, record.hangupAt - ringStartAt(record));
  const rings = ringsIn(ringMs, policy);
  const { minMs, minRings } = policy.ring;
  if (ringMs >= minMs) return null;
  if (minRings !== null && rings >= minRings) return null;
  return flag('shortRing', record.callId, record.hangupAt, 'A2.15', { ringMs, minMs, rings, minRings });
}

/**
 * A2.15 long ring: an unanswered call left ringing longer than `policy.ring.maxMs` before
 * the caller or the network ended it (a recipient who rejects the call was not left
 * ringing). Returns the flag, or `null`.
 */
export function longRing(record: CallRecord, policy: Policy): Flag<'longRing'> | null {
  if (record.answerAt !== null || record.hangupAt === null || record.hangupBy === 'recipient') return null;
  const ringMs = record.hangupAt - ringStartAt(record);
  if (ringMs <= policy.ring.maxMs) return null;
  return flag('longRing', record.callId, maxRingEndsAt(record, policy), 'A2.15', { ringMs, maxMs: policy.ring.maxMs });
}
