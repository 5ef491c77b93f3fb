/**
 * The day rules' calendar days (A1.21 too many CLIs, A1.35 number scanning) at midnight in
 * the policy's zone: the latest day and the day before are kept, across 23- and 25-hour
 * days; a call dated earlier is not counted again.
 */
import { describe, expect, it } from 'vitest';
import { createMisuseState, definePolicy, ofcom2017, type AnyFlag } from 'dialguard/internals';
import { T0 } from '../support/calls.js';
import { callAt, DAY, HOUR, instantOf } from './helpers.js';

const policy = definePolicy(ofcom2017, { cli: { maxDistinctPerCampaignDay: 1 } });
const clisFlag = (raised: readonly AnyFlag[]) => raised.filter((f) => f.kind === 'tooManyClis').map((f) => (f.kind === 'tooManyClis' ? f.detail.date : null));
const CLIS = ['0113 496 1999', '0300 555 0199', '0800 123 4567', '07700 123456', '0113 496 1888'];
let n = 0;
/** A live call at `at` (epoch ms) presenting CLI `cli`, to a number of its own. */
const live = (at: number, cli: number, campaignId = 'spring') => callAt(`c${++n}`, at - T0, 'live', { cli: CLIS[cli], campaignId, to: `0113 496 ${3000 + n}` }, policy);
const MIDNIGHT = T0 + 14 * HOUR; // 24 Nov 2026 00:00 London (GMT)

describe('calendar days of the day rules', () => {
  it('the last millisecond before midnight and midnight itself are different days', () => {
    const state = createMisuseState(policy, { alertRate: null });
    expect(clisFlag(state.next(live(MIDNIGHT - 1, 0)).raised)).toEqual([]);
    expect(clisFlag(state.next(live(MIDNIGHT, 1)).raised)).toEqual([]);
    expect(clisFlag(state.next(live(MIDNIGHT - 1, 2)).raised)).toEqual(['2026-11-23']); // late, on its own day
  });

  it('a day left and come back to keeps its counts, per campaign', () => {
    const state = createMisuseState(policy, { alertRate: null });
    state.next(live(T0, 0));
    state.next(live(T0 + 1000, 0, 'autumn'));
    state.next(live(MIDNIGHT + HOUR, 1));
    expect(clisFlag(state.next(live(T0 + 2000, 2)).raised)).toEqual(['2026-11-23']);
    expect(clisFlag(state.next(live(T0 + 3000, 3, 'autumn')).raised)).toEqual(['2026-11-23']);
  });

  it('a third day drops the first, keeps the second; a call dated on the first is no longer counted', () => {
    const state = createMisuseState(policy, { alertRate: null });
    state.next(live(T0, 0)); // 23 Nov
    state.next(live(T0 + DAY, 0)); // 24 Nov
    const before = state.daySize();
    expect(before).toBe(4); // a CLI and a number on each day
    state.next(live(T0 + 2 * DAY, 0)); // 25 Nov: 23 Nov dropped
    expect(state.daySize()).toBe(4);
    expect(clisFlag(state.next(live(T0 + 3000, 1)).raised)).toEqual([]); // 23 Nov: gone
    expect(state.daySize()).toBe(4);
    expect(clisFlag(state.next(live(T0 + DAY + 3000, 1)).raised)).toEqual(['2026-11-24']); // the day before: kept
  });

  it('the day before is found across a 23-hour day (spring forward, 29 March 2026 in London)', () => {
    const zone = policy.timeZone;
    const state = createMisuseState(policy, { alertRate: null });
    state.next(live(instantOf(zone, 2026, 3, 29, 0, 30), 0)); // the short day
    state.next(live(instantOf(zone, 2026, 3, 30, 0, 30), 0)); // the next day: the short day is the day before
    expect(clisFlag(state.next(live(instantOf(zone, 2026, 3, 29, 23, 30), 1)).raised)).toEqual(['2026-03-29']);
  });

  it('the day before is found across a 25-hour day (fall back, 25 October 2026 in London)', () => {
    const zone = policy.timeZone;
    const state = createMisuseState(policy, { alertRate: null });
    state.next(live(instantOf(zone, 2026, 10, 25, 0, 30), 0)); // the long day
    state.next(live(instantOf(zone, 2026, 10, 26, 0, 30), 0));
    expect(clisFlag(state.next(live(instantOf(zone, 2026, 10, 25, 23, 30), 1)).raised)).toEqual(['2026-10-25']);
  });
});

describe('number scanning across days (A1.35)', () => {
  const scanning = definePolicy(ofcom2017, { scanning: { minCalls: 2, maxRingMs: 3000 } });
  const scanFlags = (raised: readonly AnyFlag[]) => raised.filter((f) => f.kind === 'numberScanning').length;
  const X = '0113 496 4001';

  it('a number probed on the day before, then called again that day after a new day began, stops counting there', () => {
    const state = createMisuseState(scanning, { alertRate: null });
    const at = (day: number, hour: number) => day * DAY + hour * HOUR - 10 * HOUR;
    expect(scanFlags(state.next(callAt('x1', at(0, 10), 'live', { to: X }, scanning)).raised)).toBe(0); // 23 Nov: X called, no probe
    expect(scanFlags(state.next(callAt('x2', at(1, 10), 'probe', { to: X }, scanning)).raised)).toBe(0); // 24 Nov: X probed
    expect(scanFlags(state.next(callAt('y1', at(2, 10), 'probe', { to: '0113 496 4002' }, scanning)).raised)).toBe(0); // 25 Nov: 23 Nov dropped
    expect(scanFlags(state.next(callAt('x3', at(1, 11), 'live', { to: X }, scanning)).raised)).toBe(0); // 24 Nov, late: X no longer probe-only
    expect(scanFlags(state.next(callAt('z1', at(1, 12), 'probe', { to: '0113 496 4003' }, scanning)).raised)).toBe(0); // 24 Nov: one probe-only number
    expect(scanFlags(state.next(callAt('w1', at(1, 13), 'probe', { to: '0113 496 4004' }, scanning)).raised)).toBe(1); // two
  });
});
