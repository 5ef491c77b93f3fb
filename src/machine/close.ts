/**
 * Closing a call from the host side.
 */
import type { Anomaly } from '../anomaly.js';
import { withAnomaly } from '../fold.js';
import type { CallRecord } from '../record.js';

/** The `incomplete` anomaly of a call closed at `at` before it hung up (A2.23); `reason` says why, when the host gave one. */
export function incompleteAnomaly(record: CallRecord, at: number, reason?: string): Anomaly {
  return {
    kind: 'incomplete',
    event: 'hangup',
    at,
    detail: `call ${record.callId} was closed at ${at} before it hung up (last event at ${record.lastEventAt}); its record has no end${reason ? ` (${reason})` : ''}`,
  };
}

/**
 * The record of a call closed at `at`: unchanged when it had hung up, else with an
 * `incomplete` anomaly. Nothing else changes (`lastEventAt` included): a close is the
 * host's, not the dialler's, and says nothing about the call itself.
 */
export function closeRecord(record: CallRecord, at: number, reason?: string): CallRecord {
  return record.hangupAt !== null ? record : withAnomaly(record, incompleteAnomaly(record, at, reason));
}
