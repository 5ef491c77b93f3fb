/**
 * Zoneless local times (`2026-10-25 01:30:00`, as Asterisk and VICIdial write them) read
 * in the zone the user names (`--input-tz`, or the mapping's `inputTz`).
 *
 * At the clock changes a wall-clock time is not always one instant:
 * - the hour repeated in autumn (01:00–01:59 on the last Sunday of October in London) is
 *   **ambiguous**: it is read as the **earlier** instant (BST, +01:00), the first time the
 *   clock showed it. A server writes the first pass before the second, so a file in time
 *   order stays in order for the first hour; calls of the second pass are counted an hour
 *   early, on the same calendar day (the day's ACR is unchanged).
 * - the hour skipped in spring (01:00–01:59 on the last Sunday of March) never happened:
 *   such a time is **invalid**, and the row is rejected, never moved.
 */
import { localTime } from 'dialguard/internals';

/** A local time read in a zone: the instant, or why there is none. */
export type LocalInstant =
  | { readonly ok: true; readonly at: number; readonly ambiguous: boolean }
  | { readonly ok: false; readonly reason: 'format' | 'skipped' };

const HOUR = 3_600_000;

/** `YYYY-MM-DD hh:mm[:ss[.fff]]` (a `T` allowed), nothing after it. */
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?$/;

/** Offset (ms, local − UTC) of `zone` at instant `at`; memoised per UTC hour (offsets change on the hour or half hour at most… and on the hour in every zone dialguard is used in). */
export interface OffsetCache {
  offset(at: number): number;
}

/** An offset lookup for `zone`, memoised per quarter hour of UTC (bounded). */
export function offsetCache(zone: string): OffsetCache {
  const memo = new Map<number, number>();
  localTime(0, zone); // an unknown zone throws here, before any row
  const compute = (at: number): number => {
    const t = localTime(at, zone); // the library's wall clock of `at` in `zone`
    const local = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
    return local - (at - (((at % 1000) + 1000) % 1000));
  };
  return {
    offset(at) {
      const key = Math.floor(at / (HOUR / 4));
      let o = memo.get(key);
      if (o === undefined) {
        if (memo.size > 50_000) memo.clear();
        o = compute(key * (HOUR / 4));
        memo.set(key, o);
      }
      return o;
    },
  };
}

/** How the wall times of one local quarter hour map to instants: subtract `offset`; or none (skipped); or two (ambiguous). */
type Resolution = { readonly kind: 'one'; readonly offset: number } | { readonly kind: 'two'; readonly earlier: number } | { readonly kind: 'skipped' };

const resolutions = new WeakMap<OffsetCache, Map<number, Resolution>>();

/** Resolves local wall time `wall` (as if UTC) in the zone of `cache`, from the offsets 12 hours either side. */
function resolve(wall: number, cache: OffsetCache): Resolution {
  // An offset change happens at most once in 24 hours: the offsets 12 hours either side
  // are the only candidates. A candidate is right when the zone's offset at it agrees.
  const before = cache.offset(wall - 12 * HOUR);
  const after = cache.offset(wall + 12 * HOUR);
  const okA = cache.offset(wall - before) === before;
  if (before === after) return okA ? { kind: 'one', offset: before } : { kind: 'skipped' };
  const okB = cache.offset(wall - after) === after;
  if (okA && okB) return { kind: 'two', earlier: Math.max(before, after) };
  if (okA) return { kind: 'one', offset: before };
  if (okB) return { kind: 'one', offset: after };
  return { kind: 'skipped' };
}

function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * The instant of wall-clock time `text` in the zone of `cache`.
 * - not of the form `YYYY-MM-DD hh:mm[:ss[.fff]]` (or out of range) → `{ ok: false, reason: 'format' }`;
 * - in the hour skipped in spring → `{ ok: false, reason: 'skipped' }`;
 * - in the hour repeated in autumn → the earlier instant, `ambiguous: true`.
 *
 * Offsets change on a quarter hour in every zone, so the resolution is memoised per local
 * quarter hour (bounded): a file of millions of rows looks the zone up a few times a day.
 */
export function localToInstant(text: string, cache: OffsetCache): LocalInstant {
  const m = LOCAL.exec(text.trim());
  if (m === null) return { ok: false, reason: 'format' };
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const h = Number(m[4]);
  const mi = Number(m[5]);
  const s = m[6] === undefined ? 0 : Number(m[6]);
  const ms = m[7] === undefined ? 0 : Number(m[7].slice(0, 3).padEnd(3, '0'));
  if (y < 1000 || mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo) || h > 23 || mi > 59 || s > 59) return { ok: false, reason: 'format' };
  const wall = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  let memo = resolutions.get(cache);
  if (memo === undefined) resolutions.set(cache, (memo = new Map()));
  const key = Math.floor(wall / (HOUR / 4));
  let r = memo.get(key);
  if (r === undefined) {
    if (memo.size > 50_000) memo.clear();
    r = resolve(key * (HOUR / 4), cache);
    memo.set(key, r);
  }
  if (r.kind === 'one') return { ok: true, at: wall - r.offset, ambiguous: false };
  if (r.kind === 'two') return { ok: true, at: wall - r.earlier, ambiguous: true };
  return { ok: false, reason: 'skipped' };
}
