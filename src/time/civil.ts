/**
 * Proleptic Gregorian dates and day numbers (days since 1970-01-01), in integer
 * arithmetic (H. Hinnant's `days_from_civil` / `civil_from_days`). Unlike `Date.UTC`,
 * these read year 50 as the year 50, not 1950, and cost no allocation.
 */

/** A calendar date: year, month 1–12, day 1–31. */
export interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** Days in `month` (1–12) of `year` in the proleptic Gregorian calendar: 28–31, February 29 in leap years. */
/* @__NO_SIDE_EFFECTS__ */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Days from 1970-01-01 to `year`-`month`-`day` (negative before 1970); right for every year, including 0–99. */
/* @__NO_SIDE_EFFECTS__ */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The date `days` days after 1970-01-01 (the inverse of `daysFromCivil`). */
/* @__NO_SIDE_EFFECTS__ */
export function civilFromDays(days: number): CivilDate {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Epoch ms of `year`-`month`-`day` `hour`:`minute`:`second` UTC: `Date.UTC` without its two-digit-year quirk. */
/* @__NO_SIDE_EFFECTS__ */
export function civilToEpochMs(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  return (daysFromCivil(year, month, day) * 86_400 + hour * 3_600 + minute * 60 + second) * 1_000;
}

/** Day of the week of a day number: 0 Sunday … 6 Saturday (1970-01-01 was a Thursday). */
export function weekdayOfDays(days: number): number {
  return (((days + 4) % 7) + 7) % 7;
}
