import type { ClassifiedCall } from '../classify.js';
import { DialguardError } from '../errors.js';
import { zonedDay } from '../time/zoned-day.js';
import { addCounts, countKey, emptyCounts, type CallCounts } from './counts.js';

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

/** Same as `mergeCounters`. */
export const merge = mergeCounters;

/** A running, mutable tally behind the `acr` operator and `audit`; `counters()` hands out a plain copy. */
export interface AcrTally {
  readonly timeZone: string;
  /** Counts one classified call on its calendar day (by its dial time); returns the cell it changed. */
  add(call: ClassifiedCall): AcrCell;
  /** Adds a whole set of counters (e.g. from another node). */
  addCounters(counters: AcrCounters): void;
  /** A plain copy of the counters so far. */
  counters(): AcrCounters;
  /** The live cells (do not mutate). */
  cells(): ReadonlyMap<string, AcrCell>;
}

/** Starts a running tally in `timeZone`. */
export function createAcrTally(timeZone: string): AcrTally {
  const cells = new Map<string, AcrCell>();
  // Cells also indexed date → campaign → call centre, so counting a call builds no key string.
  const index = new Map<string, Map<string, Map<string, AcrCell>>>();
  const cellFor = (date: string, campaignId: string, callCentreId: string): AcrCell => {
    let byCampaign = index.get(date);
    if (byCampaign === undefined) index.set(date, (byCampaign = new Map()));
    let byCentre = byCampaign.get(campaignId);
    if (byCentre === undefined) byCampaign.set(campaignId, (byCentre = new Map()));
    let cell = byCentre.get(callCentreId);
    if (cell === undefined) {
      cell = { date, campaignId, callCentreId, counts: emptyCounts() };
      byCentre.set(callCentreId, cell);
      cells.set(cellKey(date, campaignId, callCentreId), cell);
    }
    return cell;
  };
  return {
    timeZone,
    add(call) {
      const r = call.record;
      const cell = cellFor(zonedDay(r.dialAt, timeZone).date, r.campaignId, r.callCentreId);
      cell.counts.calls += 1;
      cell.counts[countKey(call)] += 1;
      return cell;
    },
    addCounters(counters) {
      if (counters.timeZone !== timeZone) throw new CounterZoneMismatchError(timeZone, counters.timeZone);
      for (const c of Object.values(counters.cells)) addCounts(cellFor(c.date, c.campaignId, c.callCentreId).counts, c.counts);
    },
    counters() {
      const out: Record<string, AcrCell> = {};
      for (const [key, cell] of cells) out[key] = copyCell(cell);
      return { timeZone, cells: out };
    },
    cells: () => cells,
  };
}
