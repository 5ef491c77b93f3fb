/** The `campaignCallCentre` scope keeps one governor state per (campaign, call centre) pair, whatever the ids contain (A3.4). */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ofcom2017 } from '../../src/index.js';
import { createPacingGovernor } from '../../src/internals.js';
import { call, T0 } from '../guard/helpers.js';

const byCentre = () => createPacingGovernor(ofcom2017, { targetAcr: 0.03, scope: 'campaignCallCentre' });

describe('pacing governor — campaignCallCentre scope keys', () => {
  it("('a\\0b', 'c') and ('a', 'b\\0c') are two scopes, not one", () => {
    const g = byCentre();
    const a = g.next(call('1', T0, 'abandoned', { campaignId: 'a\u0000b', callCentreId: 'c', answeredBy: 'human' }));
    const b = g.next(call('2', T0 + 1000, 'live', { campaignId: 'a', callCentreId: 'b\u0000c' }));
    expect([a.campaignId, a.callCentreId]).toEqual(['a\u0000b', 'c']);
    expect([b.campaignId, b.callCentreId]).toEqual(['a', 'b\u0000c']);
    expect([b.day.x, b.day.y]).toEqual([0, 1]);
  });

  it("one scope's rising ratio is not the other's", () => {
    const g = byCentre();
    for (let i = 0; i < 300; i++) g.next(call(`l${i}`, T0 + i * 1000, 'live', { campaignId: 'a\u0000b', callCentreId: 'c' }));
    expect(g.dialRatio('a\u0000b', 'c')).toBeGreaterThan(1);
    expect(g.dialRatio('a', 'b\u0000c')).toBe(1);
  });

  it('(property) calls in one scope never count in another, whatever characters the ids hold', () => {
    const id = fc.string({ unit: fc.constantFrom('a', 'b', '\u0000', '"', ',', '[', ']', '\\', 'null'), maxLength: 4 });
    // Random pairs, and pairs that join to the same text around a NUL: (a\0b, c) and (a, b\0c).
    const pairs = fc.oneof(
      fc.tuple(id, id, id, id),
      fc.tuple(id, id, id).map(([a, b, c]) => [`${a}\u0000${b}`, c, a, `${b}\u0000${c}`] as const),
    );
    fc.assert(
      fc.property(pairs, ([c1, k1, c2, k2]) => {
        fc.pre(c1 !== c2 || k1 !== k2);
        const g = byCentre();
        g.next(call('1', T0, 'abandoned', { campaignId: c1, callCentreId: k1, answeredBy: 'human' }));
        const b = g.next(call('2', T0 + 1000, 'live', { campaignId: c2, callCentreId: k2 }));
        expect([b.campaignId, b.callCentreId]).toEqual([c2, k2]);
        expect([b.day.x, b.day.y]).toEqual([0, 1]);
      }),
    );
  });
});
