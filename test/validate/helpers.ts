/** Test helpers for the validation tests. */
import { expect } from 'vitest';
import { ValidationError } from '../../src/errors.js';

/** The `ValidationError` that `run` throws; fails the test when it throws nothing or something else. */
export function validationError(run: () => unknown): ValidationError {
  try {
    run();
  } catch (thrown) {
    expect(thrown).toBeInstanceOf(ValidationError);
    return thrown as ValidationError;
  }
  throw new Error('expected a ValidationError, but nothing was thrown');
}
