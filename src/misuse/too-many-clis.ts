import { flag, type Flag } from '../flags.js';
import type { Policy } from '../policy/policy.js';

/**
 * A1.21–A1.23 many CLIs: a campaign presented more distinct CLIs on one calendar day
 * (`date`, in the policy's zone) than `policy.cli.maxDistinctPerCampaignDay` — a threshold
 * the policy does not prescribe, so a prompt to look at why, not a verdict (A1.21 allows
 * good reasons). `distinct` is the count after the call at `at`.
 *
 * Returns the flag — about the campaign and day, so `callId` is `null` — or `null`.
 */
export function tooManyClis(campaignId: string, date: string, distinct: number, at: number, policy: Policy): Flag<'tooManyClis'> | null {
  const max = policy.cli.maxDistinctPerCampaignDay;
  if (distinct <= max) return null;
  return flag('tooManyClis', null, at, 'A1.21', { campaignId, date, distinct, max });
}
