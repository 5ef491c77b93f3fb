import type { CallCounts } from './counts.js';
import type { AcrResult } from './rate.js';

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
   * The rate is strictly above the alert level the user set, whatever the number of calls:
   * a mark on the row (an alert, never a safe harbour: A4.20). The `acrAlert` flag also
   * waits for `policy.acr.alertMinCalls`.
   */
  readonly alert: boolean;
}
