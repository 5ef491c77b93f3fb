import { countKey, emptyCounts, type CallCounts } from '../acr/counts.js';
import { createAcrLedger, NO_CELL } from '../acr/ledger.js';
import { acrOf, xShareOf } from '../acr/rate.js';
import { ACR_TRAILING_DAYS, windowStart, type AcrWindow } from '../acr/trailing.js';
import type { ClassifiedCall } from '../classify.js';
import { PolicyError } from '../errors.js';
import type { Policy } from '../policy/policy.js';
import { CURVE_POWER, nextDialRatio, type DialRatioSettings, type PacingReason } from './dial-ratio.js';
import { acrHeadroom, type AcrHeadroom } from './headroom.js';

/** Options for `pacing` and `createPacingGovernor` (Annex 3; a target is never a safe harbour, A4.20). */
export interface PacingOptions {
  /** The ACR the user wants to stay under, 0–1 exclusive (e.g. 0.025). A target, never a safe harbour (A4.20). */
  readonly targetAcr: number;
  /**
   * The period whose rate must stay under the target besides the calendar day:
   * `calendarDay` (A3.3: the day only) or `trailing30Days` (US TSR 16 CFR 310.4(b)(4)(i):
   * also the 30 days ending today). Default `policy.acr.window`.
   */
  readonly window?: AcrWindow | undefined;
  /** The highest ratio ever recommended (dials per available agent). Default 3.0. */
  readonly maxDialRatio?: number | undefined;
  /** The ratio assumed before the first call of a campaign. Default 1.0. */
  readonly initialDialRatio?: number | undefined;
  /** Calls over which abandons, live calls and the abandon curve are averaged (exponentially forgotten). Default 1000. */
  readonly smoothingCalls?: number | undefined;
  /** Dials over which the headroom is spent. Default 3000. */
  readonly horizonDials?: number | undefined;
  /** Fraction of the way to the model's ratio moved per call when rising. Default 0.005. */
  readonly riseRate?: number | undefined;
  /** Fraction of the way moved per call when falling. Default 0.05. */
  readonly fallRate?: number | undefined;
  /** Headroom, in abandoned calls, below which the ratio glides towards 1.0 (see `nextDialRatio`). Default 2. */
  readonly reserveAbandons?: number | undefined;
  /** Whose rate is governed: each campaign (A3.4, TSR "per campaign"; default), or each campaign in each call centre. */
  readonly scope?: 'campaign' | 'campaignCallCentre' | undefined;
}

/** What the governor recommends after one call, for that call's campaign (A3.3–A3.6). */
export interface PacingAdvice {
  /** The call just counted. */
  readonly call: ClassifiedCall;
  readonly campaignId: string;
  /** The call centre, for the `campaignCallCentre` scope; else `null`. */
  readonly callCentreId: string | null;
  /** The campaign's current calendar day (policy zone, A3.3): the latest day it has called on. */
  readonly date: string;
  /** The recommended cap on the dial ratio: dials per available agent, 1.0 (progressive) to `maxDialRatio`. */
  readonly dialRatio: number;
  readonly reason: PacingReason;
  readonly targetAcr: number;
  readonly maxDialRatio: number;
  /** The calendar day's x, y, rate and headroom (abandoned calls left under the target). */
  readonly day: AcrHeadroom;
  /** The same for the governed window: the trailing 30 days, or the day again for `calendarDay`. */
  readonly window: AcrHeadroom;
  /** Smoothed recent ACR-abandoned calls (x, A3.6 estimate) per dial. */
  readonly abandonsPerDial: number;
  /** Smoothed recent live calls per dial. */
  readonly livePerDial: number;
  /** Abandoned calls per dial the target allows over the horizon. */
  readonly allowancePerDial: number;
  /** The abandon curve's scale: expected ACR-abandoned calls per dial at ratio 2.0 (c in c · (r − 1)³). */
  readonly curve: number;
  /** The ratio the model aims at before smoothing. */
  readonly modelRatio: number;
}

/** The running governor: one step per classified call (Annex 3). */
export interface PacingGovernor {
  /** Counts the call and returns the advice for its campaign. */
  next(call: ClassifiedCall): PacingAdvice;
  /**
   * The last recommended ratio of a campaign (and call centre, for that scope); the initial
   * ratio if unseen, or forgotten (its latest day no longer kept).
   */
  dialRatio(campaignId: string, callCentreId?: string | null): number;
  /** Campaigns (or campaign × call centre) held: those whose latest day is still kept. */
  size(): number;
}

/** Pseudo-dials at ratio 2.0, abandoning at the target, that anchor the abandon curve before (and between) real abandons. */
const PRIOR_DIALS = 50;

interface ScopeState {
  readonly campaignId: string;
  readonly callCentreId: string | null;
  ratio: number;
  /** Exponentially decayed sums over recent calls: x shares, live calls, dials, and (ratio − 1)³ at each call. */
  xSum: number;
  ySum: number;
  nSum: number;
  wSum: number;
  /** The latest calendar day the scope has called on. */
  latest: string;
}

/** A period's x, y, rate and headroom (Annex 3); the headroom is 0 or less whenever the exact rate is at or above `target`. */
function period(counts: CallCounts, from: string, to: string, target: number): AcrHeadroom {
  const { x, y, rate } = acrOf(counts);
  return { from, to, x, y, rate, headroom: acrHeadroom(x, y, target, rate) };
}

function positive(name: string, value: number, min: number): number {
  if (!Number.isFinite(value) || value < min) throw new PolicyError(`${name} should be a number, at least ${min}; received ${value}`);
  return value;
}

/** Days the governor's ledger keeps (A3.3): the day and the two before it, or the trailing window's 30 and two more. */
function retainedDays(trailing: boolean): number {
  return trailing ? ACR_TRAILING_DAYS + 2 : 3;
}

/**
 * The engine behind `pacing`: an ACR pacing governor per campaign, one synchronous step per
 * classified call (see `pacing` for the algorithm). Calendar days are the policy's zone's
 * (A3.3), counted in an ACR ledger that keeps only the days the governed window can reach
 * (3, or 32 for trailing), and memory stays with those days:
 * - a call dated before the days kept (the ledger answers `NO_CELL`), or with no calendar
 *   day, is counted on no day, so it leaves every day's rate and headroom as they were;
 *   its campaign's state takes it into the smoothed rates only if the campaign is held
 *   (a campaign not held gets advice from a fresh state at `initialDialRatio`, not kept).
 *   After one record dated far ahead, every later call is such a call: the advice falls to
 *   1.0 (no headroom: nothing counted today) until the days catch up — failing safe;
 * - a campaign is forgotten when its latest day leaves the days kept; one that comes back
 *   starts again from `initialDialRatio`, as a new one.
 * @throws PolicyError for a target outside 0–1 (exclusive), a maximum below 1, or
 * smoothing, horizon or rates that are not positive.
 */
/* @__NO_SIDE_EFFECTS__ */
export function createPacingGovernor(policy: Policy, options: PacingOptions): PacingGovernor {
  const t = options.targetAcr;
  if (!(t > 0 && t < 1)) throw new PolicyError(`targetAcr should be a fraction between 0 and 1 (exclusive); received ${t}`);
  const windowKind = options.window ?? policy.acr.window;
  const trailing = windowKind === 'trailing30Days';
  const max = positive('maxDialRatio', options.maxDialRatio ?? 3, 1);
  const initial = Math.min(max, positive('initialDialRatio', options.initialDialRatio ?? 1, 1));
  const smoothing = positive('smoothingCalls', options.smoothingCalls ?? 1000, 1);
  const settings: DialRatioSettings = {
    maxDialRatio: max,
    horizonDials: positive('horizonDials', options.horizonDials ?? 3000, 1),
    riseRate: Math.min(1, positive('riseRate', options.riseRate ?? 0.005, Number.MIN_VALUE)),
    fallRate: Math.min(1, positive('fallRate', options.fallRate ?? 0.05, Number.MIN_VALUE)),
    reserveAbandons: positive('reserveAbandons', options.reserveAbandons ?? 2, 0),
  };
  const decay = 1 - 1 / smoothing;
  const byCentre = options.scope === 'campaignCallCentre';
  // One ACR ledger counts the calls; days the governed window can no longer reach are dropped.
  const ledger = createAcrLedger({
    timeZone: policy.timeZone,
    scopes: [byCentre ? 'campaignCallCentre' : 'campaign'],
    window: trailing ? 'trailing30Days' : 'calendarDay',
    retainDays: retainedDays(trailing),
  });
  const scopeKind = byCentre ? 'campaignCallCentre' : 'campaign';
  const scopes = new Map<string, ScopeState>();
  // A scope's key: the campaign id, or JSON of [campaign, call centre] — unambiguous whatever the ids contain (as the ledger's `cellKey`).
  const keyOf = (campaignId: string, callCentreId: string | null): string => (byCentre ? JSON.stringify([campaignId, callCentreId]) : campaignId);

  /** The latest day counted: the ledger's latest day. */
  let latestDay = '';

  /** The state of the call's scope, made when new; kept only when the call was counted on a day (`counted`), else a fresh one that is not kept. */
  const stateFor = (call: ClassifiedCall, counted: boolean): ScopeState => {
    const campaignId = call.record.campaignId;
    const callCentreId = byCentre ? call.record.callCentreId : null;
    const key = keyOf(campaignId, callCentreId);
    let s = scopes.get(key);
    if (s === undefined) {
      s = { campaignId, callCentreId, ratio: initial, xSum: 0, ySum: 0, nSum: 0, wSum: 0, latest: '' };
      if (counted) scopes.set(key, s);
    }
    return s;
  };

  /** Forgets the scopes whose latest day the ledger no longer keeps (run when the latest day moves on). */
  const forgetScopes = (): void => {
    for (const [key, s] of scopes) if (ledger.find(scopeKind, s.latest, s.campaignId, s.callCentreId) < 0) scopes.delete(key);
  };

  /** The scope's counts on its latest day, and over the window ending on it (Annex 3; 16 CFR 310.4(b)(4)(i)). */
  const countsOf = (s: ScopeState): { today: CallCounts; window: CallCounts } => {
    const slot = ledger.find(scopeKind, s.latest, s.campaignId, s.callCentreId);
    if (slot < 0) return { today: emptyCounts(), window: emptyCounts() };
    return { today: ledger.dayCounts(scopeKind, slot), window: trailing ? ledger.windowCounts(scopeKind, slot) : ledger.dayCounts(scopeKind, slot) };
  };

  return {
    next(call) {
      const cell = ledger.add(call);
      const date = ledger.cellDate(cell);
      if (date > latestDay) {
        latestDay = date;
        forgetScopes();
      }
      const s = stateFor(call, cell !== NO_CELL);
      if (date > s.latest) s.latest = date;
      const key = countKey(call);
      const counts = countsOf(s);
      const day = period(counts.today, s.latest, s.latest, t);
      const window = trailing ? period(counts.window, windowStart(s.latest), s.latest, t) : day;

      // This call's share of x (A3.6: an abandoned call of unknown answerer counts 1 − z / (y + z)) and of y.
      const x = xShareOf(key, acrOf(counts.today).machineShare);
      const y = key === 'live' ? 1 : 0;
      s.xSum = s.xSum * decay + x;
      s.ySum = s.ySum * decay + y;
      s.nSum = s.nSum * decay + 1;
      s.wSum = s.wSum * decay + Math.pow(s.ratio - 1, CURVE_POWER);
      const livePerDial = s.ySum / s.nSum;
      // The curve's scale c = Σx / Σ(r − 1)³, anchored by PRIOR_DIALS pseudo-dials at 2.0 abandoning at the target.
      const prior = PRIOR_DIALS * livePerDial * (t / (1 - t));
      const curve = (s.xSum + prior) / (s.wSum + PRIOR_DIALS);

      const aboveTarget = (day.rate !== null && day.rate > t) || (window.rate !== null && window.rate > t);
      const step = nextDialRatio(
        s.ratio,
        { headroom: Math.min(day.headroom, window.headroom), aboveTarget, curve, livePerDial, targetAcr: t },
        settings,
      );
      s.ratio = step.dialRatio;
      return {
        call,
        campaignId: s.campaignId,
        callCentreId: s.callCentreId,
        date: s.latest,
        dialRatio: step.dialRatio,
        reason: step.reason,
        targetAcr: t,
        maxDialRatio: max,
        day,
        window,
        abandonsPerDial: s.xSum / s.nSum,
        livePerDial,
        curve,
        modelRatio: step.modelRatio,
        allowancePerDial: step.allowancePerDial,
      };
    },
    dialRatio(campaignId, callCentreId = null) {
      return scopes.get(keyOf(campaignId, byCentre ? callCentreId : null))?.ratio ?? initial;
    },
    size: () => scopes.size,
  };
}
