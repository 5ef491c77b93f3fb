import type { Policy } from './policy.js';
import { usTsr } from './us-tsr.js';

/**
 * The US Federal Communications Commission's rule under the TCPA, 47 CFR 64.1200(a)(7):
 * the Telemarketing Sales Rule's abandonment limits (`usTsr`) plus an automated opt-out in
 * the abandonment message.
 *
 * - (a)(7)(i): no more than 3 % of calls answered by a live person, measured over a 30-day
 *   period for a single calling campaign; a call is abandoned if not connected to a live
 *   sales representative within 2 s of the called person's completed greeting → as `usTsr`.
 * - (a)(7)(i)(A): the prerecorded message identifies the caller and gives a telephone
 *   number, and (with § 64.1200(b)(2)) offers an automated, interactive voice- or key
 *   press-activated opt-out → required content `identifiesCaller`, `automatedOptOut`, and
 *   `noMarketing` (the message is limited to the identification and opt-out). The number
 *   is not checked, as in `usTsr`.
 * - (a)(7)(ii): ring at least 15 s or four rings → as `usTsr`.
 * - § 64.1200(c)(1): no calls before 8 a.m. or after 9 p.m. local time at the called
 *   party's location → as `usTsr`.
 * - (a)(7)(iv): records establishing compliance. The FCC period is **uncertain** here;
 *   five years (as the TSR) is kept, which covers the TCPA's four-year limitation period.
 */
export const usFcc: Policy = /* @__PURE__ */ (() => ({
  ...usTsr,
  id: 'usFcc',
  name: 'US FCC rule on abandoned telemarketing calls (47 CFR 64.1200(a)(7))',
  sources: [
    '47 CFR 64.1200(a)(7) — abandonment ≤ 3 % per campaign per 30 days; 2 s after the completed greeting; ring 15 s or 4 rings; message with an automated opt-out',
    '47 CFR 64.1200(b)(2) — automated, interactive opt-out mechanism in prerecorded messages',
    '47 CFR 64.1200(c)(1) — calling hours 8 a.m. to 9 p.m. at the called party’s location',
  ],
  message: { ...usTsr.message, requiredContent: ['identifiesCaller', 'noMarketing', 'automatedOptOut'] },
}))();
