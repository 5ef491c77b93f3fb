/**
 * The ACR ledger: the one place calls are counted for Annex 3. The `acr` operator, the ACR
 * alert, the pacing governor, `acrTable`, the report and `audit` all count through it, as
 * RxJS's `scan` and `reduce` share one accumulator.
 */
import type { ClassifiedCall } from '../classify.js';
import { hasCalendarDay, zonedDay } from '../time/zoned-day.js';
import type { CountTable } from './count-table.js';
import { createLedgerStore, SCOPE_ORDER, type LedgerStore } from './ledger-store.js';
import { addCalls, cellKey, cellLabel, checkCellIds, checkedCounters, checkedCounts, CounterZoneMismatchError, type AcrCell, type AcrCounters } from './counters.js';
import { addVector, COUNT_FIELDS, COUNT_INDEX, COUNT_STRIDE, countKey, countsAt, type CallCounts } from './counts.js';
import { aboveLevel, acrOf, rateOnly } from './rate.js';
import { ACR_SCOPES, type AcrRow, type AcrScope } from './scope.js';
import { ACR_TRAILING_DAYS, addDays, type AcrWindow } from './trailing.js';

/** Options for `createAcrLedger`. */
export interface AcrLedgerOptions {
  /** IANA zone whose calendar days are counted (A3.3). */
  readonly timeZone: string;
  /**
   * Scopes (A3.4) whose running counts are kept besides the cells, so their rows are ready
   * after each call; default all four. `[]` keeps the cells only (campaign × call centre ×
   * day). Scopes not asked for cost nothing.
   */
  readonly scopes?: readonly AcrScope[];
  /** The period rows measure: `calendarDay` (default, A3.3) or `trailing30Days` (US TSR 16 CFR 310.4(b)(4)(i)). */
  readonly window?: AcrWindow;
  /**
   * Keep only the days within this many calendar days of the latest day counted (the rest
   * are dropped as the days advance), for endless streams that need recent days only;
   * default `null`, every day. A trailing window needs at least 30.
   */
  readonly retainDays?: number | null;
}

/**
 * A running tally of classified calls per cell (calendar day × campaign × call centre) and
 * per scope and day. Slots are numbers: `add` returns the call's cell, and `scopeSlot`
 * gives the slot of the cell's day in a scope. State per slot is a key and ten numbers.
 */
/** What `AcrLedger.add` answers for a call on no calendar day: no cell. */
export const NO_CELL = -1;

export interface AcrLedger {
  readonly timeZone: string;
  /** The scopes kept, in `ACR_SCOPES` order. */
  readonly scopes: readonly AcrScope[];
  readonly window: AcrWindow;
  /**
   * Counts one call on the calendar day of its dial (A3.3); returns its cell. A call whose
   * dial has no calendar day (a `timeOutOfRange` record) is on no day: it is not counted,
   * and the answer is `NO_CELL` (whose date is `''` and whose rows are none).
   */
  add(call: ClassifiedCall): number;
  /**
   * Adds counts kept elsewhere to a cell (and its scopes); returns the cell. The date, ids and
   * counts are checked as `mergeCounters` checks a cell (a calendar date, string ids, whole
   * counts from 0, `calls` at least the calls the other counts add up to).
   * @throws AcrInputError for a cell that could not have been counted, naming the field
   */
  addCounts(date: string, campaignId: string, callCentreId: string, counts: Readonly<CallCounts>): number;
  /**
   * Adds a whole set of counters (e.g. another node's), checked cell by cell first as
   * `mergeCounters` checks them: a bad cell adds nothing of the set.
   * @throws CounterZoneMismatchError for another zone.
   * @throws AcrInputError for a cell that could not have been counted, naming the cell and the field
   */
  addCounters(counters: AcrCounters): void;
  /** The cell of a call, without counting it (the cell just counted for the same record is found at once). */
  cellOf(call: ClassifiedCall): number;
  /** A cell's date, campaign and call centre. */
  cellDate(cell: number): string;
  cellCampaign(cell: number): string;
  cellCentre(cell: number): string;
  /** The slot of the cell's day in `scope` (one of the ledger's scopes). */
  scopeSlot(cell: number, scope: AcrScope): number;
  /** A scope's slot for a day and ids, or -1 when it has none. */
  find(scope: AcrScope, date: string, campaignId: string | null, callCentreId: string | null): number;
  /** Slots a scope has ever used (an upper bound for arrays kept beside it); 0 for a scope not kept. */
  capacity(scope: AcrScope): number;
  /** Starts keeping `scopes` too, filled from the cells counted so far (the ledger counts them from then on). */
  keep(scopes: readonly AcrScope[]): void;
  /** A scope-day's counts over its calendar day (A3.3). */
  dayCounts(scope: AcrScope, slot: number): CallCounts;
  /**
   * A scope-day's rate over its calendar day (`acrOf(dayCounts(…)).rate`) and its calls in
   * x + y (`callsInRate`), read without building a row: the alert's test on every call.
   */
  dayRate(scope: AcrScope, slot: number): number | null;
  dayCallsInRate(scope: AcrScope, slot: number): number;
  /** A scope-day's counts over `window` (default the ledger's): the day, or the 30 days ending on it. */
  windowCounts(scope: AcrScope, slot: number, window?: AcrWindow): CallCounts;
  /**
   * A scope-day's row (`acrTable`'s row), marked when strictly above `alertRate` (A4.20: an
   * alert only), over `window` (default the ledger's: the day, or the 30 days ending on it).
   */
  row(scope: AcrScope, slot: number, alertRate: number | null, window?: AcrWindow): AcrRow;
  /** The rows of every kept scope on the cell's day, after the call: what the `acr` operator emits. */
  rows(cell: number, alertRate: number | null): AcrRow[];
  /** Calls `fn` with every day of `scope` (none for a scope not kept). Reading a scope not kept otherwise throws a `RangeError`. */
  forEachDay(scope: AcrScope, fn: (slot: number, date: string, campaignId: string | null, callCentreId: string | null) => void): void;
  /** Every row of the kept scopes, sorted by date, scope, campaign, call centre. */
  table(alertRate: number | null): AcrRow[];
  /** The cells as plain, mergeable counters. */
  counters(): AcrCounters;
  /** Cells held. */
  size(): number;
}

const LIVE: number = /* @__PURE__ */ (() => COUNT_INDEX.live)();
const ABANDONED_LIVE: number = /* @__PURE__ */ (() => COUNT_INDEX.abandonedLive)();
const ABANDONED_UNKNOWN: number = /* @__PURE__ */ (() => COUNT_INDEX.abandonedUnknown)();
const MACHINE_TO_AGENT: number = /* @__PURE__ */ (() => COUNT_INDEX.machineToAgent)();
/** The counters besides `calls`, with their positions. */
const COUNTED: readonly (readonly [number, keyof CallCounts])[] = /* @__PURE__ */ (() => COUNT_FIELDS.flatMap((k, i) => (i === 0 ? [] : [[i, k] as const])))();

/** A scope-day's rate over its calendar day, read from its count vector (`rateFrom`: Annex 3, A3.6). */
function dayRateOf(t: CountTable, slot: number): number | null {
  const d = t.data();
  const at = slot * COUNT_STRIDE;
  return rateOnly(d[at + LIVE]!, d[at + MACHINE_TO_AGENT]!, d[at + ABANDONED_LIVE]!, d[at + ABANDONED_UNKNOWN]!);
}

/** A scope's counts summed over the days of the window ending on a slot's date (`dates`: that window's days). */
function trailingSum(t: CountTable, slot: number, dates: (date: string) => readonly string[]): CallCounts {
  const id = t.id(slot);
  const sum = new Float64Array(COUNT_STRIDE);
  for (const d of dates(t.date(slot))) {
    const s = t.find(d, id);
    if (s < 0) continue;
    addVector(sum, 0, t.data(), s * COUNT_STRIDE);
  }
  return countsAt(sum, 0);
}

/** Adds counts to the cell of (date, campaign, call centre) and its scopes' days; returns the cell. */
function addCountsTo(store: LedgerStore, date: string, campaignId: string, callCentreId: string, counts: Readonly<CallCounts>): number {
  store.advance(date);
  const cell = store.cellFor(date, campaignId, callCentreId);
  let counted = 0;
  for (const [i, key] of COUNTED) {
    const n = counts[key] ?? 0;
    counted += n;
    store.bump(cell, i, n);
  }
  // `calls` as given (counters from elsewhere need not sum their fields to it). Bumped even by 0, so
  // a cell of no calls has its day in every kept scope, as its own row has.
  store.bump(cell, 0, (counts.calls ?? 0) - counted);
  return cell;
}

/** The order of `acrTable`: date, scope, campaign, call centre. */
function tableOrder(a: AcrRow, b: AcrRow): number {
  return (
    a.date.localeCompare(b.date) ||
    SCOPE_ORDER[a.scope] - SCOPE_ORDER[b.scope] ||
    (a.campaignId ?? '').localeCompare(b.campaignId ?? '') ||
    // Stryker disable next-line StringLiteral: rows still tied here have call centres (one all row a day; campaign rows differ by campaign)
    (a.callCentreId ?? '').localeCompare(b.callCentreId ?? '')
  );
}

/** The cells of a store as plain, mergeable counters (A3.4). */
function countersOf(store: LedgerStore, timeZone: string): AcrCounters {
  const out: Record<string, AcrCell> = {};
  const cells = store.cells;
  cells.forEach((cell) => {
    const date = cells.date(cell);
    const campaignId = store.cellCampaign(cell);
    const callCentreId = store.cellCentre(cell);
    out[cellKey(date, campaignId, callCentreId)] = { date, campaignId, callCentreId, counts: countsAt(cells.data(), cell * COUNT_STRIDE) };
  });
  return { timeZone, cells: out };
}

/**
 * Starts an ACR ledger (Annex 3). Counting a call:
 * 1. its calendar date from its dial time in `timeZone` (A3.3; 23- and 25-hour days included);
 * 2. one count in its cell (campaign × call centre × day, the finest grain), and in the day
 *    of each kept scope (A3.4): `all`, `campaign`, `callCentre` (`campaignCallCentre` is the
 *    cell itself);
 * 3. with `retainDays`, days older than that behind the latest are dropped.
 * Reading: counts per scope and day, or summed over the 30 days ending on it; the rate with
 * x, y, z and the A3.6 estimate comes from `acrOf` (src/acr/rate.ts) alone.
 */
/* @__NO_SIDE_EFFECTS__ */
export function createAcrLedger(options: AcrLedgerOptions): AcrLedger {
  const timeZone = options.timeZone;
  const window: AcrWindow = options.window ?? 'calendarDay';
  const asked = options.scopes ?? ACR_SCOPES;
  const store = createLedgerStore(asked, options.retainDays ?? null);
  const { cells, scopes, tableOf, kept, idFor, idsOf, cellFor, bump } = store;
  let lastRecord: object | null = null;
  let lastCell = NO_CELL;
  // Stryker disable next-line StringLiteral: a one-day memo of the window's dates; computing them again gives the same dates
  let windowDatesFor = '';
  // Stryker disable next-line ArrayDeclaration: the memo's dates are computed before they are read
  let windowDates: string[] = [];

  const datesOfWindow = (date: string): string[] => {
    // Stryker disable next-line ConditionalExpression: equivalent: the memo; computing the dates again gives the same dates
    if (date !== windowDatesFor) {
      windowDates = Array.from({ length: ACR_TRAILING_DAYS }, (_, i) => addDays(date, -i));
      windowDatesFor = date;
    }
    return windowDates;
  };

  /** Calls added as counts from elsewhere (`addCounts`, `addCounters`): kept at most `Number.MAX_SAFE_INTEGER`, so sums of counts stay exact. */
  let imported = 0;

  const ledger: AcrLedger = {
    timeZone,
    scopes,
    window,
    add(call) {
      const r = call.record;
      if (!hasCalendarDay(r.dialAt)) return NO_CELL;
      const date = zonedDay(r.dialAt, timeZone).date;
      store.advance(date);
      const cell = cellFor(date, r.campaignId, r.callCentreId);
      bump(cell, COUNT_INDEX[countKey(call)], 1);
      lastRecord = r;
      lastCell = cell;
      return cell;
    },
    addCounts(date, campaignId, callCentreId, counts) {
      const where = cellLabel(date, campaignId, callCentreId);
      checkCellIds(date, campaignId, callCentreId, where);
      const checked = checkedCounts(counts, where);
      imported = addCalls(imported, checked.calls, where);
      return addCountsTo(store, date, campaignId, callCentreId, checked);
    },
    addCounters(counters) {
      const { timeZone: zone, cells: checked, calls } = checkedCounters(counters);
      if (zone !== timeZone) throw new CounterZoneMismatchError(timeZone, zone);
      imported = addCalls(imported, calls, 'ACR counters');
      for (const [, c] of checked) addCountsTo(store, c.date, c.campaignId, c.callCentreId, c.counts);
    },
    cellOf(call) {
      const r = call.record;
      // Stryker disable next-line ConditionalExpression: equivalent: the memo of the call just added; finding its cell again gives the same cell
      if (r === lastRecord) return lastCell;
      return cellFor(zonedDay(r.dialAt, timeZone).date, r.campaignId, r.callCentreId);
    },
    cellDate: (cell) => cells.date(cell),
    cellCampaign: (cell) => store.cellCampaign(cell),
    cellCentre: (cell) => store.cellCentre(cell),
    scopeSlot: (cell, scope) => store.slotIn(scope, cell),
    find(scope, date, campaignId, callCentreId) {
      if (!kept(scope)) return -1;
      return tableOf(scope).find(date, idFor(scope, campaignId, callCentreId));
    },
    capacity: (scope) => (kept(scope) ? tableOf(scope).capacity() : 0),
    keep: (more) => store.keep(more),
    dayCounts: (scope, slot) => countsAt(tableOf(scope).data(), slot * COUNT_STRIDE),
    dayRate: (scope, slot) => dayRateOf(tableOf(scope), slot),
    dayCallsInRate(scope, slot) {
      const d = tableOf(scope).data();
      const at = slot * COUNT_STRIDE;
      return d[at + LIVE]! + d[at + ABANDONED_LIVE]! + d[at + ABANDONED_UNKNOWN]!;
    },
    windowCounts: (scope, slot, over = window) => (over === 'calendarDay' ? countsAt(tableOf(scope).data(), slot * COUNT_STRIDE) : trailingSum(tableOf(scope), slot, datesOfWindow)),
    row(scope, slot, alertRate, over = window) {
      const date = tableOf(scope).date(slot);
      const counts = ledger.windowCounts(scope, slot, over);
      const acr = acrOf(counts);
      const ids = idsOf(scope, slot);
      const row: AcrRow = { date, scope, campaignId: ids.campaignId, callCentreId: ids.callCentreId, counts, acr, alert: aboveLevel(acr.rate, alertRate) };
      return over === 'calendarDay' ? row : { ...row, from: datesOfWindow(date)[ACR_TRAILING_DAYS - 1]! };
    },
    rows(cell, alertRate) {
      const out: AcrRow[] = [];
      if (cell === NO_CELL) return out;
      for (const scope of scopes) out.push(ledger.row(scope, ledger.scopeSlot(cell, scope), alertRate));
      return out;
    },
    forEachDay(scope, fn) {
      if (!kept(scope)) return;
      const t = tableOf(scope);
      t.forEach((slot) => {
        const ids = idsOf(scope, slot);
        fn(slot, t.date(slot), ids.campaignId, ids.callCentreId);
      });
    },
    table(alertRate) {
      const rows: AcrRow[] = [];
      for (const scope of scopes) ledger.forEachDay(scope, (slot) => rows.push(ledger.row(scope, slot, alertRate)));
      return rows.sort(tableOrder);
    },
    counters: () => countersOf(store, timeZone),
    size: () => cells.size(),
  };
  return ledger;
}
