import type { CallCounts } from './counts.js';
import type { AcrResult } from './rate.js';

/**
 * A campaign's 30-day period so far (US TSR 16 CFR 310.4(b)(4)(i); FCC 47 CFR
 * 64.1200(a)(7)(i): "each successive 30-day period or portion thereof"): from the period's
 * first day to the row's date. See `src/acr/campaign-period.ts`.
 */
export interface AcrPeriodMeasure {
  /** The period's first day: the campaign's first day plus a whole number of 30 days. */
  readonly from: string;
  readonly counts: CallCounts;
  readonly acr: AcrResult;
}

/**
 * How to group the cells (A3.4 and its footnotes): per campaign (all call centres
 * aggregated), per call centre (all campaigns aggregated), per campaign in each call
 * centre (disaggregated), or everything together.
 */
export type AcrScope = 'campaign' | 'callCentre' | 'campaignCallCentre' | 'all';

/** Every scope, in the order tables list them. */
export const ACR_SCOPES: readonly AcrScope[] = ['all', 'campaign', 'callCentre', 'campaignCallCentre'];

/**
 * One row of the daily ACR table: a scope on a calendar day (A3.3) — or, for a
 * `trailing30Days` window (US TSR 16 CFR 310.4(b)(4)(i)), the 30 calendar days ending on
 * that day.
 */
export interface AcrRow {
  /** The calendar day; for a trailing window, the last day of the window. */
  readonly date: string;
  /** Trailing windows only: the window's first day (`date` − 29 for 30 days). Absent on calendar-day rows. */
  readonly from?: string;
  readonly scope: AcrScope;
  /** The campaign, for `campaign` and `campaignCallCentre` rows; else `null`. */
  readonly campaignId: string | null;
  /** The call centre, for `callCentre` and `campaignCallCentre` rows; else `null`. */
  readonly callCentreId: string | null;
  readonly counts: CallCounts;
  readonly acr: AcrResult;
  /**
   * Trailing windows only, on `campaign` and `campaignCallCentre` rows: the campaign's
   * successive 30-day period holding this date, from its first day to this date (16 CFR
   * 310.4(b)(4)(i) "or portion thereof"). Absent on calendar-day rows and other scopes.
   */
  readonly campaignPeriod?: AcrPeriodMeasure;
  /**
   * The rate is strictly above the alert level the user set, whatever the number of calls:
   * a mark on the row (an alert, never a safe harbour: A4.20). On a trailing row, the rate
   * of the 30 days ending on its date, or that of its `campaignPeriod`, is. The `acrAlert`
   * flag also waits for `policy.acr.alertMinCalls`.
   */
  readonly alert: boolean;
}
