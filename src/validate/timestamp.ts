/**
 * Timestamps from untrusted input: epoch milliseconds, or an ISO-8601 date-time that
 * says which zone it is in. A time without a zone is refused: the same wall-clock time
 * names different instants in London and in Lagos, and guessing would move calls
 * across the 72-hour and calendar-day boundaries the rules are measured on.
 */
import { ValidationError } from '../errors.js';
import { daysFromCivil, daysInMonth } from '../time/civil.js';
import { CALENDAR_RANGE } from '../time/zoned-day.js';
import { describeReceived } from './received.js';

/** What `parseTimestamp` accepts, as the `expected` text of its errors. */
export const TIMESTAMP_EXPECTED =
  'epoch milliseconds (a finite number) or an ISO-8601 date-time with a zone, e.g. "2024-03-01T09:30:00Z" or "2024-03-01T09:30:00+01:00"';

/** The `expected` text when an ISO date-time has no zone. */
export const TIMESTAMP_ZONE_EXPECTED =
  'an ISO-8601 date-time with a zone (Z or ±hh:mm): without one the time is ambiguous';

/**
 * The instants a timestamp may name: `from` inclusive, `to` exclusive, epoch ms. A time
 * outside it is refused like any invalid field: it is a typo, a unit error (seconds read
 * as milliseconds, microseconds), or a placeholder such as 0 or 9999-12-31, and counting
 * it would put a call on a day nobody is auditing.
 */
export interface TimeRange {
  /** The earliest valid instant (inclusive), epoch ms. */
  readonly from: number;
  /** The first instant after the range (exclusive), epoch ms. */
  readonly to: number;
}

/** The default valid time range: 2000-01-01T00:00Z (inclusive) to 2100-01-01T00:00Z (exclusive). */
export const DEFAULT_VALID_TIME: TimeRange = /* @__PURE__ */ Object.freeze({ from: 946_684_800_000, to: 4_102_444_800_000 });

/** Options of the parsers (`parseCallEvent`, `parseCallRecord`, `parseTimestamp`). */
export interface ParseOptions {
  /** Timestamps outside this range are refused (default `DEFAULT_VALID_TIME`, 2000–2100 UTC). */
  readonly validTime?: TimeRange | undefined;
}

/** `expected` text for a timestamp outside `range`. */
export function timeRangeExpected(range: TimeRange): string {
  return range === DEFAULT_VALID_TIME ? DEFAULT_RANGE_EXPECTED : rangeText(range);
}

function rangeText(range: TimeRange): string {
  return `a time from ${new Date(range.from).toISOString()} (inclusive) to ${new Date(range.to).toISOString()} (exclusive), the valid time range`;
}

const DEFAULT_RANGE_EXPECTED = /* @__PURE__ */ rangeText(DEFAULT_VALID_TIME);


/**
 * The `validTime` of `options`, checked: the default when absent; otherwise `from` and
 * `to` must be finite epoch ms with `from < to`, within `CALENDAR_RANGE` (0001-01-03 to
 * 9999-12-30 UTC), where every instant has a calendar day in every zone.
 * @throws RangeError for a bad range (a programming error, not bad input: never a `ValidationError`)
 */
export function validTimeOf(options: ParseOptions | undefined): TimeRange {
  const range = options?.validTime;
  if (range === undefined) return DEFAULT_VALID_TIME;
  const { from, to } = range;
  if (!(typeof from === 'number' && typeof to === 'number' && from >= CALENDAR_RANGE.from && to <= CALENDAR_RANGE.to && from < to)) {
    throw new RangeError(`validTime should be { from, to }, epoch ms with from < to, within 0001-01-03 and 9999-12-30 UTC; received ${describeReceived(from)} to ${describeReceived(to)}`);
  }
  return range;
}

/** The value of `length` decimal digits at `start`, or -1 when any of them is not a digit (or missing). */
function digitsAt(text: string, start: number, length: number): number {
  let value = 0;
  for (let i = start; i < start + length; i++) {
    const d = text.charCodeAt(i) - 48;
    if (!(d >= 0 && d <= 9)) return -1; // also rejects NaN past the end
    value = value * 10 + d;
  }
  return value;
}

/**
 * Converts an ISO-8601 / RFC 3339 date-time with an explicit zone to epoch milliseconds;
 * `NaN` when the text is anything else (including a date-time without a zone).
 *
 * Accepted: `YYYY-MM-DD`, then `T`, `t` or a space, then `hh:mm`, optional `:ss`, optional
 * fraction (`.` or `,`, any number of digits, truncated to milliseconds), then `Z`/`z`,
 * `±hh:mm`, `±hhmm` or `±hh`. Fields are range-checked (no 30 February, no hour 24, no
 * leap second 60). A hand-written scanner, not a regular expression: audits parse
 * millions of these.
 */
/* @__NO_SIDE_EFFECTS__ */
export function isoToEpochMs(text: string): number {
  const length = text.length;
  if (length < 17) return NaN; // shortest: YYYY-MM-DDThh:mmZ
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  const separator = text.charCodeAt(10);
  const hour = digitsAt(text, 11, 2);
  const minute = digitsAt(text, 14, 2);
  if (
    year < 0 ||
    text.charCodeAt(4) !== 45 /* - */ ||
    month < 1 ||
    month > 12 ||
    text.charCodeAt(7) !== 45 ||
    day < 1 ||
    day > daysInMonth(year, month) ||
    (separator !== 84 /* T */ && separator !== 116 /* t */ && separator !== 32) /* space */ ||
    hour < 0 ||
    hour > 23 ||
    text.charCodeAt(13) !== 58 /* : */ ||
    minute < 0 ||
    minute > 59
  ) {
    return NaN;
  }
  let i = 16;
  let second = 0;
  let ms = 0;
  if (text.charCodeAt(i) === 58) {
    second = digitsAt(text, 17, 2);
    if (second < 0 || second > 59) return NaN;
    i = 19;
    const mark = text.charCodeAt(i);
    if (mark === 46 /* . */ || mark === 44 /* , */) {
      i += 1;
      let count = 0;
      for (; i < length; i++, count++) {
        const d = text.charCodeAt(i) - 48;
        if (!(d >= 0 && d <= 9)) break;
        if (count < 3) ms = ms * 10 + d;
      }
      if (count === 0) return NaN;
      if (count === 1) ms *= 100;
      else if (count === 2) ms *= 10;
    }
  }
  let offsetMinutes: number;
  const zone = text.charCodeAt(i);
  if (zone === 90 /* Z */ || zone === 122 /* z */) {
    if (i + 1 !== length) return NaN;
    offsetMinutes = 0;
  } else if (zone === 43 /* + */ || zone === 45 /* - */) {
    const offsetHours = digitsAt(text, i + 1, 2);
    if (offsetHours < 0 || offsetHours > 23) return NaN;
    let j = i + 3;
    let offsetMins = 0;
    if (j < length) {
      if (text.charCodeAt(j) === 58) j += 1;
      offsetMins = digitsAt(text, j, 2);
      if (offsetMins < 0 || offsetMins > 59) return NaN;
      j += 2;
    }
    if (j !== length) return NaN;
    offsetMinutes = (offsetHours * 60 + offsetMins) * (zone === 43 ? 1 : -1);
  } else {
    return NaN;
  }
  return (
    (daysFromCivil(year, month, day) * 86_400 + hour * 3_600 + minute * 60 + second - offsetMinutes * 60) * 1_000 + ms
  );
}

/**
 * A timestamp from untrusted input, as epoch milliseconds: a finite number is returned
 * as it is; a string must be an ISO-8601 date-time with `Z` or an offset (see
 * `isoToEpochMs`). Numeric strings are refused (seconds or milliseconds? the row
 * does not say). Either way the instant must lie in `validTime` (default
 * `DEFAULT_VALID_TIME`: 2000-01-01T00:00Z inclusive to 2100-01-01T00:00Z exclusive).
 * @param callId the call, for the error (`null` when unknown)
 * @param path the field, for the error, e.g. `at` or `hangupAt`
 * @param validTime the valid time range, already checked (see `validTimeOf`)
 * @throws ValidationError naming `path` otherwise (a zone-less ISO time, and a time
 *   outside the range, get their own `expected` text)
 */
export function parseTimestamp(value: unknown, callId: string | null, path: string, validTime: TimeRange = DEFAULT_VALID_TIME): number {
  const ms = typeof value === 'number' ? value : typeof value === 'string' ? isoToEpochMs(value) : NaN;
  if (ms >= validTime.from && ms < validTime.to) return ms;
  throw timestampError(value, ms, callId, path, validTime);
}

/** The error for a timestamp `parseTimestamp` refused (kept out of it, so the hot path stays small enough to inline). */
function timestampError(value: unknown, ms: number, callId: string | null, path: string, validTime: TimeRange): ValidationError {
  if (Number.isFinite(ms)) return new ValidationError(callId, path, timeRangeExpected(validTime), describeReceived(value));
  if (typeof value === 'string' && !Number.isNaN(isoToEpochMs(`${value}Z`))) {
    return new ValidationError(callId, path, TIMESTAMP_ZONE_EXPECTED, describeReceived(value));
  }
  return new ValidationError(callId, path, TIMESTAMP_EXPECTED, describeReceived(value));
}

/**
 * An optional timestamp: `undefined`, `null` and `''` (an empty CSV cell) are absent
 * (`null`); anything else must pass `parseTimestamp`.
 * @throws ValidationError naming `path` for a present but invalid value
 */
export function parseOptionalTimestamp(
  value: unknown,
  callId: string | null,
  path: string,
  validTime: TimeRange = DEFAULT_VALID_TIME,
): number | null {
  if (value === undefined || value === null || value === '') return null;
  return parseTimestamp(value, callId, path, validTime);
}
