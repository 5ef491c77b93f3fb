/**
 * Zoneless local times (`2026-10-25 01:30:00`, as Asterisk and VICIdial write them) read
 * in the zone the user names (`--input-tz`, or the mapping's `inputTz`).
 *
 * At the clock changes a wall-clock time is not always one instant:
 * - the hour repeated in autumn (01:00–01:59 on the last Sunday of October in London) is
 *   **ambiguous**: it is read as the **earlier** instant (BST, +01:00), the first time the
 *   clock showed it. A server writes the first pass before the second, so a file in time
 *   order stays in order for the first hour; calls of the second pass are counted an hour
 *   early, on the same calendar day (the day's ACR is unchanged). `laterInstant` gives the
 *   other instant: a mapping takes it for a call's later times (answer, end) whose earlier
 *   instant would fall before the dial — a call in progress when the clocks went back.
 * - the hour skipped in spring (01:00–01:59 on the last Sunday of March) never happened:
 *   such a time is **invalid**, and the row is rejected, never moved.
 */
import { daysInMonth, localTime } from 'dialguard/internals';

/** A local time read in a zone: the instant, or why there is none. */
export type LocalInstant =
  | { readonly ok: true; readonly at: number; readonly ambiguous: boolean }
  | { readonly ok: false; readonly reason: 'format' | 'skipped' };

const HOUR = 3_600_000;

/** `YYYY-MM-DD hh:mm[:ss[.fff]]` (a `T` allowed), nothing after it. */
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?$/;

/**
 * Offset (ms, local − UTC) of `zone` at instant `at`; memoised per UTC quarter hour in which
 * the offset does not change (most zones change on a quarter hour; St John's changed at
 * 00:01 until 2011: a quarter hour holding a change is worked out per instant).
 */
export interface OffsetCache {
  offset(at: number): number;
}

const QUARTER = HOUR / 4;

/** An offset lookup for `zone`, memoised per quarter hour of UTC (bounded). */
export function offsetCache(zone: string): OffsetCache {
  const memo = new Map<number, number>(); // quarter → its offset, or NaN: it holds a change
  localTime(0, zone); // an unknown zone throws here, before any row
  const compute = (at: number): number => {
    const t = localTime(at, zone); // the library's wall clock of `at` in `zone`
    const local = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
    return local - (at - (((at % 1000) + 1000) % 1000));
  };
  return {
    offset(at) {
      const key = Math.floor(at / QUARTER);
      let o = memo.get(key);
      if (o === undefined) {
        if (memo.size > 50_000) memo.clear();
        const first = compute(key * QUARTER);
        o = compute((key + 1) * QUARTER - 1000) === first ? first : Number.NaN; // the same at its first and last second: no change inside
        memo.set(key, o);
      }
      return Number.isNaN(o) ? compute(at) : o;
    },
  };
}

/** How the wall times of one local quarter hour map to instants: subtract `offset`; or none (skipped); or two (ambiguous). */
type Resolution = { readonly kind: 'one'; readonly offset: number } | { readonly kind: 'two'; readonly earlier: number; readonly later: number } | { readonly kind: 'skipped' };

/** The same resolution. */
function sameResolution(a: Resolution, b: Resolution): boolean {
  if (a.kind === 'one') return b.kind === 'one' && a.offset === b.offset;
  if (a.kind === 'two') return b.kind === 'two' && a.earlier === b.earlier && a.later === b.later;
  return b.kind === 'skipped';
}

/** Marks a local quarter hour whose wall times do not all resolve alike (a change inside it): each is resolved alone. */
const MIXED = null;

const resolutions = new WeakMap<OffsetCache, Map<number, Resolution | typeof MIXED>>();

/** Resolves local wall time `wall` (as if UTC) in the zone of `cache`, from the offsets either side of every instant it could be. */
function resolve(wall: number, cache: OffsetCache): Resolution {
  // Offsets lie between −12 and +14 hours, so the instant is within wall − 14 h … wall + 12 h.
  // An offset changes at most once in 28 hours: the offsets just outside that span are the
  // only candidates. A candidate is right when the zone's offset at it agrees.
  const before = cache.offset(wall - 15 * HOUR);
  const after = cache.offset(wall + 13 * HOUR);
  const okA = cache.offset(wall - before) === before;
  if (before === after) return okA ? { kind: 'one', offset: before } : { kind: 'skipped' };
  const okB = cache.offset(wall - after) === after;
  if (okA && okB) return { kind: 'two', earlier: Math.max(before, after), later: Math.min(before, after) };
  if (okA) return { kind: 'one', offset: before };
  if (okB) return { kind: 'one', offset: after };
  return { kind: 'skipped' };
}

/** The wall time (as if UTC) of the text `resolveText` last resolved (no object per cell: a file has millions). */
let lastWall = 0;

/** How `text` resolves in the zone of `cache` (its wall time in `lastWall`); `null` when `text` is not a local date-time. */
function resolveText(text: string, cache: OffsetCache): Resolution | null {
  const m = LOCAL.exec(text.trim());
  if (m === null) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const h = Number(m[4]);
  const mi = Number(m[5]);
  const s = m[6] === undefined ? 0 : Number(m[6]);
  const ms = m[7] === undefined ? 0 : Number(m[7].slice(0, 3).padEnd(3, '0'));
  if (y < 1000 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || s > 59) return null;
  const wall = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  let memo = resolutions.get(cache);
  if (memo === undefined) resolutions.set(cache, (memo = new Map()));
  const key = Math.floor(wall / QUARTER);
  let r = memo.get(key);
  if (r === undefined) {
    if (memo.size > 50_000) memo.clear();
    const first = resolve(key * QUARTER, cache);
    r = sameResolution(first, resolve((key + 1) * QUARTER - 1000, cache)) ? first : MIXED;
    memo.set(key, r);
  }
  lastWall = wall;
  return r === MIXED ? resolve(wall, cache) : r;
}

/**
 * The instant of wall-clock time `text` in the zone of `cache`.
 * - not of the form `YYYY-MM-DD hh:mm[:ss[.fff]]` (or out of range) → `{ ok: false, reason: 'format' }`;
 * - in the hour skipped in spring → `{ ok: false, reason: 'skipped' }`;
 * - in the hour repeated in autumn → the earlier instant, `ambiguous: true` (`laterInstant` gives the other).
 *
 * The resolution is memoised per local quarter hour (bounded) when its first and last
 * second resolve alike, as they do wherever offsets change on a quarter hour: a file of
 * millions of rows looks the zone up a few times a day. A quarter hour holding a change
 * (St John's changed at 00:01 until 2011) is resolved time by time.
 */
export function localToInstant(text: string, cache: OffsetCache): LocalInstant {
  const r = resolveText(text, cache);
  if (r === null) return { ok: false, reason: 'format' };
  const wall = lastWall;
  if (r.kind === 'one') return { ok: true, at: wall - r.offset, ambiguous: false };
  if (r.kind === 'two') return { ok: true, at: wall - r.earlier, ambiguous: true };
  return { ok: false, reason: 'skipped' };
}

/**
 * The later instant of wall-clock time `text` in the zone of `cache` when it is in the hour
 * repeated in autumn (the second time the clock showed it: winter time); `null` for any
 * other text (one instant, none, or not a local time).
 */
export function laterInstant(text: string, cache: OffsetCache): number | null {
  const r = resolveText(text, cache);
  return r !== null && r.kind === 'two' ? lastWall - r.later : null;
}
