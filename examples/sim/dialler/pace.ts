/**
 * The dialler's pacing: when an agent or a line frees up (and every few seconds), how many
 * calls to place now, and placing them. Preview and progressive reserve an agent per call;
 * predictive dials its ratio — fixed, or adapted to dialguard's running ACR after every
 * call, and capped by a pacing hook when it has one (`ratio.ts`).
 */
import { send, newMachine, startMachine } from '../boundary/library.js';
import type { Sim, SimCall } from '../sim.js';
import { localHour } from '../time.js';
import type { Agent } from '../world/agents.js';
import { lineDialled } from '../world/line.js';
import { planAttempt, recipientAt } from '../world/recipients.js';
import { countAttempt, nextNumber } from './list.js';
import { adaptRatio, predictiveCalls, RAISE_EVERY, reservesAgent } from './ratio.js';
import type { DiallerRun } from './run.js';

/** Places as many calls as the dialler's mode says, now. */
export function pace(sim: Sim, run: DiallerRun): void {
  if (!run.open) return;
  const d = run.config;
  if (reservesAgent(d.pacing, run.runningAcr?.live ?? 0)) {
    noteRatio(run, sim.now, 1);
    while (run.agents.idleCount() > 0) {
      const index = nextNumber(run.list, sim.now);
      if (index === null) return;
      const agent = run.agents.take() as Agent;
      if (d.pacing.mode === 'preview' && d.pacing.previewMs > 0) sim.queue.push({ at: sim.now + d.pacing.previewMs, kind: 'place', run, agent, index });
      else dial(sim, run, index, agent);
    }
    return;
  }
  const ratio = ratioInForce(run);
  noteRatio(run, sim.now, ratio);
  const n = predictiveCalls(ratio, {
    idle: run.agents.idleCount(),
    freeSoon: run.agents.freeBy(sim.now + d.pacing.lookaheadMs),
    pending: run.pending,
  });
  for (let i = 0; i < n; i++) {
    const index = nextNumber(run.list, sim.now);
    if (index === null) return;
    dial(sim, run, index, null);
  }
}

/** The predictive ratio now: the dialler's own, capped by its pacing hook. */
function ratioInForce(run: DiallerRun): number {
  const cap = run.hook?.cap() ?? null;
  return cap === null ? run.ratio.current : Math.min(run.ratio.current, cap);
}

/** Counts the open time since the last pacing at the ratio then in force, and notes the new one. */
function noteRatio(run: DiallerRun, now: number, ratio: number): void {
  accrueRatio(run, now);
  run.ratio.inForce = ratio;
}

/** Adds the time since the ratio was last noted to the mean's integral. */
export function accrueRatio(run: DiallerRun, now: number): void {
  const r = run.ratio;
  r.area += r.inForce * (now - r.since);
  r.openMs += now - r.since;
  r.since = now;
}

/** Dials number `index` of the list, for `agent` when one is reserved (guaranteed, A2.9). */
export function dial(sim: Sim, run: DiallerRun, index: number, agent: Agent | null): void {
  const d = run.config;
  const recipient = recipientAt(d.listStart + index, d.population, sim.root);
  const attempt = countAttempt(run.list, index);
  const plan = planAttempt(recipient, attempt, localHour(sim.now, sim.config.policy.timeZone), d.population, sim.root);
  const id = `${d.campaignId}-${d.callCentreId}-${String(run.dialled + 1).padStart(6, '0')}`;
  const call: SimCall = {
    id,
    run,
    recipient,
    plan,
    truth: null,
    phase: 'dialling',
    agent,
    guaranteed: agent !== null,
    pending: true,
    minRingReached: false,
    giveUpPending: false,
    answered: false,
    machine: newMachine(sim, id),
  };
  startMachine(sim, call);
  run.pending += 1;
  run.dialled += 1;
  sim.tally.dialled += 1;
  sim.tally.firstDial = Math.min(sim.tally.firstDial, sim.now);
  send(sim, call, {
    type: 'dial',
    callId: id,
    at: sim.now,
    campaignId: d.campaignId,
    callCentreId: d.callCentreId,
    to: recipient.number,
    cli: d.cli,
    agentGuaranteed: call.guaranteed,
    amd: d.amd.enabled,
    messagePlanned: d.message.mode !== 'none',
  });
  lineDialled(sim, call);
}

/** After each of its calls ends: an adaptive dialler moves its ratio by the running ACR. */
export function adapt(run: DiallerRun): void {
  const r = run.ratio;
  const mayRaise = ++r.endedSinceAdapt >= RAISE_EVERY;
  if (mayRaise) r.endedSinceAdapt = 0;
  r.current = adaptRatio(run.config.pacing, r.current, run.runningAcr, mayRaise);
  r.min = Math.min(r.min, r.current);
  r.max = Math.max(r.max, r.current);
}
