/**
 * Epoch numbers are read in the unit the user gives, never guessed: without `--epoch`, a
 * number below 10^11 (before 3 March 1973 as milliseconds, after the year 5000 as seconds)
 * is refused with a hint; from 10^11 on it is milliseconds. With `--epoch s` every number
 * is seconds; with `--epoch ms` every number is milliseconds.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CellError } from '../../src/cli/columns.js';
import { SMALLEST_PLAIN_EPOCH_MS } from '../../src/cli/mapping/cells.js';
import { timeReader } from '../../src/cli/mapping/time-cell.js';

describe('epoch numbers (--epoch)', () => {
  const plain = timeReader('dialAt', 'iso', { epoch: undefined, inputTz: undefined });
  const seconds = timeReader('dialAt', 'iso', { epoch: 's', inputTz: undefined });
  const millis = timeReader('dialAt', 'iso', { epoch: 'ms', inputTz: undefined });

  it('the boundary: 99,999,999,999 is refused without a unit, 100,000,000,000 is milliseconds', () => {
    expect(SMALLEST_PLAIN_EPOCH_MS).toBe(1e11);
    expect(() => plain('99999999999')).toThrow(CellError);
    expect(plain('100000000000')).toBe(1e11);
  });

  it('without a unit: below the boundary refused (naming --epoch), at or above it milliseconds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4e12 }), (n) => {
        if (n < SMALLEST_PLAIN_EPOCH_MS) expect(() => plain(String(n))).toThrow(/--epoch s/);
        else expect(plain(String(n))).toBe(n);
      }),
    );
  });

  it('with a unit: seconds × 1000, milliseconds as they are, whatever the size', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4e12 }), (n) => {
        expect(seconds(String(n))).toBe(n * 1000);
        expect(millis(String(n))).toBe(n);
      }),
    );
  });
});
