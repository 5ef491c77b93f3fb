/**
 * One step of the pacing governor: the next recommended dial ratio from the last one and
 * what the Annex 3 counts say now. Pure, so its invariants can be checked by property tests.
 */

/** What the governor knows when it recommends. */
export interface DialRatioInputs {
  /** The smallest headroom of the periods watched (the day, and the trailing window), in abandoned calls (`acrHeadroom`). */
  readonly headroom: number;
  /** `true` when any watched period's ACR is above the target. */
  readonly aboveTarget: boolean;
  /** Recent ACR-abandoned calls (x, with the A3.6 estimate) per dial: smoothed. */
  readonly abandonsPerDial: number;
  /** Recent live calls per dial: smoothed. */
  readonly livePerDial: number;
  /** The target rate, 0–1 exclusive. */
  readonly targetAcr: number;
}

/** Tuning of `nextDialRatio`; `pacing` fills in defaults. */
export interface DialRatioSettings {
  /** The cap is never above this (dials per available agent). */
  readonly maxDialRatio: number;
  /** Dials over which today's headroom is spent (a smaller number spends it faster). */
  readonly horizonDials: number;
  /** Fraction of the gap to the model's ratio closed per call when rising (slow). */
  readonly riseRate: number;
  /** Fraction of the gap closed per call when falling (fast). */
  readonly fallRate: number;
}

/** Why the ratio is what it is. */
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

/** The step's result, with the numbers behind it. */
export interface DialRatioStep {
  readonly dialRatio: number;
  readonly reason: PacingReason;
  /** ACR-abandoned calls per dial the target allows over the horizon: headroom / horizon + live per dial × target / (1 − target). */
  readonly allowancePerDial: number;
  /** The ratio the model aims at before smoothing. */
  readonly modelRatio: number;
}

/** Above this gain the model stops trusting its estimate of abandons per dial. */
const MAX_GAIN = 2;
/** The excess over 1.0 assumed when at 1.0, so the ratio can leave progressive. */
const MIN_EXCESS = 0.05;

/**
 * The next dial ratio (dials per available agent), from `previous`:
 *
 * 1. headroom ≤ 0 → 1.0 (progressive: a dialler at 1.0 with an agent per call abandons
 *    nothing), reason `noHeadroom`;
 * 2. allowance per dial a = headroom / horizonDials + livePerDial · t / (1 − t): today's
 *    room spread over the next dials, plus the room each expected live call earns;
 * 3. model: abandons grow with the excess of the ratio over 1, so the ratio whose
 *    abandons per dial equal a is 1 + (previous − 1) · a / abandonsPerDial (gain capped
 *    at 2, and an excess of at least 0.05 so a ratio at 1.0 can rise), at most the max;
 * 4. smoothing: move `fallRate` of the way down, or `riseRate` of the way up;
 * 5. above the target → never higher than `previous` (reason `aboveTarget`); always
 *    within [1, maxDialRatio].
 */
export function nextDialRatio(previous: number, inputs: DialRatioInputs, settings: DialRatioSettings): DialRatioStep {
  const max = settings.maxDialRatio;
  const prev = Math.min(max, Math.max(1, Number.isFinite(previous) ? previous : 1));
  const t = inputs.targetAcr;
  const allowance = Math.max(0, inputs.headroom) / settings.horizonDials + inputs.livePerDial * (t / (1 - t));
  if (!(inputs.headroom > 0)) return { dialRatio: 1, reason: 'noHeadroom', allowancePerDial: allowance, modelRatio: 1 };
  const gain = inputs.abandonsPerDial > 0 ? Math.min(MAX_GAIN, allowance / inputs.abandonsPerDial) : MAX_GAIN;
  const model = Math.min(max, 1 + Math.max(prev - 1, MIN_EXCESS) * gain);
  let next = model < prev ? prev + (model - prev) * settings.fallRate : prev + (model - prev) * settings.riseRate;
  let reason: PacingReason = model < prev ? 'falling' : 'rising';
  if (inputs.aboveTarget && next > prev) next = prev;
  if (inputs.aboveTarget) reason = 'aboveTarget';
  next = Math.min(max, Math.max(1, next));
  if (next >= max && reason !== 'aboveTarget') reason = 'atMax';
  return { dialRatio: next, reason, allowancePerDial: allowance, modelRatio: model };
}
