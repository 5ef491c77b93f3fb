/**
 * Headroom under an ACR target (Annex 3): how many more abandoned calls a scope can make,
 * with no more live calls, before its rate x / (x + y) passes the target.
 */

/** A rate and its headroom, for one period (a calendar day, A3.3, or a trailing window). */
export interface AcrHeadroom {
  /** First and last calendar dates of the period (`from === to` for a calendar day). */
  readonly from: string;
  readonly to: string;
  /** x: abandoned calls to people, with the A3.6 estimate for those whose answerer is unknown. */
  readonly x: number;
  /** y: live calls (A3.3). */
  readonly y: number;
  /** x / (x + y); `null` before any live or abandoned call. */
  readonly rate: number | null;
  /** `acrHeadroom(x, y, target)`: abandoned calls still allowed; 0 or less when the room is gone. */
  readonly headroom: number;
}

/**
 * The abandoned calls a period can still take without its ACR passing `target` (0–1,
 * exclusive), if no more live calls came: the h with (x + h) / (x + h + y) = target, i.e.
 * h = (target·(x + y) − x) / (1 − target). Negative when the rate is already above the
 * target; 0 before any call (a day starts with no room: A3.3 counts each day afresh).
 * Each further live call adds target / (1 − target) (about 0.031 at 3 %).
 *
 * At or above the target no room is left, exactly: when `rate` (x / (x + y); pass the
 * ledger's, one division of whole numbers, Annex 3) is at least `target`, the headroom is
 * never above 0 — 7 abandoned and 193 live calls at 3.5 % give 0, not the 9.2e-16 that
 * target·(x + y) − x rounds to in binary.
 */
export function acrHeadroom(x: number, y: number, target: number, rate: number | null = x + y > 0 ? x / (x + y) : null): number {
  const h = (target * (x + y) - x) / (1 - target);
  return rate !== null && rate >= target && !(h < 0) ? 0 : h;
}

/** Abandoned calls one live call (y, A3.3) makes room for under `target`: target / (1 − target). */
export function roomPerLiveCall(target: number): number {
  return target / (1 - target);
}
