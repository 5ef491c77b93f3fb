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
});
