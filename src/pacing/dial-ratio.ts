/**
 * One step of the pacing governor: the next recommended dial ratio from the last one and
 * what the Annex 3 counts say now. Pure, so its invariants can be checked by property tests.
 */

/** What the governor knows when it recommends: Annex 3 counts turned into headroom (A3.3–A3.6). */
export interface DialRatioInputs {
  /** The smallest headroom of the periods watched (the day, and the trailing window), in abandoned calls (`acrHeadroom`). */
  readonly headroom: number;
  /** `true` when any watched period's ACR is above the target. */
  readonly aboveTarget: boolean;
  /**
   * The abandon curve's scale c: expected ACR-abandoned calls (x, A3.6) per dial at ratio
   * r are modelled as c · (r − 1)³, so c is the expectation at 2.0. `null`: not known yet.
   */
  readonly curve: number | null;
  /** Recent live calls per dial: smoothed. */
  readonly livePerDial: number;
  /** The target rate, 0–1 exclusive. */
  readonly targetAcr: number;
}

/** Tuning of `nextDialRatio` (Annex 3 pacing; the settings are not prescribed by any policy); `pacing` fills in defaults. */
export interface DialRatioSettings {
  /** The cap is never above this (dials per available agent). */
  readonly maxDialRatio: number;
  /** Dials over which the headroom is spent (a smaller number spends it faster). */
  readonly horizonDials: number;
  /** Fraction of the gap to the model's ratio closed per call when rising (slow). */
  readonly riseRate: number;
  /** Fraction of the gap closed per call when falling (faster). */
  readonly fallRate: number;
  /**
   * Abandoned calls of headroom kept in reserve: below this much headroom the ratio's
   * excess over 1.0 is scaled by headroom / reserve, reaching 1.0 as the headroom reaches 0
   * (abandons come in bursts, and calls in flight have not ended yet). 0: no reserve.
   */
  readonly reserveAbandons: number;
}

/** Why the ratio is what it is (Annex 3 headroom, A3.4). */
export type PacingReason =
  /** No headroom left (or none yet today): progressive, 1.0. */
  | 'noHeadroom'
  /** A watched rate is above the target: the ratio may fall, never rise. */
  | 'aboveTarget'
  /** At the maximum. */
  | 'atMax'
  /** Moving up towards the model's ratio. */
  | 'rising'
  /** Moving down towards the model's ratio. */
  | 'falling';

/** The step's result, with the numbers behind it, so it can be checked by hand (Annex 3). */
export interface DialRatioStep {
  readonly dialRatio: number;
  readonly reason: PacingReason;
  /** ACR-abandoned calls per dial the target allows: headroom / horizon + live per dial × target / (1 − target). */
  readonly allowancePerDial: number;
  /** The ratio whose expected abandons per dial equal the allowance, before smoothing: 1 + (allowance / c)^⅓, within [1, max]. */
  readonly modelRatio: number;
}

/** The exponent of the abandon curve (x per dial, A3.6): abandons grow with the cube of the ratio's excess over 1 — a library model, not a rule. */
export const CURVE_POWER = 3;

/** Closer than this to the model's ratio, the step lands on it (so the maximum is reached, not approached forever). */
const SNAP = 0.005;

/**
 * The next dial ratio (dials per available agent), from `previous`:
 *
 * 1. headroom ≤ 0 → 1.0 (progressive), reason `noHeadroom`;
 * 2. allowance per dial a = headroom / horizonDials + livePerDial · t / (1 − t): the room
 *    left spread over the next dials, plus the room each expected live call earns;
 * 3. model ratio r* = 1 + (a / c)^⅓ — the ratio whose expected abandons per dial,
 *    c · (r − 1)³, equal the allowance (the maximum while c is unknown or 0), within
 *    [1, maxDialRatio]. The cube root makes the ratio move little for a noisy c;
 * 4. smoothing: move `fallRate` of the way down, or `riseRate` of the way up (landing on
 *    r* once within 0.005 of it);
 * 5. a rate above the target → never higher than `previous` (reason `aboveTarget`);
 * 6. headroom under `reserveAbandons` → the excess over 1.0 is scaled by
 *    headroom / reserve, so the ratio glides to 1.0 as the headroom runs out;
 * 7. always within [1, maxDialRatio].
 */
export function nextDialRatio(previous: number, inputs: DialRatioInputs, settings: DialRatioSettings): DialRatioStep {
  const max = settings.maxDialRatio;
  const prev = Math.min(max, Math.max(1, Number.isFinite(previous) ? previous : 1));
  const t = inputs.targetAcr;
  const allowance = Math.max(0, inputs.headroom) / settings.horizonDials + Math.max(0, inputs.livePerDial) * (t / (1 - t));
  if (!(inputs.headroom > 0)) return { dialRatio: 1, reason: 'noHeadroom', allowancePerDial: allowance, modelRatio: 1 };
  const c = inputs.curve;
  const model = c === null || !(c > 0) ? max : Math.min(max, 1 + Math.pow(allowance / c, 1 / CURVE_POWER));
  let next = model < prev ? prev + (model - prev) * settings.fallRate : prev + (model - prev) * settings.riseRate;
  if (Math.abs(model - next) < SNAP) next = model;
  let reason: PacingReason = model < prev ? 'falling' : 'rising';
  if (inputs.aboveTarget) {
    if (next > prev) next = prev;
    reason = 'aboveTarget';
  }
  const reserve = settings.reserveAbandons;
  if (inputs.headroom < reserve) {
    const capped = 1 + (next - 1) * (inputs.headroom / reserve);
    if (capped < next) {
      next = capped;
      // Capped below where it was: falling; capped but still above it: still rising, less.
      if (reason !== 'aboveTarget' && capped < prev) reason = 'falling';
    }
  }
  next = Math.min(max, Math.max(1, next));
  if (next >= max && reason !== 'aboveTarget') reason = 'atMax';
  return { dialRatio: next, reason, allowancePerDial: allowance, modelRatio: model };
}
