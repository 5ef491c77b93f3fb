import type { RepeatList } from '../rules/repeat-within-72h/index.js';
import type { CampaignDay } from './recent-days.js';

/**
 * What the cross-call rules keep about one called number (by `numberKey`): its silent and
 * abandoned calls for the repeat rule (A2.9, a `RepeatList`), and its marks for number
 * scanning (A1.35) — the campaign days it was called on, each with whether its only call
 * there so far was a probe. The marks are read and written only through `CalledNumbers`.
 */
export type CalledNumber = RepeatList;

/**
 * A `CalledNumber` as `CalledNumbers` keeps it. Its first mark is held in the entry itself
 * (most numbers are called on one campaign day of the two kept), the others in two lists
 * made at the second mark: a number called once holds no array at all. Measured per
 * number held: 153 bytes so; 249 with two one-slot lists made at the first mark; 506 with
 * two lists grown from empty by a first push (16 slots each). An audit of a campaign that
 * calls many different numbers holds two days of them.
 */
interface NumberEntry extends RepeatList {
  /** The first mark's campaign day, or `null` (then it has no mark at all). */
  day: CampaignDay | null;
  /** `true` while a probe call is the number's only call on `day`. */
  probe: boolean;
  /** The campaign days of the marks after the first, or `null` (with `moreProbes`: both or neither). */
  moreDays: CampaignDay[] | null;
  /** Per entry of `moreDays`: as `probe`. */
  moreProbes: boolean[] | null;
}

/** The numbers the cross-call rules know, one entry each, so each call looks its number up once. */
export interface CalledNumbers {
  /** The entry of `key`, made when new. */
  get(key: string): CalledNumber;
  /**
   * The entry of `key` if there is one, else `NO_CALLS`, without making one: for a call
   * that will leave nothing on its number (no mark, no call held for the repeat rule), so
   * it adds no entry that only a sweep would remove.
   */
  find(key: string): CalledNumber;
  /** Which of `n`'s marks is for campaign day `c` (a day still kept): an index for `clearProbe`, or -1. */
  markOf(n: CalledNumber, c: CampaignDay): number;
  /** Marks `n` as called on campaign day `c` (not marked yet), `probe` when that call was a probe. */
  mark(n: CalledNumber, c: CampaignDay, probe: boolean): void;
  /** Clears the probe flag of mark `i` (a later call to the number that campaign day); `true` if it was set. */
  clearProbe(n: CalledNumber, i: number): boolean;
  /**
   * Removes the marks of dropped days, and forgets the numbers with no call held for the
   * repeat rule and no mark left (run when days are dropped). An entry taken by `get` before
   * a sweep may be forgotten by it: take entries after anything that can sweep.
   */
  sweep(): void;
}

/**
 * A number with nothing held: no call for the repeat rule (A2.9), no scanning mark (A1.35). What `find` answers for
 * a number not in the table (it answers as a new entry would); frozen, never marked nor
 * remembered on.
 */
export const NO_CALLS: CalledNumber = /* @__PURE__ */ Object.freeze({ key: '', newest: null, newestUndetermined: null });

/**
 * One table of called numbers shared by the repeat history and number scanning. An entry
 * lives while the repeat history holds a call to it or a kept day marks it; `sweep` (run
 * when days are dropped) removes the rest, so the table holds the numbers of the last two
 * days and of the repeat window — memory stays flat on an endless stream. A call that
 * would leave nothing on its number looks it up with `find`, making no entry: so when no
 * later day opens (after a call dated far ahead), calls on the days no longer held add
 * nothing that waits for a sweep.
 */
export function createCalledNumbers(): CalledNumbers {
  const numbers = new Map<string, NumberEntry>();
  /** Removes the marks of dropped days from `n`, in place, the marks kept in their order, each probe flag beside its day. */
  // Stryker disable next-line BlockStatement: equivalent: no compaction at all keeps each mark beside its probe flag, and changes memory only (test/misuse/bounded.test.ts)
  const compact = (n: NumberEntry): void => {
    const days = n.moreDays;
    // Stryker disable next-line ConditionalExpression,BlockStatement: equivalent: the marks after the first left uncompacted change memory only (a lookup never asks for a dropped day)
    if (days !== null) {
      const probes = n.moreProbes!;
      let kept = 0;
      for (let i = 0; i < days.length; i++) {
        // Stryker disable next-line ConditionalExpression: equivalent: a dropped day's mark kept changes memory only (test/misuse/bounded.test.ts); a lookup never asks for a dropped day
        if (days[i]!.dropped) continue;
        days[kept] = days[i]!;
        probes[kept] = probes[i]!;
        kept += 1;
      }
      days.length = kept;
      probes.length = kept;
    }
    // Stryker disable next-line ConditionalExpression,BlockStatement: equivalent: a dropped first mark kept changes memory only (the number is not forgotten); a lookup never asks for a dropped day
    if (n.day !== null && n.day.dropped) {
      // The first mark is dropped: the next one, if any, takes its place.
      const next = n.moreDays !== null && n.moreDays.length > 0 ? n.moreDays.shift()! : null;
      n.probe = next !== null && n.moreProbes!.shift()!;
      n.day = next;
    }
    // Stryker disable next-line ConditionalExpression,BlockStatement: equivalent: an empty list kept instead of none changes memory only
    if (n.moreDays !== null && n.moreDays.length === 0) {
      n.moreDays = null;
      n.moreProbes = null;
    }
  };
  return {
    get(key) {
      let n = numbers.get(key);
      if (n === undefined) {
        // Stryker disable next-line BooleanLiteral: equivalent: `probe` is read only once `day` is set, and set with it
        n = { key, newest: null, newestUndetermined: null, day: null, probe: false, moreDays: null, moreProbes: null };
        numbers.set(key, n);
      }
      return n;
    },
    find: (key) => numbers.get(key) ?? NO_CALLS,
    // Every drop of a day sweeps (below), so a lookup meets no dropped day: a plain search, no write.
    markOf(n, c) {
      const entry = n as NumberEntry;
      if (entry.day === c) return 0;
      const i = entry.moreDays === null ? -1 : entry.moreDays.indexOf(c);
      return i < 0 ? -1 : i + 1;
    },
    mark(n, c, probe) {
      const entry = n as NumberEntry;
      if (entry.day === null) {
        entry.day = c;
        entry.probe = probe;
      } else if (entry.moreDays === null) {
        entry.moreDays = [c];
        entry.moreProbes = [probe];
      } else {
        entry.moreDays.push(c);
        entry.moreProbes!.push(probe);
      }
    },
    clearProbe(n, i) {
      const entry = n as NumberEntry;
      if (i === 0) {
        if (!entry.probe) return false;
        entry.probe = false;
        return true;
      }
      const probes = entry.moreProbes!; // a mark after the first was found, so there are some
      if (!probes[i - 1]) return false;
      probes[i - 1] = false;
      return true;
    },
    // Stryker disable all: equivalent: the sweep frees memory only (test/misuse/bounded.test.ts); a number forgotten is made again as it was,
    // provided no caller holds an entry across a sweep (createMisuseState takes a call's entry after the day lookup that may sweep)
    sweep() {
      for (const [key, n] of numbers) {
        compact(n);
        if (n.newest === null && n.newestUndetermined === null && n.day === null) numbers.delete(key);
      }
    },
    // Stryker restore all
  };
}
