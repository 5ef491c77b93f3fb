import { flag, type Flag } from '../../flags.js';
import type { Policy } from '../../policy/policy.js';
import type { CallRecord } from '../../record.js';
import { ringStartAt } from '../ring-time/index.js';
import { isUnknown, ruleInfo } from '../rule.js';

/** The paragraph of number scanning. */
export const NUMBER_SCANNING_REF = 'A1.35';

/** The measured values of a `numberScanning` flag. */
export interface NumberScanningDetail {
  readonly campaignId: string;
  readonly date: string;
  readonly calls: number;
  readonly minCalls: number;
  readonly maxRingMs: number;
}

/** Rule information for reports (A1.35–A1.36): the flag is raised by the misuse rules. */
export const numberScanningRule = /* @__PURE__ */ ruleInfo<'numberScanning'>('numberScanning', 'number scanning', [NUMBER_SCANNING_REF, 'A1.36'], { numberScanning: { ref: NUMBER_SCANNING_REF, title: 'number scanning', misuse: true } });

/**
 * Why the records cannot show whether the call was a probe (A1.35), or `null` when they
 * can: no answer or hang-up times, or not who hung up; or no ringing time for an
 * unanswered call the caller ended more than `policy.scanning.maxRingMs` after the dial —
 * ringing may have started late enough for it to be a probe (one ended within that time
 * of the dial was one for certain, as ringing starts at or after the dial).
 */
export function probeUnknownReason(record: CallRecord, policy: Policy): string | null {
  if (isUnknown(record, 'answerAt') || isUnknown(record, 'hangupAt') || isUnknown(record, 'hangupBy')) {
    return 'the records cannot show whether an unanswered call was a probe (no hang-up facts)';
  }
  const ringUnknown =
    isUnknown(record, 'ringingAt') &&
    record.answerAt === null &&
    record.hangupBy === 'caller' &&
    record.hangupAt !== null &&
    record.hangupAt - record.dialAt > policy.scanning.maxRingMs;
  return ringUnknown ? 'the records cannot show whether an unanswered call was a probe (no ringing time, and it ended more than maxRingMs after the dial)' : null;
}

/**
 * A1.35 a probe call: one the caller ended, unanswered, within `policy.scanning.maxRingMs`
 * of the start of ringing (the alerting moment, else the dial) — "as soon as a tone is
 * received which establishes the status of a particular number, the call is terminated".
 * Exactly `maxRingMs` still counts.
 */
export function isScanningProbe(record: CallRecord, policy: Policy): boolean {
  return (
    record.answerAt === null &&
    record.hangupBy === 'caller' &&
    record.hangupAt !== null &&
    record.hangupAt - ringStartAt(record) <= policy.scanning.maxRingMs
  );
}

/**
 * A1.35–A1.36 number scanning: on one calendar day (`date`, in the policy's zone) a campaign
 * made `calls` probe calls (`isScanningProbe`) to numbers it did not otherwise call that
 * day, and that reaches `policy.scanning.minCalls` (at least one) — a threshold the policy
 * does not prescribe. `calls` is the count after the call at `at`.
 *
 * Returns the flag — about the campaign and day, so `callId` is `null` — or `null`.
 */
export function numberScanning(campaignId: string, date: string, calls: number, at: number, policy: Policy): Flag<'numberScanning'> | null {
  const { minCalls, maxRingMs } = policy.scanning;
  if (calls < Math.max(1, minCalls)) return null;
  return flag('numberScanning', null, at, NUMBER_SCANNING_REF, { campaignId, date, calls, minCalls, maxRingMs });
}
