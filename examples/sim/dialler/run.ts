/**
 * A dialler while it runs: its agents, its number list, the answered calls waiting for an
 * agent, its pacing state (the ratio, and a pacing hook's cap), and what it did.
 */
import { Subject } from 'rxjs';
import type { ClassifiedCall } from 'dialguard';
import type { DiallerConfig } from '../config.js';
import type { SimCall } from '../sim.js';
import { createAgentPool, type AgentPool } from '../world/agents.js';
import { createCallList, type CallList } from './list.js';

/** Answered calls waiting for an agent, first come first served (a queue with a moving head). */
export interface WaitingLine {
  readonly calls: SimCall[];
  head: number;
}

/** The predictive ratio: the dialler's own (fixed, or adapted to the running ACR), and the ratio in force over time. */
export interface RatioState {
  /** Lines per available agent, the dialler's own choice. */
  current: number;
  min: number;
  max: number;
  /** Calls ended since the ratio last had the chance to rise. */
  endedSinceAdapt: number;
  /** The ratio last dialled at (after a hook's cap; 1 while agents are reserved) and since when. */
  inForce: number;
  since: number;
  /** Integral of the ratio in force over the open time, and the open time, for the mean. */
  area: number;
  openMs: number;
}

/** A pacing hook at work: the dialler's ended calls go in, the cap comes out. */
export interface HookState {
  readonly ended: Subject<ClassifiedCall>;
  readonly cap: () => number | null;
}

/** One dialler's state. */
export interface DiallerRun {
  readonly config: DiallerConfig;
  readonly agents: AgentPool;
  readonly list: CallList;
  readonly waiting: WaitingLine;
  readonly ratio: RatioState;
  readonly hook: HookState | null;
  /** Inside a dialling window. */
  open: boolean;
  /** Calls placed and not yet given to an agent, a message or a hangup. */
  pending: number;
  /** Something freed up: pace once the current event is done. */
  paceDue: boolean;
  /** The campaign's running ACR today in this call centre, from dialguard's `acr()`. */
  runningAcr: { readonly rate: number | null; readonly live: number } | null;
  /** Calls placed (numbers the call ids). */
  dialled: number;
  /** Agent time spent talking, ms. */
  talkMs: number;
}

/** A dialler at the start of a run; its pacing hook, if any, is started here. */
export function createDiallerRun(config: DiallerConfig): DiallerRun {
  const r = config.pacing.ratio;
  const hook = config.pacing.hook;
  let hookState: HookState | null = null;
  if (hook !== null) {
    const ended = new Subject<ClassifiedCall>();
    hookState = { ended, cap: hook(ended.asObservable()) };
  }
  return {
    config,
    agents: createAgentPool(config.agents.count),
    list: createCallList(config.listSize),
    waiting: { calls: [], head: 0 },
    ratio: { current: r, min: r, max: r, endedSinceAdapt: 0, inForce: r, since: 0, area: 0, openMs: 0 },
    hook: hookState,
    open: false,
    pending: 0,
    paceDue: false,
    runningAcr: null,
    dialled: 0,
    talkMs: 0,
  };
}
