/**
 * "Did you mean": an unknown option named with the nearest known one, instead of
 * Node's raw `parseArgs` message.
 */
import { closest } from './mapping/fields.js';

/** The message for an unknown option `given` (e.g. `--column`) among `known` long names (without dashes). */
export function unknownOptionMessage(given: string, known: readonly string[]): string {
  const name = given.replace(/^-+/, '').split('=')[0] ?? '';
  const prefixed = known.filter((k) => k.startsWith(name) && name.length >= 3);
  const guess = prefixed.length === 1 ? prefixed[0]! : closest(name, known);
  return `unknown option ${given.split('=')[0]}${guess !== null ? `: did you mean --${guess}?` : ''}`;
}

/** The option an error of `util.parseArgs` names, when it is about an unknown option. */
export function unknownOptionOf(message: string): string | null {
  const m = /Unknown option '([^']+)'/.exec(message);
  return m === null ? null : m[1]!;
}
