/**
 * The campaign simulator: a seeded discrete-event simulation of outbound diallers that
 * drives dialguard exactly as a real dialler would. Three parts, each small functions over
 * explicit state (`sim.ts`):
 * - **the world** (`world/`): who is behind each number and when they answer (by the
 *   hour), ring and pickup times, answer machines, AMD with its false positives and
 *   negatives, people who hang up, agents' talk and wrap-up times;
 * - **the dialler** (`dialler/`): preview, progressive or predictive pacing at a fixed or
 *   adaptive ratio (capped by a pacing hook when given), its number list and redials, and
 *   what it does with a person no agent can take — the message on dialguard's `messageDue`
 *   notice, at once, or never;
 * - **the boundary** (`boundary/`): call events into one call machine per call, deadline
 *   notices out, on a simulated clock; each finished call through `misuse()` and `acr()`.
 *
 * This file wires them and runs the event loop: one queue of timed events (`queue.ts`),
 * handled in time order — a call's clock is brought to the event's time first, so a
 * deadline of that very millisecond comes before the event — and the diallers pace once
 * each event is done. Only dialguard's public API is used.
 */
import type { ClassifiedCall, DeadlineKind, MisuseUpdate } from 'dialguard';
import { createLibraryState, sync, wake } from './boundary/library.js';
import { startOperators } from './boundary/operators.js';
import type { SimulationConfig } from './config.js';
import { noticeArrived } from './dialler/calls.js';
import { handleDiallerEvent } from './dialler/handle.js';
import { afterCall } from './dialler/list.js';
import { adapt, pace } from './dialler/pace.js';
import { createDiallerRun, type DiallerRun } from './dialler/run.js';
import { createEventQueue } from './queue.js';
import { createRng } from './rng.js';
import type { DiallerEvent, Sim, SimCall, SimEvent, WorldEvent } from './sim.js';
import { handleWorldEvent } from './world/handle.js';

/** What the simulator knows and dialguard cannot: who really answered, and what AMD made of it. */
export interface AmdTruth {
  /** Calls with AMD on that a person answered, and of those, how many AMD called a machine. */
  readonly humans: number;
  readonly falsePositives: number;
  /** Calls with AMD on that a machine answered, and of those, how many AMD called a person. */
  readonly machines: number;
  readonly falseNegatives: number;
}

/** Per dialler, after the run. */
export interface DiallerSummary {
  readonly campaignId: string;
  readonly callCentreId: string;
  readonly mode: string;
  readonly agents: number;
  readonly dialled: number;
  /** Share of the dialling windows' time the agents spent talking. */
  readonly occupancy: number;
  /**
   * The lowest and highest ratio of its own it dialled at, and the one at the end (they
   * differ only for an adaptive dialler); `mean`: the ratio in force — after a pacing
   * hook's cap, 1 while agents were reserved — averaged over the open time.
   */
  readonly ratios: { readonly min: number; readonly max: number; readonly final: number; readonly mean: number };
  /** The list ran out before the end. */
  readonly exhausted: boolean;
}

/** The outcome of a simulation. */
export interface SimulationResult {
  /** Every call, classified by its call machine, in the order the machines ended. */
  readonly calls: readonly ClassifiedCall[];
  /**
   * The same calls as dialguard's `misuse()` operator judged them live, in the same order:
   * each call with its cross-call flags (`repeatWithin72h`, A2.9) and every flag it raised,
   * scope flags included (`acrAlert`, `tooManyClis`, `numberScanning`) — what `report()` takes.
   */
  readonly judged: readonly MisuseUpdate[];
  readonly dialled: number;
  /** Call events sent to call machines. */
  readonly events: number;
  /** Deadline notices the machines emitted, by kind. */
  readonly notices: Readonly<Record<DeadlineKind, number>>;
  /** Information messages played, and how many of them on a `messageDue` notice (at its exact moment). */
  readonly messages: { readonly played: number; readonly onNotice: number };
  /** Ground truth about AMD (A2.24 evidence is what the records show; this is what really happened). */
  readonly amdTruth: AmdTruth;
  readonly diallers: readonly DiallerSummary[];
  /** First dial to last machine ended, ms of simulated time. */
  readonly simulatedMs: number;
}

/** Progress is reported this often, in simulated time. */
const PROGRESS_EVERY_MS = 5 * 60_000;

/** Runs a simulation to the end and returns every call classified. */
export function simulate(config: SimulationConfig): SimulationResult {
  const sim = createSim(config);
  openWindows(sim);
  runLoop(sim);
  sim.operators.close();
  config.onProgress?.({ at: sim.now, dialled: sim.tally.dialled, ended: sim.tally.ended, done: 1 });
  return result(sim);
}

/** The simulation at its start: the diallers, the boundary wired to the dialler, the operators subscribed. */
function createSim(config: SimulationConfig): Sim {
  const runs = config.diallers.map(createDiallerRun);
  return {
    config,
    root: createRng(config.seed),
    queue: createEventQueue<SimEvent>(),
    now: config.windows[0]?.start ?? 0,
    runs,
    library: createLibraryState(config.policy, config.dispositionWaitMs, { onNotice: noticeArrived, onEnded: machineEnded }),
    operators: startOperators(config.policy, runs),
    truth: { humans: 0, falsePositives: 0, machines: 0, falseNegatives: 0 },
    tally: { calls: [], dialled: 0, ended: 0, messagesPlayed: 0, messagesOnNotice: 0, firstDial: Infinity, lastEnd: -Infinity },
  };
}

/**
 * A machine ended with its classified call: it is counted; the dialler's list manager
 * decides on the number; the call goes through the operators (and the pacing hook); an
 * adaptive dialler moves its ratio by the running ACR they keep.
 */
function machineEnded(sim: Sim, call: SimCall, output: ClassifiedCall): void {
  const t = sim.tally;
  t.ended += 1;
  t.lastEnd = Math.max(t.lastEnd, sim.now);
  t.calls.push(output);
  const run = call.run;
  afterCall(run.list, call.recipient.index - run.config.listStart, output, run.config.redial, call.plan.rng, sim.now);
  sim.operators.next(run, output);
  adapt(run);
}

/** Every dialler opens and closes with every window. */
function openWindows(sim: Sim): void {
  for (const w of sim.config.windows) {
    for (const run of sim.runs) {
      sim.queue.push({ at: w.start, kind: 'open', run });
      sim.queue.push({ at: w.end, kind: 'close', run });
    }
  }
}

/** Handles every event in time order until nothing is left to happen. */
function runLoop(sim: Sim): void {
  const onProgress = sim.config.onProgress;
  let progressAt = sim.now + PROGRESS_EVERY_MS;
  for (let e = sim.queue.pop(); e !== undefined; e = sim.queue.pop()) {
    sim.now = e.at;
    if (onProgress !== undefined && sim.now >= progressAt) {
      progressAt = sim.now + PROGRESS_EVERY_MS;
      onProgress({ at: sim.now, dialled: sim.tally.dialled, ended: sim.tally.ended, done: windowShareDone(sim, sim.now) });
    }
    handle(sim, e);
    for (const run of sim.runs) {
      if (run.paceDue) {
        run.paceDue = false;
        pace(sim, run);
      }
    }
  }
}

const DIALLER_KINDS: ReadonlySet<SimEvent['kind']> = new Set<DiallerEvent['kind']>(['open', 'close', 'tick', 'place', 'giveUp', 'messageStart', 'messageEnd', 'holdLimit']);

/** The dialler scheduled it for itself. */
const isDiallerEvent = (e: DiallerEvent | WorldEvent): e is DiallerEvent => DIALLER_KINDS.has(e.kind);

/** One event to its owner; an event about a call brings the call's clock to now first. */
function handle(sim: Sim, e: SimEvent): void {
  if (e.kind === 'wake') return wake(sim, e);
  if ('call' in e) sync(sim, e.call);
  if (isDiallerEvent(e)) handleDiallerEvent(sim, e);
  else handleWorldEvent(sim, e);
}

const windowTotal = (sim: Sim): number => sim.config.windows.reduce((s, w) => s + (w.end - w.start), 0);

/** Share of the dialling windows' time elapsed at `at`. */
function windowShareDone(sim: Sim, at: number): number {
  const total = windowTotal(sim);
  return total === 0 ? 1 : sim.config.windows.reduce((s, w) => s + Math.max(0, Math.min(at, w.end) - w.start), 0) / total;
}

/** What a dialler did. */
function summary(run: DiallerRun, windowMs: number): DiallerSummary {
  const c = run.config;
  const r = run.ratio;
  return {
    campaignId: c.campaignId,
    callCentreId: c.callCentreId,
    mode: c.pacing.mode !== 'predictive' ? c.pacing.mode : c.pacing.adaptive ? 'predictive, adaptive' : `predictive ${c.pacing.ratio.toFixed(2)}`,
    agents: c.agents.count,
    dialled: run.dialled,
    occupancy: windowMs === 0 || c.agents.count === 0 ? 0 : run.talkMs / (windowMs * c.agents.count),
    ratios: { min: r.min, max: r.max, final: r.current, mean: r.openMs === 0 ? r.current : r.area / r.openMs },
    exhausted: run.list.exhausted,
  };
}

/** The run's result. */
function result(sim: Sim): SimulationResult {
  const t = sim.tally;
  const windowMs = windowTotal(sim);
  return {
    calls: t.calls,
    judged: sim.operators.judged,
    dialled: t.dialled,
    events: sim.library.events,
    notices: sim.library.notices,
    messages: { played: t.messagesPlayed, onNotice: t.messagesOnNotice },
    amdTruth: { ...sim.truth },
    diallers: sim.runs.map((run) => summary(run, windowMs)),
    simulatedMs: Number.isFinite(t.firstDial) ? t.lastEnd - t.firstDial : 0,
  };
}
