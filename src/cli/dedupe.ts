/**
 * Duplicate call ids, in bounded memory.
 *
 * The library's `audit` keeps every id of a batch in a Set, which grows with the file; a
 * stream of any length needs a bound. Here the ids of the last `window` calls counted are
 * remembered, in two generations of at most `window / 2` ids each (when the newer is full,
 * the older is dropped and the newer takes its place): a repeat within `window / 2` calls
 * of the first occurrence is always caught, one within `window` usually, one further apart
 * is not. Dialler exports repeat a call close to itself (a re-sent batch, overlapping
 * extracts), so the default window of a million ids catches them in practice. As in
 * `audit`, the first record of an id is counted and later ones are rejected; `window` 0
 * turns the check off.
 *
 * Ids are remembered as 64-bit fingerprints in two flat open-addressing tables (16 MB for a
 * million ids, and no garbage for the collector to trace — a Set of the id strings
 * costs several times that in memory and about as much time as the rest of the audit).
 * Two different ids share a fingerprint with a chance of about 2⁻⁶⁴: with a full window of
 * a million ids, about one row in 10¹³ could be taken for a duplicate — and, like every
 * rejected row, it would be reported with its line, never dropped unseen. The first hash
 * starts from a basis mixed with a seed new to each window (`hashSeed`), so ids written
 * to share a table slot cannot be crafted: probing stays short whatever the file holds.
 */
import { fmix32, hashSeed } from 'dialguard/internals';

/** Remembers recent call ids. */
export interface DuplicateWindow {
  /** `true` the first time `callId` is seen within the window (and remembers it); `false` for a repeat. */
  first(callId: string): boolean;
  /** Ids currently remembered. */
  size(): number;
}

/** One generation: a linear-probing table of (hi, lo) fingerprint pairs; (0, 0) marks an empty slot. */
interface Table {
  readonly slots: Int32Array;
  size: number;
}

/** A duplicate check over the last `window` call ids (0: off, every id is a first). */
export function createDuplicateWindow(window: number): DuplicateWindow {
  if (window <= 0) return { first: () => true, size: () => 0 };
  const generation = Math.max(1, Math.ceil(window / 2));
  let capacity = 2;
  while (capacity < generation * 2) capacity *= 2; // load factor at most 1/2
  const mask = capacity - 1;
  let newer: Table = { slots: new Int32Array(capacity * 2), size: 0 };
  let older: Table = { slots: new Int32Array(capacity * 2), size: 0 };
  let hi = 0;
  let lo = 0;
  const seed = hashSeed();

  /** Sets `hi`/`lo` to the fingerprint of `id`: FNV-1a (from the seeded basis) and a Murmur-style hash, each finalised. */
  const fingerprint = (id: string): void => {
    let a = 0x811c9dc5 ^ seed;
    let b = 0x9747b28c ^ id.length;
    for (let i = 0; i < id.length; i++) {
      const c = id.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995);
      b ^= b >>> 15;
    }
    hi = fmix32(a);
    lo = fmix32(b ^ 0x68e31da4);
    if (hi === 0 && lo === 0) lo = 1;
  };

  /** The slot holding the fingerprint (≥ 0), or −1 − the empty slot where it would go. */
  const find = (table: Table): number => {
    const slots = table.slots;
    for (let i = hi & mask; ; i = (i + 1) & mask) {
      const h = slots[2 * i]!;
      const l = slots[2 * i + 1]!;
      if (h === hi && l === lo) return i;
      if (h === 0 && l === 0) return -1 - i;
    }
  };

  return {
    first(callId) {
      fingerprint(callId);
      let at = find(newer);
      if (at >= 0) return false;
      if (older.size > 0 && find(older) >= 0) return false;
      if (newer.size >= generation) {
        const recycled = older;
        older = newer;
        recycled.slots.fill(0);
        recycled.size = 0;
        newer = recycled;
        at = find(newer);
      }
      const slot = -1 - at;
      newer.slots[2 * slot] = hi;
      newer.slots[2 * slot + 1] = lo;
      newer.size += 1;
      return true;
    },
    size: () => older.size + newer.size,
  };
}
