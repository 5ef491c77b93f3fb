/**
 * A1.35 number scanning against a plain model: calls in time order over several days (so
 * days are dropped on the way, across the 25 October clock change), two campaigns, three
 * numbers. The model keeps every day: a campaign day's count is the numbers whose only call
 * that day is a probe, and the flag is raised once, at the probe that brings the count to
 * `minCalls`. `audit()` must raise exactly the model's flags.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { audit, definePolicy, numberKey, ofcom2017, zonedDay } from '../../src/index.js';
import { T0 } from '../support/calls.js';
import { callAt, DAY, HOUR, type Outcome } from './helpers.js';

const policy = definePolicy(ofcom2017, { scanning: { minCalls: 2, maxRingMs: 3000 } });
const START = Date.UTC(2026, 9, 24, 12) - T0; // noon on Saturday 24 Oct, the day before the clocks go back

interface Dial {
  readonly at: number;
  readonly outcome: Outcome;
  readonly to: string;
  readonly campaignId: string;
}

const step = fc.record({
  gap: fc.oneof(fc.integer({ min: 0, max: 2 * HOUR }), fc.constantFrom(DAY, DAY - HOUR, 20 * HOUR, 2 * DAY)),
  outcome: fc.constantFrom<Outcome>('probe', 'probe', 'live', 'unanswered'),
  to: fc.integer({ min: 0, max: 2 }),
  campaignId: fc.constantFrom('spring', 'autumn'),
});

/** The numberScanning flags, as `campaign|date|count`, of a model that keeps every day. */
function model(dials: readonly Dial[]): string[] {
  const days = new Map<string, { calls: Map<string, number>; probe: Map<string, boolean>; flagged: boolean }>();
  const flags: string[] = [];
  for (const d of dials) {
    const key = `${d.campaignId}|${zonedDay(T0 + d.at, policy.timeZone).date}`;
    let day = days.get(key);
    if (day === undefined) days.set(key, (day = { calls: new Map(), probe: new Map(), flagged: false }));
    const n = numberKey(d.to);
    const calls = (day.calls.get(n) ?? 0) + 1;
    day.calls.set(n, calls);
    if (calls === 1) day.probe.set(n, d.outcome === 'probe');
    let probed = 0;
    for (const [number, c] of day.calls) if (c === 1 && day.probe.get(number) === true) probed += 1;
    if (!day.flagged && d.outcome === 'probe' && calls === 1 && probed >= policy.scanning.minCalls) {
      day.flagged = true;
      flags.push(`${key}|${probed}`);
    }
  }
  return flags.sort();
}

describe('number scanning against a model that keeps every day (A1.35)', () => {
  it('audit() raises the model’s flags, with the model’s counts, however days are dropped', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 80 }), (steps) => {
        let at = START;
        const dials: Dial[] = steps.map((s) => ({ at: (at += s.gap), outcome: s.outcome, to: `01632 96000${s.to}`, campaignId: s.campaignId }));
        const records = dials.map((d, i) => callAt(`c${i}`, d.at, d.outcome, { to: d.to, campaignId: d.campaignId }, policy).record);
        const report = audit(records, policy, { examplesPerKind: 1000 });
        const flagged = report.reportData.examples
          .filter((e) => e.kind === 'numberScanning')
          .map((e) => `${e.campaignId}|${e.date}|${(e.detail as { calls: number }).calls}`)
          .sort();
        expect(flagged).toEqual(model(dials));
      }),
      { numRuns: 500 },
    );
  });
});
