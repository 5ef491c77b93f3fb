import { describe, expect, it } from 'vitest';
import { from, lastValueFrom, toArray } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { acr, acrCounters, audit, classified, definePolicy, DuplicateCallError, foldEvents, ofcom2017, PolicyError, type CallRecord } from '../../src/index.js';
import { callEvents } from '../support/calls.js';

type Steps = Parameters<typeof callEvents>[1];
const LIVE: Steps = [['answer', 5000], ['agent', 5500], ['hangup', 60_000, 'caller']];
const ABANDONED: Steps = [['answer', 5000], ['amd', 5500, 'human'], ['message', 6000], ['hangup', 20_000, 'caller']];
const SILENT: Steps = [['answer', 5000], ['hangup', 9000, 'caller']];
const rec = (id: string, steps: Steps, over: Parameters<typeof callEvents>[2] = {}): CallRecord => foldEvents(callEvents(id, steps, over));

describe('acr operator', () => {
  it('emits the running rate of every scope after each call (marble test)', () => {
    const scheduler = new TestScheduler((a, b) => expect(a).toEqual(b));
    scheduler.run(({ cold, expectObservable }) => {
      const records = cold('a-b-c|', { a: rec('1', LIVE), b: rec('2', ABANDONED), c: rec('3', SILENT) });
      const rates = records.pipe(classified(), acr({ scopes: ['all'] }));
      expectObservable(rates, '^').toBe('a-b-c|', {
        a: expect.objectContaining({ date: '2026-11-23', rows: [expect.objectContaining({ scope: 'all', acr: expect.objectContaining({ x: 0, y: 1, rate: 0 }) })] }),
        b: expect.objectContaining({ rows: [expect.objectContaining({ acr: expect.objectContaining({ x: 1, y: 1, rate: 0.5 }), alert: true })] }),
        c: expect.objectContaining({ rows: [expect.objectContaining({ counts: expect.objectContaining({ silent: 1, calls: 3 }), acr: expect.objectContaining({ rate: 0.5 }) })] }),
      });
    });
  });

  it('keeps campaigns and call centres apart, and aggregates them (A3.4)', async () => {
    const records = [
      rec('1', LIVE, { campaignId: 'a', callCentreId: 'leeds' }),
      rec('2', ABANDONED, { campaignId: 'a', callCentreId: 'cebu' }),
      rec('3', LIVE, { campaignId: 'b', callCentreId: 'cebu' }),
    ];
    const updates = await lastValueFrom(from(records).pipe(classified(), acr(), toArray()));
    const table = updates.at(-1)!.table();
    const rate = (scope: string, campaignId: string | null, callCentreId: string | null) =>
      table.find((r) => r.scope === scope && r.campaignId === campaignId && r.callCentreId === callCentreId)?.acr.rate;
    expect(rate('all', null, null)).toBeCloseTo(1 / 3);
    expect(rate('campaign', 'a', null)).toBe(0.5);
    expect(rate('campaign', 'b', null)).toBe(0);
    expect(rate('callCentre', null, 'cebu')).toBe(0.5);
    expect(rate('campaignCallCentre', 'a', 'leeds')).toBe(0);
    expect(updates[2]!.rows.map((r) => r.scope)).toEqual(['all', 'campaign', 'callCentre', 'campaignCallCentre']);
  });

  it('counts each call on the calendar day of its dial, in the policy zone (A3.3)', async () => {
    // 23:30 UTC on 1 July is 00:30 on 2 July in London (BST).
    const late = rec('1', LIVE, { at: Date.UTC(2026, 6, 1, 23, 30) - Date.UTC(2026, 10, 23, 10) });
    const counters = await lastValueFrom(from([late]).pipe(classified(), acrCounters()));
    expect(Object.values(counters.cells).map((c) => c.date)).toEqual(['2026-07-02']);
  });

  it('counts the 25-hour and 23-hour days at the clock changes as one calendar day each (A3.3)', async () => {
    const base = Date.UTC(2026, 10, 23, 10); // T0 in the helpers
    const at = (utc: number) => ({ at: utc - base });
    const records = [
      rec('a', LIVE, at(Date.UTC(2026, 9, 24, 23, 0))), // 00:00 BST on 25 October: first instant of the long day
      rec('b', LIVE, at(Date.UTC(2026, 9, 25, 23, 59))), // 23:59 GMT on 25 October: 25 hours later, same day
      rec('c', LIVE, at(Date.UTC(2026, 9, 26, 0, 0))), // 00:00 GMT on 26 October: the next day
      rec('d', LIVE, at(Date.UTC(2026, 2, 29, 0, 0))), // 00:00 GMT on 29 March: first instant of the short day
      rec('e', LIVE, at(Date.UTC(2026, 2, 29, 22, 59))), // 23:59 BST on 29 March: 23 hours later, same day
      rec('f', LIVE, at(Date.UTC(2026, 2, 29, 23, 0))), // 00:00 BST on 30 March
    ];
    const counters = await lastValueFrom(from(records).pipe(classified(), acrCounters()));
    const calls = Object.fromEntries(Object.values(counters.cells).map((c) => [c.date, c.counts.calls]));
    expect(calls).toEqual({ '2026-10-25': 2, '2026-10-26': 1, '2026-03-29': 2, '2026-03-30': 1 });
  });

  it('an error upstream reaches the subscriber', async () => {
    const { throwError } = await import('rxjs');
    await expect(lastValueFrom(throwError(() => new Error('boom')).pipe(acr()))).rejects.toThrow('boom');
  });
});

describe('audit', () => {
  it('returns the daily table and flag counts for a batch', () => {
    const result = audit([rec('1', LIVE), rec('2', ABANDONED), rec('3', SILENT)], ofcom2017, { misuse: false });
    expect(result.calls).toBe(3);
    expect(result.flagCounts).toEqual({ abandonedCall: 1, silentCall: 1 });
    expect(result.table.find((r) => r.scope === 'all')?.acr).toMatchObject({ x: 1, y: 1, rate: 0.5, estimated: false });
    expect(result.rejected).toEqual([]);
  });

  it('counts a duplicate call id once and lists the duplicate as rejected', () => {
    const result = audit([rec('1', LIVE), rec('1', ABANDONED)]);
    expect(result.calls).toBe(1);
    expect(result.rejected).toHaveLength(1);
    expect(result.rejected[0]!.error).toBeInstanceOf(DuplicateCallError);
    expect(result.table.find((r) => r.scope === 'all')?.counts.live).toBe(1);
  });

  it('runs the cross-call rules by default and counts their flags (A2.9, A3.4)', () => {
    // Call 3 dials the number of abandoned call 2 again at once, with no guaranteed agent.
    const result = audit([rec('1', LIVE), rec('2', ABANDONED), rec('3', SILENT)], definePolicy(ofcom2017, { acr: { alertMinCalls: 0 } }));
    expect(result.flagCounts).toEqual({ abandonedCall: 1, silentCall: 1, repeatWithin72h: 1, acrAlert: 4 });
    // Two calls in x + y are below the default sample of 100: no alert (the table still marks the rate).
    expect(audit([rec('1', LIVE), rec('2', ABANDONED), rec('3', SILENT)]).flagCounts.acrAlert).toBeUndefined();
    expect(result.report.repeatsWithin72h).toBe(1);
    expect(result.report.calls).toBe(3);
    expect(result.table).toEqual(audit([rec('1', LIVE), rec('2', ABANDONED), rec('3', SILENT)], ofcom2017, { misuse: false }).table);
  });

  it('rethrows an error raised inside the pass, synchronously', () => {
    // The misuse rules meet the unknown zone on the first call.
    expect(() => audit([rec('1', LIVE)], { ...ofcom2017, timeZone: 'Not/AZone' })).toThrow(PolicyError);
  });

  it('an empty batch gives an empty table', () => {
    expect(audit([])).toMatchObject({ calls: 0, table: [], rejected: [] });
  });
});
