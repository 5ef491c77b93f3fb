import { DialguardError } from '../errors.js';
import { printable, printableMessage } from '../text/printable.js';
import { daysInMonth } from '../time/civil.js';
import { isObject } from '../validate/fields.js';
import { describeReceived } from '../validate/received.js';
import { COUNT_FIELDS, emptyCounts, type CallCounts } from './counts.js';
import { AcrInputError } from './rate.js';

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
    super('ZONE_MISMATCH', `cannot merge ACR counters kept in ${printable(a, 80)} with counters kept in ${printable(b, 80)}: their calendar days differ`, null);
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

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `true` for a `YYYY-MM-DD` date of the (proleptic Gregorian) calendar, years 0001–9999: no 30 February, no month 13. */
export function isCalendarDate(date: string): boolean {
  const m = DATE.exec(date);
  if (m === null) return false;
  const y = Number(m[1]);
  const month = Number(m[2]);
  const d = Number(m[3]);
  return y >= 1 && month >= 1 && month <= 12 && d >= 1 && d <= daysInMonth(y, month);
}

/** A received value, described (`describeReceived`, strings cut at 40 characters). */
const received = (value: unknown): string => describeReceived(value, 40);

/** How a message names a cell: its key, escaped and cut short. */
const cellName = (key: string): string => `ACR counters: cell "${printable(key.slice(0, 81), 80)}"`;

/**
 * The counts of one cell read from counters kept elsewhere (another node's JSON), checked:
 * each counter a whole number of calls from 0 to `Number.MAX_SAFE_INTEGER` (a counter
 * missing, as in JSON written before it existed, counts 0), and `calls` at least the calls
 * its other counters add up to (every call counted is one of them at most). A fresh object.
 * @throws AcrInputError naming the cell (`where`) and the counter
 */
export function checkedCounts(counts: unknown, where: string): CallCounts {
  if (!isObject(counts)) throw new AcrInputError(`${where}: counts should be an object of whole numbers of calls; received ${received(counts)}`);
  const out = emptyCounts();
  let sorted = 0;
  for (const k of COUNT_FIELDS) {
    const n = counts[k];
    if (n === undefined) continue;
    if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0) {
      throw new AcrInputError(`${where}: counts.${k} should be a whole number of calls, 0 or more; received ${received(n)}`);
    }
    out[k] = n;
    if (k !== 'calls') sorted += n;
  }
  if (sorted > out.calls) {
    throw new AcrInputError(`${where}: counts.calls is ${out.calls}, fewer than the ${sorted} calls its other counts add up to (each call counted is in one of them at most)`);
  }
  return out;
}

/**
 * The date and ids of a cell, checked: `date` a calendar date `YYYY-MM-DD`, the ids strings.
 * @throws AcrInputError naming the cell (`where`) and the field
 */
export function checkCellIds(date: unknown, campaignId: unknown, callCentreId: unknown, where: string): void {
  if (typeof date !== 'string' || !isCalendarDate(date)) throw new AcrInputError(`${where}: date should be a calendar date, YYYY-MM-DD; received ${received(date)}`);
  if (typeof campaignId !== 'string') throw new AcrInputError(`${where}: campaignId should be a string; received ${received(campaignId)}`);
  if (typeof callCentreId !== 'string') throw new AcrInputError(`${where}: callCentreId should be a string; received ${received(callCentreId)}`);
}

/**
 * A cell of counters kept elsewhere, checked (`checkCellIds`, `checkedCounts`) and copied.
 * @throws AcrInputError naming the cell by its key, and the field
 */
export function checkedCell(key: string, cell: unknown): AcrCell {
  const where = cellName(key);
  if (!isObject(cell)) throw new AcrInputError(`${where} should be an object { date, campaignId, callCentreId, counts }; received ${received(cell)}`);
  const { date, campaignId, callCentreId } = cell;
  checkCellIds(date, campaignId, callCentreId, where);
  return { date: date as string, campaignId: campaignId as string, callCentreId: callCentreId as string, counts: checkedCounts(cell.counts, where) };
}

/**
 * Counters kept elsewhere, checked cell by cell (`checkedCell`): their zone, and their cells
 * as fresh copies, with the calls of all of them (at most `Number.MAX_SAFE_INTEGER`, so every
 * sum of their counts stays a whole number).
 * @throws AcrInputError naming the cell and the field
 */
export function checkedCounters(counters: unknown): { readonly timeZone: string; readonly cells: readonly (readonly [string, AcrCell])[]; readonly calls: number } {
  const timeZone = countersZone(counters);
  const { cells } = counters as { cells?: unknown };
  if (!isObject(cells)) throw new AcrInputError(`ACR counters: cells should be an object of cells by key; received ${received(cells)}`);
  const out: (readonly [string, AcrCell])[] = [];
  let calls = 0;
  for (const [key, cell] of Object.entries(cells)) {
    const c = checkedCell(key, cell);
    calls = addCalls(calls, c.counts.calls, cellName(key));
    out.push([key, c]);
  }
  return { timeZone, cells: out, calls };
}

/**
 * The zone of counters from elsewhere (Annex 3), checked before anything reads it.
 * @throws AcrInputError when `counters` is not an object or its `timeZone` not a string
 */
export function countersZone(counters: unknown): string {
  if (!isObject(counters)) throw new AcrInputError(`ACR counters should be an object { timeZone, cells }; received ${received(counters)}`);
  const { timeZone } = counters;
  if (typeof timeZone !== 'string') throw new AcrInputError(`ACR counters: timeZone should be an IANA zone name; received ${received(timeZone)}`);
  return timeZone;
}

/**
 * `total` + `more` calls, while the sum stays a whole number JavaScript counts exactly.
 * @throws AcrInputError beyond it, naming `what` (`ACR counters: cell "…"`)
 */
export function addCalls(total: number, more: number, what: string): number {
  const sum = total + more;
  if (sum > Number.MAX_SAFE_INTEGER) {
    throw new AcrInputError(`${what}: counts.calls ${more} would take the calls counted past ${Number.MAX_SAFE_INTEGER} (2^53 − 1), beyond which they cannot be counted exactly`);
  }
  return sum;
}

/** How a message names the cell of (date, campaign, call centre) given apart from counters: its key, escaped and cut short, whatever the values are. */
export function cellLabel(date: unknown, campaignId: unknown, callCentreId: unknown): string {
  const part = (v: unknown): string => (typeof v === 'string' ? v.slice(0, 41) : received(v));
  return `ACR counts of cell ${printableMessage(cellKey(part(date), part(campaignId), part(callCentreId)), 120)}`;
}

/**
 * Sums two sets of counters cell by cell. Associative and commutative, with
 * `emptyCounters(zone)` as identity; neither input is changed. Counters come from other
 * nodes, so both are checked first, cell by cell: a date that is not a calendar date, an id
 * that is not a string, a count that is not a whole number of calls from 0 (a string, a
 * negative number, an object), `calls` below the calls its other counts add up to, a key
 * that names different cells in the two, or more calls than can be counted exactly, is an
 * `AcrInputError` naming the cell and the field, and nothing is merged.
 * @throws CounterZoneMismatchError when the zones differ.
 * @throws AcrInputError for counters that could not have been counted (see above).
 */
export function mergeCounters(a: AcrCounters, b: AcrCounters): AcrCounters {
  const left = checkedCounters(a);
  const right = checkedCounters(b);
  if (left.timeZone !== right.timeZone) throw new CounterZoneMismatchError(left.timeZone, right.timeZone);
  const cells: Record<string, AcrCell> = Object.create(null); // keys come from input: `__proto__` must stay a key
  for (const [key, cell] of left.cells) cells[key] = cell;
  let calls = left.calls;
  for (const [key, cell] of right.cells) {
    calls = addCalls(calls, cell.counts.calls, cellName(key));
    const mine = cells[key];
    if (mine === undefined) {
      cells[key] = cell;
      continue;
    }
    if (mine.date !== cell.date || mine.campaignId !== cell.campaignId || mine.callCentreId !== cell.callCentreId) {
      throw new AcrInputError(`${cellName(key)} is ${printableMessage(cellKey(mine.date, mine.campaignId, mine.callCentreId).slice(0, 121), 120)} in one set of counters and ${printableMessage(cellKey(cell.date, cell.campaignId, cell.callCentreId).slice(0, 121), 120)} in the other`);
    }
    for (const k of COUNT_FIELDS) mine.counts[k] += cell.counts[k];
  }
  return { timeZone: left.timeZone, cells };
}
