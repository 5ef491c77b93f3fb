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
 * The address of a SIP name-addr (RFC 3261 §25.1: `"Name" <address>`, `Name <address>`,
 * `<address>`), as diallers and switches write a caller id: what is inside the `<…>` that
 * ends it; `raw` itself when it does not end in one.
 */
function addressOf(raw: string): string {
  const text = raw.trim();
  if (!text.endsWith('>')) return raw;
  const open = text.lastIndexOf('<');
  return open < 0 ? raw : text.slice(open + 1, -1);
}

/**
 * The number a `tel:` (RFC 3966) or `sip:`/`sips:` (RFC 3261) URI names, as a dialler's
 * records may write it (`tel:+44-1632-960001;ext=12`, `sip:01632960001@10.0.0.1:5060;user=phone`):
 * the user part, before its parameters (`;…`) and the host (`@…`); `null` for a string
 * that is not such a URI.
 */
function uriNumber(address: string): string | null {
  const inner = address.trim();
  const scheme = /^(?:tel|sips?):/i.exec(inner);
  if (scheme === null) return null;
  const rest = inner.slice(scheme[0].length);
  const at = rest.indexOf('@');
  const user = at < 0 ? rest : rest.slice(0, at);
  const semicolon = user.indexOf(';');
  return semicolon < 0 ? user : user.slice(0, semicolon);
}

/** The key of a number written plainly (not a URI); see `numberKey`. */
function plainNumberKey(raw: string): string {
  const uk = normaliseUkNumber(raw);
  if (uk !== null) return uk.national;
  const digits = raw.replace(/[^0-9]/g, '');
  if (digits === '') return raw;
  // `00` then a country code (never starting 0) is the `+` form written for dialling: one key for both.
  return INTERNATIONAL_00.test(digits) ? digits.slice(2) : digits;
}

/** Digits that start with the international prefix `00` and then a country code (1–9). */
const INTERNATIONAL_00 = /^00[1-9]/;

/**
 * The key under which calls to one number (A2.8–A2.9) or uses of one CLI (A1.21) are
 * compared: the national form of a UK number (`normaliseUkNumber`), so `+44 1632 960001`,
 * `0044 1632 960001` and `01632 960001` are one number; for anything else (a short code,
 * an overseas number, a malformed one) its digits as written — without the international
 * prefix `00` before a country code, so `+1 212 555 0100` and `001 212 555 0100` are one
 * number — or the string itself when it has no digits. A UK national form starts `0` but never `00`, and overseas digits start
 * with their country code, so the two kinds of key cannot collide. A `tel:` or `sip:` URI
 * is keyed by the number in its user part (`tel:+44-1632-960001` and
 * `sip:01632960001@host;user=phone` are `01632960001`; a host's or port's digits never
 * count); a URI whose user part has no digits (`sip:alice@host`) is its own key. A caller
 * id written as a name-addr, `"Name" <sip:01632960001@host>` or `"Unit 5" <01632960001>`,
 * is keyed by its address alone: the display name's digits never count, and one with no
 * digits in its address (`"Alice" <>`, `<sip:alice@host>`) is its own key. A number
 * already in national form is its own key (no allocation: the hot path of a dialler's own
 * records).
 */
export function numberKey(raw: string): string {
  // Stryker disable next-line ConditionalExpression: equivalent: skipping the fast path gives the same key
  if (isNationalForm(raw)) return raw;
  const address = addressOf(raw);
  const uri = uriNumber(address);
  const number = uri ?? address;
  if (number === raw) return plainNumberKey(raw);
  return /[0-9]/.test(number) ? plainNumberKey(number) : raw;
}
