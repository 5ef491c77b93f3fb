import type { RepeatList } from '../rules/repeat-within-72h/index.js';
import type { CampaignDay } from './recent-days.js';

/**
 * What the cross-call rules keep about one called number (by `numberKey`): its silent and
 * abandoned calls for the repeat rule (A2.9, a `RepeatList`), and its marks for number
 * scanning (A1.35) — the campaign days it was called on, each with whether its only call
 * there so far was a probe.
 */
export interface CalledNumber extends RepeatList {
  /** The campaign days (of the days kept) the number was called on. Changed only by `CalledNumbers`. */
  readonly scanDays: readonly CampaignDay[];
  /** Per entry of `scanDays`: `true` while a probe call is the number's only call that campaign day. */
  readonly scanProbes: readonly boolean[];
}

/** A `CalledNumber` as `CalledNumbers` keeps it: its marks replaced, or grown in place once it has some. */
interface NumberEntry extends RepeatList {
  scanDays: CampaignDay[];
  scanProbes: boolean[];
}

/**
 * The marks of a number not called on any kept day: one shared empty list, so the million
 * numbers of a large audit each called once do not each hold two empty arrays (a first
 * push would give each a backing store of 16 slots: about 300 bytes a number).
 */
const NO_MARKS: never[] = /* @__PURE__ */ Object.freeze([]) as never[];

/** The numbers the cross-call rules know, one entry each, so each call looks its number up once. */
export interface CalledNumbers {
  /** The entry of `key`, made when new. */
  get(key: string): CalledNumber;
  /** The index in `n.scanDays` of campaign day `c` (a day still kept), or -1. */
  markOf(n: CalledNumber, c: CampaignDay): number;
  /** Marks `n` as called on campaign day `c` (not marked yet), `probe` when that call was a probe. */
  mark(n: CalledNumber, c: CampaignDay, probe: boolean): void;
  /** Clears the probe flag of mark `i` (a later call to the number that campaign day); `true` if it was set. */
  clearProbe(n: CalledNumber, i: number): boolean;
  /** Removes the marks of dropped days, and forgets the numbers with no call held for the repeat rule and no mark left (run when days are dropped). */
  sweep(): void;
}

/**
 * One table of called numbers shared by the repeat history and number scanning. An entry
 * lives while the repeat history holds a call to it or a kept day marks it; `sweep` (run
 * when days are dropped) removes the rest, so the table holds the numbers of the last two
 * days and of the repeat window — memory stays flat on an endless stream.
 */
export function createCalledNumbers(): CalledNumbers {
  const numbers = new Map<string, NumberEntry>();
  /** Removes the marks of dropped days from `n`, in place, each number's probe flag kept beside its day. */
  // Stryker disable next-line BlockStatement: equivalent: no compaction at all keeps each mark beside its probe flag, and changes memory only (test/misuse/bounded.test.ts)
  const compact = (n: NumberEntry): void => {
    const days = n.scanDays;
    // Stryker disable next-line ConditionalExpression: equivalent: an empty list has nothing to compact (and the shared one, frozen, takes a length of 0 as it has)
    if (days.length === 0) return;
    let kept = 0;
    for (let i = 0; i < days.length; i++) {
      // Stryker disable next-line ConditionalExpression: equivalent: a dropped day's mark kept changes memory only (test/misuse/bounded.test.ts); a lookup never asks for a dropped day
      if (days[i]!.dropped) continue;
      days[kept] = days[i]!;
      n.scanProbes[kept] = n.scanProbes[i]!;
      kept += 1;
    }
    days.length = kept;
    n.scanProbes.length = kept;
  };
  return {
    get(key) {
      let n = numbers.get(key);
      if (n === undefined) {
        n = { key, newest: null, scanDays: NO_MARKS, scanProbes: NO_MARKS };
        numbers.set(key, n);
      }
      return n;
    },
    // Every drop of a day sweeps (below), so a lookup meets no dropped day: a plain search, no write.
    markOf: (n, c) => n.scanDays.indexOf(c),
    mark(n, c, probe) {
      const entry = n as NumberEntry;
      // The first mark makes the number's own lists, each of one slot; later ones grow them.
      if (entry.scanDays.length === 0) {
        entry.scanDays = [c];
        entry.scanProbes = [probe];
      } else {
        entry.scanDays.push(c);
        entry.scanProbes.push(probe);
      }
    },
    clearProbe(n, i) {
      const entry = n as NumberEntry;
      if (!entry.scanProbes[i]) return false;
      entry.scanProbes[i] = false;
      return true;
    },
    // Stryker disable all: equivalent: the sweep frees memory only (test/misuse/bounded.test.ts); a number forgotten is made again as it was
    sweep() {
      for (const [key, n] of numbers) {
        compact(n);
        if (n.newest === null && n.scanDays.length === 0) numbers.delete(key);
      }
    },
    // Stryker restore all
  };
}
