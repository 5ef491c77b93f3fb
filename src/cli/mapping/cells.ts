/**
 * Reading single cells the way a user writes them: booleans in any of the usual
 * spellings, and epoch numbers in the unit the user says (never guessed).
 */

/** The unit of epoch numbers in the input (`--epoch`, or a mapping's `epoch`). */
export type EpochUnit = 's' | 'ms';

/** What `readBooleanCell` accepts, for messages. */
export const BOOLEAN_SPELLINGS = 'true/false, 1/0, yes/no, y/n (any case)';

const TRUE: ReadonlySet<string> = new Set(['true', '1', 'yes', 'y', 't']);
const FALSE: ReadonlySet<string> = new Set(['false', '0', 'no', 'n', 'f']);

/** `true`/`false` for a boolean spelling (see `BOOLEAN_SPELLINGS`), `null` for an empty cell, `undefined` for anything else. */
export function readBooleanCell(cell: string): boolean | null | undefined {
  const t = cell.trim().toLowerCase();
  if (t === '') return null;
  if (TRUE.has(t)) return true;
  if (FALSE.has(t)) return false;
  return undefined;
}

/**
 * Epoch values below this are not read as milliseconds without `--epoch ms`: as ms they
 * fall before 3 March 1973, as seconds after the year 5000 — a value this small is almost
 * certainly seconds read in the wrong unit (period "1970-01-21").
 */
export const SMALLEST_PLAIN_EPOCH_MS = 1e11;

/** An integer (or decimal) epoch value in text: digits, an optional fraction; `NaN` otherwise. */
export function numericCell(cell: string): number {
  const t = cell.trim();
  if (t === '' || !/^-?\d+(\.\d+)?$/.test(t)) return NaN;
  return Number(t);
}

/** The epoch ms of `value` in `unit`. */
export function epochToMs(value: number, unit: EpochUnit): number {
  return unit === 's' ? Math.round(value * 1000) : value;
}

/** The message for an epoch value that looks like seconds when no unit was given. */
export function looksLikeSecondsMessage(field: string, value: number): string {
  const asMs = new Date(value).toISOString().slice(0, 10);
  const asS = Number.isFinite(value * 1000) && Math.abs(value * 1000) < 8.64e15 ? new Date(value * 1000).toISOString().slice(0, 10) : '?';
  return `${field} ${value} is too small for epoch milliseconds (it would be ${asMs}); as epoch seconds it is ${asS}: say which with --epoch s (or --epoch ms)`;
}
