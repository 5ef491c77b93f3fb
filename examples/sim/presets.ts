/**
 * Ready-made diallers and campaign days for the examples.
 *
 * - `wellRun`: progressive until the day has 150 live calls (so the ACR has a base), then
 *   predictive, lowering its ratio whenever dialguard's running ACR for its campaign passes
 *   2 %; AMD (when on) mostly decides within the 2 s of A2.19 and rarely errs; when no agent
 *   is free the call waits for one until dialguard's `messageDue` notice, then hears the
 *   information message; unanswered calls ring 24 s, never less than the `minRingReached`
 *   notice; a number with a silent or abandoned call is not called again within 72 h.
 * - `overDialled`: predictive at a fixed 3.2 lines per agent; AMD tuned to cut off anything
 *   unclear (8 % of people taken for machines and dropped: silent calls, A1.6); the message
 *   played at once; numbers whose call was abandoned or silent called again an hour later,
 *   like any unanswered number (A2.9).
 */
import type { Policy } from 'dialguard';
import { dialler, type DiallerChanges, type DiallerConfig, type DiallingWindow } from './config.js';
import { localInstant } from './time.js';

/** A well-run predictive dialler (see the module comment). */
export function wellRun(changes: DiallerChanges): DiallerConfig {
  return dialler({
    ...changes,
    pacing: { mode: 'predictive', ratio: 1, adaptive: { targetAcr: 0.02, minRatio: 1, maxRatio: 2.4 }, warmUpLiveCalls: 150, ...(changes.pacing ?? {}) },
  });
}

/** An over-dialled predictive dialler (see the module comment). */
export function overDialled(changes: DiallerChanges): DiallerConfig {
  return dialler({
    ...changes,
    pacing: { mode: 'predictive', ratio: 3.2, adaptive: null, ...(changes.pacing ?? {}) },
    amd: { falsePositiveRate: 0.08, falseNegativeRate: 0.05, ...(changes.amd ?? {}) },
    message: { mode: 'immediate', ...(changes.message ?? {}) },
    ring: { timeoutMs: 20_000, respectMinRing: false, ...(changes.ring ?? {}) },
    redial: { afterMs: 3_600_000, respectRepeatWindow: false, maxAttempts: 6, ...(changes.redial ?? {}) },
  });
}

/** The dialling window of one local day, e.g. `campaignDay('2026-03-10', '09:00', '20:00', policy)`. */
export function campaignDay(date: string, start: string, end: string, policy: Policy): DiallingWindow {
  return { start: localInstant(date, start, policy.timeZone), end: localInstant(date, end, policy.timeZone) };
}

/** `DIALGUARD_SMOKE=1` (CI): examples shrink their runs to stay fast. */
export const SMOKE = process.env.DIALGUARD_SMOKE === '1';
