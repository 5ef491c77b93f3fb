import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { from, lastValueFrom, toArray } from 'rxjs';
import { acr, ofcom2017, type CallCategory, type ClassifiedCall, type Policy } from '../../src/index.js';
import { pacing } from '../../src/operators/pacing.js';
import { usTsr } from '../../src/policy/us-tsr.js';
import { call, DAY, HOUR, T0 } from '../guard/helpers.js';

type Kind = 'live' | 'abandoned' | 'abandonedUnknown' | 'silent' | 'unconnected' | 'machine' | 'machineToAgent';
const KINDS: readonly [Kind, number][] = [
  ['live', 30],
  ['abandoned', 3],
  ['abandonedUnknown', 2],
  ['silent', 1],
  ['unconnected', 50],
  ['machine', 10],
  ['machineToAgent', 4],
];

function make(i: number, at: number, kind: Kind, campaignId: string): ClassifiedCall {
  const category: CallCategory = kind === 'abandonedUnknown' ? 'abandoned' : kind === 'machine' || kind === 'machineToAgent' ? 'answerMachine' : kind;
  return call(`c${i}`, at, category, {
    campaignId,
    ...(kind === 'abandonedUnknown' ? { answeredBy: 'unknown' as const } : {}),
    ...(kind === 'machineToAgent' ? { machine: 'falseNegative' as const } : {}),
  });
}

/** Streams of calls in dial order over a few days, in two campaigns, with bursts of abandons. */
const streams = fc
  .array(
    fc.record({
      gap: fc.oneof(fc.integer({ min: 0, max: 60_000 }), fc.integer({ min: HOUR, max: 2 * DAY })),
      kind: fc.oneof(fc.constantFrom(...KINDS.flatMap(([k, w]) => Array<Kind>(w).fill(k))), fc.constant('abandoned' as Kind)),
      campaign: fc.constantFrom('a', 'b'),
    }),
    { minLength: 1, maxLength: 600 },
  )
  .map((steps) => {
    let at = T0;
    return steps.map((s, i) => make(i, (at += s.gap), s.kind, s.campaign));
  });

const options = fc.record({
  targetAcr: fc.double({ min: 0.005, max: 0.2, noNaN: true }),
  maxDialRatio: fc.double({ min: 1, max: 4, noNaN: true }),
  initialDialRatio: fc.double({ min: 1, max: 4, noNaN: true }),
  smoothingCalls: fc.integer({ min: 1, max: 2000 }),
  horizonDials: fc.integer({ min: 1, max: 5000 }),
  riseRate: fc.double({ min: 0.0001, max: 1, noNaN: true }),
  fallRate: fc.double({ min: 0.0001, max: 1, noNaN: true }),
  reserveAbandons: fc.double({ min: 0, max: 5, noNaN: true }),
});

const policies: fc.Arbitrary<Policy> = fc.constantFrom(ofcom2017, usTsr);

describe('pacing governor invariants (property)', () => {
  it('never above the maximum nor below 1.0; 1.0 when headroom ≤ 0; never rises while the day’s (or window’s) rate is above target', async () => {
    await fc.assert(
      fc.asyncProperty(streams, options, policies, async (calls, o, policy) => {
        const advice = await lastValueFrom(from(calls).pipe(pacing(policy, o), toArray()));
        const last = new Map<string, number>();
        const max = o.maxDialRatio;
        for (const a of advice) {
          const prev = last.get(a.campaignId) ?? Math.min(max, o.initialDialRatio);
          expect(a.dialRatio).toBeGreaterThanOrEqual(1);
          expect(a.dialRatio).toBeLessThanOrEqual(max);
          if (a.day.headroom <= 0 || a.window.headroom <= 0) expect(a.dialRatio).toBe(1);
          const above = (a.day.rate !== null && a.day.rate > o.targetAcr) || (a.window.rate !== null && a.window.rate > o.targetAcr);
          if (above) expect(a.dialRatio).toBeLessThanOrEqual(prev);
          last.set(a.campaignId, a.dialRatio);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('its day and window rates are the acr() operator’s campaign rows (calendar day, or trailing 30 days)', async () => {
    await fc.assert(
      fc.asyncProperty(streams, policies, async (calls, policy) => {
        const advice = await lastValueFrom(from(calls).pipe(pacing(policy, { targetAcr: 0.03 }), toArray()));
        const rows = await lastValueFrom(from(calls).pipe(acr({ policy, scopes: ['campaign'] }), toArray()));
        const daily = await lastValueFrom(from(calls).pipe(acr({ policy, scopes: ['campaign'], window: 'calendarDay' }), toArray()));
        advice.forEach((a, i) => {
          // Calls arrive in dial order here, so the call's day is the campaign's current day.
          expect(a.window.x).toBeCloseTo(rows[i]!.rows[0]!.acr.x, 9);
          expect(a.window.y).toBe(rows[i]!.rows[0]!.acr.y);
          expect(a.day.x).toBeCloseTo(daily[i]!.rows[0]!.acr.x, 9);
          expect(a.day.y).toBe(daily[i]!.rows[0]!.acr.y);
          expect(a.window.from).toBe(rows[i]!.rows[0]!.from ?? rows[i]!.date);
        });
      }),
      { numRuns: 100 },
    );
  });
});
