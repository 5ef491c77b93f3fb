/**
 * What the readers hand on: each row of the input as a plain object, with its line
 * number, or the reason it could not be read. Readers never throw for one bad row.
 */

/** Why a row was not counted. */
export type RejectReason =
  /** Not valid JSON (JSON Lines). */
  | 'json'
  /** Not readable as CSV (bad quoting) or a wrong number of columns. */
  | 'csv'
  /** A line longer than the readers accept (see `MAX_LINE_BYTES`). */
  | 'tooLong'
  /** A line that is not valid UTF-8 (never decoded with replacement characters). */
  | 'encoding'
  /** Read, but not a valid call record or event: `path` names the field. */
  | 'invalid'
  /** A call id already counted (within the duplicate window). */
  | 'duplicate'
  /** An event for a call not in flight (never dialled, or already ended). */
  | 'unknownCall';

/** Where rows go, one at a time, synchronously: nothing is buffered between reader and audit. */
export interface RowSink {
  /** A row read as an object (not yet validated). */
  row(line: number, value: unknown): void;
  /** A row that could not be read. */
  reject(line: number, reason: RejectReason, message: string, path?: string | null, callId?: string | null): void;
}

/** Longest line (or CSV record) read, in characters: longer ones are rejected, so a file with no line breaks cannot fill memory. */
export const MAX_LINE_CHARS = 1 << 20;
/** Longest line read, in bytes (before decoding): longer ones are rejected (JSON Lines) or end the read (CSV). */
export const MAX_LINE_BYTES = MAX_LINE_CHARS;

/** Why a line that is not valid UTF-8 was rejected, and what to do. */
export const NOT_UTF8_MESSAGE = 'not valid UTF-8 (save the file as UTF-8, e.g. iconv -f WINDOWS-1252 -t UTF-8)';
