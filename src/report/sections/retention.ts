import { RECORDS_REF } from '../../rules/record-anomaly/index.js';
import { zonedDay } from '../../time/zoned-day.js';
import { addMonths } from '../calendar.js';

/** Records retention (A2.23: at least six months). */
export interface RetentionHorizon {
  readonly ref: typeof RECORDS_REF;
  readonly months: number;
  /** Local dates of the oldest and newest call seen (dial time), over all the data. */
  readonly oldestRecord: string | null;
  readonly newestRecord: string | null;
  /** The newest record's date + `months`: keep these records at least until then. */
  readonly keepUntil: string | null;
  /** The newest record's date − `months`: the records kept now should reach back this far. */
  readonly lookbackFrom: string | null;
  /** The data reaches back to `lookbackFrom` (the oldest record is on or before it). */
  readonly dataCoversLookback: boolean | null;
}

/** The records-retention horizon (A2.23) from the oldest and newest dial times seen. */
export function retentionHorizon(oldestAt: number | null, newestAt: number | null, months: number, zone: string): RetentionHorizon {
  const oldest = oldestAt === null ? null : zonedDay(oldestAt, zone).date;
  const newest = newestAt === null ? null : zonedDay(newestAt, zone).date;
  const lookbackFrom = newest === null ? null : addMonths(newest, -months);
  return {
    ref: RECORDS_REF,
    months,
    oldestRecord: oldest,
    newestRecord: newest,
    keepUntil: newest === null ? null : addMonths(newest, months),
    lookbackFrom,
    dataCoversLookback: oldest === null || lookbackFrom === null ? null : oldest <= lookbackFrom,
  };
}
