import { describe, expect, it } from 'vitest';
import { from, lastValueFrom, toArray } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { ofcom2017, PolicyError, type ClassifiedCall } from '../../src/index.js';
import { createPacingGovernor, type PacingAdvice } from '../../src/pacing/governor.js';
import { pacing } from '../../src/operators/pacing.js';
import { usTsr } from '../../src/policy/us-tsr.js';
import { call, DAY, HOUR, T0 } from '../guard/helpers.js';

const run = (calls: readonly ClassifiedCall[], options: Parameters<typeof pacing>[1], policy = ofcom2017): Promise<PacingAdvice[]> =>
  lastValueFrom(from(calls).pipe(pacing(policy, options), toArray()));

/** `n` calls a second apart from `start`: `live` live calls spread evenly, the rest unanswered. */
function stream(n: number, start: number, every: number, category: 'live' | 'abandoned' = 'live', campaignId = 'spring'): ClassifiedCall[] {
  return Array.from({ length: n }, (_, i) => call(`${campaignId}-${start}-${i}`, start + i * 1000, i % every === 0 ? category : 'unconnected', { campaignId }));
}

describe('pacing operator', () => {
  it('emits, after each call, the cap and the day’s headroom (marble test)', () => {
    const scheduler = new TestScheduler((a, b) => expect(a).toEqual(b));
    scheduler.run(({ cold, expectObservable }) => {
      const calls = cold('a-b-c|', { a: call('1', T0, 'unconnected'), b: call('2', T0 + 1000, 'live'), c: call('3', T0 + 2000, 'abandoned') });
      expectObservable(calls.pipe(pacing(ofcom2017, { targetAcr: 0.03 }))).toBe('a-b-c|', {
        a: expect.objectContaining({ dialRatio: 1, reason: 'noHeadroom', date: '2026-11-23', day: expect.objectContaining({ x: 0, y: 0, rate: null, headroom: 0 }) }),
        b: expect.objectContaining({ reason: 'rising', day: expect.objectContaining({ x: 0, y: 1, rate: 0, headroom: expect.closeTo(0.03 / 0.97, 9) }) }),
        c: expect.objectContaining({ dialRatio: 1, reason: 'noHeadroom', day: expect.objectContaining({ x: 1, y: 1, rate: 0.5 }) }),
      });
    });
  });

  it('rises while live calls earn headroom and no call is abandoned, up to the maximum', async () => {
    const advice = await run(stream(20_000, T0, 4), { targetAcr: 0.03, maxDialRatio: 2.4 });
    const ratios = advice.map((a) => a.dialRatio);
    for (let i = 1; i < ratios.length; i++) expect(ratios[i]).toBeGreaterThanOrEqual(ratios[i - 1]!);
    expect(ratios.at(-1)).toBeCloseTo(2.4, 3);
    expect(advice.at(-1)?.reason).toBe('atMax');
  });

  it('falls back to 1.0 the moment the day’s headroom is gone, and climbs again as live calls restore it', async () => {
    const good = stream(2_000, T0, 4);
    const burst = Array.from({ length: 30 }, (_, i) => call(`b${i}`, T0 + 2_000_000 + i * 1000, 'abandoned'));
    const after = stream(4_000, T0 + 3_000_000, 4);
    const advice = await run([...good, ...burst, ...after], { targetAcr: 0.03 });
    const before = advice[good.length - 1]!;
    expect(before.dialRatio).toBeGreaterThan(1.5);
    const gone = advice.findIndex((a) => a.day.headroom <= 0);
    expect(gone).toBeGreaterThanOrEqual(good.length);
    expect(advice[gone]).toMatchObject({ dialRatio: 1, reason: 'noHeadroom' });
    // Still above the target: never higher than before, until the rate is back under it.
    for (let i = gone + 1; i < advice.length && advice[i]!.day.rate! > 0.03; i++) expect(advice[i]!.dialRatio).toBeLessThanOrEqual(advice[i - 1]!.dialRatio);
    expect(advice.at(-1)!.day.rate!).toBeLessThan(0.03);
    expect(advice.at(-1)!.dialRatio).toBeGreaterThan(1);
  });

  it('starts each calendar day at 1.0: A3.3 counts every day afresh', async () => {
    const advice = await run([...stream(4_000, T0, 4), call('next-day', T0 + DAY, 'unconnected')], { targetAcr: 0.03 });
    expect(advice.at(-2)!.dialRatio).toBeGreaterThan(1);
    expect(advice.at(-1)).toMatchObject({ date: '2026-11-24', dialRatio: 1, reason: 'noHeadroom', day: expect.objectContaining({ x: 0, y: 0 }) });
  });

  it('keeps campaigns apart (and call centres, with that scope)', async () => {
    const calls = [...stream(3_000, T0, 4, 'live', 'good'), ...Array.from({ length: 5 }, (_, i) => call(`bad${i}`, T0 + 3_000_000 + i, 'abandoned', { campaignId: 'bad' })), call('g', T0 + 3_100_000, 'live', { campaignId: 'good' })];
    const advice = await run(calls, { targetAcr: 0.03 });
    expect(advice.at(-2)).toMatchObject({ campaignId: 'bad', callCentreId: null, dialRatio: 1 });
    expect(advice.at(-1)).toMatchObject({ campaignId: 'good' });
    expect(advice.at(-1)!.dialRatio).toBeGreaterThan(1.5);
    const byCentre = await run([call('a', T0, 'live', { callCentreId: 'leeds' }), call('b', T0 + 1, 'abandoned', { callCentreId: 'cebu' })], { targetAcr: 0.03, scope: 'campaignCallCentre' });
    expect(byCentre.map((a) => [a.callCentreId, a.day.x, a.day.y])).toEqual([['leeds', 0, 1], ['cebu', 1, 0]]);
  });

  it('counts x with the A3.6 estimate: an abandoned call of unknown answerer counts 1 − z / (y + z)', async () => {
    const calls = [call('l', T0, 'live'), call('z', T0 + 1, 'answerMachine', { machine: 'falseNegative' }), call('u', T0 + 2, 'abandoned', { answeredBy: 'unknown' })];
    const advice = await run(calls, { targetAcr: 0.03 });
    expect(advice.at(-1)!.day).toMatchObject({ x: 0.5, y: 1 });
  });

  it('a trailing30Days window (US TSR) also watches the 30 days ending today', async () => {
    const old = Array.from({ length: 3 }, (_, i) => call(`o${i}`, T0 - 10 * DAY + i, 'abandoned'));
    const today = stream(400, T0, 4);
    const advice = await run([...old, ...today], { targetAcr: 0.03 }, usTsr);
    const last = advice.at(-1)!;
    expect(last.window).toMatchObject({ from: '2026-10-25', to: '2026-11-23', x: 3, y: 100 });
    expect(last.day).toMatchObject({ from: '2026-11-23', to: '2026-11-23', x: 0, y: 100 });
    expect(last.window.headroom).toBeLessThan(last.day.headroom);
    const dayOnly = await run([...old, ...today], { targetAcr: 0.03, window: 'calendarDay' }, usTsr);
    expect(dayOnly.at(-1)!.window).toEqual(dayOnly.at(-1)!.day);
  });

  it('validates its options at once', () => {
    expect(() => pacing(ofcom2017, { targetAcr: 0 })).toThrow(PolicyError);
    expect(() => pacing(ofcom2017, { targetAcr: 1 })).toThrow(PolicyError);
    expect(() => pacing(ofcom2017, { targetAcr: 0.03, maxDialRatio: 0.5 })).toThrow(PolicyError);
    expect(() => pacing(ofcom2017, { targetAcr: 0.03, smoothingCalls: 0 })).toThrow(PolicyError);
    expect(() => pacing(ofcom2017, { targetAcr: 0.03, reserveAbandons: -1 })).toThrow(PolicyError);
  });

  it('dialRatio() reads a campaign’s last recommendation; the initial ratio before any call', () => {
    const g = createPacingGovernor(ofcom2017, { targetAcr: 0.03, initialDialRatio: 1.5 });
    expect(g.dialRatio('spring')).toBe(1.5);
    g.next(call('1', T0, 'unconnected'));
    expect(g.dialRatio('spring')).toBe(1);
  });

  it('an error upstream reaches the subscriber', async () => {
    const { throwError } = await import('rxjs');
    await expect(lastValueFrom(throwError(() => new Error('boom')).pipe(pacing(ofcom2017, { targetAcr: 0.03 })))).rejects.toThrow('boom');
  });
});

describe('pacing: hours of calls', () => {
  it('handles a whole day of calls: one advice per call, the day tallied in full (A3.3)', async () => {
    // 100,000 calls 300 ms apart: 10:00 to 18:20 on one London calendar day.
    const calls = Array.from({ length: 100_000 }, (_, i) => call(`c${i}`, T0 + i * 300, i % 5 === 0 ? 'live' : i % 97 === 0 ? 'abandoned' : 'unconnected'));
    const advice = await run(calls, { targetAcr: 0.03 });
    expect(advice).toHaveLength(100_000);
    expect(advice.every((a, i) => a.call === calls[i] && a.date === '2026-11-23')).toBe(true);
    const live = calls.filter((c) => c.category === 'live').length;
    const abandoned = calls.filter((c) => c.category === 'abandoned').length;
    expect([live, abandoned]).toEqual([20_000, 824]);
    const last = advice.at(-1)!;
    expect(last.day).toMatchObject({ x: abandoned, y: live, rate: abandoned / (abandoned + live) });
    expect(calls.at(-1)!.record.dialAt - T0).toBeLessThan(9 * HOUR); // the calls fit in the day's opening hours
  });
});
