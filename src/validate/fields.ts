/**
 * Readers for single fields of untrusted input. Each checks one value with plain
 * `typeof` tests (no regular expressions, no closures: audits read millions of rows) and
 * returns it typed, or throws a `ValidationError` naming the call and the field.
 */
import { ValidationError } from '../errors.js';
import { describeReceived } from './received.js';

/** `expected` text of `readString`. */
export const STRING_EXPECTED = 'a non-empty string';
/** `expected` text of `readBoolean`. */
export const BOOLEAN_EXPECTED = 'a boolean (true or false; from CSV also "true", "false", "1" or "0")';
/** `expected` text of `readCli`. */
export const CLI_EXPECTED = 'a string, or null when the CLI was withheld';
/** `expected` text of `readNullableString`. */
export const NULLABLE_STRING_EXPECTED = 'a string or null';
/** `expected` text of `readObject`. */
export const OBJECT_EXPECTED = 'an object';

/** `true` for a non-null, non-array object: something whose fields can be read. */
export function isObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A required non-empty string.
 * @throws ValidationError naming `path` for anything else (missing, empty, not a string)
 */
export function readString(value: unknown, callId: string | null, path: string): string {
  if (typeof value === 'string' && value !== '') return value;
  throw new ValidationError(callId, path, STRING_EXPECTED, describeReceived(value));
}

/**
 * A required boolean: `true` or `false`. For rows read from CSV, the strings `'true'`,
 * `'false'`, `'1'` and `'0'` are accepted too (exactly these, lower case); numbers,
 * `'yes'`, `'TRUE'` and empty cells are not.
 * @throws ValidationError naming `path` for anything else
 */
export function readBoolean(value: unknown, callId: string | null, path: string): boolean {
  if (value === true || value === false) return value;
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  throw new ValidationError(callId, path, BOOLEAN_EXPECTED, describeReceived(value));
}

/**
 * An optional boolean: `undefined`, `null` and `''` (an empty CSV cell) are absent
 * (`undefined`); anything else must pass `readBoolean`.
 * @throws ValidationError naming `path` for a present value that is not a boolean
 */
export function readOptionalBoolean(value: unknown, callId: string | null, path: string): boolean | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  return readBoolean(value, callId, path);
}

/**
 * A presented CLI: a string, or `null` when withheld. An empty string (an empty CSV
 * cell) is read as withheld, `null`. The field is required: `undefined` is refused.
 * @throws ValidationError naming `path` for anything else
 */
export function readCli(value: unknown, callId: string | null, path: string): string | null {
  if (typeof value === 'string') return value === '' ? null : value;
  if (value === null) return null;
  throw new ValidationError(callId, path, CLI_EXPECTED, describeReceived(value));
}

/**
 * An optional field that may be a string or `null` (e.g. `content.optOutNumber`):
 * `undefined` is absent, `null` and strings (even empty) are kept as they are.
 * @throws ValidationError naming `path` for anything else
 */
export function readNullableString(value: unknown, callId: string | null, path: string): string | null | undefined {
  if (value === undefined || value === null || typeof value === 'string') return value;
  throw new ValidationError(callId, path, NULLABLE_STRING_EXPECTED, describeReceived(value));
}

/**
 * A required object (not `null`, not an array), to read nested fields from.
 * @throws ValidationError naming `path` for anything else
 */
export function readObject(value: unknown, callId: string | null, path: string): Readonly<Record<string, unknown>> {
  if (isObject(value)) return value;
  throw new ValidationError(callId, path, OBJECT_EXPECTED, describeReceived(value));
}
