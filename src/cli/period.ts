/**
 * `--from` / `--to`: the period whose calls the report counts, by dial time. A date
 * (`YYYY-MM-DD`) means a calendar day in the audit's zone (`--tz`, else the policy's):
 * `--from` its first instant, `--to` the first instant of the next day, so the day is
 * included. A date-time must carry its zone (`Z` or `±hh:mm`), as the library requires
 * of every timestamp: a wall-clock time alone is ambiguous at the clock changes. The
 * report's grain is the calendar day (A3.3), so it widens a date-time to its whole day.
 */
import { isoToEpochMs, zonedDay, zonedDayOrNull } from 'dialguard/internals';
import { UsageError } from './exit-codes.js';

/** Calls dialled at or after `from` and before `to` (epoch ms; `null`: open). */
export interface Period {
  readonly from: number | null;
  readonly to: number | null;
}

const DAY_MS = 86_400_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * UTC midnight of a `YYYY-MM-DD` date, or `null` when it is not a date of the calendar
 * (month 13, 30 February, year 0). Not `Date.UTC`, which reads years 0–99 as 1900–1999.
 */
function utcMidnightOf(date: string): number | null {
  const m = DATE.exec(date);
  if (m === null) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(0);
  t.setUTCFullYear(y, mo - 1, d);
  return y >= 1 && t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d ? t.getTime() : null;
}

/** The first instant of local date `date` in `zone`, or `null` when no instant the audit can hold has that date. */
function startOfLocalDate(utcMidnight: number, date: string, zone: string): number | null {
  // Offsets run from −12 h to +14 h: one of these instants falls on the local date.
  for (let h = -14; h <= 14; h += 2) {
    const day = zonedDayOrNull(utcMidnight + h * 3_600_000, zone);
    if (day !== null && day.date === date) return day.start;
  }
  return null;
}

function instant(option: 'from' | 'to', text: string, zone: string): number {
  const value = text.trim();
  if (DATE.test(value)) {
    const utcMidnight = utcMidnightOf(value);
    if (utcMidnight === null) throw new UsageError(`--${option} "${text}" is not a calendar date`);
    const start = startOfLocalDate(utcMidnight, value, zone);
    if (start === null) throw new UsageError(`--${option} "${text}" is outside the dates the audit can hold (0001-01-03 to 9999-12-29)`);
    // The day after: its start is the end of this one (23 or 25 hours at the clock changes).
    return option === 'from' ? start : zonedDay(start + DAY_MS / 2, zone).end;
  }
  const ms = isoToEpochMs(value);
  if (Number.isNaN(ms)) {
    const zoneless = !Number.isNaN(isoToEpochMs(`${value}Z`));
    throw new UsageError(
      zoneless
        ? `--${option} "${text}" has no zone: write it with Z or an offset (e.g. ${value}Z or ${value}+01:00), or give a date`
        : `--${option} should be a date (YYYY-MM-DD) or an ISO-8601 date-time with a zone; received "${text}"`,
    );
  }
  // Widened to its whole local day, as the report's grain (A3.3): `--from` from the day's
  // first instant, `--to` up to the next day's, so the day holding the instant is included
  // (a `--to` at exactly local midnight included its own day too).
  const day = zonedDayOrNull(ms, zone);
  if (day === null) throw new UsageError(`--${option} "${text}" is outside the dates the audit can hold (0001-01-03 to 9999-12-29)`);
  return option === 'from' ? day.start : day.end;
}

/**
 * Reads `--from` and `--to` in `zone`.
 * @throws UsageError for a value that is neither, or a period that ends before it starts
 */
export function parsePeriod(from: string | undefined, to: string | undefined, zone: string): Period {
  const start = from === undefined ? null : instant('from', from, zone);
  const end = to === undefined ? null : instant('to', to, zone);
  if (start !== null && end !== null && end <= start) throw new UsageError(`--to (${to}) should be after --from (${from})`);
  return { from: start, to: end };
}
