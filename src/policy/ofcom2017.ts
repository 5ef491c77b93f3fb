import type { Policy } from './policy.js';

const SECOND = 1000;
const HOUR = 3_600_000;
const weekdays8to21 = { start: '08:00', end: '21:00' } as const;

/**
 * Ofcom's statement of policy on persistent misuse, in force since 1 March 2017 — the default.
 *
 * Fixed by the policy: 15 s minimum ring (A2.15); message within 2 s of the start of
 * salutation when AMD decides, else of pickup (A2.19); 72 h repeat window (A2.9); calendar
 * day midnight to midnight (A3.3), here Europe/London; message content (A2.17); six months
 * of records (A2.23); 6–12 weeks of persistence (Section 1, here 12).
 *
 * Not prescribed, so these are library defaults to be set by the user: maximum ring 60 s
 * ("extended periods", A2.15); calling hours 08:00–21:00 every day in the recipient's zone
 * (A2.11 gives only "the middle of the night" as obvious); ACR alert at 3 % per scope and
 * day — the 2010 policy's prioritisation line, an alert only and never a safe harbour
 * (A4.12, A4.20) — raised by a running rate only once the day has 100 calls in x + y; IVM waits over 60 s, or over 15 s with no queue information (A1.28–A1.31);
 * more than 10 CLIs per campaign per day (A1.21–A1.23); scanning: 20 calls in a campaign
 * day ended by the caller within 3 s of ringing (A1.35).
 */
export const ofcom2017: Policy = /* @__PURE__ */ (() => ({
  id: 'ofcom2017',
  name: "Ofcom statement of policy on persistent misuse (2017)",
  sources: ['Ofcom, Persistent Misuse: a statement of Ofcom’s general policy on the exercise of its enforcement powers, 1 March 2017'],
  timeZone: 'Europe/London',
  ring: { minMs: 15 * SECOND, minRings: null, ringCycleMs: 6 * SECOND, maxMs: 60 * SECOND },
  message: {
    deadlineMs: 2 * SECOND,
    deadlineFrom: { withAmd: 'salutationStart', withoutAmd: 'pickup' },
    requiredContent: ['identifiesCaller', 'explainsAttempt', 'basicRateOptOutNumber', 'noMarketing'],
  },
  connection: { deadlineMs: null },
  repeat: { windowMs: 72 * HOUR },
  callingHours: [weekdays8to21, weekdays8to21, weekdays8to21, weekdays8to21, weekdays8to21, weekdays8to21, weekdays8to21],
  acr: { window: 'calendarDay', alertRate: 0.03, alertMinCalls: 100 },
  ivm: { maxWaitMs: 60 * SECOND, maxWaitWithoutInfoMs: 15 * SECOND },
  cli: { maxDistinctPerCampaignDay: 10, numberingPlan: 'uk' },
  scanning: { maxRingMs: 3 * SECOND, minCalls: 20 },
  retentionMonths: 6,
  persistenceWeeks: 12,
}))();
