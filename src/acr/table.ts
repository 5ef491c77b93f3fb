import type { Policy } from '../policy/policy.js';
import type { AcrCell, AcrCounters } from './counters.js';
import { addCounts, emptyCounts, type CallCounts } from './counts.js';
import { rateFrom, type AcrResult } from './rate.js';

/**
 * How to group the cells (A3.4 and its footnotes): per campaign (all call centres
 * aggregated), per call centre (all campaigns aggregated), per campaign in each call
 * centre (disaggregated), or everything together.
 */
export type AcrScope = 'campaign' | 'callCentre' | 'campaignCallCentre' | 'all';

/** Every scope, in the order tables list them. */
export const ACR_SCOPES: readonly AcrScope[] = ['all', 'campaign', 'callCentre', 'campaignCallCentre'];

/** One row of the daily ACR table: a scope on a calendar day. */
export interface AcrRow {
  readonly date: string;
  readonly scope: AcrScope;
  /** The campaign, for `campaign` and `campaignCallCentre` rows; else `null`. */
  readonly campaignId: string | null;
  /** The call centre, for `callCentre` and `campaignCallCentre` rows; else `null`. */
  readonly callCentreId: string | null;
  readonly counts: CallCounts;
  readonly acr: AcrResult;
  /** The rate is above the alert level the user set (an alert, never a safe harbour: A4.20). */
  readonly alert: boolean;
}

/** Options for `acrTable`. */
export interface AcrTableOptions {
  /** Scopes to list; default all four. */
  readonly scopes?: readonly AcrScope[];
  /** Alert level, 0–1; default none. `policy.acr.alertRate` is the usual source. */
  readonly alertRate?: number | null;
}

/** The ACR of a set of counts. */
export function acrOf(counts: CallCounts): AcrResult {
  return rateFrom(counts.live, counts.machineToAgent, counts.abandonedLive, counts.abandonedUnknown);
}

/** The row identity of a cell under a scope. */
export function scopeIds(scope: AcrScope, cell: Pick<AcrCell, 'campaignId' | 'callCentreId'>): { campaignId: string | null; callCentreId: string | null } {
  return {
    campaignId: scope === 'campaign' || scope === 'campaignCallCentre' ? cell.campaignId : null,
    callCentreId: scope === 'callCentre' || scope === 'campaignCallCentre' ? cell.callCentreId : null,
  };
}

/** Builds a row from its identity and counts. */
export function acrRow(date: string, scope: AcrScope, ids: { campaignId: string | null; callCentreId: string | null }, counts: CallCounts, alertRate: number | null): AcrRow {
  const acr = acrOf(counts);
  return { date, scope, ...ids, counts, acr, alert: alertRate !== null && acr.rate !== null && acr.rate > alertRate };
}

/**
 * The daily ACR table (Annex 3): one row per calendar day and scope, with x, y, z, the
 * rate and whether it was estimated (A3.6). Sorted by date, scope, campaign, call centre.
 */
export function acrTable(counters: AcrCounters, options: AcrTableOptions = {}): readonly AcrRow[] {
  const scopes = options.scopes ?? ACR_SCOPES;
  const alertRate = options.alertRate ?? null;
  const groups = new Map<string, { date: string; scope: AcrScope; ids: { campaignId: string | null; callCentreId: string | null }; counts: CallCounts }>();
  for (const cell of Object.values(counters.cells)) {
    for (const scope of scopes) {
      const ids = scopeIds(scope, cell);
      const key = JSON.stringify([cell.date, scope, ids.campaignId, ids.callCentreId]);
      let group = groups.get(key);
      if (group === undefined) {
        group = { date: cell.date, scope, ids, counts: emptyCounts() };
        groups.set(key, group);
      }
      addCounts(group.counts, cell.counts);
    }
  }
  const order = (s: AcrScope): number => ACR_SCOPES.indexOf(s);
  return [...groups.values()]
    .sort(
      (a, b) =>
        a.date.localeCompare(b.date) ||
        order(a.scope) - order(b.scope) ||
        (a.ids.campaignId ?? '').localeCompare(b.ids.campaignId ?? '') ||
        (a.ids.callCentreId ?? '').localeCompare(b.ids.callCentreId ?? ''),
    )
    .map((g) => acrRow(g.date, g.scope, g.ids, g.counts, alertRate));
}

/** `acrTable` with the alert level of `policy`. */
export function policyAcrTable(counters: AcrCounters, policy: Policy, scopes?: readonly AcrScope[]): readonly AcrRow[] {
  return acrTable(counters, { alertRate: policy.acr.alertRate, ...(scopes ? { scopes } : {}) });
}
