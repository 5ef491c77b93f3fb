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
import { COUNT_FIELDS, COUNT_INDEX, COUNT_STRIDE, countKey, countsAt, type CallCounts } from './counts.js';
import { aboveLevel, acrOf, rateOnly } from './rate.js';
import { ACR_SCOPES, type AcrRow, type AcrScope } from './scope.js';
import { addDays, windowStart, type AcrWindow } from './trailing.js';
import { periodStart } from './campaign-period.js';
import { createPeriodSums } from './period-sums.js';

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
   * default `null`, every day. A trailing window needs at least 30. A call (or counts)
   * dated before the days kept is counted nowhere: `add` and `addCounts` answer `NO_CELL`.
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
  /** Calendar days kept, the latest included (`AcrLedgerOptions.retainDays`); `null`: every day. */
  readonly retainDays: number | null;
  /**
   * Counts one call on the calendar day of its dial (A3.3); returns its cell. A call whose
   * dial has no calendar day (a `timeOutOfRange` record), or, with `retainDays`, whose day
   * is before the days kept, is not counted, and the answer is `NO_CELL` (whose date is
   * `''` and whose rows are none).
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
  /**
   * The same over the 30 days ending on the day (`trailing30Days`), or a `campaign` or
   * `campaignCallCentre` scope-day's campaign period so far (`campaignPeriod`, as
   * `periodCounts`; the day alone for the other scopes): the alert's test under a
   * trailing policy, on every call, from sums of the earlier days kept for the latest two
   * days (`period-sums.ts`).
   */
  measureRate(scope: AcrScope, slot: number, over: 'trailing30Days' | 'campaignPeriod'): number | null;
  measureCallsInRate(scope: AcrScope, slot: number, over: 'trailing30Days' | 'campaignPeriod'): number;
  /** A scope-day's counts over `window` (default the ledger's): the day, or the 30 days ending on it. */
  windowCounts(scope: AcrScope, slot: number, window?: AcrWindow): CallCounts;
  /**
   * A `campaign` or `campaignCallCentre` scope-day's counts over its campaign's 30-day period
   * so far (16 CFR 310.4(b)(4)(i), 47 CFR 64.1200(a)(7)(i): "each successive 30-day period or
   * portion thereof"): periods run from the campaign's first day counted, and this one from
   * `from` to the day. `null` for the scopes without a campaign (`all`, `callCentre`).
   */
  periodCounts(scope: AcrScope, slot: number): { readonly from: string; readonly counts: CallCounts } | null;
  /**
   * A scope-day's row (`acrTable`'s row), marked when strictly above `alertRate` (A4.20: an
   * alert only), over `window` (default the ledger's: the day, or the 30 days ending on it).
   * A trailing row of a campaign scope also carries its `campaignPeriod` (`periodCounts`),
   * and is marked when either measure is above the level.
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

/** The rate of the count vector at `d[at …]` (`rateOnly`: Annex 3, A3.6). */
function rateAt(d: Float64Array, at: number): number | null {
  return rateOnly(d[at + LIVE]!, d[at + MACHINE_TO_AGENT]!, d[at + ABANDONED_LIVE]!, d[at + ABANDONED_UNKNOWN]!);
}

/** The calls in x + y of the count vector at `d[at …]`. */
function callsInRateAt(d: Float64Array, at: number): number {
  return d[at + LIVE]! + d[at + ABANDONED_LIVE]! + d[at + ABANDONED_UNKNOWN]!;
}

/** A scope-day's rate over its calendar day, read from its count vector (`rateFrom`: Annex 3, A3.6). */
function dayRateOf(t: CountTable, slot: number): number | null {
  return rateAt(t.data(), slot * COUNT_STRIDE);
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
  /** The trailing and period sums of rows, kept for the latest two days. */
  const sums = createPeriodSums();
  /** A count vector to sum into. */
  const scratch = new Float64Array(COUNT_STRIDE);
  /** The first day of the campaign period holding `date` of a campaign scope's slot (16 CFR 310.4(b)(4)(i)). */
  const periodFrom = (scope: AcrScope, slot: number) => (date: string): string => {
    const first = firstDayOf(idsOf(scope, slot).campaignId!) ?? date;
    return periodStart(first < date ? first : date, date);
  };
  /** Sums a scope-day's vector over `over` into `scratch`; returns the period's first day (`''` for the window). */
  const fillMeasure = (scope: AcrScope, slot: number, over: 'trailing30Days' | 'campaignPeriod'): string => {
    const t = tableOf(scope);
    if (over === 'trailing30Days') return sums.fill(t, slot, 'window', periodFrom(scope, slot), scratch);
    if (scope !== 'campaign' && scope !== 'campaignCallCentre') {
      scratch.set(t.data().subarray(slot * COUNT_STRIDE, (slot + 1) * COUNT_STRIDE));
      return t.date(slot);
    }
    return sums.fill(t, slot, 'period', periodFrom(scope, slot), scratch);
  };

  /** Calls added as counts from elsewhere (`addCounts`, `addCounters`): kept at most `Number.MAX_SAFE_INTEGER`, so sums of counts stay exact. */
  let imported = 0;

  /**
   * Each campaign's first day counted, where its 30-day periods start (16 CFR 310.4(b)(4)(i)),
   * and its latest day counted: kept from the start under a trailing window (days dropped by
   * `retainDays` keep it), else made from the cells held when first asked for. One entry per
   * campaign; with `retainDays`, a campaign with no day left among the days kept (idle for
   * all of them) is forgotten once a day, and if it comes back its periods start again, so
   * the entries stay bounded by the campaigns of the days kept.
   */
  let firstDays: Map<string, { first: string; last: string }> | null = window === 'trailing30Days' ? new Map() : null;
  const retainDays = options.retainDays ?? null;
  /** The latest day the first days were swept for (`retainDays` only). */
  let sweptFor = '';
  const forgetIdleCampaigns = (date: string): void => {
    if (retainDays === null || date <= sweptFor) return;
    sweptFor = date;
    const keepFrom = addDays(date, 1 - retainDays);
    for (const [campaignId, days] of firstDays!) if (days.last < keepFrom) firstDays!.delete(campaignId);
  };
  const noteFirst = (campaignId: string, date: string): void => {
    forgetIdleCampaigns(date);
    const known = firstDays!.get(campaignId);
    if (known === undefined) firstDays!.set(campaignId, { first: date, last: date });
    else if (date < known.first) known.first = date;
    else if (date > known.last) known.last = date;
  };
  const firstDayOf = (campaignId: string): string | undefined => {
    if (firstDays === null) {
      firstDays = new Map();
      cells.forEach((cell) => noteFirst(store.cellCampaign(cell), cells.date(cell)));
    }
    return firstDays.get(campaignId)?.first;
  };
  /** Counts a cell's campaign and day towards the first days, when kept (a cell only ever starts a campaign when new). */
  const noted = (cell: number, heldBefore: number, date: string, campaignId: string): number => {
    if (firstDays !== null && cells.size() !== heldBefore) noteFirst(campaignId, date);
    return cell;
  };

  const ledger: AcrLedger = {
    timeZone,
    scopes,
    window,
    retainDays: options.retainDays ?? null,
    add(call) {
      const r = call.record;
      if (!hasCalendarDay(r.dialAt)) return NO_CELL;
      const date = zonedDay(r.dialAt, timeZone).date;
      sums.touch(date);
      store.advance(date);
      const held = cells.size();
      const cell = noted(cellFor(date, r.campaignId, r.callCentreId), held, date, r.campaignId);
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
      sums.touch(date);
      const cell = addCountsTo(store, date, campaignId, callCentreId, checked);
      if (firstDays !== null && cell !== NO_CELL) noteFirst(campaignId, date);
      return cell;
    },
    addCounters(counters) {
      const { timeZone: zone, cells: checked, calls } = checkedCounters(counters);
      if (zone !== timeZone) throw new CounterZoneMismatchError(timeZone, zone);
      imported = addCalls(imported, calls, 'ACR counters');
      for (const [, c] of checked) {
        sums.touch(c.date);
        const cell = addCountsTo(store, c.date, c.campaignId, c.callCentreId, c.counts);
        if (firstDays !== null && cell !== NO_CELL) noteFirst(c.campaignId, c.date);
      }
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
    dayCallsInRate: (scope, slot) => callsInRateAt(tableOf(scope).data(), slot * COUNT_STRIDE),
    measureRate(scope, slot, over) {
      fillMeasure(scope, slot, over);
      return rateAt(scratch, 0);
    },
    measureCallsInRate(scope, slot, over) {
      fillMeasure(scope, slot, over);
      return callsInRateAt(scratch, 0);
    },
    windowCounts(scope, slot, over = window) {
      if (over === 'calendarDay') return countsAt(tableOf(scope).data(), slot * COUNT_STRIDE);
      fillMeasure(scope, slot, 'trailing30Days');
      return countsAt(scratch, 0);
    },
    periodCounts(scope, slot) {
      if (scope !== 'campaign' && scope !== 'campaignCallCentre') return null;
      const from = fillMeasure(scope, slot, 'campaignPeriod');
      return { from, counts: countsAt(scratch, 0) };
    },
    row(scope, slot, alertRate, over = window) {
      const date = tableOf(scope).date(slot);
      const counts = ledger.windowCounts(scope, slot, over);
      const acr = acrOf(counts);
      const ids = idsOf(scope, slot);
      const row: AcrRow = { date, scope, campaignId: ids.campaignId, callCentreId: ids.callCentreId, counts, acr, alert: aboveLevel(acr.rate, alertRate) };
      if (over === 'calendarDay') return row;
      const from = windowStart(date);
      const period = ledger.periodCounts(scope, slot);
      if (period === null) return { ...row, from };
      const periodAcr = acrOf(period.counts);
      const campaignPeriod = { from: period.from, counts: period.counts, acr: periodAcr };
      return { ...row, from, campaignPeriod, alert: row.alert || aboveLevel(periodAcr.rate, alertRate) };
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
