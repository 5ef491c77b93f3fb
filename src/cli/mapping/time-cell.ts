/**
 * One time cell to epoch milliseconds, as the mapping or the options say it is written:
 * an ISO-8601 time with a zone, an epoch number in a stated unit, or a zoneless local
 * time in a stated zone (see `local-time.ts` for the clock changes).
 */
import { isoToEpochMs } from 'dialguard/internals';
import { CellError } from '../columns.js';
import { epochToMs, looksLikeSecondsMessage, numericCell, SMALLEST_PLAIN_EPOCH_MS, type EpochUnit } from './cells.js';
import { laterInstant, localToInstant, offsetCache, type OffsetCache } from './local-time.js';
import type { TimeFormat } from './types.js';

/** How to read the time cells of one input. */
export interface TimeReading {
  /** Unit of epoch numbers; `undefined`: not said (a small number is then refused). */
  readonly epoch: EpochUnit | undefined;
  /** Zone of zoneless times; `undefined`: not said (they are refused). */
  readonly inputTz: string | undefined;
}

/** Reads time cells of `field` written as `format`; `null` for an empty cell. */
export type TimeReader = (text: string) => number | null;

const caches = new Map<string, OffsetCache>();
function cacheFor(zone: string): OffsetCache {
  let c = caches.get(zone);
  if (c === undefined) caches.set(zone, (c = offsetCache(zone)));
  return c;
}

/** A reader of `field`'s cells. @throws CellError (from the reader) naming the field */
export function timeReader(field: string, format: TimeFormat, reading: TimeReading): TimeReader {
  const zone = reading.inputTz;
  const cache = zone === undefined ? null : cacheFor(zone);
  const local = (text: string): number => {
    if (cache === null) {
      throw new CellError(field, `${field} "${text}" has no zone: give the zone the file's times were written in with --input-tz (e.g. --input-tz Europe/London; --tz sets only the calendar days)`);
    }
    const r = localToInstant(text, cache);
    if (r.ok) return r.at;
    if (r.reason === 'skipped') {
      throw new CellError(field, `${field} "${text}" is in the hour skipped when the clocks went forward in ${zone}: no such local time`);
    }
    throw new CellError(field, `${field} should be a local date-time YYYY-MM-DD hh:mm:ss; received "${text}"`);
  };
  const epoch = (value: number, text: string): number => {
    if (Number.isNaN(value)) throw new CellError(field, `${field} should be an epoch number; received "${text}"`);
    return epochNumber(field, value, reading);
  };
  if (format === 'local') return (text) => (text.trim() === '' ? null : local(text));
  if (format === 'epoch') return (text) => (text.trim() === '' ? null : epoch(numericCell(text), text));
  return (text) => {
    const t = text.trim();
    if (t === '') return null;
    const n = numericCell(t);
    if (!Number.isNaN(n)) return epoch(n, t);
    const ms = isoToEpochMs(t);
    if (!Number.isNaN(ms)) return ms;
    if (!Number.isNaN(isoToEpochMs(`${t}Z`)) || /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}/.test(t)) return local(t);
    throw new CellError(field, `${field} should be an ISO-8601 date-time (with a zone, or give --input-tz) or an epoch number; received "${text}"`);
  };
}

/**
 * For the cells `timeReader(field, format, reading)` reads: the **later** instant of a
 * zoneless local time in the hour repeated when the clocks go back (which `timeReader` reads
 * as the earlier one), else `null` (one instant, an epoch number, a time with a zone, no
 * `inputTz`). A mapping asks only when the earlier instant is before a time it must follow.
 */
export function laterTimeReader(format: TimeFormat, reading: TimeReading): TimeReader {
  const zone = reading.inputTz;
  if (zone === undefined || format === 'epoch') return () => null;
  const cache = cacheFor(zone);
  if (format === 'local') return (text) => laterInstant(text, cache);
  return (text) => {
    const t = text.trim();
    if (t === '' || !Number.isNaN(numericCell(t)) || !Number.isNaN(isoToEpochMs(t))) return null;
    return laterInstant(t, cache);
  };
}

/**
 * An epoch number in milliseconds: in the unit `--epoch` gives, else as it stands from 10^11
 * on; a smaller one, without `--epoch`, is refused (1973 or before as milliseconds, more
 * likely seconds: the user is asked to say which).
 * @throws CellError for a number below 10^11 in size with no `--epoch`
 */
function epochNumber(field: string, value: number, reading: TimeReading): number {
  if (reading.epoch !== undefined) return epochToMs(value, reading.epoch);
  if (Math.abs(value) < SMALLEST_PLAIN_EPOCH_MS) throw new CellError(field, looksLikeSecondsMessage(field, value));
  return value;
}

/**
 * A JSON number that `jsonTime` returns as it is: not finite (the library names it), or
 * milliseconds as written (no `--epoch`, and at least 10^11 in size). Lets a row's reader
 * pass such a value by without looking its field up.
 */
export function isJsonTimeAsGiven(value: number, reading: TimeReading): boolean {
  return !Number.isFinite(value) || (reading.epoch === undefined && !(Math.abs(value) < SMALLEST_PLAIN_EPOCH_MS));
}

/**
 * A time value from JSON: a number (epoch, see `TimeReading`) or text (as `timeReader`
 * with `iso`, asked of `readerOf` only for text: most JSON times are numbers).
 */
export function jsonTime(field: string, value: unknown, reading: TimeReading, readerOf: (field: string) => TimeReader): unknown {
  if (typeof value === 'number') return isJsonTimeAsGiven(value, reading) ? value : epochNumber(field, value, reading);
  if (typeof value === 'string') return readerOf(field)(value);
  return value;
}
