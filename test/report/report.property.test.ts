import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { audit, classify, ofcom2017, zonedDay, type ClassifiedCall } from '../../src/index.js';
import { misuseAll } from '../../src/misuse/misuse-all.js';
import { report } from '../../src/report/index.js';
import { classifiedCallArb } from '../support/arbitraries.js';
import { DAY, T0 } from './helpers.js';

const calls = fc.uniqueArray(classifiedCallArb, { maxLength: 60, selector: (c) => c.record.callId });
const period = fc.option(
  fc.record({ from: fc.integer({ min: -50, max: 30 }), days: fc.integer({ min: 1, max: 90 }) }).map(({ from, days }) => ({ from: T0 + from * DAY, to: T0 + (from + days) * DAY })),
  { nil: undefined },
);
const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

describe('report properties', () => {
  it('per-day category counts sum to the calls in the period, in every scope', () => {
    fc.assert(
      fc.property(calls, period, (cs, p) => {
        const r = report(cs, p ?? {});
        const inPeriod = cs.filter((c) => {
          const date = zonedDay(c.record.dialAt, ofcom2017.timeZone).date;
          return r.period.fromDate !== null && date >= r.period.fromDate && date <= r.period.toDate!;
        }).length;
        expect(r.calls).toBe(inPeriod);
        expect(r.calls + r.callsOutsidePeriod).toBe(cs.length);
        for (const s of r.scopes) {
          for (const d of s.days) {
            const c = d.counts;
            expect(c.live + c.abandoned + c.silent + c.answerMachine + c.unconnected).toBe(c.calls);
          }
          expect(sum(s.weeks.map((w) => w.counts.calls))).toBe(s.totals.calls);
        }
        for (const scope of ['all', 'campaign', 'callCentre', 'campaignCallCentre'] as const) {
          expect(sum(r.scopes.filter((s) => s.scope === scope).flatMap((s) => s.days.map((d) => d.counts.calls)))).toBe(inPeriod);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('a report over an audit equals a report over the same classified calls', () => {
    fc.assert(
      fc.property(calls, period, (cs, p) => {
        const records = cs.map((c) => c.record);
        const options = p ?? {};
        const viaAudit = audit(records, ofcom2017, options);
        const viaCalls = report(misuseAll(records.map((r) => classify(r))), options);
        expect(viaAudit.report).toEqual(viaCalls);
        expect(report(viaAudit, options)).toEqual(viaCalls);
        expect(JSON.parse(JSON.stringify(viaCalls))).toEqual(viaCalls);
      }),
      { numRuns: 100 },
    );
  });

  it('without the cross-call rules, the report does not depend on the order of the calls', () => {
    fc.assert(
      fc.property(
        calls.chain((cs) => fc.tuple(fc.constant(cs), fc.shuffledSubarray(cs, { minLength: cs.length, maxLength: cs.length }))),
        ([a, b]: [ClassifiedCall[], ClassifiedCall[]]) => {
          expect(report(b)).toEqual(report(a));
        },
      ),
      { numRuns: 100 },
    );
  });
});
