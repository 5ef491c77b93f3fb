/**
 * The trailing 30-day ACR window (US TSR 16 CFR 310.4(b)(4)(i), FCC 47 CFR
 * 64.1200(a)(7)(i)): the rate of a campaign over the 30 calendar days ending on a day,
 * built from the same per-day counts as the calendar-day rate (A3.3), so one set of
 * counters serves both windows.
 */
import type { Policy } from '../policy/policy.js';
import { addCounts, emptyCounts, type CallCounts } from './counts.js';

/** The period an ACR is measured over: a calendar day (Ofcom A3.3) or the 30 calendar days ending on each day (US TSR, FCC). */
export type AcrWindow = Policy['acr']['window'];

/** Calendar days in a `trailing30Days` window, the day itself included (16 CFR 310.4(b)(4)(i): "each successive 30-day period"). */
export const ACR_TRAILING_DAYS = 30;

const DAY_MS = 86_400_000;

/**
 * The calendar date (A3.3) `days` days after `date` (`YYYY-MM-DD`; negative goes back). Pure
 * calendar arithmetic: no zone is involved, so it is right across clock changes.
 */
export function addDays(date: string, days: number): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  const t = new Date(Date.UTC(y, m - 1, d) + days * DAY_MS);
  const yy = t.getUTCFullYear();
  const mm = t.getUTCMonth() + 1;
  const dd = t.getUTCDate();
  return `${String(yy).padStart(4, '0')}-${mm < 10 ? '0' : ''}${mm}-${dd < 10 ? '0' : ''}${dd}`;
}

/** The first date of the window of `days` calendar days ending on `date` (for 30 days: `date` − 29; 16 CFR 310.4(b)(4)(i)). */
export function windowStart(date: string, days: number = ACR_TRAILING_DAYS): string {
  return addDays(date, 1 - days);
}

/** Subtracts `b` from `a` (mutates `a`; returns it): the inverse of `addCounts`, for sliding an Annex 3 window. */
export function subtractCounts(a: CallCounts, b: Readonly<CallCounts>): CallCounts {
  a.calls -= b.calls;
  a.live -= b.live;
  a.abandonedLive -= b.abandonedLive;
  a.abandonedUnknown -= b.abandonedUnknown;
  a.silent -= b.silent;
  a.unconnected -= b.unconnected;
  a.machineDisconnected -= b.machineDisconnected;
  a.machineToAgent -= b.machineToAgent;
  a.machineAbandoned -= b.machineAbandoned;
  a.undetermined -= b.undetermined;
  return a;
}

/** One calendar day's counts of one scope (A3.3, A3.4). */
export interface DatedCounts {
  readonly date: string;
  readonly counts: Readonly<CallCounts>;
}

/**
 * For each day of one scope (any order), the Annex 3 counts over the window of `days` calendar days
 * ending on it — the days with no calls count nothing. A sliding sum over the days sorted
 * by date: O(n log n) for the sort, O(n) after.
 *
 * Returns one entry per input day, sorted by date, with `from`, the window's first date.
 */
export function trailingCounts(daily: readonly DatedCounts[], days: number = ACR_TRAILING_DAYS): { date: string; from: string; counts: CallCounts }[] {
  const sorted = [...daily].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const out: { date: string; from: string; counts: CallCounts }[] = [];
  const sum = emptyCounts();
  let tail = 0;
  for (const day of sorted) {
    addCounts(sum, day.counts);
    const from = windowStart(day.date, days);
    while (tail < sorted.length && (sorted[tail] as DatedCounts).date < from) subtractCounts(sum, (sorted[tail++] as DatedCounts).counts);
    out.push({ date: day.date, from, counts: { ...sum } });
  }
  return out;
}
