/**
 * The call ids an audit has counted, for its exact duplicate check: an open-addressing hash
 * set over one typed array, each slot's id index beside its hash (so a probe reads one
 * cache line). One probe per call tells a new id (added) from one seen before; ids are
 * compared as strings whenever their hashes match, so no two ids are confused. About twice
 * as fast as a `Set<string>` on a million ids, with no allocation per id beyond the growth
 * of its array.
 *
 * Ids come from the data, so their place in the table comes from `placementHash` (seeded
 * per set, finalised): ids written to share a plain hash's low bits still spread over the
 * table, and probing stays short. The answers do not depend on the seed, only the placement.
 */
import { hashSeed, placementHash } from './string-hash.js';

/** A set of call ids: `add` is `true` for an id not seen before (and adds it), `false` for one seen before. */
export interface CallIdSet {
  add(callId: string): boolean;
  /** Ids held. */
  size(): number;
}

/**
 * An empty `CallIdSet`. `expected`: how many ids it will likely hold (an array's length),
 * so the table is made at its final size instead of growing (and rehashing) on the way;
 * capped, so a wrong figure costs no more than a few doublings.
 */
export function createCallIdSet(expected = 0): CallIdSet {
  let mask = tableMask(expected);
  // Slot j: table[2j] the index into `ids` (-1 when free), table[2j + 1] the id's hash.
  let table = freeTable(mask + 1);
  const ids: string[] = [];
  const seed = hashSeed();

  const grow = (): void => {
    const m = mask * 2 + 1;
    const t = freeTable(m + 1);
    for (let i = 0; i <= mask; i++) {
      const id = table[2 * i]!;
      if (id < 0) continue;
      const h = table[2 * i + 1]!;
      let j = h & m;
      while (t[2 * j]! >= 0) j = (j + 1) & m;
      t[2 * j] = id;
      t[2 * j + 1] = h;
    }
    table = t;
    mask = m;
  };

  return {
    add(callId) {
      const h = placementHash(callId, seed);
      let j = h & mask;
      for (;;) {
        const id = table[2 * j]!;
        if (id < 0) break;
        if (table[2 * j + 1] === h && ids[id] === callId) return false;
        j = (j + 1) & mask;
      }
      table[2 * j] = ids.length;
      table[2 * j + 1] = h;
      ids.push(callId);
      if (ids.length * 2 > mask) grow();
      return true;
    },
    size: () => ids.length,
  };
}

/** Most slots a presized table starts with (2^22: 32 MB); beyond it the table grows as it fills. */
const MAX_PRESIZED_SLOTS = 1 << 22;

/** The mask of a table of a power of two slots, at least 1,024, above twice `expected` (at most `MAX_PRESIZED_SLOTS`). */
function tableMask(expected: number): number {
  let slots = 1024;
  while (slots < MAX_PRESIZED_SLOTS && slots <= 2 * expected) slots *= 2;
  return slots - 1;
}

/** A table of `slots` free slots. */
function freeTable(slots: number): Int32Array {
  const t = new Int32Array(2 * slots);
  for (let j = 0; j < slots; j++) t[2 * j] = -1;
  return t;
}
