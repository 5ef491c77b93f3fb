/**
 * The pacing governor's memory on an endless stream (src/pacing/governor.ts, src/acr/ledger-store.ts):
 * its ledger keeps 3 days (32 for trailing), a call dated before them makes no cell, and a
 * campaign whose latest day is no longer kept is forgotten.
 */
import { Subject } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { ofcom2017, pacing, type ClassifiedCall } from '../../src/index.js';
import { createPacingGovernor } from '../../src/pacing/governor.js';
import { createAcrLedger } from '../../src/internals.js';
import { usTsr } from '../../src/policy/us-tsr.js';
import { classifiedAs as call, DAY, heapUsed, MB, T0 } from '../support/heap.js';

const CAMPAIGNS = 2000;

/** Heap growth, MB, from day 10 to day 20 of 2,000 campaigns × 5 calls a day, after the calls `before`. */
function growth(campaignOf: (day: number, c: number) => string, before: ClassifiedCall[]): number {
  const calls = new Subject<ClassifiedCall>();
  let last = 0;
  const sub = calls.pipe(pacing(ofcom2017, { targetAcr: 0.025 })).subscribe((a) => (last = a.dialRatio));
  for (const c of before) calls.next(c);
  let n = 0;
  const feed = (from: number, to: number): void => {
    for (let d = from; d < to; d++) {
      for (let c = 0; c < CAMPAIGNS; c++) {
        const campaignId = campaignOf(d, c);
        for (let k = 0; k < 5; k++) calls.next(call(`c${n++}`, T0 + d * DAY + c * 20 + k, k === 0 ? 'abandoned' : 'live', { campaignId }));
      }
    }
  };
  feed(0, 10);
  const after10 = heapUsed();
  feed(10, 20);
  const after20 = heapUsed();
  sub.unsubscribe();
  expect(last).toBeGreaterThanOrEqual(1);
  return (after20 - after10) / MB;
}

describe('pacing governor memory on an endless stream', () => {
  it('after one far-future record, the same 2,000 campaigns over 10 more days do not grow the heap by 2 MB (the ledger keeps 3 days)', () => {
    const glitch = call('glitch', T0 + 60 * 365 * DAY, 'live', { campaignId: 'camp-0' });
    expect(growth((_d, c) => `camp-${c}`, [glitch])).toBeLessThan(2); // before the fix ~7 MB: one cell per campaign per day, never dropped
  }, 30_000);

  it('2,000 new campaign ids a day: 10 more days do not grow the heap by 2 MB (campaigns whose days were all dropped are forgotten)', () => {
    expect(growth((d, c) => `camp-${d}-${c}`, [])).toBeLessThan(2); // before the fix ~8.6 MB: one state per campaign ever seen
  }, 30_000);
});

describe('pacing governor: campaigns are held while their latest day is kept', () => {
  it('a campaign is forgotten once its latest day leaves the 3 days kept, and comes back from initialDialRatio', () => {
    const governor = createPacingGovernor(ofcom2017, { targetAcr: 0.03, initialDialRatio: 1.5, riseRate: 0.5 });
    for (let i = 0; i < 200; i++) governor.next(call(`a${i}`, T0 + i * 1000, i % 4 === 0 ? 'live' : 'unconnected', { campaignId: 'autumn' }));
    const risen = governor.dialRatio('autumn');
    expect(risen).toBeGreaterThan(1.5);
    governor.next(call('b0', T0 + 2 * DAY, 'live', { campaignId: 'winter' })); // 25 November: 23 November is still kept
    expect([governor.size(), governor.dialRatio('autumn')]).toEqual([2, risen]);
    governor.next(call('b1', T0 + 3 * DAY, 'live', { campaignId: 'winter' })); // 26 November: 23 November is dropped
    expect([governor.size(), governor.dialRatio('autumn')]).toEqual([1, 1.5]);
    const back = governor.next(call('a-back', T0 + 3 * DAY + 1000, 'unconnected', { campaignId: 'autumn' }));
    expect(back.date).toBe('2026-11-26');
    expect(back.day).toMatchObject({ x: 0, y: 0 }); // nothing of its old days
    expect(governor.size()).toBe(2);
  });

  it('trailing30Days keeps a campaign for 32 days', () => {
    const governor = createPacingGovernor(usTsr, { targetAcr: 0.03, window: 'trailing30Days' });
    governor.next(call('a', T0, 'live', { campaignId: 'autumn' }));
    governor.next(call('b', T0 + 31 * DAY, 'live', { campaignId: 'winter' }));
    expect(governor.size()).toBe(2);
    governor.next(call('c', T0 + 32 * DAY, 'live', { campaignId: 'winter' }));
    expect(governor.size()).toBe(1);
  });

  it('calls dated before the days kept hold no campaign and change no day: a campaign not held gets a fresh, unkept state', () => {
    const governor = createPacingGovernor(ofcom2017, { targetAcr: 0.03 });
    governor.next(call('glitch', T0 + 60 * 365 * DAY, 'live', { campaignId: 'glitch' }));
    for (let c = 0; c < 500; c++) {
      const advice = governor.next(call(`c${c}`, T0 + c * 1000, 'live', { campaignId: `camp-${c}` }));
      expect(advice).toMatchObject({ campaignId: `camp-${c}`, date: '', dialRatio: 1, reason: 'noHeadroom', day: { x: 0, y: 0, rate: null } });
    }
    expect(governor.size()).toBe(1);
    expect(governor.dialRatio('camp-0')).toBe(1);
  });

  it('a campaign still held takes a call dated before the days kept into its smoothed rates only, not into any day', () => {
    const governor = createPacingGovernor(ofcom2017, { targetAcr: 0.03 });
    governor.next(call('a', T0 + 5 * DAY, 'live', { campaignId: 'autumn' }));
    const late = governor.next(call('late', T0, 'abandoned', { campaignId: 'autumn' })); // 23 November: before 26–28 November
    expect(late.date).toBe('2026-11-28');
    expect(late.day).toMatchObject({ x: 0, y: 1 });
    expect(late.abandonsPerDial).toBeGreaterThan(0);
    expect(governor.size()).toBe(1);
  });

  it('a trailing 30-day ledger with retainDays forgets the first day of campaigns idle for all the days kept (10,000 new campaign ids a day: days 40 to 50 grow the heap < 2 MB)', () => {
    const ledger = createAcrLedger({ timeZone: usTsr.timeZone, window: 'trailing30Days', retainDays: 32 });
    let n = 0;
    const feed = (from: number, to: number): void => {
      for (let d = from; d < to; d++) for (let c = 0; c < 10_000; c++) ledger.add(call(`c${n++}`, T0 + d * DAY + c * 5, 'live', { campaignId: `camp-${d}-${c}` }));
    };
    feed(0, 40);
    const after40 = heapUsed();
    feed(40, 50);
    const after50 = heapUsed();
    expect(ledger.add(call('last', T0 + 50 * DAY, 'live'))).toBeGreaterThanOrEqual(0);
    expect((after50 - after40) / MB).toBeLessThan(2); // before: each campaign's first day (the start of its 30-day periods) was kept for ever
  }, 60_000);
});

