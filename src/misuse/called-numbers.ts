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
  /** The index in `n.scanDays` of campaign day `c`, or -1; marks of dropped days are removed on the way. */
  markOf(n: CalledNumber, c: CampaignDay): number;
  /** Forgets the numbers with no call held for the repeat rule and no mark on a day still kept (after days are dropped). */
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
  const markOf = (n: CalledNumber, c: CampaignDay | null): number => {
    const days = n.scanDays;
    // Most calls find no dropped day: a read-only pass, with no write and no change of length.
    let i = 0;
    let found = -1;
    for (; i < days.length; i++) {
      const d = days[i]!;
      if (d.dropped) break;
      if (d === c) found = i;
    }
    if (i === days.length) return found;
    // From the first dropped day on: compact the marks of the days kept.
    let kept = i;
    for (; i < days.length; i++) {
      const d = days[i]!;
      // Stryker disable next-line ConditionalExpression: equivalent: a dropped day's mark kept changes memory only (test/misuse/bounded.test.ts); no call is on a dropped day
      if (d.dropped) continue;
      if (d === c) found = kept;
      days[kept] = d;
      n.scanProbes[kept] = n.scanProbes[i]!;
      kept += 1;
    }
    days.length = kept;
    n.scanProbes.length = kept;
    return found;
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
    markOf,
    // Stryker disable all: equivalent: the sweep frees memory only (test/misuse/bounded.test.ts); a number forgotten is made again as it was
    sweep() {
      for (const [key, n] of numbers) {
        markOf(n, null);
        if (n.newest === null && n.scanDays.length === 0) numbers.delete(key);
      }
    },
    // Stryker restore all
  };
}
