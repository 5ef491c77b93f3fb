import { normaliseUkNumber } from '../numbers/index.js';

/** `true` when `raw` is already a national UK number as `normaliseUkNumber` gives it: 8–11 digits, a trunk `0`, not `00`. */
// Stryker disable all: equivalent: a fast path; on every string it accepts, normaliseUkNumber (the slow path) gives the same key
function isNationalForm(raw: string): boolean {
  const n = raw.length;
  if (n < 8 || n > 11 || raw.charCodeAt(0) !== 48 || raw.charCodeAt(1) === 48) return false;
  for (let i = 1; i < n; i++) {
    const c = raw.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}
// Stryker restore all

/**
 * The key under which calls to one number (A2.8–A2.9) or uses of one CLI (A1.21) are
 * compared: the national form of a UK number (`normaliseUkNumber`), so `+44 1632 960001`,
 * `0044 1632 960001` and `01632 960001` are one number; for anything else (a short code,
 * an overseas number, a malformed one) its digits as written, or the string itself when it
 * has no digits. A UK national form starts `0` but never `00`, and overseas digits start
 * with their country code, so the two kinds of key cannot collide. A number already in
 * national form is its own key (no allocation: the hot path of a dialler's own records).
 */
export function numberKey(raw: string): string {
  // Stryker disable next-line ConditionalExpression: equivalent: skipping the fast path gives the same key
  if (isNationalForm(raw)) return raw;
  const uk = normaliseUkNumber(raw);
  if (uk !== null) return uk.national;
  const digits = raw.replace(/[^0-9]/g, '');
  return digits === '' ? raw : digits;
}
