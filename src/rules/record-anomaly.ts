import { flag, type Flag } from '../flags.js';
import type { CallRecord } from '../record.js';
import { hasCalendarDay } from '../time/zoned-day.js';

/**
 * A2.23–A2.25 records: one flag for each anomaly in the call's events (an event out of
 * order, before the dial, repeated, after the hangup, or a call never closed), so
 * inconsistent records are never counted silently.
 */
export function recordAnomalies(record: CallRecord): readonly Flag<'recordAnomaly'>[] {
  return record.anomalies.map((a) =>
    flag('recordAnomaly', record.callId, a.at, 'A2.23', { anomaly: a.kind, event: a.event, message: a.detail }),
  );
}

/**
 * A2.23 records: a record whose dial time has no calendar day (not finite, or outside
 * `CALENDAR_RANGE`, 0001-01-03 to 9999-12-30 UTC — e.g. `dialAt` 8.64e15) cannot be put
 * on any day (A3.3), so it is flagged `recordAnomaly` with anomaly `timeOutOfRange`, and
 * the day-keyed counting (ACR cells, the per-day misuse rules, the repeat history, the
 * report's days) leaves the call out instead of failing. Only records built in code get
 * here: the parsers refuse times outside the valid time range (default 2000–2100).
 * Returns the flag, at the dial, or `null`.
 */
export function timeOutOfRange(record: CallRecord): Flag<'recordAnomaly'> | null {
  if (hasCalendarDay(record.dialAt)) return null;
  return flag('recordAnomaly', record.callId, record.dialAt, 'A2.23', {
    anomaly: 'timeOutOfRange',
    event: 'dial',
    message: `call ${record.callId} has dialAt ${String(record.dialAt)}, which has no calendar day (valid: 0001-01-03 to 9999-12-30 UTC); it is classified but counted on no day`,
  });
}
