import { hasCalendarDay, zonedDay } from '../../time/zoned-day.js';
import { addDays, dayOfDate, daysBetween } from '../calendar.js';
import { ReportInputError } from '../report-input-error.js';

/** Where a report's period comes from (see `ReportPeriod.basis`). */
export type PeriodBasis = 'default' | 'given' | 'wholeInput';

/** The period a report covers: whole calendar days in the policy zone. */
export interface ReportPeriod {
  /** First instant (local midnight) and the instant after the last day, epoch ms; `null` with no data. */
  readonly from: number | null;
  readonly to: number | null;
  readonly fromDate: string | null;
  readonly toDate: string | null;
  readonly days: number;
  /** days / 7. */
  readonly weeks: number;
  /**
   * Where the period comes from: `default`, the policy's weeks ending with the newest call's
   * day; `given`, from the options (`from`, `to`; the command's `--from`, `--to`);
   * `wholeInput`, the days from the oldest call to the newest (the command with neither
   * `--from` nor `--to`: it sets this itself).
   */
  readonly basis: PeriodBasis;
}

/** What the period is resolved from. */
export interface PeriodInput {
  readonly timeZone: string;
  /** Default length in weeks (Section 1: 6 to 12). */
  readonly persistenceWeeks: number;
  /** The newest call's dial time; `null` with no calls. */
  readonly newestAt: number | null;
  readonly from?: number | undefined;
  readonly to?: number | undefined;
}

/**
 * The report's period (Section 1): whole local days (A3.3). `from` widens to its local
 * midnight, `to` (exclusive) to the next; by default the `persistenceWeeks` ending with the
 * newest call's day.
 * @throws ReportInputError for a bound that is not a number or has no calendar day
 *   (`hasCalendarDay`: a microsecond timestamp read as milliseconds, say), or `from` not
 *   before `to`.
 */
export function resolvePeriod(input: PeriodInput): ReportPeriod {
  const zone = input.timeZone;
  const span = Math.max(1, Math.round(input.persistenceWeeks * 7));
  const given = input.from !== undefined || input.to !== undefined;
  for (const [name, v] of [['from', input.from], ['to', input.to]] as const) {
    if (v !== undefined && !Number.isFinite(v)) throw new ReportInputError(`${name} should be epoch milliseconds; received ${v}`);
    // `to` is exclusive: its period ends on the day of the instant before it.
    if (v !== undefined && !hasCalendarDay(name === 'to' ? v - 1 : v)) throw new ReportInputError(`${name} should be an instant from 0001-01-03 to 9999-12-30 (UTC), epoch milliseconds; received ${v}`);
  }
  if (input.from !== undefined && input.to !== undefined && input.from >= input.to) {
    throw new ReportInputError(`the period should start before it ends; received from ${input.from}, to ${input.to}`);
  }
  const fromGiven = input.from === undefined ? null : zonedDay(input.from, zone).date;
  let toDate: string | null = input.to === undefined ? null : zonedDay(input.to - 1, zone).date;
  if (toDate === null) {
    const newest = input.newestAt === null ? null : zonedDay(input.newestAt, zone).date;
    if (fromGiven !== null) toDate = newest !== null && newest >= fromGiven ? newest : addDays(fromGiven, span - 1);
    else toDate = newest;
  }
  if (toDate === null) return { from: null, to: null, fromDate: null, toDate: null, days: 0, weeks: 0, basis: 'default' };
  const fromDate = fromGiven ?? addDays(toDate, -(span - 1));
  const days = daysBetween(fromDate, toDate) + 1;
  return {
    from: dayOfDate(fromDate, zone).start,
    to: dayOfDate(toDate, zone).end,
    fromDate,
    toDate,
    days,
    weeks: days / 7,
    basis: given ? 'given' : 'default',
  };
}

/** `true` when `date` is one of the period's days. */
export function inPeriod(p: ReportPeriod, date: string): boolean {
  return p.fromDate !== null && p.toDate !== null && date >= p.fromDate && date <= p.toDate;
}
