/**
 * The never-throwing form of a parser: a result object instead of an exception.
 */
import { ValidationError } from '../errors.js';

/** The outcome of a `safeParse…` function: the parsed value, or the `ValidationError` `parse…` would have thrown. */
export type SafeParseResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: ValidationError };

/**
 * Turns anything a parser threw into a `ValidationError`. A `ValidationError` passes
 * through; anything else (an input whose getter throws, say) becomes one about the whole
 * value (`path` `''`), so the `safeParse…` functions can promise never to throw.
 */
export function toValidationError(thrown: unknown): ValidationError {
  if (thrown instanceof ValidationError) return thrown;
  let why = 'an exception';
  try {
    if (thrown instanceof Error) why = `${thrown.name}: ${thrown.message}`;
  } catch {
    // a hostile error object: keep the generic description
  }
  return new ValidationError(null, '', 'a plain object whose fields can be read', `a value that threw while being read (${why})`);
}
