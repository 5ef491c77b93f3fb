/**
 * A3.4 with A4.12 and A4.20: the Abandoned Call Rate of a scope on a calendar day, against
 * the alert level the user chose — an alert, never a safe harbour.
 */
import { ruleInfo } from '../rule.js';

/** The paragraph of the ACR per scope and day. */
export const ACR_ALERT_REF = 'A3.4';

/** The measured values of an `acrAlert` flag: the scope's day, its running rate against the level, and the sample. */
export interface AcrAlertDetail {
  readonly date: string;
  readonly scope: string;
  readonly campaignId: string | null;
  readonly callCentreId: string | null;
  readonly rate: number;
  readonly alertRate: number;
  readonly x: number;
  readonly y: number;
  readonly z: number;
  readonly estimated: boolean;
  /**
   * Under a `trailing30Days` policy (US TSR, FCC), the period the rate is of: the 30 days
   * ending on `date`, or the campaign's 30-day period so far (16 CFR 310.4(b)(4)(i)); absent
   * for the calendar day (A3.3).
   */
  readonly period?: 'trailing30Days' | 'campaignPeriod';
  /** With `period`: its first day (the rate, x, y, z and calls are from it to `date`). */
  readonly from?: string;
  /** Calls in x + y on that day in that scope (with `period`: over that period). */
  readonly calls: number;
  /** The fewest calls in x + y before a running rate may alert (`policy.acr.alertMinCalls`). */
  readonly minCalls: number;
}

/** Rule information for reports (A3.4): the alert is raised by the misuse rules (`./alerts.ts`). */
export const acrAlertRule = /* @__PURE__ */ ruleInfo<'acrAlert'>('acrAlert', 'ACR alert level', [ACR_ALERT_REF, 'A4.12', 'A4.20'], { acrAlert: { ref: ACR_ALERT_REF, title: 'ACR above the alert level (an alert, never a safe harbour)' } });
