/**
 * How an error or a refusal shows a value it received from the host or the data: short,
 * readable, safe to print, and never throwing, whatever the value (a symbol, a bigint, an
 * object with a hostile getter). The one describer of `ValidationError`, `AcrInputError`
 * and the pre-dial guard's `invalidRequest` and `barredUnknown` details.
 */
import { printableMessage } from '../text/printable.js';

/** Longest string shown in full by default; longer ones are cut and marked with `…`. */
const MAX_SHOWN = 60;

/**
 * Describes an untrusted value: a string quoted as JSON (cut at `maxShown` characters,
 * default 60; JSON's own escapes, a backslash as `\\`, kept as written, and every invisible
 * or control character JSON leaves written out as `printable` does, so the quote reads
 * back to the value and the message can go to a terminal or a log); numbers, booleans,
 * `null` and `undefined` as written; a bigint with its `n`; the kind of anything else
 * (`an array`, `an object`, `a function`, `a symbol`). Reads no property of the value.
 */
/* @__NO_SIDE_EFFECTS__ */
export function describeReceived(value: unknown, maxShown = MAX_SHOWN): string {
  switch (typeof value) {
    case 'string':
      return printableMessage(JSON.stringify(value.length > maxShown ? `${value.slice(0, maxShown)}…` : value));
    case 'number':
    case 'boolean':
      return String(value);
    case 'undefined':
      return 'undefined';
    case 'bigint':
      return `${value.toString()}n (a bigint)`;
    case 'symbol':
      return 'a symbol';
    case 'function':
      return 'a function';
    default:
      if (value === null) return 'null';
      return Array.isArray(value) ? 'an array' : 'an object';
  }
}
