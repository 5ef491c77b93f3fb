/**
 * The line, once dialled: the network's verdict (not in service, busy) or ringing, and who
 * picks up when — a person or the voicemail, whichever comes first — from the attempt's
 * plan (`recipients.ts`). The line does not know when the dialler will give up: a pickup
 * after the dialler hung up finds nobody there.
 */
import type { Sim, SimCall } from '../sim.js';
import type { AttemptPlan } from './recipients.js';

/** After the dial: the network rings the line, or says it is busy or not in service. */
export function lineDialled(sim: Sim, call: SimCall): void {
  const plan = call.plan;
  const at = sim.now + plan.postDialMs;
  if (plan.line === 'rings') sim.queue.push({ at, kind: 'ringing', call });
  else sim.queue.push({ at, kind: 'network', call, cause: plan.line === 'invalid' ? 'invalidNumber' : 'busy' });
}

/** Ringing: whoever answers first picks up then, if anyone does. */
export function lineRings(sim: Sim, call: SimCall): void {
  const first = pickupAfterMs(call.plan);
  if (first !== null) sim.queue.push({ at: sim.now + first, kind: 'pickup', call });
}

/** Ringing to the first pickup, person or voicemail; `null`: nobody picks up. */
function pickupAfterMs(plan: AttemptPlan): number | null {
  const h = plan.humanAfterMs;
  const m = plan.machineAfterMs;
  return h !== null && (m === null || h < m) ? h : m;
}

/** Who picked up: a person if one answers before the voicemail. */
export function whoPicksUp(plan: AttemptPlan): 'human' | 'machine' {
  const h = plan.humanAfterMs;
  return h !== null && (plan.machineAfterMs === null || h < plan.machineAfterMs) ? 'human' : 'machine';
}

/** A person who picked up and hears nothing hangs up once the greeting is over and their patience gone. */
export function personWaits(sim: Sim, call: SimCall): void {
  const plan = call.plan;
  sim.queue.push({ at: sim.now + (plan.greetingAfterMs ?? 0) + plan.greetingMs + plan.patienceMs, kind: 'silenceHangup', call });
}

/** A person hearing the information message may hang up before its end. */
export function personListens(sim: Sim, call: SimCall, lengthMs: number): void {
  if (call.truth === 'human' && call.plan.listenMs < lengthMs) sim.queue.push({ at: sim.now + call.plan.listenMs, kind: 'listenEnd', call });
}
