/**
 * How a `ValidationError` shows the value it received: short, readable, and never
 * throwing, whatever the value (a symbol, a bigint, an object with a hostile getter).
 */

/** Longest string shown in full; longer ones are cut and marked with `…`. */
const MAX_SHOWN = 60;

/**
 * Describes an untrusted value for the `received` part of a `ValidationError`: strings
 * quoted (and cut at 60 characters), numbers, booleans, `null` and `undefined` as written,
 * and the kind of anything else (`an array`, `an object`, `a function`, …).
 */
/* @__NO_SIDE_EFFECTS__ */
export function describeReceived(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value.length > MAX_SHOWN ? `${value.slice(0, MAX_SHOWN)}…` : value);
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
