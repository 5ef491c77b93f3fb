/**
 * Classifying a CLI by the ranges and lengths of the UK National Telephone Numbering Plan, to
 * judge it under A1.20, A1.33 and A2.14: is it a real number, can it be called back, and is it
 * basic rate (footnote 41)? Prefix checks on the scanned digits; no regular expressions.
 */
import { isDramaNsn } from './drama.js';
import { isBasicRateKind, type UkNumberKind } from './kind.js';
import { EXTENSION_REASON, splitExtension } from './extension.js';
import { POW10, SCAN_BAD_CHARACTER, SCAN_REASONS, scannedHasTrunk, scannedLength, scannedValue, scanUkNumber } from './normalise.js';

/** What the numbering plan says about one number (A1.20, A1.33, A2.14, footnotes 33 and 41). */
export interface UkNumberInfo {
  /** The string classified, as given. */
  readonly input: string;
  /** Digits with the trunk 0 (`'02079460123'`), or the short code as dialled (`'118118'`); `null` when invalid. */
  readonly national: string | null;
  /** E.164 (`'+442079460123'`); `null` when invalid, and for short codes and 118 xxx, which have none. */
  readonly e164: string | null;
  readonly kind: UkNumberKind;
  /** Geographic 01/02, 03, mobile or freephone 080 (footnote 41). */
  readonly basicRate: boolean;
  /** A 09 premium rate number (footnote 41). 118, 084 and 087 are not basic rate either, but are not flagged here. */
  readonly premiumRate: boolean;
  /** In one of Ofcom's drama ranges: a valid form, but never allocated (see `isDramaNumber`). */
  readonly drama: boolean;
  /** Any valid kind that is not a drama number: something a UK line could dial (A1.20, A2.14). */
  readonly diallable: boolean;
  /** Why the number is `invalid`; `undefined` for every other kind. */
  readonly reason?: string | undefined;
}

/**
 * The 01 areas with 9-digit national significant numbers (10 digits with the trunk 0), by
 * their first four NSN digits: the 40 "mixed" areas that still have some 5-digit local
 * numbers, and 1697 for 016977 (Brampton), which has 4-digit ones.
 */
const NINE_DIGIT_01_AREAS: ReadonlySet<number> = /* @__PURE__ */ new Set([
  1204, 1208, 1254, 1276, 1297, 1298, 1363, 1364, 1384, 1386, 1404, 1420, 1460, 1461, 1480, 1488, 1524, 1527, 1562,
  1566, 1606, 1629, 1635, 1647, 1659, 1695, 1697, 1726, 1744, 1750, 1768, 1827, 1837, 1884, 1900, 1905, 1935, 1946,
  1949, 1963, 1995,
]);

function result(input: string, national: string | null, e164: string | null, kind: UkNumberKind, drama: boolean, reason: string | undefined): UkNumberInfo {
  return {
    input,
    national,
    e164,
    kind,
    basicRate: isBasicRateKind(kind),
    premiumRate: kind === 'premium',
    drama,
    diallable: kind !== 'invalid' && !drama,
    reason,
  };
}

function invalid(input: string, reason: string): UkNumberInfo {
  return result(input, null, null, 'invalid', false, reason);
}

/** A valid number with a national significant number: national and E.164 forms, drama or not. */
function valid(input: string, nsn: number, length: number, kind: UkNumberKind): UkNumberInfo {
  const digits = String(nsn);
  return result(input, '0' + digits, '+44' + digits, kind, isDramaNsn(nsn, length), undefined);
}

/** Checking one national significant number: its value, its length, and its leading digits. */
interface Nsn {
  readonly input: string;
  readonly value: number;
  readonly length: number;
}

/** The first `k` digits of the NSN, as a number (`k` ≤ its length). */
function lead(n: Nsn, k: number): number {
  return Math.floor(n.value / POW10[n.length - k]!);
}

function notInUse(n: Nsn, k: number): UkNumberInfo {
  return invalid(n.input, `not in use: no numbers begin 0${lead(n, k)}`);
}

/** Invalid for its length, when the range needs `expected` national digits (with the 0). */
function wrongLength(n: Nsn, expected: number, what: string): UkNumberInfo {
  const digits = n.length + 1;
  return invalid(n.input, `${digits < expected ? 'too short' : 'too long'}: ${digits} digits; ${what}`);
}

/** An 11-digit range: valid as `kind` at 11 digits, else too short or too long. */
function eleven(n: Nsn, kind: UkNumberKind, what: string): UkNumberInfo {
  return n.length === 10 ? valid(n.input, n.value, 10, kind) : wrongLength(n, 11, what);
}

/** Numbers written with a trunk 0 or +44: `n.length` is 7–10 and the first digit is not 0. */
function classifyNsn(n: Nsn): UkNumberInfo {
  const { input, value, length } = n;
  const two = lead(n, 2);
  const three = lead(n, 3);
  switch (Math.floor(two / 10)) {
    case 1: // geographic: 011x, 01x1, 01xxx, 01xxxx
      if (two === 10) return notInUse(n, 2);
      if (two === 11 && (three < 113 || three > 118)) return notInUse(n, 3);
      if (length === 10) return valid(input, value, length, 'geographic');
      if (length === 9 && NINE_DIGIT_01_AREAS.has(lead(n, 4)) && (lead(n, 4) !== 1697 || lead(n, 5) === 16977)) {
        return valid(input, value, length, 'geographic');
      }
      return wrongLength(n, 11, '01 numbers have 11 digits (10 only in a few areas such as 01204 and 016977)');
    case 2: // geographic: 020, 023, 024, 028, 029
      if (two !== 20 && two !== 23 && two !== 24 && two !== 28 && two !== 29) return notInUse(n, 2);
      return eleven(n, 'geographic', '02 numbers have 11 digits');
    case 3: // UK-wide: 030, 033, 034, 037
      if (two !== 30 && two !== 33 && two !== 34 && two !== 37) return notInUse(n, 2);
      return eleven(n, 'nonGeographic03', '03 numbers have 11 digits');
    case 5: // 055 corporate, 056 VoIP; 0500 freephone closed in 2017
      if (two === 55) return eleven(n, 'corporate', '055 numbers have 11 digits');
      if (two === 56) return eleven(n, 'voip', '056 numbers have 11 digits');
      return three === 500 ? invalid(input, 'not in use: 0500 freephone closed in 2017') : notInUse(n, 2);
    case 7: // 070 personal, 076 pagers (07624 Isle of Man mobiles), the rest mobile (footnote 33)
      if (length !== 10) return wrongLength(n, 11, '07 numbers have 11 digits');
      if (two === 70) return valid(input, value, length, 'personal');
      if (two === 76 && lead(n, 4) !== 7624) return valid(input, value, length, 'pager');
      return valid(input, value, length, 'mobile');
    case 8:
      if (three === 800) {
        // 0800: 11 or 10 digits, and 0800 1111
        if (length >= 9 || value === 8001111) return valid(input, value, length, 'freephone');
        return wrongLength(n, 10, '0800 numbers have 10 or 11 digits (and 0800 1111)');
      }
      if (three === 808) return eleven(n, 'freephone', '0808 numbers have 11 digits');
      if (value === 8454647) return valid(input, value, length, 'service084'); // 0845 4647
      if (three >= 842 && three <= 845) return eleven(n, 'service084', '084 numbers have 11 digits');
      if (three >= 870 && three <= 873) return eleven(n, 'service087', '087 numbers have 11 digits');
      return notInUse(n, two === 80 || two === 84 || two === 87 ? 3 : 2);
    case 9: // premium rate: 090, 091, 098
      if (two !== 90 && two !== 91 && two !== 98) return notInUse(n, 2);
      return eleven(n, 'premium', '09 numbers have 11 digits');
    default: // 04 and 06 are refused before this; a 0 here would have been an international prefix
      return notInUse(n, 1);
  }
}

/** Digits without a trunk 0 or country code: 118 xxx, short codes, or nothing valid. */
function classifyUnprefixed(input: string, value: number, length: number): UkNumberInfo {
  if (length >= 3 && Math.floor(value / POW10[length - 3]!) === 118) {
    return length === 6
      ? result(input, String(value), null, 'directory118', false, undefined)
      : invalid(input, `${length < 6 ? 'too short' : 'too long'}: ${length} digits; 118 directory enquiries numbers have 6 digits`);
  }
  if ((length >= 3 && length <= 6 && Math.floor(value / POW10[length - 1]!) === 1) || (length === 3 && value === 999)) {
    return result(input, String(value), null, 'shortCode', false, undefined);
  }
  return invalid(input, 'no trunk prefix: national numbers begin 0, international ones +44 or 0044');
}

/**
 * Classifies a UK number, in any form `normaliseUkNumber` accepts or as a short code
 * (`118 118`, `999`), by the ranges and lengths of the National Telephone Numbering Plan:
 * its kind, whether it is basic rate (footnote 41, for A1.20, A1.33, A2.14), premium rate,
 * a drama number, and diallable. Never throws; anything unrecognised is `invalid` with a `reason`.
 * A number written with an extension (`0800 123456 ext 7`, `01204 12345 x6`, `… #7`,
 * `…;ext=7`) is `invalid` too, with the reason `EXTENSION_REASON`: a line presents, and a
 * recipient dials, a number alone (A1.20, footnote 22; `numberKey` keys the number before
 * the extension). An international number is `invalid` ("not a UK number") when its country
 * code is not 44, and malformed when fewer than 4 digits follow that country code (`+33`).
 *
 * Ranges are checked to the level of the plan's designations (e.g. 020/023/024/028/029,
 * 030/033/034/037, 0842–0845, 0870–0873, 090/091/098), not allocations of individual
 * blocks: any 11-digit number under 01 (except 010 and 0110–0112, 0119) is `geographic`.
 */
export function classifyUkNumber(input: string): UkNumberInfo {
  const scan = scanUkNumber(input);
  if (scan === SCAN_BAD_CHARACTER && splitExtension(input) !== null) return invalid(input, EXTENSION_REASON);
  if (scan < 0) return invalid(input, SCAN_REASONS[-scan - 1] ?? 'invalid');
  const value = scannedValue(scan);
  const length = scannedLength(scan);
  if (!scannedHasTrunk(scan)) return classifyUnprefixed(input, value, length);
  if (length === 0) return invalid(input, 'too short: only a trunk 0');
  const first = Math.floor(value / POW10[length - 1]!);
  if (first === 4 || first === 6) return invalid(input, `not in use: no numbers begin 0${first}`);
  if (length < 7) return invalid(input, `too short: ${length + 1} digits; UK numbers have 10 or 11 (0800 1111 has 8)`);
  if (length > 10) return invalid(input, `too long: ${length + 1} digits; UK numbers have at most 11`);
  return classifyNsn({ input, value, length });
}
