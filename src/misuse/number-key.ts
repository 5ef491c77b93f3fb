import { namedNumber, normaliseUkNumber } from '../numbers/index.js';

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

/** The key of the number a string names (`namedNumber`: no caller id, URI or extension around it); see `numberKey`. */
function plainNumberKey(raw: string): string {
  const written = normaliseUkNumber(raw);
  if (written !== null) return written.national;
  const digits = raw.replace(/[^0-9]/g, '');
  if (digits === '') return raw;
  // `00` then a country code (never starting 0) is the `+` form written for dialling: one key for both.
  const international = INTERNATIONAL_00.test(digits) ? digits.slice(2) : LEADING_PLUS.test(raw) ? digits : null;
  // Digits that name a UK number written with something `normaliseUkNumber` refuses (`+44 1632 960001 (home)`,
  // `+44/1632/960001`, `+44 (0)1632 960001 mobile`) are keyed as that number: its national form, whose key is itself.
  const uk = normaliseUkNumber(international === null ? digits : `+${international}`);
  return uk !== null ? uk.national : (international ?? digits);
}

/** Digits that start with the international prefix `00` and then a country code (1–9). */
const INTERNATIONAL_00 = /^00[1-9]/;
/** A number written with the international `+` first. */
const LEADING_PLUS = /^\s*\+/;

/**
 * The key under which calls to one number (A2.8–A2.9) or uses of one CLI (A1.21) are
 * compared: the national form of a UK number (`normaliseUkNumber`), so `+44 1632 960001`,
 * `0044 1632 960001` and `01632 960001` are one number; for anything else (a short code,
 * an overseas number, a malformed one) its digits as written — without the international
 * prefix `00` before a country code, so `+1 212 555 0100` and `001 212 555 0100` are one
 * number, and as the national form when those digits (after the `+` or `00`) are a UK
 * number's, so `+44 1632 960001 (home)`, `+44/1632/960001` and `+44 (0)1632 960001 mobile`
 * are `01632960001` too — or the string
 * itself when it has no digits. A key is its own key (`numberKey(numberKey(x)) ===
 * numberKey(x)`), so a guard state saved with keys and keyed again on restore names the
 * same numbers. A UK national form starts `0` but never `00`, and overseas digits start
 * with their country code, so the two kinds of key cannot collide. A `tel:` or `sip:` URI
 * is keyed by the number in its user part (`tel:+44-1632-960001` and
 * `sip:01632960001@host;user=phone` are `01632960001`; a host's or port's digits never
 * count); a URI whose user part has no digits (`sip:alice@host`) is its own key. A caller
 * id written as a name-addr, `"Name" <sip:01632960001@host>` or `"Unit 5" <01632960001>`,
 * is keyed by its address alone: the display name's digits never count, and one with no
 * digits in its address (`"Alice" <>`, `<sip:alice@host>`) is its own key. An extension
 * is not part of the number (`namedNumber`): `0800 123456 ext 7`, `01204 12345 x6`,
 * `0800 123456#7` and `tel:+44-800-123456;ext=7` are keyed by the number before it, so they
 * never take the key of another subscriber's longer number (`0800 123 4567`). A number
 * already in national form is its own key (no allocation: the hot path of a dialler's own
 * records).
 */
export function numberKey(raw: string): string {
  // Stryker disable next-line ConditionalExpression: equivalent: skipping the fast path gives the same key
  if (isNationalForm(raw)) return raw;
  const { number } = namedNumber(raw);
  return /[0-9]/.test(number) ? plainNumberKey(number) : raw;
}
