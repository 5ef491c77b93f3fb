/**
 * A2.15's short ring (and long ring) is about calls that rang. A call the network reported
 * busy, or to a number that does not exist, never rang, so it cannot have been "allowed to
 * ring for less than 15 seconds", nor "left ringing for extended periods".
 *
 * A2.15: "Ofcom therefore considers that calls that are allowed to ring for less than 15
 * seconds before being terminated (unless answered before then) by the calling party, or
 * are left ringing for extended periods, are likely to cause more harm".
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classify } from 'dialguard';
import { neverRang, NOT_ALERTED_CAUSES } from '../../src/rules/ring-time/index.js';
import type { CallRecord } from '../../src/internals.js';
import { T0 } from '../support/calls.js';
import { dialledRecord } from '../support/records.js';

const kinds = (c: ReturnType<typeof classify>) => c.flags.map((f) => f.kind);
const ruleIds = (c: ReturnType<typeof classify>) => (c.notJudged ?? []).map((n) => n.rule);

describe('short ring needs ringing (A2.15)', () => {
  for (const cause of ['busy', 'invalidNumber'] as const) {
    it(`an unanswered call that ended ${cause} 2 s after the dial, with no ringing reported, is not a short ring (A2.15: "allowed to ring for less than 15 seconds")`, () => {
      // The dialler released the line (by: caller) on the busy / invalid-number signal; no alerting was ever reported.
      const r = dialledRecord('b1', { hangupAt: T0 + 2_000, hangupBy: 'caller', hangupCause: cause, lastEventAt: T0 + 2_000 });
      const c = classify(r);
      expect(c.category).toBe('unconnected');
      expect(kinds(c)).not.toContain('shortRing');
      expect(ruleIds(c)).not.toContain('shortRing'); // judged: it never rang
    });
  }

  it('the never-alerted causes are busy and invalid number; a call that rang or may have rang is not among them', () => {
    expect(NOT_ALERTED_CAUSES).toEqual(['busy', 'invalidNumber']);
    expect(neverRang({ ringingAt: null, answerAt: null, hangupCause: 'busy' })).toBe(true);
    expect(neverRang({ ringingAt: T0 + 500, answerAt: null, hangupCause: 'busy' })).toBe(false); // ringing reported: it rang
    for (const cause of ['noAnswer', 'rejected', 'failed', null] as const) {
      expect(neverRang({ ringingAt: null, answerAt: null, hangupCause: cause })).toBe(false);
    }
  });

  it('a short ring the caller ended, with ringing reported, is still flagged whatever the cause', () => {
    const r = dialledRecord('b2', { ringingAt: T0 + 500, hangupAt: T0 + 3_000, hangupBy: 'caller', hangupCause: 'busy', lastEventAt: T0 + 3_000 });
    expect(kinds(classify(r))).toContain('shortRing');
    const noCause = dialledRecord('b3', { hangupAt: T0 + 3_000, hangupBy: 'caller', lastEventAt: T0 + 3_000 });
    expect(kinds(classify(noCause))).toContain('shortRing'); // no cause: ring measured from the dial (A2.15), as before
  });

  it('property: a busy or invalid-number call with no ringing never raises shortRing or longRing, however long before the caller released it', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('busy', 'invalidNumber' as const),
        fc.oneof(fc.constantFrom(0, 14_999, 15_000, 60_000, 60_001), fc.integer({ min: 0, max: 120_000 })),
        fc.constantFrom('caller', 'network') as fc.Arbitrary<'caller' | 'network'>,
        (cause, endMs, by) => {
          const r = dialledRecord('p1', { hangupAt: T0 + endMs, hangupBy: by, hangupCause: cause, lastEventAt: T0 + endMs });
          const c = classify(r);
          expect(c.category).toBe('unconnected');
          expect(kinds(c).filter((k) => k === 'shortRing' || k === 'longRing')).toEqual([]);
          expect(ruleIds(c).filter((k) => k === 'shortRing' || k === 'longRing')).toEqual([]);
        },
      ),
    );
  });

  it('property: with ringing reported, the 15 s boundary is unchanged by the cause (14 999 ms short, 15 000 ms not)', () => {
    fc.assert(
      fc.property(fc.constantFrom('busy', 'invalidNumber', 'noAnswer', 'failed', undefined), fc.integer({ min: 0, max: 5_000 }), fc.constantFrom(-1, 0, 1), (cause, ringAfter, edge) => {
        const ringingAt = T0 + ringAfter;
        const hangupAt = ringingAt + 15_000 + edge;
        const r = dialledRecord('p2', { ringingAt, hangupAt, hangupBy: 'caller', hangupCause: (cause ?? null) as CallRecord['hangupCause'], lastEventAt: hangupAt });
        expect(kinds(classify(r)).includes('shortRing')).toBe(edge < 0);
      }),
    );
  });
});
