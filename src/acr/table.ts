import type { Policy } from '../policy/policy.js';
import { countersZone, type AcrCounters } from './counters.js';
import { createAcrLedger } from './ledger.js';
import { ACR_SCOPES, type AcrRow, type AcrScope } from './scope.js';
import type { AcrWindow } from './trailing.js';

export { acrOf } from './rate.js';
export { ACR_SCOPES, type AcrPeriodMeasure, type AcrRow, type AcrScope } from './scope.js';

/** Options for `acrTable`. */
export interface AcrTableOptions {
  /** Scopes to list; default all four. */
  readonly scopes?: readonly AcrScope[];
  /** Alert level, 0–1; default none. `policy.acr.alertRate` is the usual source. */
  readonly alertRate?: number | null;
  /**
   * The period each row measures: `calendarDay` (default; A3.3), or `trailing30Days`
   * (`policy.acr.window` of the US policies): each row gives the scope's rate over the 30
   * calendar days ending on its date, and carries `from`.
   */
  readonly window?: AcrWindow;
}

/**
 * The daily ACR table (Annex 3): one row per calendar day and scope, with x, y, z, the
 * rate and whether it was estimated (A3.6). Sorted by date, scope, campaign, call centre.
 * Every rate above `alertRate` is marked, whatever the number of calls (A4.20: an alert,
 * never a safe harbour).
 *
 * With `window: 'trailing30Days'` (16 CFR 310.4(b)(4)(i)) there is still one row per day
 * on which the scope made calls, but its counts and rate are those of the 30 calendar
 * days ending on that day (days without calls count nothing), and `from` names the
 * window's first day. Its `campaign` and `campaignCallCentre` rows also carry
 * `campaignPeriod`: the campaign's successive 30-day period so far, from the campaign's
 * first day in the counters ("or portion thereof"), and are marked when either rate is
 * above the level. The counters are read into an ACR ledger (`createAcrLedger`).
 */
export function acrTable(counters: AcrCounters, options: AcrTableOptions = {}): readonly AcrRow[] {
  // Counters from elsewhere are checked before their zone is read (`AcrInputError`, never a TypeError on `null`).
  const ledger = createAcrLedger({ timeZone: countersZone(counters), scopes: options.scopes ?? ACR_SCOPES, window: options.window ?? 'calendarDay' });
  ledger.addCounters(counters);
  return ledger.table(options.alertRate ?? null);
}

/** `acrTable` with the alert level and the window (calendar day, or trailing 30 days) of `policy`. */
export function policyAcrTable(counters: AcrCounters, policy: Policy, scopes?: readonly AcrScope[]): readonly AcrRow[] {
  return acrTable(counters, { alertRate: policy.acr.alertRate, window: policy.acr.window, ...(scopes ? { scopes } : {}) });
}
