/**
 * The running ACR alerts (A3.4, A4.20) call by call: the sample and the level, the A3.6
 * estimate with z, the two calendar days watched, and a shared ledger.
 */
import { describe, expect, it } from 'vitest';
import { createMisuseState, definePolicy, ofcom2017, type AnyFlag, type ClassifiedCall, type MisuseOptions, type Policy } from '../../src/index.js';
import { createAcrLedger, misuseAll } from '../../src/internals.js';
import { callAt } from './helpers.js';

const templates = {
  live: callAt('live', 0, 'live'),
  abandoned: callAt('abandoned', 0, 'abandoned'),
  unknown: { ...callAt('unknown', 0, 'abandoned'), answeredBy: 'unknown' } as ClassifiedCall,
  z: callAt('z', 0, 'machineToAgent'),
  silent: callAt('silent', 0, 'silent'),
};
type Kind = keyof typeof templates;

let n = 0;
/** A call of `kind` on `date` at `time` UTC, to its own number, for campaign `k` in leeds (or as given). */
function call(kind: Kind, date: string, time = '12:00', campaignId = 'k'): ClassifiedCall {
  n += 1;
  const t = templates[kind];
  return { ...t, record: { ...t.record, callId: `c${n}`, to: `0113496${String(2000 + n).padStart(4, '0')}`, dialAt: Date.parse(`${date}T${time}:00Z`), campaignId, callCentreId: 'leeds' } };
}

const policy = (alertMinCalls: number, alertRate = 0.03): Policy => definePolicy(ofcom2017, { acr: { alertMinCalls, alertRate } });

/** The acrAlert flags each call raised (scope and date), by call. */
function alerts(calls: readonly ClassifiedCall[], p: Policy, options: MisuseOptions = { scopes: ['all'] }): string[][] {
  const updates = misuseAll(calls, p, options);
  for (const u of updates) for (const f of u.raised) expect(f).toHaveProperty('kind'); // every item raised is a flag
  return updates.map((u) => u.raised.filter((f: AnyFlag) => f.kind === 'acrAlert').map((f) => `${(f.detail as { scope: string }).scope} ${(f.detail as { date: string }).date}`));
}

describe('the ACR alert waits for its sample and a rate strictly above the level (A3.4, A4.20)', () => {
  it('with a sample of 3: nothing on the first two calls, one alert on the third, none after', () => {
    const calls = [call('abandoned', '2026-01-05'), call('abandoned', '2026-01-05'), call('live', '2026-01-05'), call('abandoned', '2026-01-05')];
    expect(alerts(calls, policy(3))).toEqual([[], [], ['all 2026-01-05'], []]);
  });

  it('a rate at or under the level raises nothing, whatever the sample', () => {
    const calls = [call('live', '2026-01-05'), call('live', '2026-01-05'), call('live', '2026-01-05'), call('abandoned', '2026-01-05')];
    expect(alerts(calls, policy(0, 0.25))).toEqual([[], [], [], []]); // 1 of 4: exactly 25 %
    expect(alerts(calls, policy(0, 0.24))).toEqual([[], [], [], ['all 2026-01-05']]);
  });

  it('each scope of a cell alerts once, even when one alerts calls before another', () => {
    const calls = [call('abandoned', '2026-01-05', '12:00', 'a'), call('live', '2026-01-05', '12:01', 'b'), call('live', '2026-01-05', '12:02', 'a'), call('abandoned', '2026-01-05', '12:03', 'a')];
    const raised = alerts(calls, policy(2), { scopes: ['all', 'campaign'] });
    expect(raised).toEqual([[], ['all 2026-01-05'], ['campaign 2026-01-05'], []]);
  });

  it('the flag gives the day in the policy zone, the rate with x, y, z and the sample counted whole (unknown answerer included)', () => {
    // 23:30 UTC on 5 July is 00:30 on 6 July in London (BST).
    const calls = [call('z', '2026-07-05', '23:30'), call('live', '2026-07-05', '23:31'), call('unknown', '2026-07-05', '23:32')];
    const [, , last] = misuseAll(calls, policy(2, 0.1), { scopes: ['all'] });
    const flag = last!.raised.find((f) => f.kind === 'acrAlert');
    // z / (y + z) = 1 / 2, so the unknown abandoned call counts x = 0.5: rate 0.5 / 1.5.
    expect(flag).toMatchObject({ callId: null, ref: 'A3.4', detail: { date: '2026-07-06', scope: 'all', campaignId: null, callCentreId: null, x: 0.5, y: 1, z: 1, estimated: true, calls: 2, minCalls: 2, alertRate: 0.1 } });
    expect((flag!.detail as { rate: number }).rate).toBeCloseTo(1 / 3, 12);
  });

  it('answer machines connected to agents (z) count in the A3.6 estimate of the alerts’ own ledger', () => {
    const unknownFirst = [call('live', '2026-01-05'), call('unknown', '2026-01-05')];
    expect(alerts(unknownFirst, policy(0, 0.3))).toEqual([[], ['all 2026-01-05']]); // z = 0: x = 1, rate 50 %
    const withZ = [call('z', '2026-01-05'), call('z', '2026-01-05'), call('z', '2026-01-05'), call('live', '2026-01-05'), call('unknown', '2026-01-05')];
    expect(alerts(withZ, policy(0, 0.3))).toEqual([[], [], [], [], []]); // z / (y + z) = 3 / 4: x = 0.25, rate 20 %
  });
});

describe('the ACR alert watches the latest calendar day and the day before', () => {
  it('a call two days before the latest day raises nothing; one of the day before still can', () => {
    const calls = [call('live', '2026-01-01'), call('live', '2026-01-03'), call('abandoned', '2026-01-01'), call('abandoned', '2026-01-02')];
    expect(alerts(calls, policy(1))).toEqual([[], [], [], ['all 2026-01-02']]);
  });

  it('the day before keeps its alerts when the next day starts: a shared ledger does not alert it twice', () => {
    const calls = [call('abandoned', '2026-01-01'), call('live', '2026-01-02'), call('live', '2026-01-01'), call('abandoned', '2026-01-01')];
    const ledger = createAcrLedger({ timeZone: ofcom2017.timeZone });
    const p = policy(1);
    const state = createMisuseState(p, { scopes: ['all'], acrLedger: ledger });
    const raised = calls.map((c) => {
      ledger.add(c);
      return state.next(c).raised.filter((f) => f.kind === 'acrAlert').map((f) => (f.detail as { date: string }).date);
    });
    expect(raised).toEqual([['2026-01-01'], [], [], []]);
  });

  it('alerts of days out of reach are forgotten: what is held stays bounded', () => {
    const p = policy(1);
    const state = createMisuseState(p, { scopes: ['all'] });
    const without = createMisuseState(p, { scopes: ['all'], alertRate: null });
    const alertsHeld: number[] = [];
    for (const date of ['2026-01-01', '2026-01-02', '2026-01-03', '2026-01-04', '2026-01-05']) {
      const c = call('abandoned', date);
      expect(state.next(c).raised.some((f) => f.kind === 'acrAlert')).toBe(true);
      without.next(c);
      alertsHeld.push(state.daySize() - without.daySize());
    }
    expect(alertsHeld).toEqual([1, 2, 2, 2, 2]); // the alerted days: the latest and the day before
  });

  it('with a shared ledger the alert reads the call’s calendar day only, not the days before it', () => {
    const calls = [...Array.from({ length: 5 }, () => call('live', '2026-01-01')), call('abandoned', '2026-01-02')];
    const ledger = createAcrLedger({ timeZone: ofcom2017.timeZone });
    const state = createMisuseState(policy(1), { scopes: ['all'], acrLedger: ledger });
    const flags = calls.flatMap((c) => {
      ledger.add(c);
      return state.next(c).raised.filter((f) => f.kind === 'acrAlert');
    });
    expect(flags.map((f) => f.detail)).toMatchObject([{ date: '2026-01-02', x: 1, y: 0, calls: 1 }]);
  });

  it('refuses a shared ledger that does not keep the scopes that alert', () => {
    const ledger = createAcrLedger({ timeZone: ofcom2017.timeZone, scopes: ['all'] });
    expect(() => createMisuseState(policy(1), { scopes: ['all', 'campaign'], acrLedger: ledger })).toThrow(new RangeError('the ACR ledger given to the alerts keeps no campaign scope'));
  });
});
