/**
 * The ACR ledger's trailing rows under a 30-day policy (`src/acr/ledger.ts`,
 * `src/acr/period-sums.ts`, which keeps sums of earlier days for the latest two days)
 * against an independent model that sums the days directly (`period-model.ts`): after
 * every call or imported counts, in any order, every scope's 30-day window and every
 * campaign scope's period so far.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAcrLedger, NO_CELL } from '../../src/acr/ledger.js';
import { addDays } from '../../src/acr/trailing.js';
import { call } from '../guard/helpers.js';
import { firstDay, modelPeriodFrom, sumOver, type Ev } from './period-model.js';

const BASE = '2026-01-15';
const noonMs = (date: string, i: number): number => Date.parse(`${date}T16:00:00Z`) + i;

/** Calls and imported counts over `days` days, in any order (late calls for any day, the day before the latest above all when `days` is small). */
const evArbOver = (days: number) => fc.record({
  kind: fc.constantFrom('add', 'add', 'add', 'counts'),
  day: fc.integer({ min: 0, max: days - 1 }),
  campaign: fc.constantFrom('a', 'b', 'c'),
  centre: fc.constantFrom('x', 'y'),
  cat: fc.constantFrom('live', 'live', 'abandoned', 'silent'),
  n: fc.integer({ min: 0, max: 3 }),
});

function check(ledger: ReturnType<typeof createAcrLedger>, events: Ev[], cell: number): void {
  for (const row of ledger.rows(cell, 0.03)) {
    const to = row.date;
    const ws = sumOver(events, row.scope, row.campaignId, row.callCentreId, addDays(to, -29), to);
    expect({ scope: row.scope, date: to, live: row.counts.live, ab: row.counts.abandonedLive, calls: row.counts.calls }).toEqual({
      scope: row.scope,
      date: to,
      live: ws.live,
      ab: ws.abandonedLive,
      calls: ws.calls,
    });
    if (row.scope === 'campaign' || row.scope === 'campaignCallCentre') {
      const from = modelPeriodFrom(firstDay(events, row.campaignId!), to);
      const ps = sumOver(events, row.scope, row.campaignId, row.callCentreId, from, to);
      expect({ scope: row.scope, date: to, from: row.campaignPeriod!.from, live: row.campaignPeriod!.counts.live, ab: row.campaignPeriod!.counts.abandonedLive }).toEqual({
        scope: row.scope,
        date: to,
        from,
        live: ps.live,
        ab: ps.abandonedLive,
      });
    }
  }
}

describe('trailing ledger vs direct sums (no retainDays): the 30-day window and the campaign period (16 CFR 310.4(b)(4)(i))', () => {
  it.each([
    ['over 90 days', 90, 400],
    ['over 4 days (calls for the latest day and the day before, interleaved)', 4, 300],
  ])('property %s: rows after each call and the final table match summing the days directly', (_name, days, numRuns) => {
    fc.assert(
      fc.property(fc.array(evArbOver(days), { minLength: 1, maxLength: 60 }), (ops) => {
        const ledger = createAcrLedger({ timeZone: 'America/New_York', window: 'trailing30Days' });
        const events: Ev[] = [];
        ops.forEach((op, i) => {
          const date = addDays(BASE, op.day);
          let cell: number;
          if (op.kind === 'add') {
            const c = call(`c${i}`, noonMs(date, i), op.cat as 'live', { campaignId: op.campaign, callCentreId: op.centre });
            cell = ledger.add(c);
            events.push({ date, campaign: op.campaign, centre: op.centre, live: op.cat === 'live' ? 1 : 0, abandonedLive: op.cat === 'abandoned' ? 1 : 0, silent: op.cat === 'silent' ? 1 : 0 });
          } else {
            const counts = { calls: op.n * 2, live: op.n, abandonedLive: op.n, abandonedUnknown: 0, silent: 0, unconnected: 0, machineDisconnected: 0, machineToAgent: 0, machineAbandoned: 0, undetermined: 0 };
            cell = ledger.addCounts(date, op.campaign, op.centre, counts);
            events.push({ date, campaign: op.campaign, centre: op.centre, live: op.n, abandonedLive: op.n, silent: 0 });
          }
          expect(cell).not.toBe(NO_CELL);
          check(ledger, events, cell);
        });
        // the final table
        for (const row of ledger.table(0.03)) {
          const ws = sumOver(events, row.scope, row.campaignId, row.callCentreId, addDays(row.date, -29), row.date);
          expect(row.counts.live).toBe(ws.live);
          expect(row.counts.abandonedLive).toBe(ws.abandonedLive);
          if (row.campaignPeriod) {
            const from = modelPeriodFrom(firstDay(events, row.campaignId!), row.date);
            const ps = sumOver(events, row.scope, row.campaignId, row.callCentreId, from, row.date);
            expect(row.campaignPeriod.from).toBe(from);
            expect(row.campaignPeriod.counts.live).toBe(ps.live);
            expect(row.campaignPeriod.counts.abandonedLive).toBe(ps.abandonedLive);
          }
        }
      }),
      { numRuns },
    );
  });
});
