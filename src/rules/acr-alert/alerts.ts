/**
 * The running ACR alerts (A3.4, A4.12, A4.20): the `acrAlert` flag and the engine that
 * raises it once per scope and calendar day, read from the ACR ledger.
 */
import type { CallCounts } from '../../acr/counts.js';
import { createAcrLedger, type AcrLedger } from '../../acr/ledger.js';
import { aboveLevel, acrOf, callsInRate } from '../../acr/rate.js';
import type { AcrScope } from '../../acr/scope.js';
import { ACR_TRAILING_DAYS, addDays, windowStart } from '../../acr/trailing.js';
import type { ClassifiedCall } from '../../classify.js';
import { flag, type AnyFlag, type Flag } from '../../flags.js';
import type { Policy } from '../../policy/policy.js';
import { zonedDay } from '../../time/zoned-day.js';
import { ACR_ALERT_REF, type AcrAlertDetail } from './index.js';

/** The fewest calls in x + y before a running rate can alert, when the policy gives none: a library default (A3.4 sets no sample). */
export const DEFAULT_ALERT_MIN_CALLS = 100;

/**
 * The measure of a scope-day that alerts: its counts over the calendar day (`period`
 * absent), or under a `trailing30Days` policy over the 30 days ending on it or its
 * campaign's 30-day period so far, from `from`.
 */
interface Measure {
  readonly counts: CallCounts;
  readonly period?: NonNullable<AcrAlertDetail['period']>;
  readonly from?: string;
}

/**
 * ACR alert (A3.4): a scope's running Abandoned Call Rate on a calendar day is strictly
 * above the alert level the user chose, once the scope's day has at least `minCalls`
 * calls in x + y (live and abandoned calls, counted whole: `callsInRate`). Below that
 * sample a rate says little (one abandoned call in the first 25 is 4 %), so it does not
 * alert; the day's table still marks any final rate above the level (`row.alert`). An
 * alert only, never a safe harbour: calls under the level are not thereby lawful (A4.12,
 * A4.20). Under a `trailing30Days` policy the rate and the sample are those of the
 * policy's period (16 CFR 310.4(b)(4)(i)): the 30 days ending on the day, or the
 * campaign's 30-day period so far (`measureAbove`).
 *
 * The flag of a scope-day that alerts (`createAcrAlerts` tests the rate and sample): about
 * the scope and day, so `callId` is `null`.
 */
function acrAlert(ledger: AcrLedger, scope: AcrScope, slot: number, m: Measure, alertRate: number, at: number, minCalls: number): Flag<'acrAlert'> {
  const acr = acrOf(m.counts);
  const { date, campaignId, callCentreId } = ledger.row(scope, slot, null, 'calendarDay');
  const period = m.period === undefined ? {} : { period: m.period, from: m.from! };
  return flag('acrAlert', null, at, ACR_ALERT_REF, {
    date,
    scope,
    campaignId,
    callCentreId,
    rate: acr.rate as number, // above the level, so not null
    alertRate,
    x: acr.x,
    y: acr.y,
    z: acr.z,
    estimated: acr.estimated,
    ...period,
    calls: callsInRate(m.counts),
    minCalls,
  });
}

/** Options for `createAcrAlerts`. */
export interface AcrAlertOptions {
  /** The alert level, 0–1 (A4.20: an alert only). */
  readonly alertRate: number;
  /** Calls in x + y a scope's day needs before its running rate can alert; default `policy.acr.alertMinCalls`. */
  readonly minCalls?: number;
  /** Scopes that alert (A3.4). */
  readonly scopes: readonly AcrScope[];
  /**
   * An ACR ledger, keeping at least `scopes`, into which the caller counts each call before
   * passing it (as `audit` does), so the call is counted once. Without one, the alerts keep
   * their own ledger of the current and previous calendar day.
   */
  readonly ledger?: AcrLedger;
}

/** The running ACR alerts: one step per classified call. */
export interface AcrAlerts {
  /** The alerts the call raises (after it is counted), or `null`. */
  next(call: ClassifiedCall): AnyFlag[] | null;
  /**
   * Counts a call dated before the days the alerts watch, raising nothing: under a
   * `trailing30Days` policy, without a shared ledger, the alerts' own ledger still holds it
   * for the 30-day windows and campaign periods of the days after it (16 CFR
   * 310.4(b)(4)(i)). Nothing to do otherwise (a shared ledger is counted by its owner).
   */
  countOnly(call: ClassifiedCall): void;
  /** Scopes that have alerted on the current and previous day. */
  size(): number;
}

/** A watched calendar day: the scope days that have alerted (by scope, the ledger's slot), the cells all of whose scopes have, and the day's ledger. */
interface WatchedDay {
  readonly alerted: Set<number>[];
  readonly done: Set<number>;
  readonly ledger: AcrLedger;
}

/**
 * `true` for the calls that change an ACR: live calls, abandoned calls and answer machines
 * connected to agents (y, x and z, A3.3–A3.6). The others are excluded from it (A3.5).
 */
function movesRate(call: ClassifiedCall): boolean {
  const c = call.category;
  // Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent: a call outside the rate changes no rate, so it raises no alert (a shortcut)
  return c === 'live' || c === 'abandoned' || (c === 'answerMachine' && call.machine === 'falseNegative');
}

/** The calendar day's measure (A3.3), whose counts are read again only when it alerts. */
const CALENDAR_DAY = 'calendarDay';

/**
 * The measure of a scope-day that alerts, or `null`: over the calendar day (A3.3); or under a
 * `trailing30Days` policy over the 30 days ending on it, else the campaign's 30-day period so
 * far (`campaign` and `campaignCallCentre` scopes; 16 CFR 310.4(b)(4)(i), 47 CFR
 * 64.1200(a)(7)(i): "each successive 30-day period or portion thereof").
 */
function measureAbove(ledger: AcrLedger, scope: AcrScope, slot: number, trailing: boolean, alertRate: number, minCalls: number): Measure | typeof CALENDAR_DAY | null {
  if (!trailing) return aboveLevel(ledger.dayRate(scope, slot), alertRate) && ledger.dayCallsInRate(scope, slot) >= minCalls ? CALENDAR_DAY : null;
  if (aboveLevel(ledger.measureRate(scope, slot, 'trailing30Days'), alertRate) && ledger.measureCallsInRate(scope, slot, 'trailing30Days') >= minCalls) {
    return { counts: ledger.windowCounts(scope, slot, 'trailing30Days'), period: 'trailing30Days', from: windowStart(ledger.row(scope, slot, null, 'calendarDay').date) };
  }
  const period = scope === 'campaign' || scope === 'campaignCallCentre';
  if (!period || !aboveLevel(ledger.measureRate(scope, slot, 'campaignPeriod'), alertRate) || ledger.measureCallsInRate(scope, slot, 'campaignPeriod') < minCalls) return null;
  const p = ledger.periodCounts(scope, slot)!;
  return { counts: p.counts, period: 'campaignPeriod', from: p.from };
}

/**
 * The ACR alerts of a stream (A3.4, A4.20), read from an ACR ledger: after each call, each
 * of the call's scopes (`scopes`) on its calendar day whose rate is strictly above the
 * level with at least `minCalls` calls in x + y raises one `acrAlert` — the first time that
 * day; a rate that falls back and rises again does not raise it twice. Under a
 * `trailing30Days` policy (US TSR, FCC) the rate and sample are of the 30 days ending on
 * the day, or of the campaign's 30-day period so far (`measureAbove`), still one flag per
 * scope and day. Only the latest day and the day before are watched (the misuse state
 * passes no call dated earlier): the alerts of older days are forgotten as the days move on.
 */
export function createAcrAlerts(policy: Policy, options: AcrAlertOptions): AcrAlerts {
  const { alertRate, scopes } = options;
  const minCalls = options.minCalls ?? policy.acr.alertMinCalls ?? DEFAULT_ALERT_MIN_CALLS;
  const shared = options.ledger ?? null;
  if (shared !== null) for (const s of scopes) if (!shared.scopes.includes(s)) throw new RangeError(`the ACR ledger given to the alerts keeps no ${s} scope`);
  // The alerts watch the latest day and the day before: a shared ledger that keeps fewer would have no cell for some of their calls, and those alerts would be neither raised nor said to be not judged.
  if (shared !== null && shared.retainDays !== null && shared.retainDays < 2) throw new RangeError(`the ACR ledger given to the alerts keeps ${shared.retainDays} calendar day(s); it must keep the latest day and the day before (retainDays 2 or more, or null)`);
  const zone = policy.timeZone;
  const trailing = policy.acr.window === 'trailing30Days';
  // A trailing policy's own ledger keeps the 30 days before the day before (and each campaign's first day); a calendar day's, one ledger a day.
  const own = shared === null && trailing ? createAcrLedger({ timeZone: zone, scopes, window: 'trailing30Days', retainDays: ACR_TRAILING_DAYS + 1 }) : null;
  /** Per watched day: which scope days have alerted (by scope, the ledger's slot), and the day's own ledger when not shared. */
  const days = new Map<string, WatchedDay>();
  let latest = '';

  const watch = (date: string): WatchedDay => {
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent: the misuse state passes no call dated before the day before, so moving back to the day before forgets nothing it needs
    if (date > latest) {
      latest = date;
      const keepFrom = addDays(date, -1);
      for (const d of days.keys()) if (d < keepFrom) days.delete(d);
    }
    let day = days.get(date);
    if (day === undefined) {
      day = { alerted: scopes.map(() => new Set<number>()), done: new Set<number>(), ledger: shared ?? own ?? createAcrLedger({ timeZone: zone, scopes }) };
      days.set(date, day);
    }
    return day;
  };

  return {
    next(call) {
      // Stryker disable next-line ConditionalExpression: equivalent: a shortcut, as in movesRate
      if (!movesRate(call)) return null;
      // Stryker disable next-line ConditionalExpression: equivalent: the shared ledger's cell has the call's own calendar day
      const date = shared !== null ? shared.cellDate(shared.cellOf(call)) : zonedDay(call.record.dialAt, zone).date;
      const day = watch(date);
      const ledger = day.ledger;
      // The own trailing ledger counts every call, even of a cell done today: later days' periods hold it.
      const counted = own !== null ? own.add(call) : -1;
      const cell = counted >= 0 ? counted : ledger.cellOf(call); // for the shared ledger, the cell just found again at once
      // A shortcut: once every scope of a cell has alerted that day, its calls can raise nothing more (nor need counting here).
      // Stryker disable next-line ConditionalExpression: equivalent: a shortcut; every scope of the cell has alerted that day and none alerts twice
      if (day.done.has(cell)) return null;
      if (shared === null && own === null) ledger.add(call);
      let raised: AnyFlag[] | null = null;
      // Stryker disable next-line BooleanLiteral: only the shortcut above: a cell never marked done raises the same alerts
      let all = true;
      for (let i = 0; i < scopes.length; i++) {
        const scope = scopes[i]!;
        const slot = ledger.scopeSlot(cell, scope);
        const alerted = day.alerted[i]!;
        if (alerted.has(slot)) continue;
        const m = measureAbove(ledger, scope, slot, trailing, alertRate, minCalls);
        if (m === null) {
          all = false;
          continue;
        }
        alerted.add(slot);
        const measure = m === CALENDAR_DAY ? { counts: ledger.dayCounts(scope, slot) } : m;
        (raised ??= []).push(acrAlert(ledger, scope, slot, measure, alertRate, call.record.dialAt, minCalls));
      }
      // Stryker disable next-line ConditionalExpression: equivalent: only the shortcut above
      if (all) day.done.add(cell);
      return raised;
    },
    countOnly(call) {
      // Stryker disable next-line ConditionalExpression: equivalent: a shortcut, as in movesRate
      if (own !== null && movesRate(call)) own.add(call);
    },
    size() {
      let n = 0;
      for (const d of days.values()) for (const s of d.alerted) n += s.size;
      return n;
    },
  };
}
