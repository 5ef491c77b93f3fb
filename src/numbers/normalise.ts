/**
 * Normalising a UK number as written (E.164, 00 44, +44 (0), national, with spaces, dots,
 * hyphens and parentheses) to one national and one E.164 form, so CLIs can be judged and
 * compared (A1.20, A2.14). One pass over the characters that accumulates the digits as a
 * number: no regular expressions and no intermediate strings.
 */

/** A UK number in its two canonical forms (A1.20, A2.14). */
export interface NormalisedNumber {
  /** Digits only, with the trunk 0: `'02079460123'`. */
  readonly national: string;
  /** E.164: `'+442079460123'`. */
  readonly e164: string;
}

/** @internal {@link scanUkNumber} failure: no digits at all. */
export const SCAN_EMPTY = -1;
/** @internal {@link scanUkNumber} failure: a character that is neither a digit, formatting, nor a leading `+`. */
export const SCAN_BAD_CHARACTER = -2;
/** @internal {@link scanUkNumber} failure: an international number with a country code other than 44. */
export const SCAN_NOT_UK = -3;
/** @internal {@link scanUkNumber} failure: `+` or `00` not followed by a usable number. */
export const SCAN_MALFORMED = -4;
/** @internal {@link scanUkNumber} failure: more digits than any number can have. */
export const SCAN_TOO_LONG = -5;
/** @internal {@link scanUkNumber} failure: a country code other than 44 with fewer than {@link MIN_SUBSCRIBER_DIGITS} digits after it (`+33`). */
export const SCAN_NO_SUBSCRIBER = -6;
/** @internal {@link scanUkNumber} failure: an international number of more than {@link MAX_E164_DIGITS} digits. */
export const SCAN_TOO_LONG_E164 = -7;

/** @internal The reason for each `SCAN_*` failure, at index `-code - 1`. */
export const SCAN_REASONS: readonly string[] = [
  'empty: no digits',
  'not a number: only digits, spaces, dots, hyphens, parentheses and a leading + are allowed',
  'not a UK number: the country code is not 44',
  'malformed: an international prefix without a UK number after it',
  'too long: more digits than any UK number has',
  'malformed: a country code without a number after it (international numbers have at least 4 digits after the country code)',
  'too long: international numbers (E.164) have at most 15 digits, country code included',
];

/**
 * The fewest digits an international number has after its country code: the shortest
 * numbers in use (Niue, Tokelau) have 4. A country code with fewer after it — `+33`,
 * `00353` — names no line, so cannot be dialled (A1.20, footnote 22).
 */
const MIN_SUBSCRIBER_DIGITS = 4;
/** The most digits an international number has, country code included (ITU-T E.164). */
const MAX_E164_DIGITS = 15;

/**
 * The two-digit country codes of ITU-T E.164. Country codes are prefix-free: 1 and 7 are the
 * only one-digit codes, these the only two-digit ones, and every other code has three digits.
 */
const TWO_DIGIT_COUNTRY_CODES: ReadonlySet<number> = /* @__PURE__ */ new Set([
  20, 27, 30, 31, 32, 33, 34, 36, 39, 40, 41, 43, 44, 45, 46, 47, 48, 49, 51, 52, 53, 54, 55, 56, 57, 58, 60, 61, 62, 63,
  64, 65, 66, 81, 82, 84, 86, 90, 91, 92, 93, 94, 95, 98,
]);

/**
 * How many digits the country code at the start of `rest` (`restLength` ≥ 1 digits, the
 * first not 0) has, by E.164's prefix-free codes: 1 for 1 and 7, 2 for the
 * {@link TWO_DIGIT_COUNTRY_CODES}, else 3 — which may be more than `restLength`.
 */
function countryCodeLength(rest: number, restLength: number): number {
  const first = Math.floor(rest / POW10[restLength - 1]!);
  if (first === 1 || first === 7) return 1;
  if (restLength < 2) return 2;
  return TWO_DIGIT_COUNTRY_CODES.has(Math.floor(rest / POW10[restLength - 2]!)) ? 2 : 3;
}

/** @internal `POW10[k]` is 10^k, exactly, up to 10^17. */
export const POW10: readonly number[] = [
  1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17,
];

/** Digits a written UK number may have: `0044 (0)` and a 10-digit NSN is 15. */
const MAX_DIGITS = 15;
/** Digits scanned before giving up: `00` and the 15 of an international number (E.164). */
const MAX_WRITTEN_DIGITS = 17;
/** Digits without any prefix kept as a value (short codes have at most 6); longer ones are too long. */
const MAX_UNPREFIXED = 12;
/** The shortest and longest national significant numbers in the plan: `800 1111`, and 10 digits. */
const MIN_NSN = 7;
const MAX_NSN = 10;

/** Packs a successful scan into one non-negative number: exact, as value < 10^13 and length < 16. */
function pack(value: number, length: number, trunk: boolean): number {
  return value * 32 + length * 2 + (trunk ? 1 : 0);
}

/** @internal The digits of a successful scan as a number: the NSN (without 0) when {@link scannedHasTrunk}, else the digits as given. */
export function scannedValue(scan: number): number {
  return Math.floor(scan / 32);
}

/** @internal How many digits {@link scannedValue} has (its leading digit is never 0, except for a bare trunk 0). */
export function scannedLength(scan: number): number {
  return (scan % 32) >> 1;
}

/** @internal `true` when the number was written with a trunk 0, `+44` or `0044`: a national significant number. */
export function scannedHasTrunk(scan: number): boolean {
  return scan % 2 === 1;
}

/**
 * The part after an international prefix, from its country code (no leading zeros): UK
 * only, dropping the `(0)` of `+44 (0)20…`. Another country code is `SCAN_NOT_UK` when at
 * least {@link MIN_SUBSCRIBER_DIGITS} digits follow it and there are at most
 * {@link MAX_E164_DIGITS} in all; a cut-off country code (`+3`) is malformed.
 */
function international(rest: number, restLength: number): number {
  if (restLength === 0) return SCAN_MALFORMED;
  const ccLength = countryCodeLength(rest, restLength);
  if (ccLength > restLength) return SCAN_MALFORMED;
  let length = restLength - ccLength;
  if (ccLength !== 2 || Math.floor(rest / POW10[length]!) !== 44) {
    if (length < MIN_SUBSCRIBER_DIGITS) return SCAN_NO_SUBSCRIBER;
    return restLength > MAX_E164_DIGITS ? SCAN_TOO_LONG_E164 : SCAN_NOT_UK;
  }
  if (restLength > MAX_DIGITS) return SCAN_TOO_LONG; // more than any UK number, and than `pack` holds exactly
  const nsn = rest - 44 * POW10[length]!;
  if (length > 0 && nsn < POW10[length - 1]!) length--; // a 0 after 44: the (0)
  if (length === 0 || nsn < POW10[length - 1]!) return SCAN_MALFORMED;
  return pack(nsn, length, true);
}

/**
 * @internal Strips formatting and resolves the international prefix. On success returns a
 * non-negative packed result, read with {@link scannedValue}, {@link scannedLength} and
 * {@link scannedHasTrunk}: the national significant number for numbers written with a trunk
 * 0, `+44`, `0044` or a bare `44` (11 or 12 digits, as switches often write CLIs), or the
 * digits as given for numbers with no prefix (short codes, 118 xxx). On failure returns a
 * negative `SCAN_*` code. Does not check the numbering plan.
 */
export function scanUkNumber(input: string): number {
  const n = input.length;
  let value = 0;
  let count = 0;
  let zeros = 0;
  let plus = false;
  for (let i = 0; i < n; i++) {
    const c = input.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (++count > MAX_WRITTEN_DIGITS) return SCAN_TOO_LONG;
      if (value === 0 && c === 48) zeros++;
      value = value * 10 + (c - 48);
    } else if (c === 32 || c === 45 || c === 46 || c === 40 || c === 41 || c === 9 || c === 160) {
      // space, hyphen, dot, parentheses, tab, no-break space: formatting
    } else if (c === 43 && count === 0 && !plus) {
      plus = true;
    } else {
      return SCAN_BAD_CHARACTER;
    }
  }
  if (count === 0) return plus ? SCAN_MALFORMED : SCAN_EMPTY;
  const length = count - zeros; // digits of `value`
  if (plus) return zeros === 0 ? international(value, length) : SCAN_MALFORMED;
  if (zeros === 1) return count > MAX_DIGITS ? SCAN_TOO_LONG : pack(value, length, true); // national, with its trunk 0
  if (zeros === 2) return international(value, length); // 00: international prefix
  if (zeros > 2) return SCAN_MALFORMED;
  if ((length === 11 || length === 12) && Math.floor(value / POW10[length - 2]!) === 44) return international(value, length);
  return length > MAX_UNPREFIXED ? SCAN_TOO_LONG : pack(value, length, false);
}

/**
 * Normalises a UK number as written — `+441632960123`, `00441632960123`,
 * `+44 (0)20 7946 0123`, `020 7946 0123`, `07700 900123`, `441632960123` — to its national
 * and E.164 forms (A1.20, A2.14). Spaces, dots, hyphens, parentheses, tabs and no-break
 * spaces are ignored; a `0` straight after `+44` or `0044` is taken as the `(0)`.
 *
 * Returns `null` for empty input, anything with letters or other characters, non-UK
 * international numbers (`+1…`), numbers without a trunk 0 or country code (short codes
 * and 118 xxx, which have no E.164 form), and lengths outside 8–11 national digits. It checks
 * the form only, not the ranges of the numbering plan: use `classifyUkNumber` for that.
 */
export function normaliseUkNumber(input: string): NormalisedNumber | null {
  const scan = scanUkNumber(input);
  if (scan < 0 || !scannedHasTrunk(scan)) return null;
  const length = scannedLength(scan);
  if (length < MIN_NSN || length > MAX_NSN) return null;
  const nsn = String(scannedValue(scan));
  return { national: '0' + nsn, e164: '+44' + nsn };
}

/**
 * The E.164 form (`'+442079460123'`) of a UK number in any form {@link normaliseUkNumber}
 * accepts, typically the national form `'02079460123'`; `null` when it accepts none (A1.20, A2.14).
 */
export function toE164(national: string): string | null {
  const n = normaliseUkNumber(national);
  return n === null ? null : n.e164;
}

/**
 * The national form (`'02079460123'`) of a UK number in any form {@link normaliseUkNumber}
 * accepts, typically E.164 `'+442079460123'`; `null` when it accepts none (A1.20, A2.14).
 */
export function toNational(e164: string): string | null {
  const n = normaliseUkNumber(e164);
  return n === null ? null : n.national;
}
