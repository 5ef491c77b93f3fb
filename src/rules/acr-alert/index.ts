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
  /** Calls in x + y on that day in that scope. */
  readonly calls: number;
  /** The fewest calls in x + y before a running rate may alert (`policy.acr.alertMinCalls`). */
  readonly minCalls: number;
}

/** Rule information for reports (A3.4): the alert is raised by the misuse rules (`./alerts.ts`). */
export const acrAlertRule = /* @__PURE__ */ ruleInfo<'acrAlert'>('acrAlert', 'ACR alert level', [ACR_ALERT_REF, 'A4.12', 'A4.20'], { acrAlert: { ref: ACR_ALERT_REF, title: 'ACR above the alert level (an alert, never a safe harbour)' } });
