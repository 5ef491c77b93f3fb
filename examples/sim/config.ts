/**
 * What a simulated campaign is made of: the dialler (mode, pacing, AMD, message, ring
 * timeout, redials), its agents, the numbers it calls and how the people and answer
 * machines behind them behave. Plain data with defaults, so an example states only what
 * it changes.
 */
import type { Observable } from 'rxjs';
import type { CallEvent, ClassifiedCall, MessageContent, Policy } from 'dialguard';

/** A log-normal duration: half the draws are below `median` ms; `sigma` is the spread. */
export interface Spread {
  readonly median: number;
  readonly sigma: number;
}

/**
 * How the dialler decides when to dial (its "mode"):
 * - `preview`: an agent looks at the record for `previewMs`, then the dialler calls for
 *   that agent, who is guaranteed (A2.9) — no abandoned calls possible;
 * - `progressive`: one call per free agent, dialled at once, agent guaranteed;
 * - `predictive`: dials `ratio` calls per agent expected to be free, betting that most
 *   will not be answered by a person; the surplus answers are the abandoned calls.
 */
export type DiallingMode = 'preview' | 'progressive' | 'predictive';

/**
 * A governor outside the dialler that caps its predictive ratio: called once when the run
 * starts with the dialler's calls as they end (classified by the call machines), it returns
 * what the dialler reads each time it paces — the most lines per agent from now on, or
 * `null` for no cap yet. The governor example feeds dialguard's `pacing()` operator here.
 */
export type PacingHook = (ended: Observable<ClassifiedCall>) => () => number | null;

/** Pacing of the dialler. */
export interface PacingConfig {
  readonly mode: DiallingMode;
  /** Predictive: lines dialled per agent available (free now, or finishing wrap-up within `lookaheadMs`). */
  readonly ratio: number;
  /** Predictive: count agents whose wrap-up ends within this long as available. */
  readonly lookaheadMs: number;
  /** Preview: how long the agent looks at the record before the call is placed. */
  readonly previewMs: number;
  /**
   * Predictive: lower the ratio while the running ACR of this dialler's campaign in its
   * call centre (read live from dialguard's `acr()` operator) is above `targetAcr`, raise
   * it slowly while below. `null`: a fixed ratio.
   */
  readonly adaptive: { readonly targetAcr: number; readonly minRatio: number; readonly maxRatio: number } | null;
  /**
   * Predictive: dial progressively (an agent reserved for each call) until the campaign
   * has this many live calls in its call centre today, so the day's ACR has a base before
   * the dialler bets on answer rates — a running rate over a handful of calls swings
   * wildly. `0`: predictive from the first call.
   */
  readonly warmUpLiveCalls: number;
  /** Predictive: a governor the dialler consults for a cap on its ratio (fixed or adaptive); `null`: none. */
  readonly hook: PacingHook | null;
}

/** Answer-machine detection (A1.6, A2.19, A3.7). */
export interface AmdConfig {
  readonly enabled: boolean;
  /** Share of people that AMD calls a machine and the dialler cuts off: silent calls (A1.6). */
  readonly falsePositiveRate: number;
  /** Share of answer machines that AMD calls a person: passed to agents (z, A3.5–A3.6). */
  readonly falseNegativeRate: number;
  /** Time from the start of a person's "hello" to AMD's verdict. */
  readonly humanDecision: Spread;
  /** Time from the start of a machine's greeting to AMD's verdict. */
  readonly machineDecision: Spread;
  /**
   * Share of AMD-disconnected calls whose recording is checked (QA or speech analytics)
   * and dispositioned within the machine's disposition wait — the evidence of AMD
   * accuracy (A2.24) that lets a false positive be counted as the silent call it was.
   */
  readonly reviewShare: number;
}

/**
 * What the dialler does with a call a person answered when no agent is free:
 * - `onDeadline`: keep it for an agent until dialguard's `messageDue` deadline notice
 *   (A2.19), then play the information message — an agent freed in those 2 s still takes it;
 * - `immediate`: play the message at once;
 * - `none`: no message; hold in dead air for `holdLimitMs`, then hang up (silent calls).
 */
export type MessageMode = 'onDeadline' | 'immediate' | 'none';

/** The information message (A1.9, A2.16–A2.19). */
export interface MessageConfig {
  readonly mode: MessageMode;
  /** From the decision to play to the first word (`immediate` only). */
  readonly startMs: number;
  /** How long the message plays before the dialler hangs up. */
  readonly lengthMs: number;
  /** What it says (A2.17), as the dialler describes it on the `message` event. */
  readonly content: MessageContent;
  /** `none`: dead air held this long before the dialler hangs up. */
  readonly holdLimitMs: number;
}

/** How long the dialler lets an unanswered call ring (A2.15). */
export interface RingConfig {
  /** The dialler gives up on an unanswered call this long after ringing starts. */
  readonly timeoutMs: number;
  /**
   * Never give up before dialguard's `minRingReached` notice (A2.15: 15 s): a timeout that
   * comes first waits for the notice. `false`: hang up at the timeout regardless (short rings).
   */
  readonly respectMinRing: boolean;
}

/** When numbers are called again. */
export interface RedialConfig {
  /** Attempts per number in the run, at most. */
  readonly maxAttempts: number;
  /** Wait before calling again a number that did not answer, was busy, or had a machine. */
  readonly afterMs: number;
  /**
   * After a silent or abandoned call: `true` — not again within the repeat window (A2.9: 72 h),
   * learnt from the call machine's output; `false` — treated like no answer (redialled after `afterMs`).
   */
  readonly respectRepeatWindow: boolean;
}

/** The agents taking this dialler's calls. */
export interface AgentConfig {
  readonly count: number;
  /** Conversation with a person. */
  readonly talk: Spread;
  /** After-call work. */
  readonly wrap: Spread;
  /** An agent connected to an answer machine hangs up after this long (ms, min–max). */
  readonly machineTalkMs: readonly [number, number];
}

/** The people and machines behind the numbers called. */
export interface PopulationConfig {
  /** Chance that a person answers one attempt (before the hour's factor). */
  readonly humanAnswer: number;
  /** Share of numbers with an answer machine (voicemail) that picks up when nobody does. */
  readonly voicemail: number;
  /** Voicemail picks up this long after ringing starts (ms, min–max). */
  readonly voicemailAfterMs: readonly [number, number];
  /** Share of numbers not in service. */
  readonly invalid: number;
  /** Chance that an attempt finds the line busy. */
  readonly busy: number;
  /** Ring time before a person picks up. */
  readonly answerAfter: Spread;
  /** Chance a person picks up and says nothing (no salutation: the message clock runs from pickup). */
  readonly silentPickup: number;
  /** A person hearing nothing hangs up after this long on average (exponential). */
  readonly patienceMs: number;
  /** Chance a person listens to the whole information message (else hangs up part-way). */
  readonly listensToMessage: number;
  /** Factor on `humanAnswer` by local hour 0–23 (people are more often in after work). */
  readonly byHour: readonly number[];
}

/** One dialler: a campaign run from one call centre, with its own agents and number list. */
export interface DiallerConfig {
  /** Campaign (A3.3). */
  readonly campaignId: string;
  /** Call centre (A3.4). */
  readonly callCentreId: string;
  /** Presented CLI (A1.20, A2.12–A2.14); `null` withholds it. */
  readonly cli: string | null;
  readonly agents: AgentConfig;
  readonly pacing: PacingConfig;
  readonly amd: AmdConfig;
  readonly message: MessageConfig;
  readonly ring: RingConfig;
  readonly redial: RedialConfig;
  readonly population: PopulationConfig;
  /** How many numbers the list holds; the dialler stops early if it runs out. */
  readonly listSize: number;
  /** The list takes numbers 01632 000000 + `listStart` onwards: fictional numbers in the code of Ofcom's drama range; nothing is dialled. */
  readonly listStart: number;
}

/** A span of time during which the diallers may place calls (epoch ms, end exclusive). */
export interface DiallingWindow {
  readonly start: number;
  readonly end: number;
}

/** Progress of a run, for a progress line. */
export interface Progress {
  /** Simulated time now. */
  readonly at: number;
  readonly dialled: number;
  readonly ended: number;
  /** Share of the dialling windows elapsed, 0–1. */
  readonly done: number;
}

/** A whole simulation. */
export interface SimulationConfig {
  /** Same seed and config → the same calls, events and records. */
  readonly seed: number;
  /** The policy the call machines apply (A2.15, A2.19 deadlines, classification). */
  readonly policy: Policy;
  /** When the diallers may dial; calls in progress at the end of a window finish. */
  readonly windows: readonly DiallingWindow[];
  readonly diallers: readonly DiallerConfig[];
  /** The call machine waits this long after an answered call's hangup for the agent's disposition. */
  readonly dispositionWaitMs: number;
  /** Called every 5 minutes of simulated time, and at the end, with the run's progress. */
  readonly onProgress?: ((progress: Progress) => void) | undefined;
  /** Receives every call event the diallers send to the call machines, as it is sent (in time order): the campaign's live event stream. */
  readonly onEvent?: ((event: CallEvent) => void) | undefined;
}

type DeepPartial<T> = {
  [K in keyof T]?: T[K] extends readonly unknown[] ? T[K] : T[K] extends ((...args: never[]) => unknown) | null ? T[K] : T[K] extends object | null ? DeepPartial<T[K]> | null : T[K];
};

/** Changes to a dialler's defaults. */
export type DiallerChanges = DeepPartial<DiallerConfig> & Pick<DiallerConfig, 'campaignId' | 'callCentreId'>;

/** Answer rate by local hour: low in the morning, highest early evening. */
export const TYPICAL_DAY: readonly number[] = [
  0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.4, 0.6, 0.75, 0.8, 0.85, 0.9, 1.0, 0.95, 0.9, 0.95, 1.05, 1.2, 1.3, 1.3, 1.2, 1.0, 0.7, 0.4,
];

/** A well-run dialler's defaults: predictive at a modest ratio, accurate AMD, message on the deadline notice, 72 h respected. */
export const DEFAULT_DIALLER: Omit<DiallerConfig, 'campaignId' | 'callCentreId'> = {
  cli: '01134961000',
  agents: { count: 10, talk: { median: 150_000, sigma: 0.6 }, wrap: { median: 25_000, sigma: 0.4 }, machineTalkMs: [3_000, 8_000] },
  pacing: { mode: 'predictive', ratio: 1.8, lookaheadMs: 8_000, previewMs: 12_000, adaptive: null, warmUpLiveCalls: 0, hook: null },
  amd: {
    enabled: true,
    falsePositiveRate: 0.02,
    falseNegativeRate: 0.12,
    humanDecision: { median: 1_100, sigma: 0.2 },
    machineDecision: { median: 1_500, sigma: 0.15 },
    reviewShare: 1,
  },
  message: {
    mode: 'onDeadline',
    startMs: 250,
    lengthMs: 11_000,
    content: { onBehalfOf: 'Brightside Energy', explainsAttempt: true, optOutNumber: '08081570123', marketing: false },
    holdLimitMs: 8_000,
  },
  ring: { timeoutMs: 24_000, respectMinRing: true },
  redial: { maxAttempts: 4, afterMs: 2 * 3_600_000, respectRepeatWindow: true },
  population: {
    humanAnswer: 0.3,
    voicemail: 0.45,
    voicemailAfterMs: [17_000, 22_000],
    invalid: 0.04,
    busy: 0.04,
    answerAfter: { median: 8_000, sigma: 0.5 },
    silentPickup: 0.02,
    patienceMs: 4_000,
    listensToMessage: 0.55,
    byHour: TYPICAL_DAY,
  },
  listSize: 20_000,
  listStart: 0,
};

function merge<T>(base: T, changes: unknown): T {
  if (changes === undefined) return base;
  if (changes === null || typeof changes !== 'object' || Array.isArray(changes)) return changes as T;
  if (base === null || typeof base !== 'object' || Array.isArray(base)) return changes as T;
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [k, v] of Object.entries(changes as Record<string, unknown>)) {
    if (v === undefined) continue;
    out[k] = merge((base as Record<string, unknown>)[k], v);
  }
  return out as T;
}

/** A dialler: the defaults with `changes` merged in, field by field. */
export function dialler(changes: DiallerChanges, base: Omit<DiallerConfig, 'campaignId' | 'callCentreId'> = DEFAULT_DIALLER): DiallerConfig {
  return merge({ ...base, campaignId: changes.campaignId, callCentreId: changes.callCentreId } as DiallerConfig, changes);
}
