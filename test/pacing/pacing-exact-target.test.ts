/**
 * Pacing at a rate exactly on the target (Annex 3): the headroom
 * (target·(x + y) − x) / (1 − target) is 0, not the 9.2e-16 binary arithmetic makes of it
 * for 7 abandoned and 193 live calls at 3.5 %, so the governor answers exactly 1.0,
 * `noHeadroom` — whenever the rate is at or above the target.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { acrHeadroom, createPacingGovernor, ofcom2017, type PacingAdvice } from '../../src/internals.js';
import { call, T0 } from '../guard/helpers.js';

function run(live: number, abandoned: number, targetAcr: number): PacingAdvice {
  const g = createPacingGovernor(ofcom2017, { targetAcr, initialDialRatio: 3 });
  let a: PacingAdvice | undefined;
  for (let i = 0; i < live; i++) a = g.next(call(`l${i}`, T0 + i * 1000, 'live'));
  for (let i = 0; i < abandoned; i++) a = g.next(call(`a${i}`, T0 + 5_000_000 + i * 1000, 'abandoned'));
  return a!;
}

describe('pacing at a rate exactly on the target', () => {
  it('7 abandoned and 193 live calls at 3.5 %: headroom 0, exactly 1.0, noHeadroom', () => {
    const a = run(193, 7, 0.035);
    expect(a.day.rate).toBe(0.035);
    expect(a.day.headroom).toBe(0);
    expect(a.dialRatio).toBe(1);
    expect(a.reason).toBe('noHeadroom');
  });

  it('acrHeadroom: 0 at the target, negative above it, positive below', () => {
    expect(acrHeadroom(7, 193, 0.035)).toBe(0);
    expect(acrHeadroom(8, 192, 0.035)).toBeLessThan(0);
    expect(acrHeadroom(6, 194, 0.035)).toBeGreaterThan(0);
    expect(acrHeadroom(0, 0, 0.035)).toBe(0);
  });

  it('(property) whenever x / (x + y) is at or above the target (whole counts), the headroom is never above 0', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 1, max: 999 }), (x, y, per) => {
        const target = per / 1000;
        const h = acrHeadroom(x, y, target);
        if (x / (x + y) >= target) expect(h).toBeLessThanOrEqual(0);
        else expect(h).toBeGreaterThan(0);
      }),
    );
  });

  it('(property) the governor answers exactly 1.0, noHeadroom, for any counts whose rate is exactly the target', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 60 }), (abandoned, multiple) => {
        // The target is the day's own rate, x / (x + y), computed the way the ledger computes it.
        const live = abandoned * multiple;
        const target = abandoned / (abandoned + live);
        const a = run(live, abandoned, target);
        expect(a.day.rate).toBe(target);
        expect(a.dialRatio).toBe(1);
        expect(a.reason).toBe('noHeadroom');
      }),
      { numRuns: 40 },
    );
  });
});
