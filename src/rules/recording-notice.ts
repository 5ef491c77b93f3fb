import { flag, type Flag } from '../flags.js';
import type { CallRecord } from '../record.js';

/** The reference cited for recording without notice. */
export const RECORDING_GUIDANCE_REF = 'Call-recording guidance (RIPA 2000; LBP Regulations 2000)';

/**
 * Call-recording guidance: a call recorded with no notice given to the recipient (no
 * tone, message or spoken warning), where the host has no standing written notice for
 * the campaign (terms of business, publicity). Returns the flag, or `null`.
 */
export function recordingWithoutNotice(record: CallRecord, standingNotice = false): Flag<'recordingWithoutNotice'> | null {
  if (record.recordingAt === null || record.recordingNotice !== false || standingNotice) return null;
  return flag('recordingWithoutNotice', record.callId, record.recordingAt, RECORDING_GUIDANCE_REF, { recordingAt: record.recordingAt });
}
