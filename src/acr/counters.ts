import { DialguardError } from '../errors.js';
import { addCounts, emptyCounts, type CallCounts } from './counts.js';

/** The counts of one campaign in one call centre on one calendar day: the finest grain (A3.4). */
export interface AcrCell {
  /** Local calendar date, `YYYY-MM-DD`, in the counters' zone (A3.3). */
  readonly date: string;
  readonly campaignId: string;
  readonly callCentreId: string;
  readonly counts: CallCounts;
}

/**
 * ACR counters: plain, JSON-serialisable and mergeable, so dialler nodes can each keep
 * their own and combine them (`mergeCounters` is associative and commutative). Cells
 * are keyed by `cellKey(date, campaignId, callCentreId)`.
 */
export interface AcrCounters {
  /** IANA zone whose calendar days the cells count (A3.3). */
  readonly timeZone: string;
  readonly cells: Readonly<Record<string, AcrCell>>;
}

/** Counters from different time zones cannot be merged: their days are different intervals. */
export class CounterZoneMismatchError extends DialguardError {
  constructor(a: string, b: string) {
    super('ZONE_MISMATCH', `cannot merge ACR counters kept in ${a} with counters kept in ${b}: their calendar days differ`, null);
  }
}

/** The key of a cell: JSON of `[date, campaignId, callCentreId]`, unambiguous whatever the ids contain. */
export function cellKey(date: string, campaignId: string, callCentreId: string): string {
  return JSON.stringify([date, campaignId, callCentreId]);
}

/** Empty counters for `timeZone`. */
/* @__NO_SIDE_EFFECTS__ */
export function emptyCounters(timeZone: string): AcrCounters {
  return { timeZone, cells: {} };
}

function copyCell(cell: AcrCell): AcrCell {
  return { date: cell.date, campaignId: cell.campaignId, callCentreId: cell.callCentreId, counts: addCounts(emptyCounts(), cell.counts) };
}

/**
 * Sums two sets of counters cell by cell. Associative and commutative, with
 * `emptyCounters(zone)` as identity; neither input is changed.
 * @throws CounterZoneMismatchError when the zones differ.
 */
export function mergeCounters(a: AcrCounters, b: AcrCounters): AcrCounters {
  if (a.timeZone !== b.timeZone) throw new CounterZoneMismatchError(a.timeZone, b.timeZone);
  const cells: Record<string, AcrCell> = Object.create(null); // keys come from input: `__proto__` must stay a key
  for (const [key, cell] of Object.entries(a.cells)) cells[key] = copyCell(cell);
  for (const [key, cell] of Object.entries(b.cells)) {
    const mine = cells[key];
    if (mine === undefined) cells[key] = copyCell(cell);
    else addCounts(mine.counts, cell.counts);
  }
  return { timeZone: a.timeZone, cells };
}
