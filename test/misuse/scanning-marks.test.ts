/**
 * A1.35 number scanning counts per campaign day: a number called on one day and probed on
 * the next is a new number of the second day, its probe counted there.
 */
import { describe, expect, it } from 'vitest';
import { createMisuseState, definePolicy, ofcom2017, type AnyFlag } from '../../src/index.js';
import { callAt, DAY, HOUR } from './helpers.js';

const scanning = definePolicy(ofcom2017, { scanning: { minCalls: 2, maxRingMs: 3000 } });
const scanFlags = (raised: readonly AnyFlag[]) => raised.filter((f) => f.kind === 'numberScanning');

describe('number scanning: each day counts its own numbers (A1.35)', () => {
  it('a number called yesterday and probed today counts as today’s probe: two probes today reach the threshold', () => {
    const state = createMisuseState(scanning, { alertRate: null });
    const X = '0113 496 4101';
    expect(scanFlags(state.next(callAt('x1', 0, 'live', { to: X }, scanning)).raised)).toEqual([]); // 23 Nov
    expect(scanFlags(state.next(callAt('x2', DAY, 'probe', { to: X }, scanning)).raised)).toEqual([]); // 24 Nov: one probe
    const second = scanFlags(state.next(callAt('y2', DAY + HOUR, 'probe', { to: '0113 496 4102' }, scanning)).raised);
    expect(second).toHaveLength(1);
    expect(second[0]).toMatchObject({ detail: { date: '2026-11-24', calls: 2 } });
  });

  it('the same number probed on two days is one probe on each', () => {
    const state = createMisuseState(scanning, { alertRate: null });
    const X = '0113 496 4111';
    state.next(callAt('x1', 0, 'probe', { to: X }, scanning));
    state.next(callAt('x2', DAY, 'probe', { to: X }, scanning));
    expect(scanFlags(state.next(callAt('y2', DAY + HOUR, 'probe', { to: '0113 496 4112' }, scanning)).raised)).toHaveLength(1);
    expect(scanFlags(state.next(callAt('y1', HOUR, 'probe', { to: '0113 496 4113' }, scanning)).raised)).toHaveLength(1); // 23 Nov, late: its second
  });

  describe('a number called on a day since dropped, then again on a day still kept (its marks compacted when the day was dropped, each probe flag kept with its day)', () => {
    const M = 60_000;
    const X = '0113 496 4121';
    /** X live on 23 Nov, probed at 23:30 on 24 Nov, live at 00:10 on 25 Nov (23 Nov is dropped): X's marks are 23, 24 and 25 Nov. */
    const calledOnThreeDays = () => {
      const state = createMisuseState(scanning, { alertRate: null });
      state.next(callAt('x1', 0, 'live', { to: X }, scanning));
      state.next(callAt('x2', DAY + 13 * HOUR + 30 * M, 'probe', { to: X }, scanning));
      state.next(callAt('x3', DAY + 14 * HOUR + 10 * M, 'live', { to: X }, scanning));
      return state;
    };
    const probeOfY = (state: ReturnType<typeof calledOnThreeDays>) => scanFlags(state.next(callAt('y2', DAY + 13 * HOUR + 45 * M, 'probe', { to: '0113 496 4122' }, scanning)).raised);

    it('without another call to X on 24 Nov, a probe of another number there is the day’s second probe', () => {
      const flags = probeOfY(calledOnThreeDays());
      expect(flags).toHaveLength(1);
      expect(flags[0]).toMatchObject({ detail: { date: '2026-11-24', calls: 2 } });
    });

    it('a late live call to X on 24 Nov finds X’s mark of that day (not of 25 Nov, not none): X is no longer a probe, and the other probe is the only one', () => {
      const state = calledOnThreeDays();
      state.next(callAt('x4', DAY + 13 * HOUR + 40 * M, 'live', { to: X }, scanning)); // 30 min late
      expect(probeOfY(state)).toEqual([]);
    });
  });
});
