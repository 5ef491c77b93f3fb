import type { Policy } from '../policy/policy.js';
import type { AcrCell, AcrCounters } from './counters.js';
import { addCounts, emptyCounts, type CallCounts } from './counts.js';
import { rateFrom, type AcrResult } from './rate.js';
import { ACR_TRAILING_DAYS, trailingCounts, type AcrWindow } from './trailing.js';

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
  /** The rate is above the alert level the user set (an alert, never a safe harbour: A4.20). */
  readonly alert: boolean;
}

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
 *
 * With `window: 'trailing30Days'` (16 CFR 310.4(b)(4)(i)) there is still one row per day
 * on which the scope made calls, but its counts and rate are those of the 30 calendar
 * days ending on that day (days without calls count nothing), and `from` names the
 * window's first day.
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
  const rows: Group[] = options.window === 'trailing30Days' ? trailingGroups([...groups.values()]) : [...groups.values()];
  return rows
    .sort(
      (a, b) =>
        a.date.localeCompare(b.date) ||
        order(a.scope) - order(b.scope) ||
        (a.ids.campaignId ?? '').localeCompare(b.ids.campaignId ?? '') ||
        (a.ids.callCentreId ?? '').localeCompare(b.ids.callCentreId ?? ''),
    )
    .map((g) => (g.from === undefined ? acrRow(g.date, g.scope, g.ids, g.counts, alertRate) : { ...acrRow(g.date, g.scope, g.ids, g.counts, alertRate), from: g.from }));
}

interface Group {
  readonly date: string;
  readonly scope: AcrScope;
  readonly ids: { campaignId: string | null; callCentreId: string | null };
  readonly counts: CallCounts;
  readonly from?: string;
}

/** Each scope's day groups replaced by the sums over the 30 days ending on each day. */
function trailingGroups(daily: readonly Group[]): Group[] {
  const byScope = new Map<string, Group[]>();
  for (const g of daily) {
    const key = JSON.stringify([g.scope, g.ids.campaignId, g.ids.callCentreId]);
    let list = byScope.get(key);
    if (list === undefined) byScope.set(key, (list = []));
    list.push(g);
  }
  const out: Group[] = [];
  for (const list of byScope.values()) {
    const first = list[0] as Group;
    for (const t of trailingCounts(list, ACR_TRAILING_DAYS)) out.push({ date: t.date, scope: first.scope, ids: first.ids, counts: t.counts, from: t.from });
  }
  return out;
}

/** `acrTable` with the alert level and the window (calendar day, or trailing 30 days) of `policy`. */
export function policyAcrTable(counters: AcrCounters, policy: Policy, scopes?: readonly AcrScope[]): readonly AcrRow[] {
  return acrTable(counters, { alertRate: policy.acr.alertRate, window: policy.acr.window, ...(scopes ? { scopes } : {}) });
}
