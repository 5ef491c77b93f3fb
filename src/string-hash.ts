/**
 * FNV-1a over the UTF-16 code units of `s`, as an int32: a cheap hash that lets a table
 * tell two strings apart without reading both (equal strings always hash alike; unequal
 * ones rarely do, so a match is still confirmed by comparing them).
 */
export function stringHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h | 0; // the empty string never enters the loop
}
