/**
 * The day rules (A1.21 too many CLIs, A1.35 number scanning) find a call's campaign day
 * from the cell a shared ACR ledger found for it: the same flags as without a ledger,
 * whatever the order of the calls — across days dropped (a call dated before the day
 * before is counted by no day rule) and ledger cells whose slots are reused for a new day.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMisuseState, definePolicy, ofcom2017, type AnyFlag } from '../../src/index.js';
import { createAcrLedger } from '../../src/internals.js';
import { callAt, DAY, HOUR } from './helpers.js';

const policy = definePolicy(ofcom2017, { cli: { maxDistinctPerCampaignDay: 1 }, scanning: { minCalls: 2, maxRingMs: 3000 } });
const CLIS = ['0113 496 1999', '0300 555 0199', '0800 123 4567'];

interface Step {
  readonly day: number;
  readonly campaign: 'spring' | 'autumn';
  readonly cli: number;
  readonly to: number;
  readonly probe: boolean;
}

const step = fc.record({
  day: fc.integer({ min: 0, max: 4 }),
  campaign: fc.constantFrom('spring' as const, 'autumn' as const),
  cli: fc.integer({ min: 0, max: CLIS.length - 1 }),
  to: fc.integer({ min: 0, max: 3 }),
  probe: fc.boolean(),
});

/** The day-rule flags each call raised, given a ledger (or none). */
function dayFlags(steps: readonly Step[], ledger: ReturnType<typeof createAcrLedger> | null): string[][] {
  const state = createMisuseState(policy, { alertRate: null, ...(ledger === null ? {} : { acrLedger: ledger }) });
  return steps.map((s, i) => {
    const call = callAt(`c${i}`, s.day * DAY + (i % 10) * HOUR, s.probe ? 'probe' : 'live', { campaignId: s.campaign, cli: CLIS[s.cli], to: `0113 496 ${5000 + s.to}` }, policy);
    ledger?.add(call);
    return state
      .next(call)
      .raised.filter((f: AnyFlag) => f.kind === 'tooManyClis' || f.kind === 'numberScanning')
      .map((f) => `${f.kind} ${JSON.stringify(f.detail)}`);
  });
}

describe('day rules with a shared ACR ledger', () => {
  it('a call dated on a day already dropped counts nowhere, though the ledger still keeps its cell', () => {
    const steps: Step[] = [
      { day: 0, campaign: 'spring', cli: 0, to: 0, probe: false },
      { day: 1, campaign: 'spring', cli: 0, to: 1, probe: false },
      { day: 2, campaign: 'spring', cli: 0, to: 2, probe: false }, // day 0 dropped
      { day: 0, campaign: 'spring', cli: 1, to: 3, probe: false }, // a second CLI on day 0: not counted
    ];
    expect(dayFlags(steps, createAcrLedger({ timeZone: policy.timeZone }))).toEqual([[], [], [], []]);
    expect(dayFlags(steps, null)).toEqual([[], [], [], []]);
  });

  it('a ledger cell slot reused for a later day is that day’s campaign day, not the dropped one’s', () => {
    const steps: Step[] = [
      { day: 0, campaign: 'spring', cli: 0, to: 0, probe: false },
      { day: 2, campaign: 'spring', cli: 1, to: 1, probe: false }, // the ledger keeps one day: day 0's slot is free
      { day: 4, campaign: 'spring', cli: 2, to: 2, probe: false }, // reuses it
      { day: 4, campaign: 'spring', cli: 0, to: 3, probe: false }, // day 4's second CLI: flagged on day 4
    ];
    const flags = dayFlags(steps, createAcrLedger({ timeZone: policy.timeZone, retainDays: 1 }));
    expect(flags).toEqual(dayFlags(steps, null));
    expect(flags[3]).toHaveLength(1);
    expect(flags[3]![0]).toContain('"date":"2026-11-27"');
  });

  it('property: the same flags as without a ledger, for a ledger keeping every day or one', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 40 }), (steps) => {
        const alone = dayFlags(steps, null);
        expect(dayFlags(steps, createAcrLedger({ timeZone: policy.timeZone }))).toEqual(alone);
        expect(dayFlags(steps, createAcrLedger({ timeZone: policy.timeZone, retainDays: 1 }))).toEqual(alone);
      }),
      { numRuns: 300 },
    );
  });

  it('a shared ledger keeping fewer than two days cannot serve the ACR alerts (they watch the day before too): refused, never silently not raised', () => {
    expect(() => createMisuseState(ofcom2017, { acrLedger: createAcrLedger({ timeZone: ofcom2017.timeZone, retainDays: 1 }) })).toThrow(/retainDays 2 or more/);
    expect(() => createMisuseState(ofcom2017, { acrLedger: createAcrLedger({ timeZone: ofcom2017.timeZone, retainDays: 2 }) })).not.toThrow();
  });
});
