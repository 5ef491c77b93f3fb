import { zonedDay, type ZonedDay } from '../time/zoned-day.js';

/** What the cross-call rules count for one campaign on one calendar day (A1.21, A1.35). */
export interface CampaignDay {
  readonly campaignId: string;
  readonly date: string;
  /** Distinct CLIs presented so far (by `numberKey`); `null` once `tooManyClis` was raised. */
  clis: Set<string> | null;
  /** How many distinct numbers (by `numberKey`) were called so far; `null` once `numberScanning` was raised. Each number's own mark is on its `CalledNumber`. */
  numbers: number | null;
  /** Numbers whose only call so far is a probe call (A1.35). */
  probes: number;
  /** `true` once its day was dropped: marks that point to it are stale. */
  dropped: boolean;
}

/** The state of one calendar day. */
export interface DayState {
  readonly date: string;
  readonly campaigns: Map<string, CampaignDay>;
}

/** The current and the previous calendar day's state; older days are dropped. */
export interface RecentDays {
  /**
   * The state of `day`, created if new. `null` when the day is older than the day before the
   * latest day seen: its state was dropped, and a call that late is not counted again.
   */
  day(day: ZonedDay): DayState | null;
  /** The state of a campaign on a day, created if new. */
  campaign(day: DayState, campaignId: string): CampaignDay;
  /** Entries held: distinct CLIs and numbers over the days kept. */
  size(): number;
}

/** Told after `RecentDays` dropped days (their campaign days are marked `dropped`). */
export type DaysDropped = () => void;

/**
 * Per-day state for the cross-call rules, kept for the latest calendar day seen (in
 * `timeZone`) and the day before it, so calls that arrive a little out of order around
 * midnight still count on their own day, and memory does not grow with the length of the
 * stream. The day before is found from the latest day's start, so it is right across
 * 23- and 25-hour days.
 */
export function createRecentDays(timeZone: string, onDrop: DaysDropped = () => {}): RecentDays {
  const days = new Map<string, DayState>();
  let latest = '';
  // Stryker disable next-line StringLiteral: equivalent: set by the first day, before it is read
  let keepFrom = '';
  let last: DayState | null = null;
  let lastCampaign: CampaignDay | null = null;
  return {
    day(day) {
      // Stryker disable next-line ConditionalExpression: equivalent: the cache of the latest day asked for; a miss finds the same state
      if (last !== null && last.date === day.date) return last;
      // Stryker disable next-line EqualityOperator: equivalent: the latest day again drops nothing and keeps the same days
      if (day.date > latest) {
        latest = day.date;
        keepFrom = zonedDay(day.start - 1, timeZone).date;
        let dropped = false;
        for (const [date, state] of days) {
          if (date >= keepFrom) continue;
          for (const c of state.campaigns.values()) c.dropped = true;
          days.delete(date);
          // Stryker disable next-line BooleanLiteral: equivalent: onDrop (the sweep) frees memory only
          dropped = true;
        }
        // Stryker disable next-line ConditionalExpression: equivalent: onDrop (the sweep) frees memory only
        if (dropped) onDrop();
        lastCampaign = null;
      } else if (day.date < keepFrom) {
        return null;
      }
      let state = days.get(day.date);
      if (state === undefined) {
        state = { date: day.date, campaigns: new Map() };
        days.set(day.date, state);
      }
      last = state;
      return state;
    },
    campaign(day, campaignId) {
      // Stryker disable next-line ConditionalExpression: equivalent: the cache of the latest campaign day asked for; a miss finds the same one
      if (lastCampaign !== null && lastCampaign.date === day.date && lastCampaign.campaignId === campaignId) return lastCampaign;
      let c = day.campaigns.get(campaignId);
      if (c === undefined) {
        c = { campaignId, date: day.date, clis: new Set(), numbers: 0, probes: 0, dropped: false };
        day.campaigns.set(campaignId, c);
      }
      lastCampaign = c;
      return c;
    },
    size() {
      let n = 0;
      for (const d of days.values()) {
        for (const c of d.campaigns.values()) n += (c.clis?.size ?? 0) + (c.numbers ?? 0);
      }
      return n;
    },
  };
}
