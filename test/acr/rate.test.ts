import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { abandonedCallRate, AcrInputError } from '../../src/index.js';

describe('abandonedCallRate (Annex 3)', () => {
  it('reproduces the worked example: y 392, 8 abandoned, z 400 → x 3.96, ACR 1.0 % (A3.8–A3.12)', () => {
    const r = abandonedCallRate({ live: 392, abandoned: 8, machineToAgent: 400 });
    expect(r.machineShare).toBeCloseTo(0.505, 3);
    expect(r.x).toBeCloseTo(3.96, 2);
    expect(r.y).toBe(392);
    expect(r.z).toBe(400);
    expect(r.estimated).toBe(true);
    expect(r.rate! * 100).toBeCloseTo(1.0, 1);
  });

  it('is exact when the dialler knows how many abandoned calls reached people', () => {
    const r = abandonedCallRate({ live: 392, abandoned: 8, abandonedToLive: 5, abandonedToMachine: 3, machineToAgent: 400 });
    expect(r).toMatchObject({ x: 5, estimated: false, unknown: 0 });
    expect(r.rate).toBeCloseTo(5 / 397, 10);
  });

  it('estimates only the part it does not know', () => {
    const r = abandonedCallRate({ live: 100, abandoned: 10, abandonedToLive: 4, machineToAgent: 100 });
    expect(r).toMatchObject({ unknown: 6, estimated: true, x: 4 + 6 * 0.5 });
  });

  it('has no rate when no person was reached, and an estimate of 0 machines when there is no y or z', () => {
    expect(abandonedCallRate({ live: 0, abandoned: 0, machineToAgent: 0 }).rate).toBeNull();
    expect(abandonedCallRate({ live: 0, abandoned: 3, machineToAgent: 0 })).toMatchObject({ x: 3, rate: 1 });
  });

  it('rejects counts that are not whole numbers ≥ 0, or known parts above the total', () => {
    expect(() => abandonedCallRate({ live: -1, abandoned: 0, machineToAgent: 0 })).toThrow(AcrInputError);
    expect(() => abandonedCallRate({ live: 1.5, abandoned: 0, machineToAgent: 0 })).toThrow(/live should be a whole number/);
    expect(() => abandonedCallRate({ live: 1, abandoned: 2, abandonedToLive: 3, machineToAgent: 0 })).toThrow(/exceed abandoned/);
  });

  it('property: the rate lies in [0, 1], x never exceeds the abandoned calls, and more z never raises x', () => {
    const n = fc.integer({ min: 0, max: 100_000 });
    fc.assert(
      fc.property(n, n, n, n, (y, abandoned, z, extraZ) => {
        const a = abandonedCallRate({ live: y, abandoned, machineToAgent: z });
        const b = abandonedCallRate({ live: y, abandoned, machineToAgent: z + extraZ });
        expect(a.x).toBeLessThanOrEqual(abandoned + 1e-9);
        if (a.rate !== null) expect(a.rate >= 0 && a.rate <= 1).toBe(true);
        expect(b.x).toBeLessThanOrEqual(a.x + 1e-9);
      }),
    );
  });
});
