/**
 * Calendar days and local times in an IANA time zone, computed from epoch milliseconds
 * with `Intl` — never the host machine's zone (A3.3: "midnight to midnight"). A day at a
 * clock change is 23 or 25 hours long. Day intervals are cached per zone, so the hot path
 * (one call after another on the same day) costs two comparisons.
 */
import { PolicyError, ValidationError } from '../errors.js';
import { civilFromDays, civilToEpochMs, daysFromCivil, weekdayOfDays } from './civil.js';

/** One local calendar day: its date and the instants it spans. */
export interface ZonedDay {
  /** Local date, `YYYY-MM-DD`. */
  readonly date: string;
  /** First instant of the day (epoch ms, inclusive). */
  readonly start: number;
  /** First instant of the next day (exclusive). */
  readonly end: number;
  /** Day of the week, 0 Sunday … 6 Saturday. */
  readonly weekday: number;
}

interface ZoneCache {
  readonly format: Intl.DateTimeFormat;
  last: ZonedDay | null;
  readonly days: Map<string, ZonedDay>;
}

/**
 * The zones' caches, by zone as written. Bounded: zones come from the data (a recipient's
 * zone), and `Intl` accepts one zone in any letter case, so a hostile file could name
 * endless spellings; past `MAX_ZONES` the oldest zone's cache is dropped (and made again
 * if it is named again).
 */
const caches = new Map<string, ZoneCache>();
/** The most zones whose caches are kept at once. */
const MAX_ZONES = 32;
const DAY = 86_400_000;

/**
 * The instants whose calendar day dialguard computes, in any zone: from 0001-01-03T00:00Z
 * (inclusive) to 9999-12-30T00:00Z (exclusive). Outside it a local day (or the search for
 * its midnight) may reach year 0, which `Intl` writes as 1 BC, or pass 9999 (or leave
 * what `Date` can hold, ±8.64e15 ms), so no day is computed.
 */
export const CALENDAR_RANGE: { readonly from: number; readonly to: number } = /* @__PURE__ */ Object.freeze({
  from: -62_135_424_000_000,
  to: 253_402_128_000_000,
});

/** `true` when `at` is a finite instant within `CALENDAR_RANGE`, so `zonedDay(at, zone)` has an answer. */
export function hasCalendarDay(at: number): boolean {
  return at >= CALENDAR_RANGE.from && at < CALENDAR_RANGE.to;
}

function cacheFor(zone: string): ZoneCache {
  let cache = caches.get(zone);
  if (cache === undefined) {
    let format: Intl.DateTimeFormat;
    try {
      format = new Intl.DateTimeFormat('en-CA', {
        timeZone: zone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
        hourCycle: 'h23',
      });
    } catch {
      throw new PolicyError(`unknown time zone '${zone}': use an IANA zone name such as 'Europe/London'`);
    }
    cache = { format, last: null, days: new Map() };
    if (caches.size >= MAX_ZONES) caches.delete(caches.keys().next().value as string);
    caches.set(zone, cache);
  }
  return cache;
}

/** Throws `PolicyError` unless `zone` is an IANA time zone this runtime knows. */
export function assertTimeZone(zone: string): void {
  cacheFor(zone);
}

/** Local wall-clock fields of an instant. */
export interface LocalTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

/** The local wall-clock time of `at` in `zone`. */
export function localTime(at: number, zone: string): LocalTime {
  const parts = cacheFor(zone).format.formatToParts(at);
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? NaN);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}

function dateKey(t: LocalTime): string {
  return `${String(t.year).padStart(4, '0')}-${String(t.month).padStart(2, '0')}-${String(t.day).padStart(2, '0')}`;
}

function dateNumber(t: LocalTime): number {
  return t.year * 10_000 + t.month * 100 + t.day;
}

/** First instant whose local date is on or after `target` (yyyymmdd), searched by whole seconds in [lo, hi]: the date at `lo` is before it, at `hi` on or after it. */
function firstInstantOf(target: number, zone: string, lo: number, hi: number): number {
  let loS = Math.floor(lo / 1000);
  let hiS = Math.ceil(hi / 1000);
  while (hiS - loS > 1) {
    const mid = Math.floor((loS + hiS) / 2);
    if (dateNumber(localTime(mid * 1000, zone)) >= target) hiS = mid;
    else loS = mid;
  }
  return hiS * 1000;
}

function computeDay(at: number, zone: string): ZonedDay {
  const t = localTime(at, zone);
  const date = dateKey(t);
  // Day numbers, not Date.UTC: Date.UTC reads years 0–99 as 1900–1999.
  const days = daysFromCivil(t.year, t.month, t.day);
  const utcMidnight = days * DAY;
  const next = civilFromDays(days + 1);
  const nextTarget = next.year * 10_000 + next.month * 100 + next.day;
  // Offsets are within ±15 h, so local midnight lies within 15 h of UTC midnight of the same date.
  const start = firstInstantOf(dateNumber(t), zone, Math.min(at, utcMidnight - 15 * 3_600_000) - 1000, at);
  const end = firstInstantOf(nextTarget, zone, at, Math.max(at, utcMidnight + DAY + 15 * 3_600_000) + 1000);
  return { date, start, end, weekday: weekdayOfDays(days) };
}

/**
 * The local calendar day containing `at` in `zone` (A3.3). Cached: consecutive calls on the
 * same day cost two comparisons.
 * @throws PolicyError for an unknown zone.
 * @throws ValidationError (path `at`) for an instant with no calendar day: not finite, or
 *   outside `CALENDAR_RANGE` (use `zonedDayOrNull` where one call's data must not throw).
 */
export function zonedDay(at: number, zone: string): ZonedDay {
  const day = zonedDayOrNull(at, zone);
  if (day === null) {
    throw new ValidationError(null, 'at', 'an instant from 0001-01-03T00:00Z (inclusive) to 9999-12-30T00:00Z (exclusive), epoch ms', String(at));
  }
  return day;
}

/**
 * `zonedDay` that does not throw for the instant: the local calendar day containing `at`
 * in `zone`, or `null` when `at` has none (not finite, or outside `CALENDAR_RANGE`). The
 * operators compute a call's day with it, so a record built in code with a wild `dialAt`
 * is left out of day-keyed counting instead of failing the stream (see the
 * `timeOutOfRange` anomaly).
 * @throws PolicyError for an unknown zone (a policy error, not a call's data).
 */
export function zonedDayOrNull(at: number, zone: string): ZonedDay | null {
  const cache = cacheFor(zone);
  if (!(at >= CALENDAR_RANGE.from && at < CALENDAR_RANGE.to)) return null;
  const last = cache.last;
  if (last !== null && at >= last.start && at < last.end) return last;
  const key = Math.floor(at / 3_600_000); // the hour is cached so the day's bounds are found once per hour at worst
  const hit = cache.days.get(String(key));
  if (hit !== undefined && at >= hit.start && at < hit.end) {
    cache.last = hit;
    return hit;
  }
  const day = computeDay(at, zone);
  if (cache.days.size > 10_000) cache.days.clear();
  cache.days.set(String(key), day);
  cache.last = day;
  return day;
}

/** A day whose UTC offset changes once: the instant it changes and the offsets before and after (ms). */
interface OffsetChange {
  readonly at: number;
  readonly before: number;
  readonly after: number;
}

const offsetChanges = new WeakMap<ZonedDay, OffsetChange | null>();

/** UTC offset of `at` in `zone`, ms, to the second. */
function offsetAt(at: number, zone: string): number {
  const t = localTime(at, zone);
  const wall = civilToEpochMs(t.year, t.month, t.day, t.hour, t.minute, t.second);
  return wall - Math.floor(at / 1000) * 1000;
}

/** The one offset change within a 23- or 25-hour day, found once per day by bisection; `null` if it is not a single change. */
function offsetChangeOf(day: ZonedDay, zone: string): OffsetChange | null {
  let change = offsetChanges.get(day);
  if (change !== undefined) return change;
  const before = offsetAt(day.start, zone);
  const after = offsetAt(day.end - 1000, zone);
  change = null;
  if (before !== after && after - before === day.start + DAY - day.end) {
    let lo = Math.floor(day.start / 1000);
    let hi = Math.ceil(day.end / 1000) - 1;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (offsetAt(mid * 1000, zone) === before) lo = mid;
      else hi = mid;
    }
    change = { at: hi * 1000, before, after };
  }
  offsetChanges.set(day, change);
  return change;
}

/**
 * Minutes since local midnight of `at` in `zone`, as the wall clock shows them (so 01:30
 * on the day the clocks go back is 90 twice). Two comparisons on ordinary days; on the
 * days the clocks change, the change is found once and cached.
 */
export function localMinuteOfDay(at: number, zone: string): number {
  const day = zonedDay(at, zone);
  if (day.end - day.start === DAY) return Math.floor((at - day.start) / 60_000);
  const change = offsetChangeOf(day, zone);
  if (change === null) {
    const t = localTime(at, zone);
    return t.hour * 60 + t.minute;
  }
  const offset = at < change.at ? change.before : change.after;
  return Math.floor((at + offset - (day.start + change.before)) / 60_000);
}
