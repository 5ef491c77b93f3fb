import type { ClassifiedCall } from '../classify.js';
import { createAcrTally, type AcrCell, type AcrTally } from './counters.js';
import { countKey, emptyCounts, type CallCounts } from './counts.js';
import { acrRow, ACR_SCOPES, scopeIds, type AcrRow, type AcrScope } from './table.js';

/** A tally that also keeps every scope's running counts (A3.4), so the rows a call changes are ready at once. */
export interface ScopeTally extends AcrTally {
  /** Counts a call and returns the rows it changed: one per scope, on the call's calendar day. */
  addAndRows(call: ClassifiedCall): readonly AcrRow[];
}

/** Starts a scope tally in `timeZone` for `scopes` (default all four), with an optional alert level (A4.20: an alert only). */
export function createScopeTally(timeZone: string, scopes: readonly AcrScope[] = ACR_SCOPES, alertRate: number | null = null): ScopeTally {
  const tally = createAcrTally(timeZone);
  const groups = new Map<string, CallCounts>();
  const groupsOfCell = new WeakMap<AcrCell, CallCounts[]>();
  const groupsFor = (cell: AcrCell): CallCounts[] => {
    let list = groupsOfCell.get(cell);
    if (list === undefined) {
      list = scopes.map((scope) => {
        const ids = scopeIds(scope, cell);
        const key = JSON.stringify([cell.date, scope, ids.campaignId, ids.callCentreId]);
        let counts = groups.get(key);
        if (counts === undefined) {
          counts = emptyCounts();
          groups.set(key, counts);
        }
        return counts;
      });
      groupsOfCell.set(cell, list);
    }
    return list;
  };
  return {
    ...tally,
    addAndRows(call) {
      const cell = tally.add(call);
      const key = countKey(call);
      const list = groupsFor(cell);
      const rows: AcrRow[] = [];
      for (let i = 0; i < scopes.length; i++) {
        const scope = scopes[i] as AcrScope;
        const counts = list[i] as CallCounts;
        counts.calls += 1;
        counts[key] += 1;
        rows.push(acrRow(cell.date, scope, scopeIds(scope, cell), { ...counts }, alertRate));
      }
      return rows;
    },
  };
}
