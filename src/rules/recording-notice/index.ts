import { flag } from '../../flags.js';
import { missingFacts, notJudged, type CallRule } from '../rule.js';

/** The reference cited for recording without notice. */
export const RECORDING_GUIDANCE_REF = 'Call-recording guidance (RIPA 2000; LBP Regulations 2000)';

/** Why the rule is not judged on a recorded call whose records do not say whether notice was given. */
export const NOTICE_NOT_RECORDED = 'the records show a recording but not whether notice was given';

/** The measured values of a `recordingWithoutNotice` flag. */
export interface RecordingWithoutNoticeDetail {
  readonly recordingAt: number;
}

/**
 * Call-recording guidance: a call recorded with no notice given to the recipient (no
 * tone, message or spoken warning), where the host has no standing written notice for
 * the campaign (terms of business, publicity: `ClassifyOptions.standingRecordingNotice`).
 * With standing notice the rule is judged, no breach, whatever the records show of
 * recording. Without it, not judged when the records have no recording facts, or show a
 * recording but not whether notice was given (`recordingNotice` `null`): the guidance
 * asks that "every reasonable effort is made to inform all parties", and records that do
 * not say cannot show it — never a pass. Raised when recording started.
 */
export const recordingNoticeRule: CallRule<'recordingWithoutNotice'> = {
  id: 'recordingNotice',
  title: 'notice of recording',
  refs: [RECORDING_GUIDANCE_REF],
  flags: { recordingWithoutNotice: { ref: RECORDING_GUIDANCE_REF, title: 'recorded without notice' } },
  judge(record, _policy, { standingRecordingNotice }) {
    if (standingRecordingNotice) return null; // written notice for every call of the campaign: no recording fact is needed
    const missing = missingFacts(record, ['recordingAt']);
    if (missing !== null) return notJudged(recordingNoticeRule, missing);
    if (record.recordingAt === null || record.recordingNotice === true) return null;
    if (record.recordingNotice === null) return notJudged(recordingNoticeRule, NOTICE_NOT_RECORDED);
    return flag('recordingWithoutNotice', record.callId, record.recordingAt, RECORDING_GUIDANCE_REF, { recordingAt: record.recordingAt });
  },
};
