/**
 * The trailing 30-day ACR window (US TSR 16 CFR 310.4(b)(4)(i), FCC 47 CFR
 * 64.1200(a)(7)(i)): the rate of a campaign over the 30 calendar days ending on a day,
 * built from the same per-day counts as the calendar-day rate (A3.3) by the ACR ledger, so
 * one set of counters serves both windows.
 */
import type { Policy } from '../policy/policy.js';

/** The period an ACR is measured over: a calendar day (Ofcom A3.3) or the 30 calendar days ending on each day (US TSR, FCC). */
export type AcrWindow = Policy['acr']['window'];

/** Calendar days in a `trailing30Days` window, the day itself included (16 CFR 310.4(b)(4)(i): "each successive 30-day period"). */
export const ACR_TRAILING_DAYS = 30;

const DAY_MS = 86_400_000;

/**
 * The calendar date (A3.3) `days` days after `date` (`YYYY-MM-DD`; negative goes back). Pure
 * calendar arithmetic: no zone is involved, so it is right across clock changes.
 */
export function addDays(date: string, days: number): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  const start = new Date(0);
  start.setUTCFullYear(y, m - 1, d); // not Date.UTC, which reads years 0–99 as 1900–1999
  const t = new Date(start.getTime() + days * DAY_MS);
  const yy = t.getUTCFullYear();
  const mm = t.getUTCMonth() + 1;
  const dd = t.getUTCDate();
  return `${String(yy).padStart(4, '0')}-${mm < 10 ? '0' : ''}${mm}-${dd < 10 ? '0' : ''}${dd}`;
}

/** The first date of the window of `days` calendar days ending on `date` (for 30 days: `date` − 29; 16 CFR 310.4(b)(4)(i)). */
export function windowStart(date: string, days: number = ACR_TRAILING_DAYS): string {
  return addDays(date, 1 - days);
}
