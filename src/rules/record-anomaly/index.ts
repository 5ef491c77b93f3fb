/**
 * A2.23–A2.25: records that show compliance. Inconsistent call events (out of order,
 * before the dial, repeated, after the hangup, a call never closed) are flagged, so they
 * are never counted silently.
 */
import type { AnomalyKind } from '../../anomaly.js';
import { flag, type Flag } from '../../flags.js';
import type { CallRecord } from '../../record.js';
import { hasCalendarDay } from '../../time/zoned-day.js';
import type { CallRule } from '../rule.js';

/** The paragraph of the records an investigation asks for. */
export const RECORDS_REF = 'A2.23';
/** The paragraph of the evidence of AMD accuracy that records should hold. */
export const AMD_EVIDENCE_REF = 'A2.24';

/** The measured values of a `recordAnomaly` flag. */
export interface RecordAnomalyDetail {
  readonly anomaly: AnomalyKind;
  readonly event: string;
  readonly message: string;
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
  return flag('recordAnomaly', record.callId, record.dialAt, RECORDS_REF, {
    anomaly: 'timeOutOfRange',
    event: 'dial',
    message: `call ${record.callId} has dialAt ${String(record.dialAt)}, which has no calendar day (valid: 0001-01-03 to 9999-12-30 UTC); it is classified but counted on no day`,
  });
}

/**
 * A2.23–A2.25: one `recordAnomaly` flag for each anomaly in the call's events, at its
 * moment, and one for a dial time with no calendar day (`timeOutOfRange`).
 */
export const recordAnomalyRule: CallRule<'recordAnomaly'> = {
  id: 'recordAnomaly',
  title: 'consistent call records',
  refs: [RECORDS_REF, AMD_EVIDENCE_REF, 'A2.25'],
  flags: { recordAnomaly: { ref: RECORDS_REF, title: 'inconsistent call record' } },
  judge(record) {
    const outOfRange = timeOutOfRange(record);
    // Stryker disable next-line ConditionalExpression: equivalent: a shortcut; an empty list of flags is judged as no flag
    if (record.anomalies.length === 0) return outOfRange;
    const flags = record.anomalies.map(
      (a): Flag<'recordAnomaly'> => flag('recordAnomaly', record.callId, a.at, RECORDS_REF, { anomaly: a.kind, event: a.event, message: a.detail }),
    );
    if (outOfRange !== null) flags.push(outOfRange);
    return flags;
  },
};
