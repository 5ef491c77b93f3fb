/**
 * A campaign's successive 30-day periods (US TSR 16 CFR 310.4(b)(4)(i): "measured over the
 * duration of a single calling campaign, if less than 30 days, or separately over each
 * successive 30-day period or portion thereof that the campaign continues"; FCC 47 CFR
 * 64.1200(a)(7)(i): "calculated separately for each successive 30-day period or portion
 * thereof that such calling campaign continues"). The trailing 30 days ending on a day
 * (`trailing.ts`) is the other measure a `trailing30Days` policy takes: a trailing window
 * ending in a last, partial period also takes in days of the period before, which can
 * dilute the portion's rate, so a day is above the line when either measure is.
 */
import { daysFromCivil } from '../time/civil.js';
import { addDays } from './trailing.js';

/** Calendar days in one of a campaign's successive periods (16 CFR 310.4(b)(4)(i); 47 CFR 64.1200(a)(7)(i)). */
export const ACR_PERIOD_DAYS = 30;

/** Days from 1970-01-01 to a `YYYY-MM-DD` date (calendar arithmetic: no zone). */
function dayNumber(date: string): number {
  return daysFromCivil(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)));
}

/**
 * The first day of the campaign's period that holds `date`: the campaign's first day plus a
 * whole number of `days`-day periods (`date` on or after `firstDay`; 16 CFR
 * 310.4(b)(4)(i)). Periods run `firstDay` … `firstDay` + 29, then + 30 … + 59, and so on;
 * the last one may be a portion.
 */
export function periodStart(firstDay: string, date: string, days: number = ACR_PERIOD_DAYS): string {
  const elapsed = dayNumber(date) - dayNumber(firstDay);
  return addDays(firstDay, Math.floor(elapsed / days) * days);
}
