import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { acrTable, createAcrTally, emptyCounters, mergeCounters, CounterZoneMismatchError, type AcrCounters, type ClassifiedCall } from '../../src/internals.js';
import { classifiedCallArb } from '../support/arbitraries.js';

const countersOf = (calls: readonly ClassifiedCall[]): AcrCounters => {
  const tally = createAcrTally('Europe/London');
  for (const c of calls) tally.add(c);
  return tally.counters();
};
/** Compare counters regardless of key order. */
const canonical = (c: AcrCounters) => ({ timeZone: c.timeZone, cells: Object.fromEntries(Object.entries(c.cells).sort(([a], [b]) => a.localeCompare(b))) });
const calls = fc.array(classifiedCallArb, { maxLength: 40 });

describe('ACR counters are mergeable (A3.4 across dialler nodes)', () => {
  it('merge is associative and commutative, with empty counters as identity', () => {
    fc.assert(
      fc.property(calls, calls, calls, (a, b, c) => {
        const [A, B, C] = [countersOf(a), countersOf(b), countersOf(c)];
        expect(canonical(mergeCounters(A, B))).toEqual(canonical(mergeCounters(B, A)));
        expect(canonical(mergeCounters(mergeCounters(A, B), C))).toEqual(canonical(mergeCounters(A, mergeCounters(B, C))));
        expect(canonical(mergeCounters(A, emptyCounters('Europe/London')))).toEqual(canonical(A));
      }),
      { numRuns: 200 },
    );
  });

  it('merging the counters of two nodes equals counting all their calls on one node', () => {
    fc.assert(
      fc.property(calls, calls, (a, b) => {
        expect(canonical(mergeCounters(countersOf(a), countersOf(b)))).toEqual(canonical(countersOf([...a, ...b])));
      }),
      { numRuns: 200 },
    );
  });

  it('counters survive JSON and merge does not change its inputs', () => {
    fc.assert(
      fc.property(calls, calls, (a, b) => {
        const [A, B] = [countersOf(a), countersOf(b)];
        const before = JSON.stringify([A, B]);
        const merged = mergeCounters(A, B);
        expect(JSON.stringify([A, B])).toBe(before);
        expect(JSON.parse(JSON.stringify(merged))).toEqual(merged);
      }),
      { numRuns: 100 },
    );
  });

  it('refuses to merge counters kept in different zones', () => {
    expect(() => mergeCounters(emptyCounters('Europe/London'), emptyCounters('UTC'))).toThrow(CounterZoneMismatchError);
  });

  it('every scope of the table adds up to the same totals per day (aggregated vs disaggregated, A3.4)', () => {
    fc.assert(
      fc.property(calls, (a) => {
        const rows = acrTable(countersOf(a));
        const byDay = new Map<string, Map<string, number>>();
        for (const r of rows) {
          const m = byDay.get(r.date) ?? new Map<string, number>();
          m.set(r.scope, (m.get(r.scope) ?? 0) + r.counts.calls);
          byDay.set(r.date, m);
        }
        for (const m of byDay.values()) expect(new Set(m.values()).size).toBe(1);
        expect(rows.filter((r) => r.scope === 'all').reduce((n, r) => n + r.counts.calls, 0)).toBe(a.length);
      }),
      { numRuns: 100 },
    );
  });
});
