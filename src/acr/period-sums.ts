/**
 * The sums a trailing row needs (US TSR 16 CFR 310.4(b)(4)(i), FCC 47 CFR 64.1200(a)(7)(i)):
 * a scope's counts over the 30 days ending on a day, and over its campaign's 30-day period
 * so far (`campaign-period.ts`). The days before a day change only when a call comes dated
 * before the latest day counted, so for the scope-days of the latest day and the day before
 * — the ones a running alert reads on every call — the sum of their earlier days is kept,
 * and a row adds only its own day to it.
 */
import type { CountTable } from './count-table.js';
import { addVector, COUNT_STRIDE } from './counts.js';
import { ACR_TRAILING_DAYS, addDays } from './trailing.js';

/** Sums of a scope-day's earlier days: of its 30-day window, and of its campaign period from `from` (`null`: not asked for). */
interface Bases {
  readonly gen: number;
  readonly date: string;
  readonly window: Float64Array;
  readonly from: string | null;
  readonly period: Float64Array | null;
}

/** Which sum: the 30 days ending on the day, or the campaign's period so far. */
export type PeriodSum = 'window' | 'period';

/** Trailing and period sums of scope-days, kept for the latest two days. */
export interface PeriodSums {
  /** Notes that counts are about to be added on `date` (before the ledger adds them). */
  touch(date: string): void;
  /**
   * Writes a scope-day's count vector summed over `which` into `out` (`COUNT_STRIDE`
   * numbers from 0): the 30 days ending on its date, or its period from `fromOf(date)`
   * (at most 29 days before), asked only when the kept sum does not know it. Returns the
   * period's first day for `period`, else `''`.
   */
  fill(t: CountTable, slot: number, which: PeriodSum, fromOf: (date: string) => string, out: Float64Array): string;
}

/** Dates lists remembered at most (a memo; cleared when full). */
const MEMO_DATES = 512;

/** Starts the sums of one ledger. */
export function createPeriodSums(): PeriodSums {
  let latest = '';
  /** Scope-days dated from this day on keep their sums. */
  let cacheFrom = '';
  /** Changes to a day before the latest, so to some kept sum: a kept sum of another generation is stale. */
  let gen = 0;
  const kept = new Map<CountTable, Map<number, Bases>>();
  const memo = new Map<string, readonly string[]>();

  /** The 30 dates ending on `date`, newest first. */
  const datesTo = (date: string): readonly string[] => {
    let dates = memo.get(date);
    if (dates === undefined) {
      // Stryker disable next-line ConditionalExpression: equivalent: a memo; computing the dates again gives the same dates
      if (memo.size >= MEMO_DATES) memo.clear();
      dates = Array.from({ length: ACR_TRAILING_DAYS }, (_, i) => addDays(date, -i));
      memo.set(date, dates);
    }
    return dates;
  };

  /**
   * Sums the days before a slot's date but the day before it (which `fill` adds as it is,
   * so that calls on the latest day and the day before — the usual late calls, around
   * midnight — leave every kept sum current): the window's 28 (date − 29 … date − 2), and
   * those from `from`.
   */
  const basesOf = (t: CountTable, slot: number, date: string, from: string | null): Bases => {
    const id = t.id(slot);
    const window = new Float64Array(COUNT_STRIDE);
    const period = from === null ? null : new Float64Array(COUNT_STRIDE);
    const dates = datesTo(date);
    for (let i = 2; i < dates.length; i++) {
      const s = t.find(dates[i]!, id);
      if (s < 0) continue;
      addVector(window, 0, t.data(), s * COUNT_STRIDE);
      if (period !== null && dates[i]! >= from!) addVector(period, 0, t.data(), s * COUNT_STRIDE);
    }
    return { gen, date, window, from, period };
  };

  /** The last sums made for an older day (a row reads its window, then its period). */
  let older: { t: CountTable; slot: number; bases: Bases } | null = null;

  /** The sums of a slot's earlier days: kept ones while current, else summed (and kept for the latest two days). */
  const bases = (t: CountTable, slot: number, which: PeriodSum, fromOf: (date: string) => string): Bases => {
    const date = t.date(slot);
    const recent = date >= cacheFrom;
    let byTable = recent ? kept.get(t) : undefined;
    if (recent && byTable === undefined) kept.set(t, (byTable = new Map()));
    const b = recent ? byTable!.get(slot) : older !== null && older.t === t && older.slot === slot ? older.bases : undefined;
    // A period's start moves when a call dated before a campaign's first day arrives (on the day before, which moves no `gen`).
    const from = which === 'period' ? fromOf(date) : null;
    if (b !== undefined && b.gen === gen && b.date === date && (which === 'window' || (b.period !== null && b.from === from))) return b;
    const made = basesOf(t, slot, date, from);
    if (recent) byTable!.set(slot, made);
    else older = { t, slot, bases: made };
    return made;
  };

  return {
    touch(date) {
      if (date > latest) {
        latest = date;
        cacheFrom = addDays(date, -1);
        kept.clear();
        older = null;
      } else if (date < cacheFrom) {
        gen += 1; // a day two or more before the latest: in the kept sums of the latest day
      }
    },
    fill(t, slot, which, fromOf, out) {
      const b = bases(t, slot, which, fromOf);
      out.set(which === 'window' ? b.window : b.period!);
      addVector(out, 0, t.data(), slot * COUNT_STRIDE);
      const dayBefore = datesTo(b.date)[1]!;
      if (which === 'window' || dayBefore >= b.from!) {
        const s = t.find(dayBefore, t.id(slot));
        if (s >= 0) addVector(out, 0, t.data(), s * COUNT_STRIDE);
      }
      return which === 'window' ? '' : b.from!;
    },
  };
}
