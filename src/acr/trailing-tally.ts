import type { ClassifiedCall } from '../classify.js';
import { createAcrTally, type AcrCell } from './counters.js';
import { addCounts, countKey, emptyCounts, type CallCounts } from './counts.js';
import type { ScopeTally } from './scope-tally.js';
import { acrRow, ACR_SCOPES, scopeIds, type AcrRow, type AcrScope } from './table.js';
import { ACR_TRAILING_DAYS, addDays, windowStart } from './trailing.js';

/** One scope's per-day counts over the days a trailing window can still reach. */
interface TrailingGroup {
  readonly scope: AcrScope;
  readonly ids: { campaignId: string | null; callCentreId: string | null };
  readonly days: Map<string, CallCounts>;
  /** The latest date counted. */
  latest: string;
}

/**
 * A running tally whose rows measure the trailing window — the `days` calendar days
 * ending on the call's date (US TSR 16 CFR 310.4(b)(4)(i): 30) — instead of the calendar
 * day (A3.3). Behind the `acr` operator when the window is `trailing30Days`.
 *
 * Algorithm: the cells (date × campaign × call centre) are counted as by `createAcrTally`,
 * so `counters()` is the same plain, mergeable value; each scope also keeps its counts per
 * day, and days that end before the window of its latest day are dropped, so memory holds
 * at most `days` + 1 days per scope. A call's row sums its scope's days from `date − (days − 1)`
 * to `date` (at most `days` additions). A call dated so late that its days were dropped
 * counts on its own day only.
 */
/* @__NO_SIDE_EFFECTS__ */
export function createTrailingScopeTally(
  timeZone: string,
  scopes: readonly AcrScope[] = ACR_SCOPES,
  alertRate: number | null = null,
  days: number = ACR_TRAILING_DAYS,
): ScopeTally {
  const tally = createAcrTally(timeZone);
  const groups = new Map<string, TrailingGroup>();
  const groupsOfCell = new WeakMap<AcrCell, TrailingGroup[]>();
  const groupsFor = (cell: AcrCell): TrailingGroup[] => {
    let list = groupsOfCell.get(cell);
    if (list === undefined) {
      list = scopes.map((scope) => {
        const ids = scopeIds(scope, cell);
        const key = JSON.stringify([scope, ids.campaignId, ids.callCentreId]);
        let group = groups.get(key);
        if (group === undefined) groups.set(key, (group = { scope, ids, days: new Map(), latest: '' }));
        return group;
      });
      groupsOfCell.set(cell, list);
    }
    return list;
  };
  const dayOf = (group: TrailingGroup, date: string): CallCounts => {
    let counts = group.days.get(date);
    if (counts === undefined) group.days.set(date, (counts = emptyCounts()));
    if (date > group.latest) {
      group.latest = date;
      const keepFrom = addDays(windowStart(date, days), -1);
      for (const d of group.days.keys()) if (d < keepFrom) group.days.delete(d);
    }
    return counts;
  };
  return {
    ...tally,
    addAndRows(call: ClassifiedCall): readonly AcrRow[] {
      const cell = tally.add(call);
      const key = countKey(call);
      const list = groupsFor(cell);
      const from = windowStart(cell.date, days);
      const rows: AcrRow[] = [];
      for (const group of list) {
        const today = dayOf(group, cell.date);
        today.calls += 1;
        today[key] += 1;
        const sum = emptyCounts();
        for (const [d, counts] of group.days) if (d >= from && d <= cell.date) addCounts(sum, counts);
        rows.push({ ...acrRow(cell.date, group.scope, group.ids, sum, alertRate), from });
      }
      return rows;
    },
  };
}
