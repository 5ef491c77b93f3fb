import type { CallingWindow, Policy } from './policy.js';
import { usTsr } from './us-tsr.js';

const weekday: CallingWindow = { start: '09:00', end: '21:30' };
const weekend: CallingWindow = { start: '10:00', end: '18:00' };

/**
 * Canada: the CRTC's Unsolicited Telecommunications Rules, Part III (Telemarketing Rules).
 *
 * - Calling hours: 9:00 a.m.–9:30 p.m. on weekdays and 10:00 a.m.–6:00 p.m. on weekends,
 *   in the called consumer's time zone → Sunday and Saturday 10:00–18:00, Monday–Friday
 *   09:00–21:30. Statutory holidays are not modelled (a gap: the hours on them are
 *   **uncertain** here).
 * - Abandoned call: one not connected to a telemarketer within 2 s of the consumer's
 *   completed greeting → `connection.deadlineMs` 2 000 from `salutationEnd`. The message
 *   deadline (2 s from the same moment) and its content (identify the telemarketer or
 *   client; a number to call) are taken to match and are **uncertain** in detail; only
 *   `identifiesCaller` is checked (the number element judges UK basic rate).
 * - Abandonment rate: 5 % of calls answered by a live person, per campaign per day →
 *   `acr.alertRate` 0.05, `acr.window` `calendarDay`. Our understanding of the CRTC figure;
 *   **uncertain** — check the current Rules.
 * - Records of calls, including abandoned calls, kept three years → `retentionMonths` 36
 *   (**uncertain** in scope).
 * - Minimum ring time: no CRTC figure known to us; the library default 15 s (**uncertain**).
 * - No 72 h repeat rule like Ofcom's A2.9 → `repeat.windowMs` 0 (never flags).
 * `timeZone` America/Toronto is only the default; give each call its recipient's zone.
 * IVM, CLI-count, scanning and persistence settings are library defaults.
 */
export const canadaCrtc: Policy = /* @__PURE__ */ (() => ({
  // The same 2 s connection and message deadlines from the completed greeting, 15 s ring,
  // no repeat rule, and library defaults as the US TSR; the rest is the CRTC's own.
  ...usTsr,
  id: 'canadaCrtc',
  name: 'CRTC Unsolicited Telecommunications Rules, Part III — Telemarketing (Canada)',
  sources: ['CRTC Unsolicited Telecommunications Rules, Part III (Telemarketing Rules): calling hours, abandoned calls, records'],
  timeZone: 'America/Toronto',
  ring: { ...usTsr.ring, minRings: null },
  callingHours: [weekend, weekday, weekday, weekday, weekday, weekday, weekend],
  acr: { window: 'calendarDay', alertRate: 0.05, alertMinCalls: 100 },
  retentionMonths: 36,
}))();
