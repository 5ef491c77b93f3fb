/**
 * Calls by hour of day (in the policy's zone) and outcome, over the audit's period: when
 * in the day the silent and abandoned calls happen, and which calls fall at unsociable
 * hours (A2.11). 24 rows of counters, whatever the size of the input.
 */
import type { ClassifiedCall } from 'dialguard/internals';
import { offsetCache } from './mapping/local-time.js';

/** Calls dialled in one hour of the day, by category. */
export interface HourCounts {
  readonly hour: number;
  readonly counts: Readonly<Record<string, number>>;
}

/** The `hours` section of the command's report. */
export interface HourlySummary {
  /** The zone the hours are in (the policy's). */
  readonly zone: string;
  readonly hours: readonly HourCounts[];
}

/** Counts calls by hour of dial and category. */
export interface HourlyTally {
  add(call: ClassifiedCall): void;
  summary(): HourlySummary;
}

const HOUR = 3_600_000;

/** A tally of the calls dialled in [`from`, `to`) (`null`: open), hours in `zone`. */
export function createHourlyTally(zone: string, from: number | null, to: number | null): HourlyTally {
  const offsets = offsetCache(zone);
  const counts: Record<string, number>[] = Array.from({ length: 24 }, () => ({}));
  return {
    add(call) {
      const at = call.record.dialAt;
      if ((from !== null && at < from) || (to !== null && at >= to)) return;
      const local = at + offsets.offset(at);
      const hour = Math.floor((((local % 86_400_000) + 86_400_000) % 86_400_000) / HOUR);
      const c = counts[hour]!;
      c[call.category] = (c[call.category] ?? 0) + 1;
    },
    summary: () => ({ zone, hours: counts.map((c, hour) => ({ hour, counts: { ...c } })) }),
  };
}
