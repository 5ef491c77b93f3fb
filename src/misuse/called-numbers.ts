import type { RepeatList } from '../rules/repeat-within-72h/index.js';
import type { CampaignDay } from './recent-days.js';

/**
 * What the cross-call rules keep about one called number (by `numberKey`): its silent and
 * abandoned calls for the repeat rule (A2.9, a `RepeatList`), and its marks for number
 * scanning (A1.35) — the campaign days it was called on, each with whether its only call
 * there so far was a probe.
 */
export interface CalledNumber extends RepeatList {
  /** The campaign days (of the days kept) the number was called on. */
  readonly scanDays: CampaignDay[];
  /** Per entry of `scanDays`: `true` while a probe call is the number's only call that campaign day. */
  readonly scanProbes: boolean[];
}

/** The numbers the cross-call rules know, one entry each, so each call looks its number up once. */
export interface CalledNumbers {
  /** The entry of `key`, made when new. */
  get(key: string): CalledNumber;
  /** The index in `n.scanDays` of campaign day `c` (a day still kept), or -1. */
  markOf(n: CalledNumber, c: CampaignDay): number;
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
  const numbers = new Map<string, CalledNumber>();
  /** Removes the marks of dropped days from `n`, in place, each number's probe flag kept beside its day. */
  // Stryker disable next-line BlockStatement: equivalent: no compaction at all keeps each mark beside its probe flag, and changes memory only (test/misuse/bounded.test.ts)
  const compact = (n: CalledNumber): void => {
    const days = n.scanDays;
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
        n = { key, newest: null, scanDays: [], scanProbes: [] };
        numbers.set(key, n);
      }
      return n;
    },
    // Every drop of a day sweeps (below), so a lookup meets no dropped day: a plain search, no write.
    markOf: (n, c) => n.scanDays.indexOf(c),
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
