import { flag, type Flag } from '../../flags.js';
import type { Policy } from '../../policy/policy.js';
import { ruleInfo } from '../rule.js';

/** The paragraph of many CLIs. */
export const TOO_MANY_CLIS_REF = 'A1.21';

/** The measured values of a `tooManyClis` flag. */
export interface TooManyClisDetail {
  readonly campaignId: string;
  readonly date: string;
  readonly distinct: number;
  readonly max: number;
}

/** Rule information for reports (A1.21–A1.23): the flag is raised by the misuse rules. */
export const tooManyClisRule = /* @__PURE__ */ ruleInfo<'tooManyClis'>('tooManyClis', 'number of CLIs per campaign day', [TOO_MANY_CLIS_REF, 'A1.22', 'A1.23'], { tooManyClis: { ref: TOO_MANY_CLIS_REF, title: 'many CLIs in a campaign day', misuse: true } });

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
  return flag('tooManyClis', null, at, TOO_MANY_CLIS_REF, { campaignId, date, distinct, max });
}
