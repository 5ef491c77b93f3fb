import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { from, lastValueFrom, toArray } from 'rxjs';
import { acr, acrCounters, acrTable, ofcom2017, type AcrCounters, type AcrRow, type ClassifiedCall } from '../../src/index.js';
import { policyAcrTable } from '../../src/acr/table.js';
import { addDays, windowStart } from '../../src/acr/trailing.js';
import { emptyCounts } from '../../src/acr/counts.js';
import { usTsr } from '../../src/policy/us-tsr.js';
import { call } from '../guard/helpers.js';

/** Noon UTC on a date: 07:00 or 08:00 in New York, 12:00 or 13:00 in London — the same calendar date in both. */
const noon = (date: string): number => Date.parse(`${date}T12:00:00Z`);

function day(date: string, live: number, abandoned: number, campaignId = 'spring', callCentreId = 'leeds'): ClassifiedCall[] {
  const out: ClassifiedCall[] = [];
  for (let i = 0; i < live; i++) out.push(call(`${campaignId}-${callCentreId}-${date}-l${i}`, noon(date) + i, 'live', { campaignId, callCentreId }));
  for (let i = 0; i < abandoned; i++) out.push(call(`${campaignId}-${callCentreId}-${date}-a${i}`, noon(date) + 10_000 + i, 'abandoned', { campaignId, callCentreId }));
  return out;
}

const countersOf = async (calls: readonly ClassifiedCall[], timeZone = usTsr.timeZone): Promise<AcrCounters> =>
  lastValueFrom(from(calls).pipe(acrCounters({ timeZone })));

describe('calendar arithmetic', () => {
  it('adds days across months, years and leap days', () => {
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(windowStart('2026-01-15')).toBe('2025-12-17');
    expect(windowStart('2026-03-29', 1)).toBe('2026-03-29');
  });
});

describe('ACR window trailing30Days (US TSR 16 CFR 310.4(b)(4)(i))', () => {
  const calls = [...day('2026-06-01', 9, 1), ...day('2026-06-15', 10, 0), ...day('2026-07-01', 10, 0)];

  it('each row is the rate over the 30 calendar days ending on its date, and names the first', async () => {
    const rows = acrTable(await countersOf(calls), { scopes: ['campaign'], window: 'trailing30Days', alertRate: 0.03 });
    expect(rows.map((r) => [r.date, r.from, r.acr.x, r.acr.y, r.alert])).toEqual([
      ['2026-06-01', '2026-05-03', 1, 9, true],
      ['2026-06-15', '2026-05-17', 1, 19, true],
      ['2026-07-01', '2026-06-02', 0, 20, false], // 1 June has left the window
    ]);
    expect(rows[1]!.acr.rate).toBeCloseTo(0.05, 12);
  });

  it('calendar-day rows are unchanged: one day each, and no `from`', async () => {
    const rows = acrTable(await countersOf(calls), { scopes: ['campaign'] });
    expect(rows.map((r) => [r.date, r.acr.x, r.acr.y])).toEqual([
      ['2026-06-01', 1, 9],
      ['2026-06-15', 0, 10],
      ['2026-07-01', 0, 10],
    ]);
    for (const r of rows) expect(r).not.toHaveProperty('from');
  });

  it('policyAcrTable follows the policy’s window', async () => {
    const counters = await countersOf(calls);
    expect(policyAcrTable(counters, usTsr, ['campaign']).map((r) => r.acr.y)).toEqual([9, 19, 20]);
    expect(policyAcrTable(await countersOf(calls, ofcom2017.timeZone), ofcom2017, ['campaign']).map((r) => r.acr.y)).toEqual([9, 10, 10]);
  });

  it('the acr operator under a trailing30Days policy emits the running rate over the 30 days ending on the call’s date', async () => {
    const updates = await lastValueFrom(from(calls).pipe(acr({ policy: usTsr, scopes: ['campaign'] }), toArray()));
    const lastOf = (date: string) => updates.filter((u) => u.date === date).at(-1)!.rows[0]!;
    expect([lastOf('2026-06-01'), lastOf('2026-06-15'), lastOf('2026-07-01')].map((r) => [r.from, r.acr.x, r.acr.y])).toEqual([
      ['2026-05-03', 1, 9],
      ['2026-05-17', 1, 19],
      ['2026-06-02', 0, 20],
    ]);
    expect(updates.at(-1)!.table().map((r) => r.acr.y)).toEqual([9, 19, 20]);
    const daily = await lastValueFrom(from(calls).pipe(acr({ policy: usTsr, scopes: ['campaign'], window: 'calendarDay' }), toArray()));
    expect(daily.at(-1)!.rows[0]).not.toHaveProperty('from');
    expect(daily.at(-1)!.rows[0]!.acr.y).toBe(10);
  });

  it('keeps campaigns apart and aggregates scopes as the daily table does', async () => {
    const mixed = [...day('2026-06-01', 5, 1, 'a', 'leeds'), ...day('2026-06-02', 5, 0, 'b', 'cebu'), ...day('2026-06-03', 5, 1, 'a', 'cebu')];
    const rows = acrTable(await countersOf(mixed), { window: 'trailing30Days' });
    const find = (date: string, scope: AcrRow['scope'], c: string | null, cc: string | null) =>
      rows.find((r) => r.date === date && r.scope === scope && r.campaignId === c && r.callCentreId === cc)?.acr;
    expect(find('2026-06-03', 'all', null, null)).toMatchObject({ x: 2, y: 15 });
    expect(find('2026-06-03', 'campaign', 'a', null)).toMatchObject({ x: 2, y: 10 });
    expect(find('2026-06-03', 'callCentre', null, 'cebu')).toMatchObject({ x: 1, y: 10 });
    expect(find('2026-06-03', 'campaignCallCentre', 'a', 'cebu')).toMatchObject({ x: 1, y: 5 });
    expect(find('2026-06-02', 'campaign', 'a', null)).toBeUndefined(); // no calls that day: no row
  });

  it('property: table rows and the operator’s running rows equal a brute-force sum over the window', async () => {
    const dates = fc.integer({ min: 0, max: 120 }).map((n) => addDays('2026-01-01', n));
    const days = fc.array(fc.tuple(dates, fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 2 }), fc.constantFrom('a', 'b')), { minLength: 1, maxLength: 40 });
    await fc.assert(
      fc.asyncProperty(days, async (spec) => {
        const sorted = [...spec].sort((p, q) => (p[0] < q[0] ? -1 : p[0] > q[0] ? 1 : 0));
        const calls = sorted.flatMap(([d, l, a, c], i) => day(d, l, a, c).map((k) => ({ ...k, record: { ...k.record, callId: `${i}-${k.record.callId}` } })));
        if (calls.length === 0) return;
        const rows = acrTable(await countersOf(calls), { scopes: ['campaign'], window: 'trailing30Days' });
        for (const r of rows) {
          const from = addDays(r.date, -29);
          const inWindow = sorted.filter(([d, , , c]) => c === r.campaignId && d >= from && d <= r.date);
          expect(r.acr.y).toBe(inWindow.reduce((s, [, l]) => s + l, 0));
          expect(r.acr.x).toBe(inWindow.reduce((s, [, , a]) => s + a, 0));
          expect(r.from).toBe(from);
        }
        const updates = await lastValueFrom(from(calls).pipe(acr({ policy: usTsr, scopes: ['campaign'] }), toArray()));
        const table = updates.at(-1)!.table();
        for (const u of updates) {
          const row = u.rows[0]!;
          const final = table.find((r) => r.date === u.date && r.campaignId === row.campaignId)!;
          // Calls come in date order, so after a date's last call its running row is the table's row.
          if (u === updates.filter((v) => v.date === u.date && v.rows[0]!.campaignId === row.campaignId).at(-1)) expect(row.acr).toEqual(final.acr);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('a trailing row sums the 30 days ending on its date, whatever order the days were counted in', () => {
    const c = (live: number) => ({ ...emptyCounts(), calls: live, live });
    const cell = (date: string, live: number) => ({ date, campaignId: 'k', callCentreId: 'leeds', counts: c(live) });
    const counters = { timeZone: 'Europe/London', cells: Object.fromEntries([cell('2026-02-01', 3), cell('2026-01-01', 1), cell('2026-01-30', 2)].map((x) => [JSON.stringify([x.date, 'k', 'leeds']), x])) };
    const rows = acrTable(counters, { scopes: ['all'], window: 'trailing30Days' });
    expect(rows.map((o) => [o.date, o.counts.live])).toEqual([
      ['2026-01-01', 1],
      ['2026-01-30', 3],
      ['2026-02-01', 5],
    ]);
    // 31 January's window starts 2 January: 1 January is out.
    const two = { timeZone: 'Europe/London', cells: Object.fromEntries([cell('2026-01-01', 1), cell('2026-01-31', 1)].map((x) => [JSON.stringify([x.date, 'k', 'leeds']), x])) };
    expect(acrTable(two, { scopes: ['all'], window: 'trailing30Days' }).map((o) => o.counts.live)).toEqual([1, 1]);
  });
});

describe('audit follows the policy window', () => {
  it('under the US TSR each row of audit().table is the trailing 30 days ending that day', async () => {
    const { audit, foldEvents } = await import('../../src/index.js');
    const { callEvents } = await import('../support/calls.js');
    const DAY = 86_400_000;
    const abandoned = foldEvents(callEvents('a', [['answer', 5000], ['message', 6000], ['hangup', 20_000, 'caller']], { amd: true, at: 0 }));
    const live = foldEvents(callEvents('b', [['answer', 5000], ['agent', 5500], ['hangup', 60_000, 'caller']], { at: 10 * DAY }));
    const rows = audit([abandoned, live], usTsr).table.filter((r) => r.scope === 'all');
    const last = rows.find((r) => r.counts.live === 1 && r.counts.calls === 2);
    expect(last).toBeDefined();
    expect(last!.from).toBeDefined();
    expect(last!.acr.rate).toBeGreaterThan(0);
    const calendar = audit([abandoned, live]).table.filter((r) => r.scope === 'all');
    expect(calendar.every((r) => r.from === undefined && r.counts.calls === 1)).toBe(true);
  });
});
