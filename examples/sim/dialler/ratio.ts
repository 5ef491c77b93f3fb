/**
 * Dialling modes: how many calls the dialler places now.
 *
 * - preview and progressive reserve one free agent per call before dialling, so every
 *   call has a guaranteed agent (A2.9) and none can be abandoned;
 * - predictive dials `ratio` lines per agent it expects to be free (free now, or ending
 *   wrap-up within the look-ahead), less the calls already in progress. The ratio is what
 *   buys agent time — and what abandons calls when more people answer than agents are free.
 */
import type { PacingConfig } from '../config.js';

/** What the pacing sees. */
export interface PacingView {
  /** Agents free now. */
  readonly idle: number;
  /** Agents in wrap-up that will be free within the look-ahead. */
  readonly freeSoon: number;
  /** Calls placed and not yet given to an agent, a message or a hangup, plus answered calls waiting for an agent. */
  readonly pending: number;
}

/**
 * Predictive: how many calls to place now at `ratio`. Agents finishing wrap-up count only
 * when the dialler over-dials (ratio above 1): at 1 it never bets on them.
 */
export function predictiveCalls(ratio: number, view: PacingView): number {
  const available = view.idle + (ratio > 1 ? view.freeSoon : 0);
  return Math.max(0, Math.floor(ratio * available - view.pending + 1e-9));
}

/** An adaptive dialler raises its ratio at most once per this many of its calls ended. */
export const RAISE_EVERY = 25;

/**
 * The next ratio of an adaptive predictive dialler, from its campaign's running ACR today
 * in its call centre (from dialguard's `acr()`): down a step after every call while above
 * the target, up a small step every `RAISE_EVERY` calls while well below it, unchanged
 * until 20 live calls make the rate mean something.
 */
export function adaptRatio(
  pacing: PacingConfig,
  ratio: number,
  running: { readonly rate: number | null; readonly live: number } | null,
  mayRaise: boolean,
): number {
  const a = pacing.adaptive;
  if (a === null || running === null || running.rate === null || running.live < 20) return ratio;
  if (running.rate > a.targetAcr) return Math.max(a.minRatio, ratio - 0.02);
  if (mayRaise && running.rate < a.targetAcr * 0.75) return Math.min(a.maxRatio, ratio + 0.03);
  return ratio;
}

/**
 * Agents reserve before dialling (preview, progressive — and predictive while warming up,
 * until the day has `warmUpLiveCalls` live calls): the call's agent is guaranteed.
 */
export function reservesAgent(pacing: PacingConfig, liveToday: number): boolean {
  return pacing.mode !== 'predictive' || liveToday < pacing.warmUpLiveCalls;
}
