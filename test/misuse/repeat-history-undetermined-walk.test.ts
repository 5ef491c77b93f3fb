/**
 * The repeat history holds undetermined calls beside silent and abandoned ones, in chains
 * of their own: the lookup of a silent or abandoned call never walks past undetermined
 * entries (N undetermined calls to one number in 72 h would otherwise cost O(N²): a
 * vicidial_log whose answered calls cannot be told live from silent, calling one
 * switchboard number all day). `createMisuseState` promises amortised O(1) per call.
 *
 * A complexity check, not a speed figure: measured as a ratio against as many silent calls
 * to the same number in the same run (about 1 : 1; the quadratic walk gave 10–20 : 1 at
 * 40,000), with a wide margin.
 */
import { describe, expect, it } from 'vitest';
import { classify, createMisuseState, ofcom2017, type CallRecord, type ClassifiedCall } from 'dialguard';
import { callAt } from './helpers.js';

const TO = '0113 496 4201';
const N = 40_000;

function undeterminedCall(callId: string, at: number): CallRecord {
  const base = callAt(callId, at, 'silent', { to: TO }).record;
  return { ...base, answerAt: null, hangupBy: null, unknown: ['answerAt', 'hangupBy', 'agentAt', 'messageAt'], outcome: null };
}

/** N copies of `base` to one number, 5 s apart (all within 72 h), judged in order; the best of two runs, ms. */
function timeOf(base: ClassifiedCall): number {
  const calls = Array.from({ length: N }, (_, i) => ({ ...base, record: { ...base.record, callId: `c${i}`, dialAt: base.record.dialAt + i * 5_000 } }));
  let best = Infinity;
  for (let run = 0; run < 2; run++) {
    const state = createMisuseState(ofcom2017, { alertRate: null });
    const t = performance.now();
    for (const c of calls) state.next(c);
    best = Math.min(best, performance.now() - t);
  }
  return best;
}

describe('repeat history: undetermined entries and the lookup for a misuse call', () => {
  it('many undetermined calls to one number cost about what as many silent calls do (no walk past them)', () => {
    const undetermined = classify(undeterminedCall('u', 0));
    const silent = callAt('s', 0, 'silent', { to: TO });
    expect(undetermined.category).toBe('undetermined');
    expect(silent.category).toBe('silent');
    const silentMs = timeOf(silent);
    const undeterminedMs = timeOf(undetermined);
    expect(undeterminedMs).toBeLessThan(4 * silentMs + 200);
  }, 120_000);
});
