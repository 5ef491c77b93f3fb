import { zonedDay, type ZonedDay } from '../time/zoned-day.js';

/** What the cross-call rules count for one campaign on one calendar day (A1.21, A1.35). */
export interface CampaignDay {
  readonly campaignId: string;
  readonly date: string;
  /** Distinct CLIs presented so far (by `numberKey`); `null` once `tooManyClis` was raised. */
  clis: Set<string> | null;
  /** Numbers called so far (by `numberKey`): `true` while a probe call is the only call to it; `null` once `numberScanning` was raised. */
  numbers: Map<string, boolean> | null;
  /** Numbers whose only call so far is a probe call (A1.35). */
  probes: number;
  /** By call centre: a bit per ACR scope (in the engine's order of scopes) whose alert for that centre's groups is already raised. */
  readonly alertedScopes: Map<string, number>;
}

/** The state of one calendar day. */
export interface DayState {
  readonly date: string;
  readonly campaigns: Map<string, CampaignDay>;
  /** Keys (scope, campaign, call centre) of the ACR scopes that have raised their alert on this day. */
  readonly alerted: Set<string>;
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
  /** Entries held: distinct CLIs, numbers and raised alerts over the days kept. */
  size(): number;
}

/**
 * Per-day state for the cross-call rules, kept for the latest calendar day seen (in
 * `timeZone`) and the day before it, so calls that arrive a little out of order around
 * midnight still count on their own day, and memory does not grow with the length of the
 * stream. The day before is found from the latest day's start, so it is right across
 * 23- and 25-hour days.
 */
export function createRecentDays(timeZone: string): RecentDays {
  const days = new Map<string, DayState>();
  let latest = '';
  let keepFrom = '';
  let last: DayState | null = null;
  let lastCampaign: CampaignDay | null = null;
  return {
    day(day) {
      if (last !== null && last.date === day.date) return last;
      if (day.date > latest) {
        latest = day.date;
        keepFrom = zonedDay(day.start - 1, timeZone).date;
        for (const date of days.keys()) if (date < keepFrom) days.delete(date);
        lastCampaign = null;
      } else if (day.date < keepFrom) {
        return null;
      }
      let state = days.get(day.date);
      if (state === undefined) {
        state = { date: day.date, campaigns: new Map(), alerted: new Set() };
        days.set(day.date, state);
      }
      last = state;
      return state;
    },
    campaign(day, campaignId) {
      if (lastCampaign !== null && lastCampaign.date === day.date && lastCampaign.campaignId === campaignId) return lastCampaign;
      let c = day.campaigns.get(campaignId);
      if (c === undefined) {
        c = { campaignId, date: day.date, clis: new Set(), numbers: new Map(), probes: 0, alertedScopes: new Map() };
        day.campaigns.set(campaignId, c);
      }
      lastCampaign = c;
      return c;
    },
    size() {
      let n = 0;
      for (const d of days.values()) {
        n += d.alerted.size;
        for (const c of d.campaigns.values()) n += (c.clis?.size ?? 0) + (c.numbers?.size ?? 0);
      }
      return n;
    },
  };
}
