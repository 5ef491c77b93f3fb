/**
 * IANA time zones from untrusted input, checked against the runtime's `Intl` data.
 */
import { ValidationError } from '../errors.js';
import { describeReceived } from './received.js';

/** `expected` text of `readZone`. */
export const ZONE_EXPECTED = 'an IANA time zone known to this runtime, e.g. "Europe/London"';

/**
 * Java's old three-letter zone ids, which ICU (hence `Intl`) still accepts although they
 * are not IANA names, and which read as the wrong place: `BST` is Asia/Dhaka, not British
 * Summer Time; `IST` is Asia/Kolkata, not Irish Standard Time; `CST` is always Chicago.
 * A dialler writing these almost certainly means an abbreviation, so they are refused.
 * (`EST`, `MST` and `HST` are IANA names and stay accepted.)
 */
const LEGACY_IDS: ReadonlySet<string> = new Set([
  'ACT', 'AET', 'AGT', 'ART', 'AST', 'BET', 'BST', 'CAT', 'CNT', 'CST', 'CTT', 'EAT', 'ECT',
  'IET', 'IST', 'JST', 'MIT', 'NET', 'NST', 'PLT', 'PNT', 'PRT', 'PST', 'SST', 'VST',
]);

/** Zones already found valid. Bounded: only valid names enter, and the set is cleared if it ever gets large. */
const known = new Set<string>();
const MAX_KNOWN = 1024;

/**
 * `true` when `zone` is a time zone name `Intl` knows (`new Intl.DateTimeFormat('en',
 * { timeZone })` does not throw) and not one of Java's legacy three-letter ids (`BST`,
 * `IST`, `PST`, …: `Intl` accepts them but they are not IANA names and `BST` would mean
 * Dhaka). Valid names are remembered, so a batch with one zone per row constructs a
 * formatter once per zone, not once per row.
 */
export function isTimeZone(zone: string): boolean {
  if (known.has(zone)) return true;
  if (zone === '' || (zone.length === 3 && LEGACY_IDS.has(zone.toUpperCase()))) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
  } catch {
    return false;
  }
  if (known.size >= MAX_KNOWN) known.clear();
  known.add(zone);
  return true;
}

/**
 * An optional recipient time zone: `undefined`, `null` and `''` (an empty CSV cell) are
 * absent (`null`); a string must be a zone `isTimeZone` accepts, kept as written.
 * @throws ValidationError naming `path` for a non-string or an unknown zone
 */
export function readZone(value: unknown, callId: string | null, path: string): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value === 'string' && isTimeZone(value)) return value;
  throw new ValidationError(callId, path, ZONE_EXPECTED, describeReceived(value));
}
