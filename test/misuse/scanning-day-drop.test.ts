/**
 * A1.35 number scanning when a call opens a new day: that call drops the oldest day kept,
 * and the sweep after the drop forgets numbers no kept day marks. The call's own number must
 * still be marked on the entry the table keeps, so a second call to it that day is the same
 * number, not a new one (audit() and the misuse() operator alike).
 */
import { from, lastValueFrom, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { audit, createMisuseState, definePolicy, misuse, ofcom2017, type AnyFlag, type CallRecord } from '../../src/index.js';
import { callAt, DAY, HOUR } from './helpers.js';

const scanning = definePolicy(ofcom2017, { scanning: { minCalls: 2, maxRingMs: 3000 } });
const scanFlags = (raised: readonly AnyFlag[]) => raised.filter((f) => f.kind === 'numberScanning');
const X = '0113 496 4301';
const M = 60_000;

/** A live call on 23 and on 24 Nov, so the first call of 25 Nov drops 23 Nov; then `day3` on 25 Nov. */
const afterTwoDays = (day3: readonly (readonly [string, number, 'probe' | 'live', string])[]) => [
  callAt('d0', 0, 'live', { to: '0113 496 4302' }, scanning),
  callAt('d1', DAY, 'live', { to: '0113 496 4303' }, scanning),
  ...day3.map(([id, at, outcome, to]) => callAt(id, 2 * DAY + at, outcome, { to }, scanning)),
];
const recordsOf = (calls: readonly { record: CallRecord }[]) => calls.map((c) => c.record);

describe('number scanning across a dropped day (A1.35)', () => {
  const probedTwice = afterTwoDays([
    ['p1', 0, 'probe', X], // the first call of 25 Nov: drops 23 Nov and sweeps
    ['p2', M, 'probe', X], // the same number again that day: still one number
  ]);

  it('one number probed twice on the day that dropped the oldest is one probed number: no flag at minCalls 2', () => {
    const state = createMisuseState(scanning, { alertRate: null });
    expect(probedTwice.flatMap((c) => scanFlags(state.next(c).raised))).toEqual([]);
  });

  it('audit() and the misuse() operator agree: no flag', async () => {
    expect(audit(recordsOf(probedTwice), scanning).flagCounts.numberScanning).toBeUndefined();
    const updates = await lastValueFrom(from(probedTwice).pipe(misuse(scanning), toArray()));
    expect(updates.flatMap((u) => scanFlags(u.raised))).toEqual([]);
  });

  it('a probe on that first call, then an answered call to the number, leaves it no probe: one other probe raises nothing', () => {
    const calls = afterTwoDays([
      ['p1', 0, 'probe', X],
      ['l1', M, 'live', X], // X answered: X is no probe number any more
      ['p2', 2 * M, 'probe', '0113 496 4304'],
    ]);
    expect(audit(recordsOf(calls), scanning).flagCounts.numberScanning).toBeUndefined();
  });

  it('two different numbers probed that day still raise the flag, counted 2', () => {
    const calls = afterTwoDays([
      ['p1', 0, 'probe', X],
      ['p2', HOUR, 'probe', '0113 496 4305'],
    ]);
    const state = createMisuseState(scanning, { alertRate: null });
    const flags = calls.flatMap((c) => scanFlags(state.next(c).raised));
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ callId: null, detail: { date: '2026-11-25', calls: 2 } });
  });

  it('the calls are what they seem: two live calls, then two unanswered probes', () => {
    expect(probedTwice.map((c) => c.category)).toEqual(['live', 'live', 'unconnected', 'unconnected']);
  });
});
