/**
 * Agents at work: how long a conversation lasts (a person: log-normal talk time; a
 * machine: the agent hangs up after a few seconds), the wrap-up (after-call work) that
 * follows, and the disposition the agent records during it — who answered (A2.24): for a
 * machine it makes the call z, not a live call (A3.5).
 */
import type { Sim, SimCall } from '../sim.js';
import type { Agent } from './agents.js';

/** The agent took the call: the conversation ends after its talk time. */
export function startConversation(sim: Sim, call: SimCall, agent: Agent): void {
  const d = call.run.config.agents;
  const rng = call.plan.rng;
  const talk = call.truth === 'machine' ? rng.uniform(d.machineTalkMs[0], d.machineTalkMs[1]) : Math.max(10_000, rng.logNormal(d.talk.median, d.talk.sigma));
  agent.talkMs += talk;
  call.run.talkMs += talk;
  sim.queue.push({ at: sim.now + Math.round(talk), kind: 'talkEnd', call });
}

/** After the hangup: the agent's wrap-up, and the disposition recorded during it, within the machine's wait. */
export function wrapUp(sim: Sim, call: SimCall, agent: Agent): void {
  const d = call.run.config.agents;
  const rng = call.plan.rng;
  const machineCall = call.truth === 'machine';
  const wrap = Math.round(machineCall ? rng.uniform(4_000, 9_000) : Math.max(3_000, rng.logNormal(d.wrap.median, d.wrap.sigma)));
  agent.state = 'wrapUp';
  agent.wrapEndsAt = sim.now + wrap;
  sim.queue.push({ at: sim.now + wrap, kind: 'wrapEnd', run: call.run, agent });
  const by = Math.max(1_000, Math.min(wrap, sim.config.dispositionWaitMs - 500));
  sim.queue.push({ at: sim.now + Math.round(rng.uniform(Math.min(1_000, by), by)), kind: 'disposition', call, verdict: machineCall ? 'machine' : 'human' });
}
