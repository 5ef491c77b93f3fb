import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { acrTable, audit, createAcrTally, definePolicy, misuseAll, ofcom2017, PolicyError, type ClassifiedCall, type Policy } from '../../src/internals.js';
import { callAt } from '../misuse/helpers.js';

const MINUTE = 60_000;
const live = callAt('live', 0, 'live');
const abandoned = callAt('abandoned', 0, 'abandoned');

/** Call `i` of a day: a copy of the live or abandoned template, a minute after the one before, to its own number. */
function nth(i: number, template: ClassifiedCall): ClassifiedCall {
  return { ...template, record: { ...template.record, callId: `c${i}`, to: `0113496${String(2000 + i).padStart(4, '0')}`, dialAt: template.record.dialAt + i * MINUTE } };
}

/** A day of `kinds` (true: abandoned, known to have reached a person), in order. */
const day = (kinds: readonly boolean[]): ClassifiedCall[] => kinds.map((a, i) => nth(i, a ? abandoned : live));

/** The index of each call that raised the `all` scope's ACR alert. */
function alertsAt(calls: readonly ClassifiedCall[], policy: Policy): number[] {
  return misuseAll(calls, policy, { scopes: ['all'] }).flatMap((u, i) => (u.raised.some((f) => f.kind === 'acrAlert') ? [i] : []));
}

describe('ACR alert: a sample of alertMinCalls calls in x + y, and a rate strictly above the level (A3.4, A4.20)', () => {
  it('the default sample is 100 calls, a library default', () => {
    expect(ofcom2017.acr.alertMinCalls).toBe(100);
  });

  it('99 calls cannot alert, whatever the rate; the 100th can', () => {
    const kinds = Array.from({ length: 100 }, (_, i) => i < 10); // 10 abandoned first: 100 % at the first call
    expect(alertsAt(day(kinds.slice(0, 99)), ofcom2017)).toEqual([]);
    expect(alertsAt(day(kinds), ofcom2017)).toEqual([99]);
    const flag = misuseAll(day(kinds), ofcom2017, { scopes: ['all'] })[99]!.raised.find((f) => f.kind === 'acrAlert');
    expect(flag).toMatchObject({ ref: 'A3.4', callId: null, detail: { scope: 'all', rate: 0.1, alertRate: 0.03, calls: 100, minCalls: 100, x: 10, y: 90 } });
  });

  it('a rate exactly at the level does not alert; just above it does', () => {
    const at = Array.from({ length: 100 }, (_, i) => i >= 97); // 3 of 100: exactly 3 %
    expect(alertsAt(day(at), ofcom2017)).toEqual([]);
    const above = Array.from({ length: 100 }, (_, i) => i >= 96); // 4 of 100
    expect(alertsAt(day(above), ofcom2017)).toEqual([99]);
  });

  it('the day table marks an end-of-day rate above the level whatever the sample', () => {
    const tally = createAcrTally(ofcom2017.timeZone);
    day([true, false, false]).forEach((c) => tally.add(c));
    const [row] = acrTable(tally.counters(), { scopes: ['all'], alertRate: ofcom2017.acr.alertRate });
    expect(row).toMatchObject({ alert: true, counts: { calls: 3 } });
    const a = audit(day([true, false, false]).map((c) => c.record));
    expect(a.flagCounts.acrAlert).toBeUndefined();
    expect(a.table.find((r) => r.scope === 'all')!.alert).toBe(true);
    expect(a.report.scopes[0]!.acr.daysAboveAlert).toBe(1);
  });

  it('definePolicy checks alertMinCalls: a whole number, 0 or more', () => {
    expect(definePolicy(ofcom2017, { acr: { alertMinCalls: 0 } }).acr.alertMinCalls).toBe(0);
    for (const bad of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => definePolicy(ofcom2017, { acr: { alertMinCalls: bad } })).toThrow(PolicyError);
      expect(() => definePolicy(ofcom2017, { acr: { alertMinCalls: bad } })).toThrow(/acr\.alertMinCalls/);
    }
  });

  it('property: the alert comes at the first call where the day has alertMinCalls calls in x + y and its running rate is strictly above the level, and only then', () => {
    fc.assert(
      fc.property(
        fc.array(fc.boolean(), { maxLength: 160 }),
        fc.integer({ min: 0, max: 120 }),
        fc.constantFrom(0.03, 0.05, 0.1, 0.25),
        (kinds, alertMinCalls, alertRate) => {
          const policy = definePolicy(ofcom2017, { acr: { alertRate, alertMinCalls } });
          let x = 0;
          let expected: number[] = [];
          kinds.forEach((a, i) => {
            if (a) x += 1;
            const n = i + 1;
            if (expected.length === 0 && n >= alertMinCalls && x / n > alertRate) expected = [i];
          });
          expect(alertsAt(day(kinds), policy)).toEqual(expected);
        },
      ),
      { numRuns: 150 },
    );
  });
});
