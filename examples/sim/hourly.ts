/**
 * The day hour by hour, for the picture: calls by outcome in each local hour (by dial
 * time), and each campaign's ACR since midnight at the end of each hour — the running
 * rate of dialguard's own `acr()` operator, fed the calls in dial order.
 */
import { from } from 'rxjs';
import { acr, type CallCategory, type ClassifiedCall, type Policy } from 'dialguard';
import { wallClock } from './time.js';

/** One local hour. */
export interface HourBucket {
  /** Wall-clock label, `HH:00`; with the zone's abbreviation when the day has a clock change (`01:00 BST`, `01:00 GMT`). */
  readonly label: string;
  /** First instant of the hour, epoch ms. */
  readonly start: number;
  /** Calls dialled in the hour, by category. */
  readonly counts: Readonly<Record<CallCategory, number>>;
}

/** The day's hours and the cumulative ACR series. */
export interface HourlySeries {
  readonly zone: string;
  readonly hours: readonly HourBucket[];
  /** Per campaign (and `all campaigns` when there are several): the ACR since local midnight at the end of each hour, 0–1; `null` before any call reached a person. */
  readonly acr: readonly { readonly name: string; readonly values: readonly (number | null)[] }[];
}

/** Every category, in the order the picture stacks them (bottom first). */
export const CATEGORIES: readonly CallCategory[] = ['live', 'abandoned', 'silent', 'answerMachine', 'unconnected'];

const HOUR = 3_600_000;

/** Buckets `calls` by the local hour of their dial and samples the running ACR at each hour's end. */
export function hourlySeries(calls: readonly ClassifiedCall[], policy: Policy): HourlySeries {
  const zone = policy.timeZone;
  const sorted = [...calls].sort((a, b) => a.record.dialAt - b.record.dialAt);
  if (sorted.length === 0) return { zone, hours: [], acr: [] };
  const first = Math.floor((sorted[0] as ClassifiedCall).record.dialAt / HOUR) * HOUR;
  const last = Math.floor((sorted[sorted.length - 1] as ClassifiedCall).record.dialAt / HOUR) * HOUR;
  const n = (last - first) / HOUR + 1;
  const counts = Array.from({ length: n }, () => Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<CallCategory, number>);
  const campaigns = [...new Set(sorted.map((c) => c.record.campaignId))].sort();
  const names = campaigns.length > 1 ? [...campaigns, 'all campaigns'] : campaigns;
  const values = names.map(() => new Array<number | null>(n).fill(null));
  const sample = new Map<string, number | null>();
  let bucket = 0;
  let date = '';
  const flush = (upTo: number): void => {
    for (; bucket < upTo; bucket++) names.forEach((name, i) => ((values[i] as (number | null)[])[bucket] = sample.get(name) ?? null));
  };
  from(sorted)
    .pipe(acr({ policy, scopes: campaigns.length > 1 ? ['all', 'campaign'] : ['campaign'] }))
    .subscribe((u) => {
      const b = (Math.floor(u.call.record.dialAt / HOUR) * HOUR - first) / HOUR;
      // The ACR restarts at local midnight (A3.3): the samples of a new day start afresh.
      if (b > bucket) flush(b);
      if (u.date !== date) {
        date = u.date;
        sample.clear();
      }
      (counts[b] as Record<CallCategory, number>)[u.call.category] += 1;
      for (const row of u.rows) sample.set(row.scope === 'all' ? 'all campaigns' : (row.campaignId ?? ''), row.acr.rate);
    });
  flush(n);
  const labels = Array.from({ length: n }, (_, i) => wallClock(first + i * HOUR, zone));
  const dates = new Map<string, Set<string>>();
  for (const l of labels) dates.set(l.date, (dates.get(l.date) ?? new Set()).add(l.zoneName));
  return {
    zone,
    hours: labels.map((l, i) => ({
      label: `${String(l.hour).padStart(2, '0')}:00${(dates.get(l.date)?.size ?? 1) > 1 ? ` ${l.zoneName}` : ''}`,
      start: first + i * HOUR,
      counts: counts[i] as Record<CallCategory, number>,
    })),
    acr: names.map((name, i) => ({ name, values: values[i] as (number | null)[] })),
  };
}
