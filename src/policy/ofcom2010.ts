import { ofcom2017 } from './ofcom2017.js';
import type { Policy } from './policy.js';

/**
 * Ofcom's revised statement of policy on persistent misuse of 1 October 2010, replaced by
 * `ofcom2017` on 1 March 2017 — for auditing calls made while it applied, or for a user
 * who wants its prioritisation line as an alert.
 *
 * What the 2017 text itself says about the 2010 policy (the 2017 statement, Annex 4, is
 * the source kept in this repository):
 * - ACR: "the 3% abandoned call rate described in our 2010 policy, which was intended to be
 *   a criterion for prioritising cases for enforcement action" (A4.12, A4.20), "of the total
 *   number of calls made and connected to live recipients" (A4.5 footnote 51), per campaign
 *   (or call centre) per 24 hours. So `acr.alertRate` is 0.03 — still an alert, never a
 *   safe harbour (A4.20). The 24-hour period is read here as the calendar day (A3.3);
 *   whether the 2010 text meant a calendar day or any 24 hours is **uncertain**.
 * - "the revised policy is not substantially different to the 2010 policy in significant
 *   respects" (A4.18, A4.29): everything not listed below is taken from `ofcom2017`.
 *
 * Where 2010 differed, to our understanding (the 2010 text is not in this repository, so
 * these are **uncertain** and should be checked against it before relying on them):
 * - the information message was due within 2 s of pickup, or, with AMD, within 2 s of the
 *   *end* of the called person's greeting; 2017 moved the AMD clock to the *start* of
 *   salutation (A2.19 footnote 45). Hence `deadlineFrom.withAmd: 'salutationEnd'`.
 * - the ACR line was part of the policy itself (3 % per campaign per 24 h); 2017 dropped
 *   any specific rate as a prioritisation criterion (A4.27 footnote 53).
 * The 15 s minimum ring, the 72 h repeat rule with a guaranteed agent, and the Annex 3
 * estimate for AMD are believed to be the same in both (uncertain in detail); records kept
 * six months as in 2017 (uncertain for 2010). Calling hours, IVM, CLI-count and scanning
 * thresholds are library defaults, as in `ofcom2017`.
 */
export const ofcom2010: Policy = /* @__PURE__ */ (() => ({
  ...ofcom2017,
  id: 'ofcom2010',
  name: 'Ofcom revised statement of policy on persistent misuse (2010)',
  sources: [
    'Ofcom, Revised statement of policy on the persistent misuse of an electronic communications network or service, 1 October 2010 (not in this repository; differences marked uncertain)',
    'Ofcom, Persistent Misuse statement of policy, 1 March 2017, Annex 4 (A4.5 footnote 51, A4.12, A4.20, A4.27, A4.29)',
  ],
  message: { ...ofcom2017.message, deadlineFrom: { withAmd: 'salutationEnd', withoutAmd: 'pickup' } },
  acr: { window: 'calendarDay', alertRate: 0.03, alertMinCalls: 100 },
}))();
