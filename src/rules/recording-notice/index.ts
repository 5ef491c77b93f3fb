import { flag } from '../../flags.js';
import { missingFacts, notJudged, type CallRule } from '../rule.js';

/** The reference cited for recording without notice. */
export const RECORDING_GUIDANCE_REF = 'Call-recording guidance (RIPA 2000; LBP Regulations 2000)';

/** The measured values of a `recordingWithoutNotice` flag. */
export interface RecordingWithoutNoticeDetail {
  readonly recordingAt: number;
}

/**
 * Call-recording guidance: a call recorded with no notice given to the recipient (no
 * tone, message or spoken warning), where the host has no standing written notice for
 * the campaign (terms of business, publicity: `ClassifyOptions.standingRecordingNotice`).
 * Not judged when the records have no recording facts. Raised when recording started.
 */
export const recordingNoticeRule: CallRule<'recordingWithoutNotice'> = {
  id: 'recordingNotice',
  title: 'notice of recording',
  refs: [RECORDING_GUIDANCE_REF],
  flags: { recordingWithoutNotice: { ref: RECORDING_GUIDANCE_REF, title: 'recorded without notice' } },
  judge(record, _policy, { standingRecordingNotice }) {
    const missing = missingFacts(record, ['recordingAt']);
    if (missing !== null) return notJudged(recordingNoticeRule, missing);
    if (record.recordingAt === null || record.recordingNotice !== false || standingRecordingNotice) return null;
    return flag('recordingWithoutNotice', record.callId, record.recordingAt, RECORDING_GUIDANCE_REF, { recordingAt: record.recordingAt });
  },
};
