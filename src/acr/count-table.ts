import { COUNT_STRIDE } from './counts.js';

/**
 * A table of count vectors (`COUNT_FIELDS`, Annex 3 inputs) keyed by calendar date (A3.3)
 * and an id, stored in one growable `Float64Array`: a slot costs its key, three references
 * and ten numbers — a few hundred bytes — however many slots there are. Slots of whole
 * days can be dropped (`dropBefore`), and are reused.
 */
export interface CountTable {
  /** The slot of (`date`, `id`), created with zero counts when absent. */
  slot(date: string, id: string): number;
  /** The slot of (`date`, `id`), or -1. */
  find(date: string, id: string): number;
  /** The count vectors: slot `s` is `data()[s * COUNT_STRIDE …]`. Read it again after `slot` (it may grow). */
  data(): Float64Array;
  /** The date and id of a live slot. */
  date(slot: number): string;
  id(slot: number): string;
  /** Slots ever allocated (live or free): an upper bound for arrays kept beside the table. */
  capacity(): number;
  /** Live slots. */
  size(): number;
  /** Calls `fn` with every live slot, in the order they were made (reused slots in their place). */
  forEach(fn: (slot: number) => void): void;
  /** Drops every slot dated before `date`; returns the slots dropped. */
  dropBefore(date: string): number[];
}

/** The key of (`date`, `id`): unambiguous whatever the strings contain. */
function keyOf(date: string, id: string): string {
  return `${date.length}:${date}${id}`;
}

/** An empty `CountTable`. */
export function createCountTable(): CountTable {
  const index = new Map<string, number>();
  const dates: (string | null)[] = [];
  // Stryker disable next-line ArrayDeclaration: ids are read at live slots only, each written when its slot is made
  const ids: string[] = [];
  const free: number[] = [];
  let data = new Float64Array(16 * COUNT_STRIDE);
  const table: CountTable = {
    slot(date, id) {
      const key = keyOf(date, id);
      const known = index.get(key);
      if (known !== undefined) return known;
      let s = free.pop();
      if (s === undefined) {
        s = dates.length;
        // Stryker disable next-line EqualityOperator: equivalent: growing one slot early changes memory only, never a count
        if ((s + 1) * COUNT_STRIDE > data.length) {
          const grown = new Float64Array(data.length * 2);
          grown.set(data);
          data = grown;
        }
      } else data.fill(0, s * COUNT_STRIDE, (s + 1) * COUNT_STRIDE);
      dates[s] = date;
      ids[s] = id;
      index.set(key, s);
      return s;
    },
    find(date, id) {
      return index.get(keyOf(date, id)) ?? -1;
    },
    data: () => data,
    date: (s) => dates[s] ?? '',
    id: (s) => ids[s] ?? '',
    capacity: () => dates.length,
    size: () => index.size,
    forEach(fn) {
      for (let s = 0; s < dates.length; s++) if (dates[s] !== null) fn(s);
    },
    dropBefore(date) {
      // Stryker disable next-line ArrayDeclaration: the caller only clears its arrays at the slots listed; a stray non-slot entry names no cell
      const dropped: number[] = [];
      for (let s = 0; s < dates.length; s++) {
        const d = dates[s] as string | null;
        if (d === null || d >= date) continue;
        index.delete(keyOf(d, ids[s]!));
        dates[s] = null;
        // Stryker disable next-line StringLiteral: frees the id's memory; a dropped slot's id is read by nothing (it is no longer in the index)
        ids[s] = '';
        free.push(s);
        dropped.push(s);
      }
      return dropped;
    },
  };
  return table;
}
