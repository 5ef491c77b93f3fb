/**
 * FNV-1a over the UTF-16 code units of `s`, as an int32: a cheap hash that lets a table
 * tell two strings apart without reading both (equal strings always hash alike; unequal
 * ones rarely do, so a match is still confirmed by comparing them). Not for placing
 * strings from the data in a table: its low bits can be chosen by whoever writes the
 * strings (`placementHash` is for that).
 */
export function stringHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h | 0; // the empty string never enters the loop
}

/** Murmur3's 32-bit finaliser: every input bit affects every output bit (an int32). */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/**
 * A seed for `placementHash`, new each time (not reproducible, and not meant to be: only
 * where a string lands in a table depends on it, never what the table answers).
 */
export function hashSeed(): number {
  return (Math.random() * 0x1_0000_0000) | 0;
}

/**
 * `s` hashed for its place in an open-addressing table keyed by strings from the data:
 * FNV-1a started from a basis mixed with `seed` (`hashSeed()`), then `fmix32`, so every
 * bit of the result depends on every code unit and on the seed. Whoever writes the strings
 * cannot make them share the low bits a table's mask keeps (with plain FNV-1a one chosen
 * last character does it), so probing stays short whatever the data: no quadratic flood.
 */
export function placementHash(s: string, seed: number): number {
  let h = 0x811c9dc5 ^ seed;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return fmix32(h);
}
