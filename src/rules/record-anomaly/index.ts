/**
 * A2.23–A2.25: records that show compliance. Inconsistent call events (out of order,
 * before the dial, repeated, after the hangup, a call never closed) are flagged, so they
 * are never counted silently.
 */
import type { AnomalyKind } from '../../anomaly.js';
import { flag, type Flag } from '../../flags.js';
import type { CallRule } from '../rule.js';

/** The paragraph of the records an investigation asks for. */
export const RECORDS_REF = 'A2.23';

/** The measured values of a `recordAnomaly` flag. */
export interface RecordAnomalyDetail {
  readonly anomaly: AnomalyKind;
  readonly event: string;
  readonly message: string;
}

/** A2.23–A2.25: one `recordAnomaly` flag for each anomaly in the call's events, at its moment. */
export const recordAnomalyRule: CallRule<'recordAnomaly'> = {
  id: 'recordAnomaly',
  title: 'consistent call records',
  refs: [RECORDS_REF, 'A2.24', 'A2.25'],
  flags: { recordAnomaly: { ref: RECORDS_REF, title: 'inconsistent call record' } },
  judge(record) {
    if (record.anomalies.length === 0) return null;
    return record.anomalies.map(
      (a): Flag<'recordAnomaly'> => flag('recordAnomaly', record.callId, a.at, RECORDS_REF, { anomaly: a.kind, event: a.event, message: a.detail }),
    );
  },
};
