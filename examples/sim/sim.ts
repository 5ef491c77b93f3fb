/**
 * The state a simulation shares between its three parts — the world, the dialler and the
 * boundary with the library: the simulated clock, the one queue of everything that will
 * happen, the calls, and the run's tallies. Each part is a set of small functions that take
 * this state (and a call or a dialler) explicitly, rather than closures over it.
 *
 * Events in the queue say whose they are: the world's (the network, the people and answer
 * machines, the agents, the AMD box), the dialler's (its own timers), or the boundary's
 * (a wake-up at a call machine's next timer). Events of the same millisecond run in the
 * order they were queued (`queue.ts`), so a seed gives one run.
 */
import type { Actor, SimulatedClock } from 'xstate';
import type { AmdResult, CallMachine, ClassifiedCall, DeadlineKind, DeadlineNotice, HangupCause } from 'dialguard';
import type { LiveOperators } from './boundary/operators.js';
import type { SimulationConfig } from './config.js';
import type { DiallerRun } from './dialler/run.js';
import type { EventQueue } from './queue.js';
import type { Rng } from './rng.js';
import type { Agent } from './world/agents.js';
import type { AttemptPlan, Recipient } from './world/recipients.js';

/** Where a call is, as the dialler sees it. */
export type Phase = 'dialling' | 'ringing' | 'answered' | 'waiting' | 'agent' | 'message' | 'ended';

/** A call's machine as the boundary holds it: the actor, its own simulated clock, and its next wake-up. */
export interface MachineHandle {
  readonly actor: Actor<CallMachine>;
  readonly clock: SimulatedClock;
  /** The machine has ended and its output was taken. */
  finished: boolean;
  /** The one wake-up queued for the machine's next timer, `NaN` when none; wake-ups queued for other times are stale. */
  wakeAt: number;
  /** After the hangup of an answered call: when the machine stops waiting for the disposition; `NaN` before. */
  waitUntil: number;
}

/** One call: what the world knows of it, what the dialler knows, and its machine. */
export interface SimCall {
  readonly id: string;
  readonly run: DiallerRun;
  // The world's: who is behind the number and what this attempt will meet.
  readonly recipient: Recipient;
  readonly plan: AttemptPlan;
  /** Who really picked up (the world knows; the dialler only has AMD and its agents). */
  truth: 'human' | 'machine' | null;
  // The dialler's.
  phase: Phase;
  /** The agent reserved for (preview, progressive) or talking on the call. */
  agent: Agent | null;
  readonly guaranteed: boolean;
  /** Counted in the dialler's pending calls (placed, not yet given to an agent, a message or a hangup). */
  pending: boolean;
  minRingReached: boolean;
  /** The ring timeout came before the minimum ring: hang up on `minRingReached`. */
  giveUpPending: boolean;
  answered: boolean;
  // The boundary's.
  readonly machine: MachineHandle;
}

/** What the world does: the network's verdict, the line, the people and machines answering, the AMD box, the agents. */
export type WorldEvent =
  | { readonly at: number; readonly kind: 'network'; readonly call: SimCall; readonly cause: HangupCause }
  | { readonly at: number; readonly kind: 'ringing' | 'pickup' | 'greeting' | 'silenceHangup' | 'listenEnd' | 'talkEnd'; readonly call: SimCall }
  | { readonly at: number; readonly kind: 'amd'; readonly call: SimCall; readonly verdict: AmdResult }
  | { readonly at: number; readonly kind: 'disposition'; readonly call: SimCall; readonly verdict: 'human' | 'machine' }
  | { readonly at: number; readonly kind: 'wrapEnd'; readonly run: DiallerRun; readonly agent: Agent };

/** What the dialler scheduled for itself: its windows, its pacing tick, a preview ending, its own call timers. */
export type DiallerEvent =
  | { readonly at: number; readonly kind: 'open' | 'close' | 'tick'; readonly run: DiallerRun }
  | { readonly at: number; readonly kind: 'place'; readonly run: DiallerRun; readonly agent: Agent; readonly index: number }
  | { readonly at: number; readonly kind: 'giveUp' | 'messageStart' | 'messageEnd' | 'holdLimit'; readonly call: SimCall };

/** The boundary's: a wake-up at a call machine's next timer, so its clock reaches the deadline's exact millisecond. */
export interface WakeEvent {
  readonly at: number;
  readonly kind: 'wake';
  readonly call: SimCall;
}

/** Everything that can happen. */
export type SimEvent = WorldEvent | DiallerEvent | WakeEvent;

/** Who really answered and what AMD made of it: the world knows, dialguard sees only the records. */
export interface AmdTally {
  /** Calls with AMD on that a person answered, and of those, how many AMD called a machine. */
  humans: number;
  falsePositives: number;
  /** Calls with AMD on that a machine answered, and of those, how many AMD called a person. */
  machines: number;
  falseNegatives: number;
}

/** The boundary's state: the one machine definition, what went in and out, and where notices and ended calls go. */
export interface LibraryState {
  readonly machine: CallMachine;
  /** Call events sent to machines. */
  events: number;
  /** Deadline notices emitted, by kind. */
  readonly notices: Record<DeadlineKind, number>;
  /** Notices emitted while a clock was set, acted on once it is set. */
  readonly unread: [SimCall, DeadlineNotice][];
  /** The dialler acts on a notice. */
  readonly onNotice: (sim: Sim, call: SimCall, notice: DeadlineNotice) => void;
  /** A machine ended with its classified call. */
  readonly onEnded: (sim: Sim, call: SimCall, output: ClassifiedCall) => void;
}

/** What the run produced so far. */
export interface Tally {
  /** Every call, classified by its machine, in the order the machines ended. */
  readonly calls: ClassifiedCall[];
  dialled: number;
  ended: number;
  messagesPlayed: number;
  /** Messages played on a `messageDue` notice, at its moment. */
  messagesOnNotice: number;
  firstDial: number;
  lastEnd: number;
}

/** A simulation while it runs. */
export interface Sim {
  readonly config: SimulationConfig;
  /** The seed's stream, forked per number and attempt (`world/recipients.ts`). */
  readonly root: Rng;
  readonly queue: EventQueue<SimEvent>;
  /** Simulated time, epoch ms: the time of the event being handled. */
  now: number;
  readonly runs: readonly DiallerRun[];
  readonly library: LibraryState;
  /** dialguard's operators over the finished calls. */
  readonly operators: LiveOperators;
  readonly truth: AmdTally;
  readonly tally: Tally;
}
