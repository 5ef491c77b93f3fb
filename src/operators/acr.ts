import { Observable, type OperatorFunction } from 'rxjs';
import type { AcrCounters } from '../acr/counters.js';
import { createAcrLedger } from '../acr/ledger.js';
import { ACR_SCOPES, type AcrRow, type AcrScope } from '../acr/scope.js';
import type { AcrWindow } from '../acr/trailing.js';
import type { ClassifiedCall } from '../classify.js';
import { ofcom2017 } from '../policy/ofcom2017.js';
import type { Policy } from '../policy/policy.js';
import { linkedSubscriber } from './linked-subscriber.js';

/** Options for the `acr` operator. */
export interface AcrOptions {
  /** Policy whose calendar-day zone (A3.3) and alert level (A4.20: an alert only) apply; default `ofcom2017`. */
  readonly policy?: Policy;
  /** Overrides the policy's zone for calendar days. */
  readonly timeZone?: string;
  /** Scopes whose rows each update carries (A3.4); default all four. */
  readonly scopes?: readonly AcrScope[];
  /** Overrides the policy's alert level; `null` for none. */
  readonly alertRate?: number | null;
  /**
   * Overrides `policy.acr.window`: `calendarDay` (A3.3) or `trailing30Days` (US TSR
   * 16 CFR 310.4(b)(4)(i): each row is the rate over the 30 calendar days ending on the
   * call's date, and carries `from`).
   */
  readonly window?: AcrWindow;
}

/**
 * What `acr` emits after each call: the rows it changed, and the whole table on demand.
 *
 * `rows` is this update's own: computed when it is emitted, it never changes. `table()`
 * and `counters()` are computed when called, from the operator's state at that moment:
 * called within the subscriber's `next` they give the state after this call; called later,
 * after more calls were counted, they include those too (they are shared by every update
 * of a subscription, so an update keeps nothing alive). A consumer that keeps updates to
 * read later (`toArray`, `bufferTime`, a `ReplaySubject`) and needs each one's own moment
 * reads `rows`, or calls `table()` / `counters()` in `next` and keeps the result.
 */
export interface AcrUpdate {
  /** The call just counted. */
  readonly call: ClassifiedCall;
  /** The call's calendar date in the counting zone; `''` for a call on no calendar day (no rows). */
  readonly date: string;
  /** The running row of every scope on that date (or over the trailing window ending on it), after this call: never changes. */
  readonly rows: readonly AcrRow[];
  /** The counters as they are when called (after this call, if called before the next): plain, serialisable, mergeable (copied on each call: use sparingly). */
  counters(): AcrCounters;
  /** The whole table as it is when called (after this call, if called before the next), every scope and day, in the operator's window (computed on each call: use sparingly). */
  table(): readonly AcrRow[];
}

/**
 * The running Abandoned Call Rate (Annex 3) of a stream of classified calls, per calendar
 * day (A3.3) and per scope (A3.4), emitted after every call.
 *
 * Algorithm:
 * 1. take the call's calendar date from its dial time in the policy's zone (23- and
 *    25-hour days at the clock changes included);
 * 2. add it to its ACR ledger (`createAcrLedger`): its cell (date × campaign × call centre)
 *    and the day of each scope asked for;
 * 3. emit the changed rows: x (exact, or by the A3.6 estimate), y, z, the rate, and
 *    whether it is above the alert level. With the `trailing30Days` window (the policy's,
 *    or `options.window`) a row sums its scope's days from the call's date − 29 to that
 *    date, and names the first in `from` (16 CFR 310.4(b)(4)(i)).
 * State is one vector of ten counts per cell and per scope and day (a few hundred bytes);
 * scopes not asked for keep nothing; nothing per call is kept. An update's `rows` are the
 * state after its call; its `table()` and `counters()` read the state when called (see
 * `AcrUpdate`).
 *
 * An error from upstream goes to the subscriber. Unsubscribing stops the source at once, even a
 * synchronous one (`from(array)` under `take(1)`).
 *
 * @example
 * ```ts
 * import { from } from 'rxjs';
 * import { acr, classified } from 'dialguard';
 * from(records).pipe(classified(), acr()).subscribe(({ rows }) => console.log(rows[0]?.acr.rate));
 * ```
 */
export function acr(options: AcrOptions = {}): OperatorFunction<ClassifiedCall, AcrUpdate> {
  const policy = options.policy ?? ofcom2017;
  const timeZone = options.timeZone ?? policy.timeZone;
  const scopes = options.scopes ?? ACR_SCOPES;
  const alertRate = options.alertRate === undefined ? policy.acr.alertRate : options.alertRate;
  const window = options.window ?? policy.acr.window;
  return (source) =>
    new Observable<AcrUpdate>((subscriber) => {
      const ledger = createAcrLedger({ timeZone, scopes, window });
      // Shared by every update of the subscription: they read the ledger when called (see `AcrUpdate`).
      const counters = (): AcrCounters => ledger.counters();
      const table = (): readonly AcrRow[] => ledger.table(alertRate);
      return source.subscribe(
        linkedSubscriber<ClassifiedCall>(subscriber, {
          next(call) {
            // A dial time with no calendar day (a `timeOutOfRange` record) is counted on no day: no rows.
            const cell = ledger.add(call);
            subscriber.next({ call, date: ledger.cellDate(cell), rows: ledger.rows(cell, alertRate), counters, table });
          },
        }),
      );
    });
}

/**
 * The ACR counters of a whole stream, emitted once when it completes: the batch form of
 * `acr`, for audits and for merging nodes' counters (`mergeCounters`). Emits empty
 * counters for an empty stream. An error from upstream goes to the subscriber, and nothing
 * is emitted (the counters so far are dropped). Unsubscribing stops the source at once.
 */
export function acrCounters(options: Pick<AcrOptions, 'policy' | 'timeZone'> = {}): OperatorFunction<ClassifiedCall, AcrCounters> {
  const timeZone = options.timeZone ?? (options.policy ?? ofcom2017).timeZone;
  return (source) =>
    new Observable<AcrCounters>((subscriber) => {
      const ledger = createAcrLedger({ timeZone, scopes: [] });
      return source.subscribe(
        linkedSubscriber<ClassifiedCall>(subscriber, {
          next: (call) => void ledger.add(call),
          complete: () => {
            subscriber.next(ledger.counters());
            subscriber.complete();
          },
        }),
      );
    });
}
