/**
 * The answer-machine detector (AMD): it listens to the start of the greeting and, after a
 * while, says `human` or `machine` — wrongly, at the configured rates: a person taken for a
 * machine is cut off (a silent call, A1.6), a machine taken for a person reaches an agent
 * (z, A3.5). When nobody speaks it cannot tell. It also keeps the truth the records cannot
 * show (`Sim.truth`). And the QA review that dispositions some AMD-disconnected calls from
 * their recordings (A2.24 evidence).
 */
import type { AmdResult } from 'dialguard';
import type { Sim, SimCall } from '../sim.js';

/** AMD gives up on a silent line after this long: `unknown`. */
const SILENCE_VERDICT_MS = 4_000;

/** On pickup: AMD waits for a greeting (and the truth is counted). */
export function amdListens(sim: Sim, call: SimCall): void {
  if (call.truth === 'human') sim.truth.humans += 1;
  else sim.truth.machines += 1;
  const after = call.plan.greetingAfterMs;
  if (after === null) sim.queue.push({ at: sim.now + SILENCE_VERDICT_MS, kind: 'amd', call, verdict: 'unknown' });
  else sim.queue.push({ at: sim.now + after, kind: 'greeting', call });
}

/** The greeting started: AMD's verdict, right or wrong, after its decision time. */
export function amdJudges(sim: Sim, call: SimCall): void {
  const a = call.run.config.amd;
  const rng = call.plan.rng;
  const human = call.truth === 'human';
  const wrong = rng.chance(human ? a.falsePositiveRate : a.falseNegativeRate);
  const spread = human ? a.humanDecision : a.machineDecision;
  const after = Math.round(Math.max(300, rng.logNormal(spread.median, spread.sigma)));
  const verdict: AmdResult = human === !wrong ? 'human' : 'machine';
  if (human && wrong) sim.truth.falsePositives += 1;
  if (!human && wrong) sim.truth.falseNegatives += 1;
  sim.queue.push({ at: sim.now + after, kind: 'amd', call, verdict });
}

/** After AMD cut a call off: a share of such calls are checked from the recording and dispositioned within the machine's wait. */
export function reviewRecording(sim: Sim, call: SimCall): void {
  const rng = call.plan.rng;
  if (!rng.chance(call.run.config.amd.reviewShare)) return;
  const wait = sim.config.dispositionWaitMs;
  const at = sim.now + Math.round(rng.uniform(2_000, Math.max(2_500, wait - 1_000)));
  sim.queue.push({ at, kind: 'disposition', call, verdict: call.truth === 'human' ? 'human' : 'machine' });
}
