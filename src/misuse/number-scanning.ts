import { flag, type Flag } from '../flags.js';
import type { Policy } from '../policy/policy.js';
import type { CallRecord } from '../record.js';
import { ringStartAt } from '../rules/ring-time.js';

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
  return flag('numberScanning', null, at, 'A1.35', { campaignId, date, calls, minCalls, maxRingMs });
}
