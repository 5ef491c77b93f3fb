/**
 * Calendar arithmetic on local dates written `YYYY-MM-DD`: pure date maths (UTC fields of
 * the date's own midnight), so the host machine's zone never enters. Instants are found
 * with `zonedDay`, in the zone the caller names.
 */
import { zonedDay, type ZonedDay } from '../time/zoned-day.js';

const DAY = 86_400_000;

/** The UTC midnight of a calendar date (a label for the date, not the local instant). */
function dateValue(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}

function dateText(value: number): string {
  const d = new Date(value);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${day < 10 ? '0' : ''}${day}`;
}

/** `date` moved by `days` calendar days. */
export function addDays(date: string, days: number): string {
  return dateText(dateValue(date) + days * DAY);
}

/** Calendar days from `a` to `b` (negative when `b` is earlier). */
export function daysBetween(a: string, b: string): number {
  return Math.round((dateValue(b) - dateValue(a)) / DAY);
}

/** Day of the week, 0 Sunday … 6 Saturday. */
export function weekdayOf(date: string): number {
  return new Date(dateValue(date)).getUTCDay();
}

/** The Monday on or before `date`: the first day of its week (weeks start on Monday). */
export function mondayOf(date: string): string {
  return addDays(date, -((weekdayOf(date) + 6) % 7));
}

/**
 * The ISO 8601 week of `date`, `YYYY-Www`: weeks start on Monday and week 1 is the one with
 * the year's first Thursday, so 29 December 2025 is `2026-W01`.
 */
export function isoWeekOf(date: string): string {
  const thursday = dateValue(mondayOf(date)) + 3 * DAY;
  const year = new Date(thursday).getUTCFullYear();
  const week = Math.floor((thursday - Date.UTC(year, 0, 1)) / (7 * DAY)) + 1;
  return `${String(year).padStart(4, '0')}-W${week < 10 ? '0' : ''}${week}`;
}

/**
 * `date` moved by `months` calendar months, the day clamped to the end of a shorter month:
 * 31 August + 6 months is 28 (or 29) February.
 */
export function addMonths(date: string, months: number): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + months;
  const d = Number(date.slice(8, 10));
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return dateText(Date.UTC(y, m, Math.min(d, last)));
}

/** The local calendar day `date` in `zone`: its first instant and the next day's. */
export function dayOfDate(date: string, zone: string): ZonedDay {
  // The day holding UTC midnight of the date is the date itself or a neighbour (offsets are
  // under a day), so at most two steps find it.
  let day = zonedDay(dateValue(date), zone);
  for (let i = 0; i < 3 && day.date !== date; i++) day = day.date < date ? zonedDay(day.end, zone) : zonedDay(day.start - 1, zone);
  return day;
}
