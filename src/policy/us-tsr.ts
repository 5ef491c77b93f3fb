import { ofcom2017 } from './ofcom2017.js';
import type { CallingWindow, Policy } from './policy.js';

const SECOND = 1000;
const eightToNine: CallingWindow = { start: '08:00', end: '21:00' };

/**
 * The US Federal Trade Commission's Telemarketing Sales Rule, 16 CFR Part 310: the call
 * abandonment safe harbor of § 310.4(b)(4), the abandoned-call definition of
 * § 310.4(b)(1)(iv), calling hours of § 310.4(c) and records of § 310.5.
 *
 * - Abandoned (§ 310.4(b)(1)(iv)): a person answers and the telemarketer does not connect
 *   the call to a sales representative within 2 s of the completed greeting →
 *   `connection.deadlineMs` 2 000, clock from `salutationEnd` (falls back to pickup when
 *   the end of the greeting is not reported). An agent too late, and a person-answered call
 *   no agent ever took (what Ofcom calls a silent call: dead air, a cut-off, an AMD false
 *   positive), are both abandoned calls, in x and x + y (`categorise` step 9).
 * - Abandonment rate (§ 310.4(b)(4)(i)): no more than 3 % of all calls answered by a person,
 *   "measured over the duration of a single calling campaign, if less than 30 days, or
 *   separately over each successive 30-day period or portion thereof that the campaign
 *   continues" → `acr.alertRate` 0.03, `acr.window` `trailing30Days`: each campaign day is
 *   measured two ways, over the trailing 30 days ending on it and over the campaign's
 *   30-day period holding it, from its first day to that day (periods from the campaign's
 *   first day counted: `src/acr/campaign-period.ts`), and is above the line when either
 *   is. The trailing window alone is not as strict: one ending in the last, partial period
 *   also takes in days of the period before, which can dilute the portion's rate; the
 *   period alone would miss a bad 30 days straddling two periods. Whether the rule's
 *   denominator matches Annex 3's x + y exactly (answer-machine calls, the A3.6 estimate)
 *   is **uncertain**: the library applies Annex 3 counting.
 * - Ring (§ 310.4(b)(4)(ii)): at least 15 s or four rings before disconnecting an
 *   unanswered call → `ring.minMs` 15 000, `minRings` 4, 6 s US ring cycle (2 s on, 4 s
 *   off). The maximum ring is not prescribed: library default 60 s.
 * - Message (§ 310.4(b)(4)(iii)): when no sales representative is available within 2 s of
 *   the completed greeting, promptly play a prerecorded message stating the seller's name
 *   and telephone number → deadline 2 s from `salutationEnd`, required content
 *   `identifiesCaller`. The telephone number cannot yet be checked: the only number
 *   element, `basicRateOptOutNumber`, judges UK basic rate and would fail every US
 *   number, so it is left out (a gap, not a permission).
 * - Calling hours (§ 310.4(c)): not before 8:00 a.m. or after 9:00 p.m. at the called
 *   person's location → 08:00–21:00 every day, in the recipient's zone (`record.zone`;
 *   `timeZone` America/New_York is only the default). The window's end is exclusive, so a
 *   call at exactly 21:00:00 is treated as after 9 p.m. (conservative).
 * - Records (§ 310.5, as amended in 2024): five years → `retentionMonths` 60.
 * - No repeat-call rule like Ofcom's 72 h (A2.9) → `repeat.windowMs` 0 (never flags).
 * IVM, CLI-count, scanning and persistence settings are the library's Ofcom-derived
 * defaults: the TSR prescribes none of them.
 */
export const usTsr: Policy = /* @__PURE__ */ (() => ({
  id: 'usTsr',
  name: 'US FTC Telemarketing Sales Rule (16 CFR 310)',
  sources: [
    '16 CFR 310.4(b)(1)(iv) — abandoned call: not connected to a sales representative within 2 seconds of the completed greeting',
    '16 CFR 310.4(b)(4) — call abandonment safe harbor: ≤ 3 % per campaign per 30-day period; ring 15 s or 4 rings; message within 2 s naming the seller and a number; records',
    '16 CFR 310.4(c) — calling hours 8 a.m. to 9 p.m. at the called person’s location',
    '16 CFR 310.5 — record keeping (five years, as amended 2024)',
  ],
  timeZone: 'America/New_York',
  ring: { minMs: 15 * SECOND, minRings: 4, ringCycleMs: 6 * SECOND, maxMs: 60 * SECOND },
  message: {
    deadlineMs: 2 * SECOND,
    deadlineFrom: { withAmd: 'salutationEnd', withoutAmd: 'salutationEnd' },
    requiredContent: ['identifiesCaller'],
  },
  connection: { deadlineMs: 2 * SECOND },
  repeat: { windowMs: 0 },
  callingHours: [eightToNine, eightToNine, eightToNine, eightToNine, eightToNine, eightToNine, eightToNine],
  acr: { window: 'trailing30Days', alertRate: 0.03, alertMinCalls: 100 },
  // IVM, CLI-count, scanning and persistence: the library's Ofcom-derived defaults (the TSR sets none).
  ivm: ofcom2017.ivm,
  cli: { ...ofcom2017.cli, numberingPlan: 'none' },
  scanning: ofcom2017.scanning,
  retentionMonths: 60,
  persistenceWeeks: ofcom2017.persistenceWeeks,
}))();
