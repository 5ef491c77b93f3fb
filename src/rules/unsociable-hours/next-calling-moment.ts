import type { CallingWindow } from '../../policy/policy.js';
import { clockMinutes, inCallingWindow } from './calling-window.js';
import { hasCalendarDay, localMinuteOfDay, localTime, zonedDay, type ZonedDay } from '../../time/zoned-day.js';

/** The wall clock of `at` in `zone`, as if it were UTC (whole seconds). */
function wallMs(at: number, zone: string): number {
  const t = localTime(at, zone);
  return Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
}

/**
 * The first whole second in `(lo, hi]` at which `holds` is true, for a `holds` that is false
 * at `lo` (or `lo` lies before the range), true at `hi`, and changes once in between: a
 * binary search, in ms.
 */
function firstSecondWhere(lo: number, hi: number, holds: (second: number) => boolean): number {
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (holds(mid)) hi = mid;
    else lo = mid;
  }
  return hi * 1000;
}

/**
 * The first instant at or after `after` on the local day `day` whose wall clock in `zone`
 * reads `minute` (minutes since midnight) — or, when that time never happens because the
 * clocks go forward over it, the first instant after the gap. `null` when the day has no
 * such instant at or after `after`.
 *
 * Algorithm: the wall time `minute` is tried at the day's offset at its start and at its
 * end (a day has at most one change): each candidate that really shows that wall time is
 * an occurrence (two on the day the clocks go back); the earliest at or after `after` wins.
 * With no occurrence at all the time lies in a gap, and a binary search over whole seconds
 * finds the first instant past it.
 */
export function firstInstantAt(day: ZonedDay, minute: number, zone: string, after: number = day.start): number | null {
  const naive = Date.UTC(Number(day.date.slice(0, 4)), Number(day.date.slice(5, 7)) - 1, Number(day.date.slice(8, 10))) + minute * 60_000;
  let occurred = false;
  let best: number | null = null;
  // Stryker disable next-line ArithmeticOperator: equivalent: the end probe matters only on a day with a change inside it, and a second either side of that day's end has the same offset
  for (const probe of [day.start, day.end - 1000]) {
    const t = naive - (wallMs(probe, zone) - probe);
    if (t < day.start || t >= day.end || wallMs(t, zone) !== naive) continue;
    occurred = true;
    if (t >= after && (best === null || t < best)) best = t;
  }
  if (occurred) return best;
  // In a gap: the wall clock only moves forward on this day, so search for the first second past it.
  // Stryker disable next-line MethodExpression: equivalent: a search from the day's start finds the same end of the gap, and the answer is clipped to `after`
  const lo = Math.floor(Math.max(after, day.start) / 1000) - 1; // wall(lo) < naive, or lo before the range
  const hi = Math.ceil(day.end / 1000) - 1;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent: unreachable, a start is before 24:00 and a day's last second reads 23:59:59
  if (wallMs(hi * 1000, zone) < naive) return null;
  // `after` itself when the gap was already past.
  return Math.max(after, firstSecondWhere(lo, hi, (s) => wallMs(s * 1000, zone) >= naive));
}

const DAY_MS = 86_400_000;
/** Answers by calling hours, zone, local date and the part of the day `at` is in. */
const memo = new WeakMap<readonly (CallingWindow | null)[], Map<string, number | null>>();
const MAX_MEMO = 4096;

/**
 * A2.11: the next moment after `at` at which a call is inside the calling window of its
 * local day in `zone` — the rule `unsociableHours` applies (`HH:MM` start inclusive, end
 * exclusive, by the wall clock): inside the window, and still inside it a millisecond later
 * on the same day, that is `at + 1`. Days whose window is `null` are skipped; a window's start
 * that the clocks skip (going forward) opens at the first instant after the gap; on the day
 * they go back, a start in the repeated hour is its first occurrence. `null` when none of
 * the next eight local days has an open window, or the calendar range ends first (no day
 * after 9999-12-30 UTC, `CALENDAR_RANGE`). On a 24-hour day every closed moment
 * before the window (or after it, or on a day without one) has the same answer, so it is
 * remembered per zone, date and part of the day: a dialler refused at night costs one lookup.
 * @throws PolicyError for an unknown zone; ValidationError for an `at` with no calendar day (`hasCalendarDay`).
 */
export function nextCallingMoment(at: number, zone: string, hours: readonly (CallingWindow | null)[]): number | null {
  const day = zonedDay(at, zone);
  const window = hours[day.weekday] ?? null;
  const minute = localMinuteOfDay(at, zone);
  const open = inCallingWindow(minute, window);
  // Open, and still open a millisecond later (the same day): that millisecond.
  if (open && at + 1 < day.end && inCallingWindow(localMinuteOfDay(at + 1, zone), window)) return at + 1;
  if (day.end - day.start !== DAY_MS) return search(at, day, zone, hours);
  const part = open ? null : window === null ? 'none' : minute < clockMinutes(window.start) ? 'before' : 'after';
  if (part === null) return search(at, day, zone, hours);
  let answers = memo.get(hours);
  if (answers === undefined) memo.set(hours, (answers = new Map()));
  const key = `${zone}\u0000${day.date}\u0000${part}`;
  const known = answers.get(key);
  if (known !== undefined) return known; // every closed moment of the part has this answer, all after it
  const found = search(at, day, zone, hours);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent: when the memo is emptied changes memory only
  if (answers.size >= MAX_MEMO) answers.clear();
  answers.set(key, found);
  return found;
}

/**
 * The instant the clocks go back on `day` (its wall clock jumps back: the day is longer than
 * 24 hours), or `null`. A binary search over whole seconds for the first one with the
 * day's last offset.
 */
function clocksGoBackAt(day: ZonedDay, zone: string): number | null {
  if (day.end - day.start <= DAY_MS) return null;
  const offset = (s: number): number => wallMs(s * 1000, zone) - s * 1000;
  const hi = Math.ceil(day.end / 1000) - 1;
  const last = offset(hi);
  return firstSecondWhere(Math.floor(day.start / 1000), hi, (s) => offset(s) === last);
}

/**
 * The first moment after `at` inside a window, day by day: the day's window opens when its
 * wall clock first reads the start (`firstInstantAt`) — or, on the day the clocks go back,
 * when the clock falls back into the window after it had closed (a window that ends in the
 * repeated hour opens again for the hour's second pass).
 */
function search(at: number, today: ZonedDay, zone: string, hours: readonly (CallingWindow | null)[]): number | null {
  let day = today;
  // Stryker disable next-line EqualityOperator: equivalent: a weekly table that opens at all opens within seven days
  for (let i = 0; i < 8; i++) {
    const window = hours[day.weekday] ?? null;
    if (window !== null) {
      // Stryker disable next-line ArithmeticOperator: equivalent: a start at `at` or just before it would have made `at` open, answered before the search
      const t = firstInstantAt(day, clockMinutes(window.start), zone, at + 1);
      const opens = t !== null && inCallingWindow(localMinuteOfDay(t, zone), window) ? t : Infinity;
      const back = clocksGoBackAt(day, zone);
      const reopens = back !== null && back > at && inCallingWindow(localMinuteOfDay(back, zone), window) ? back : Infinity;
      const first = Math.min(opens, reopens);
      if (first !== Infinity) return first;
    }
    if (!hasCalendarDay(day.end)) return null; // the calendar range ends: no next day to search
    day = zonedDay(day.end, zone);
  }
  return null;
}
