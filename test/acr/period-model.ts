/** An independent model of the 30-day window and the campaign periods (16 CFR 310.4(b)(4)(i)): sums of the days, taken directly from every call and count added. */
import { addDays } from '../../src/acr/trailing.js';

export type Cat = 'live' | 'abandonedLive' | 'silent';
export interface Ev {
  date: string;
  campaign: string;
  centre: string;
  live: number;
  abandonedLive: number;
  silent: number;
}

export interface Sums {
  live: number;
  abandonedLive: number;
  calls: number;
}

type Scope = 'all' | 'campaign' | 'callCentre' | 'campaignCallCentre';

const idsMatch = (scope: Scope, e: Ev, campaign: string | null, centre: string | null): boolean =>
  (scope === 'all' || scope === 'callCentre' || e.campaign === campaign) && (scope === 'all' || scope === 'campaign' || e.centre === centre);

/** Sums the events directly. */
export function sumOver(events: readonly Ev[], scope: Scope, campaign: string | null, centre: string | null, from: string, to: string): Sums {
  const s = { live: 0, abandonedLive: 0, calls: 0 };
  for (const e of events) {
    if (e.date < from || e.date > to || !idsMatch(scope, e, campaign, centre)) continue;
    s.live += e.live;
    s.abandonedLive += e.abandonedLive;
    s.calls += e.live + e.abandonedLive + e.silent;
  }
  return s;
}

export function firstDay(events: readonly Ev[], campaign: string): string {
  let f = '9999-12-31';
  for (const e of events) if (e.campaign === campaign && e.date < f) f = e.date;
  return f;
}

export function modelPeriodFrom(first: string, date: string): string {
  const a = Date.parse(`${first}T00:00:00Z`);
  const b = Date.parse(`${date}T00:00:00Z`);
  const elapsed = Math.round((b - a) / 86_400_000);
  return addDays(first, Math.floor(elapsed / 30) * 30);
}
