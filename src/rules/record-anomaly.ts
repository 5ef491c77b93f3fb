import { flag, type Flag } from '../flags.js';
import type { CallRecord } from '../record.js';

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
