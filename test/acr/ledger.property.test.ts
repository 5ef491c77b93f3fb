import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { from, lastValueFrom, toArray } from 'rxjs';
import { acr, acrOf, acrTable, createAcrLedger, createAcrTally, zonedDay, type AcrScope, type ClassifiedCall } from '../../src/internals.js';
import { classifiedCallArb } from '../support/arbitraries.js';

const ZONE = 'Europe/London';
const calls = fc.array(classifiedCallArb, { maxLength: 60 });
const scopeSets = fc.subarray<AcrScope>(['all', 'campaign', 'callCentre', 'campaignCallCentre']);

describe('the ACR ledger (Annex 3, A3.3–A3.4)', () => {
  it('after each call, its rows are the rows acrTable gives for the calls so far, for the scopes asked for', () => {
    fc.assert(
      fc.property(calls, scopeSets, fc.constantFrom('calendarDay' as const, 'trailing30Days' as const), (list, scopes, window) => {
        const ledger = createAcrLedger({ timeZone: ZONE, scopes, window });
        const tally = createAcrTally(ZONE);
        for (const call of list) {
          const rows = ledger.rows(ledger.add(call), 0.03);
          tally.add(call);
          const table = acrTable(tally.counters(), { scopes, alertRate: 0.03, window });
          expect(rows.map((r) => r.scope)).toEqual(scopes.length === 0 ? [] : ['all', 'campaign', 'callCentre', 'campaignCallCentre'].filter((s) => scopes.includes(s as AcrScope)));
          for (const row of rows) {
            const same = table.find((t) => t.date === row.date && t.scope === row.scope && t.campaignId === row.campaignId && t.callCentreId === row.callCentreId);
            expect(row).toEqual(same);
          }
        }
        expect(ledger.counters()).toEqual(tally.counters());
      }),
      { numRuns: 100 },
    );
  });

  it('counts each call once, on the calendar day of its dial, and keeps nothing for scopes not asked for', () => {
    fc.assert(
      fc.property(calls, (list) => {
        const ledger = createAcrLedger({ timeZone: ZONE, scopes: ['all'] });
        list.forEach((c) => ledger.add(c));
        const days = new Set(list.map((c) => zonedDay(c.record.dialAt, ZONE).date));
        let total = 0;
        let allDays = 0;
        ledger.forEachDay('all', (slot) => {
          allDays += 1;
          total += ledger.dayCounts('all', slot).calls;
        });
        expect(total).toBe(list.length);
        expect(allDays).toBe(days.size);
        expect(ledger.capacity('campaign')).toBe(0);
      }),
      { numRuns: 100 },
    );
  });

  it('the day rate read without a row is the row rate (acrOf: the one Annex 3 formula)', () => {
    fc.assert(
      fc.property(calls, (list) => {
        const ledger = createAcrLedger({ timeZone: ZONE, scopes: ['campaign'] });
        list.forEach((c) => ledger.add(c));
        ledger.forEachDay('campaign', (slot) => {
          const counts = ledger.dayCounts('campaign', slot);
          expect(ledger.dayRate('campaign', slot)).toBe(acrOf(counts).rate);
          expect(ledger.dayCallsInRate('campaign', slot)).toBe(counts.live + counts.abandonedLive + counts.abandonedUnknown);
        });
      }),
      { numRuns: 100 },
    );
  });

  it('retainDays keeps only the days within reach of the latest day', () => {
    const call = (day: number): ClassifiedCall => ({
      record: { ...fcSample().record, dialAt: Date.UTC(2026, 0, 1 + day, 12), campaignId: 'k', callCentreId: 'leeds' },
      category: 'live',
      answeredBy: 'human',
      flags: [],
    });
    const ledger = createAcrLedger({ timeZone: ZONE, scopes: ['all', 'campaign'], retainDays: 3 });
    for (let d = 0; d < 40; d++) ledger.add(call(d));
    expect(ledger.size()).toBe(3);
    const dates: string[] = [];
    ledger.forEachDay('campaign', (_slot, date) => dates.push(date));
    expect(dates.sort()).toEqual(['2026-02-07', '2026-02-08', '2026-02-09']);
  });

  it('the acr operator emits the ledger rows', async () => {
    const list = fc.sample(calls, { numRuns: 1, seed: 7 })[0]!;
    const updates = await lastValueFrom(from(list).pipe(acr({ scopes: ['all'] }), toArray()));
    const ledger = createAcrLedger({ timeZone: ZONE, scopes: ['all'] });
    list.forEach((c, i) => expect(updates[i]!.rows).toEqual(ledger.rows(ledger.add(c), 0.03)));
  });
});

function fcSample(): ClassifiedCall {
  return fc.sample(classifiedCallArb, { numRuns: 1, seed: 1 })[0]!;
}
