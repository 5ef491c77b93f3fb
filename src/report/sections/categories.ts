import type { CallCounts } from '../../acr/counts.js';

/** Calls by category (Annex 1, A3.3–A3.5). */
export interface CategoryCounts {
  readonly calls: number;
  readonly live: number;
  readonly abandoned: number;
  readonly silent: number;
  readonly answerMachine: number;
  readonly unconnected: number;
  /** Calls whose records cannot show live, abandoned or silent (nor, for some, whether they were answered): excluded from x and y. */
  readonly undetermined: number;
}

/** Each category's share of all calls, 0–1; `null` when there were no calls. */
export interface CategoryRates {
  readonly live: number | null;
  readonly abandoned: number | null;
  readonly silent: number | null;
  readonly answerMachine: number | null;
  readonly unconnected: number | null;
  readonly undetermined: number | null;
}

/** `n / of`, or `null` when `of` is 0. */
export const share = (n: number, of: number): number | null => (of === 0 ? null : n / of);

/** The categories of a set of ACR counts (A3.3–A3.5): abandoned calls known and unknown together, the three machine kinds together. */
export function categories(c: Readonly<CallCounts>): CategoryCounts {
  return {
    calls: c.calls,
    live: c.live,
    abandoned: c.abandonedLive + c.abandonedUnknown,
    silent: c.silent,
    answerMachine: c.machineDisconnected + c.machineToAgent + c.machineAbandoned,
    unconnected: c.unconnected,
    undetermined: c.undetermined,
  };
}

/** Each category's share of the calls. */
export function rates(c: CategoryCounts): CategoryRates {
  return {
    live: share(c.live, c.calls),
    abandoned: share(c.abandoned, c.calls),
    silent: share(c.silent, c.calls),
    answerMachine: share(c.answerMachine, c.calls),
    unconnected: share(c.unconnected, c.calls),
    undetermined: share(c.undetermined, c.calls),
  };
}
