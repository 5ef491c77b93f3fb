/** `acrAlert` under a 30-day policy (usTsr) against the sums model: with a shared ledger and with the misuse rules' own, calls in any order. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMisuseState, definePolicy, usTsr, type ClassifiedCall, type Flag } from '../../src/index.js';
import { createAcrLedger } from '../../src/internals.js';
import { addDays } from '../../src/acr/trailing.js';
import { call } from '../guard/helpers.js';
import { firstDay, modelPeriodFrom, sumOver, type Ev } from './period-model.js';

const policy = definePolicy(usTsr, { acr: { alertMinCalls: 3 } });
const BASE = '2026-01-15';
const SCOPES = ['all', 'campaign', 'callCentre', 'campaignCallCentre'] as const;

interface Op {
  day: number;
  campaign: string;
  centre: string;
  cat: 'live' | 'abandoned';
}

function callsOf(ops: readonly Op[]): ClassifiedCall[] {
  return ops.map((o, i) => call(`c${i}`, Date.parse(`${addDays(BASE, o.day)}T16:00:00Z`) + i, o.cat, { campaignId: o.campaign, callCentreId: o.centre, to: `0113496${String(i).padStart(4, '0')}` }));
}

const key = (d: Flag<'acrAlert'>['detail']) => `${d.date} ${d.scope} ${d.campaignId} ${d.callCentreId} ${d.period} ${d.from} x=${d.x} y=${d.y}`;

function alertsShared(calls: readonly ClassifiedCall[]): string[] {
  const ledger = createAcrLedger({ timeZone: policy.timeZone, window: 'trailing30Days' });
  const state = createMisuseState(policy, { acrLedger: ledger });
  return calls.flatMap((c) => {
    ledger.add(c);
    return state.next(c).raised.filter((f): f is Flag<'acrAlert'> => f.kind === 'acrAlert').map((f) => key(f.detail));
  });
}

function alertsOwn(calls: readonly ClassifiedCall[]): string[] {
  const state = createMisuseState(policy);
  return calls.flatMap((c) => state.next(c).raised.filter((f): f is Flag<'acrAlert'> => f.kind === 'acrAlert').map((f) => key(f.detail)));
}

/** The model: every call counted; alerts judged for calls on the latest day or the day before; one flag per scope-day. */
function alertsModel(ops: readonly Op[]): string[] {
  const events: Ev[] = [];
  const done = new Set<string>();
  let latest = '';
  const out: string[] = [];
  for (const o of ops) {
    const date = addDays(BASE, o.day);
    events.push({ date, campaign: o.campaign, centre: o.centre, live: o.cat === 'live' ? 1 : 0, abandonedLive: o.cat === 'abandoned' ? 1 : 0, silent: 0 });
    if (date > latest) latest = date;
    if (date < addDays(latest, -1)) continue;
    for (const scope of SCOPES) {
      const campaign = scope === 'campaign' || scope === 'campaignCallCentre' ? o.campaign : null;
      const centre = scope === 'callCentre' || scope === 'campaignCallCentre' ? o.centre : null;
      const k = `${date} ${scope} ${campaign} ${centre}`;
      if (done.has(k)) continue;
      const w = sumOver(events, scope, campaign, centre, addDays(date, -29), date);
      const wr = w.abandonedLive / (w.abandonedLive + w.live);
      if (wr > 0.03 && w.abandonedLive + w.live >= 3) {
        done.add(k);
        out.push(`${k} trailing30Days ${addDays(date, -29)} x=${w.abandonedLive} y=${w.live}`);
        continue;
      }
      if (campaign === null) continue;
      const from = modelPeriodFrom(firstDay(events, o.campaign), date);
      const p = sumOver(events, scope, campaign, centre, from, date);
      const pr = p.abandonedLive / (p.abandonedLive + p.live);
      if (pr > 0.03 && p.abandonedLive + p.live >= 3) {
        done.add(k);
        out.push(`${k} campaignPeriod ${from} x=${p.abandonedLive} y=${p.live}`);
      }
    }
  }
  return out;
}

const opArb = (maxDay: number) =>
  fc.record({
    day: fc.integer({ min: 0, max: maxDay }),
    campaign: fc.constantFrom('a', 'b'),
    centre: fc.constantFrom('x', 'y'),
    cat: fc.constantFrom<'live' | 'abandoned'>('live', 'live', 'live', 'live', 'live', 'live', 'abandoned'),
  });

describe('usTsr acrAlert vs a model summing the days', () => {
  it('property: calls in date order — shared ledger, own ledger and model agree', () => {
    fc.assert(
      fc.property(fc.array(opArb(89), { minLength: 1, maxLength: 80 }), (raw) => {
        const ops = [...raw].sort((a, b) => a.day - b.day);
        const calls = callsOf(ops);
        const model = alertsModel(ops);
        expect(alertsShared(calls)).toEqual(model);
        expect(alertsOwn(calls)).toEqual(model);
      }),
      { numRuns: 300 },
    );
  });

  it('property: with late calls — shared ledger agrees with the model', () => {
    fc.assert(
      fc.property(fc.array(opArb(89), { minLength: 1, maxLength: 80 }), (ops) => {
        const calls = callsOf(ops);
        expect(alertsShared(calls)).toEqual(alertsModel(ops));
      }),
      { numRuns: 300 },
    );
  });
});
