/**
 * The pre-dial guard (prevention) against `audit()` (the record) on the same calls, A2.9:
 * a random campaign in which the dialler asks the guard before each dial of one of three
 * numbers (each in any of its written forms) at its host clock's time, dials what it
 * allows, and records each call — stamped by the switch, whose clock runs up to a minute
 * ahead of the host's — before the next request. No call the guard allowed is flagged
 * `repeatWithin72h` by `audit()` afterwards; with one clock, every call refused as a
 * repeat would have been flagged (or not judged, after an undetermined call) had it been
 * placed and been silent.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { classify, createDialGuard, createMisuseState, type CallRecord } from '../../src/index.js';
import { ALL_DAY, GOOD_CLI, HOUR, OUTCOMES, recordOf, repeatFlagged, T0, WINDOW, writtenForms, type Outcome } from './helpers.js';

const NUMBERS = ['01632960001', '01632960002', '01632960003'];

interface Step {
  readonly gapMs: number;
  readonly number: number;
  readonly form: number;
  readonly agentGuaranteed: boolean;
  readonly outcome: Outcome;
}

const step: fc.Arbitrary<Step> = fc.record({
  gapMs: fc.oneof(fc.constantFrom(10_000, 30_000, 60_000, HOUR, WINDOW - 1, WINDOW, WINDOW + 1), fc.integer({ min: 10_000, max: 80 * HOUR })),
  number: fc.integer({ min: 0, max: NUMBERS.length - 1 }),
  form: fc.integer({ min: 0, max: 4 }),
  agentGuaranteed: fc.integer({ min: 0, max: 9 }).map((n) => n < 2),
  outcome: fc.constantFrom(...OUTCOMES),
});

interface Run {
  readonly records: CallRecord[];
  readonly allowed: string[];
  readonly refusedRepeat: { at: number; to: string; kinds: string[]; before: CallRecord[] }[];
}

/** Runs the campaign with the switch's clock `skewMs` ahead of the host's. */
function simulate(steps: readonly Step[], skewMs: number): Run {
  const guard = createDialGuard(ALL_DAY);
  const run: Run = { records: [], allowed: [], refusedRepeat: [] };
  let host = T0;
  steps.forEach((s, i) => {
    host += s.gapMs;
    const to = writtenForms(NUMBERS[s.number]!)[s.form]!;
    const d = guard.check({ to, cli: GOOD_CLI, campaignId: 'spring', at: host, agentGuaranteed: s.agentGuaranteed });
    if (d.allowed) {
      const r = recordOf(`c${i}`, host + skewMs, to, s.outcome, s.agentGuaranteed);
      run.records.push(r);
      run.allowed.push(r.callId);
      expect(guard.record(classify(r, ALL_DAY))).toBe(true); // the call ended before the next request
    } else {
      const kinds = d.reasons.map((r) => r.kind);
      if (kinds.includes('repeatWithin72h') || kinds.includes('repeatAfterUndetermined')) run.refusedRepeat.push({ at: host + skewMs, to, kinds, before: [...run.records] });
    }
  });
  return run;
}

function checkRun(run: Run, refusalsToo: boolean): void {
  const flagged = repeatFlagged(run.records, ALL_DAY);
  expect(run.allowed.filter((id) => flagged.has(id))).toEqual([]);
  if (!refusalsToo) return;
  for (const r of run.refusedRepeat) {
    const misuse = createMisuseState(ALL_DAY, { alertRate: null });
    for (const rec of r.before) misuse.next(classify(rec, ALL_DAY));
    const hypothetical = misuse.next(classify(recordOf('hypothetical', r.at, r.to, 'silent'), ALL_DAY)).call;
    const isFlagged = hypothetical.flags.some((f) => f.kind === 'repeatWithin72h');
    const notJudged = (hypothetical.notJudged ?? []).some((n) => n.rule === 'repeatWithin72h');
    if (r.kinds.includes('repeatWithin72h')) expect(isFlagged).toBe(true);
    else expect(isFlagged || notJudged).toBe(true);
  }
}

describe('guard vs audit on the same calls (A2.9)', () => {
  it('property: no call the guard allowed is flagged repeatWithin72h by audit(), the switch stamping dials up to 60 s ahead of the host', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 2, maxLength: 25 }), fc.integer({ min: 1_000, max: 60_000 }), (steps, skewMs) => {
        checkRun(simulate(steps, skewMs), false);
      }),
      {
        numRuns: 300,
        // A silent call, and a redial 10 s later by the host's clock, the switch 10.001 s ahead.
        examples: [
          [
            [
              { gapMs: 10_000, number: 0, form: 0, agentGuaranteed: false, outcome: 'silent' },
              { gapMs: 10_000, number: 0, form: 0, agentGuaranteed: false, outcome: 'silent' },
            ],
            10_001,
          ],
        ],
      },
    );
  });

  it('property: with one clock, allowed ⇒ not flagged, and refused as a repeat ⇒ would be flagged (or not judged)', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 2, maxLength: 25 }), (steps) => {
        checkRun(simulate(steps, 0), true);
      }),
      { numRuns: 200 },
    );
  });
});
