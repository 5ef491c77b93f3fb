import { normaliseUkNumber } from '../numbers/index.js';

/**
 * The key under which calls to one number (A2.8–A2.9) or uses of one CLI (A1.21) are
 * compared: the national form of a UK number (`normaliseUkNumber`), so `+44 1632 960001`,
 * `0044 1632 960001` and `01632 960001` are one number; for anything else (a short code,
 * an overseas number, a malformed one) its digits as written, or the string itself when it
 * has no digits. A UK national form starts `0` but never `00`, and overseas digits start
 * with their country code, so the two kinds of key cannot collide.
 */
export function numberKey(raw: string): string {
  const uk = normaliseUkNumber(raw);
  if (uk !== null) return uk.national;
  let digits = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 48 && c <= 57) digits += raw[i];
  }
  return digits === '' ? raw : digits;
}
