import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { nextDialRatio, type DialRatioInputs, type DialRatioSettings } from '../../src/pacing/dial-ratio.js';
import { acrHeadroom, roomPerLiveCall } from '../../src/pacing/headroom.js';

const target = fc.double({ min: 0.001, max: 0.5, noNaN: true });
const inputs: fc.Arbitrary<DialRatioInputs> = fc.record({
  headroom: fc.oneof(fc.double({ min: -50, max: 50, noNaN: true }), fc.constantFrom(0, -0, 1e-12, -1e-12)),
  aboveTarget: fc.boolean(),
  curve: fc.oneof(fc.constant(null), fc.double({ min: 0, max: 1, noNaN: true })),
  livePerDial: fc.double({ min: 0, max: 1, noNaN: true }),
  targetAcr: target,
});
const settings: fc.Arbitrary<DialRatioSettings> = fc.record({
  maxDialRatio: fc.double({ min: 1, max: 6, noNaN: true }),
  horizonDials: fc.double({ min: 1, max: 10_000, noNaN: true }),
  riseRate: fc.double({ min: 1e-6, max: 1, noNaN: true }),
  fallRate: fc.double({ min: 1e-6, max: 1, noNaN: true }),
  reserveAbandons: fc.double({ min: 0, max: 10, noNaN: true }),
});
const previous = fc.oneof(fc.double({ min: 0, max: 8, noNaN: true }), fc.constantFrom(1, NaN, Infinity));

describe('nextDialRatio invariants (property)', () => {
  it('never above the maximum, never below 1.0', () => {
    fc.assert(
      fc.property(previous, inputs, settings, (prev, i, s) => {
        const { dialRatio } = nextDialRatio(prev, i, s);
        expect(dialRatio).toBeGreaterThanOrEqual(1);
        expect(dialRatio).toBeLessThanOrEqual(s.maxDialRatio);
      }),
      { numRuns: 2000 },
    );
  });

  it('exactly 1.0 (progressive) when the headroom is gone', () => {
    fc.assert(
      fc.property(previous, inputs, settings, (prev, i, s) => {
        fc.pre(!(i.headroom > 0));
        expect(nextDialRatio(prev, i, s)).toMatchObject({ dialRatio: 1, reason: 'noHeadroom' });
      }),
      { numRuns: 1000 },
    );
  });

  it('never rises while a rate is above the target', () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 6, noNaN: true }), inputs, settings, (prev, i, s) => {
        fc.pre(prev <= s.maxDialRatio);
        const { dialRatio } = nextDialRatio(prev, { ...i, aboveTarget: true }, s);
        expect(dialRatio).toBeLessThanOrEqual(prev);
      }),
      { numRuns: 2000 },
    );
  });

  it('rises (or holds at the maximum) with headroom, no abandons seen, and the rate under the target', () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 6, noNaN: true }), inputs, settings, (prev, i, s) => {
        fc.pre(prev <= s.maxDialRatio && i.headroom >= s.reserveAbandons && i.headroom > 0);
        const { dialRatio } = nextDialRatio(prev, { ...i, aboveTarget: false, curve: 0 }, s);
        expect(dialRatio).toBeGreaterThanOrEqual(prev);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('acrHeadroom', () => {
  it('is the abandons that bring the rate exactly to the target (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 500, noNaN: true }), fc.integer({ min: 1, max: 10_000 }), target, (x, y, t) => {
        const h = acrHeadroom(x, y, t);
        expect((x + h) / (x + h + y)).toBeCloseTo(t, 9);
      }),
    );
  });

  it('is 0 before any call, and each live call adds target / (1 − target)', () => {
    expect(acrHeadroom(0, 0, 0.03)).toBe(0);
    expect(acrHeadroom(0, 1, 0.03)).toBeCloseTo(roomPerLiveCall(0.03), 12);
    expect(roomPerLiveCall(0.03)).toBeCloseTo(0.0309278, 6);
    expect(acrHeadroom(4, 96, 0.03)).toBeLessThan(0); // 4 % is over 3 %
  });
});
