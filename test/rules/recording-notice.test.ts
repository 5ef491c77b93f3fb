/**
 * Call-recording guidance on a stored record that shows the call was recorded but not
 * whether the recipient was told: it cannot show compliance, so the rule is "not judged",
 * never passed.
 *
 * Call-recording guidance: "The most fundamental requirement of this condition has been
 * that every reasonable effort is made to inform all parties to a telephone conversation
 * that it may or will be recorded." (digest: "A recording with no notice to the other
 * party is the case to flag.")
 * README, "Evidence: unknown is not absent": "Every rule that needs an unknown fact answers
 * **not judged** instead of passing".
 */
import { describe, expect, it } from 'vitest';
import { classify, parseCallRecord } from 'dialguard';
import { T0 } from '../support/calls.js';

describe('recording with no word on notice (call-recording guidance)', () => {
  // A CDR row: answered, an agent took it, the call was recorded; the source has no column saying whether notice was given.
  const record = parseCallRecord({
    callId: 'r1',
    campaignId: 'spring',
    callCentreId: 'leeds',
    to: '01632960001',
    cli: '01134961000',
    agentGuaranteed: false,
    amd: false,
    messagePlanned: true,
    dialAt: T0,
    answerAt: T0 + 5_000,
    agentAt: T0 + 5_500,
    recordingAt: T0 + 5_500,
    hangupAt: T0 + 120_000,
    hangupBy: 'recipient',
  });

  it('premise: the record shows a recording and no notice fact', () => {
    expect(record.recordingAt).toBe(T0 + 5_500);
    expect(record.recordingNotice).toBeNull();
  });

  it('is not judged, saying why — neither flagged nor passed (call-recording guidance)', () => {
    const c = classify(record);
    expect(c.flags.map((f) => f.kind)).not.toContain('recordingWithoutNotice');
    expect((c.notJudged ?? []).find((n) => n.rule === 'recordingNotice')).toMatchObject({
      reason: 'the records show a recording but not whether notice was given',
    });
  });

  it('with standing written notice for the campaign (terms of business, publicity), the per-call notice is not needed: judged, no breach', () => {
    const c = classify(record, undefined, { standingRecordingNotice: ['spring'] });
    expect(c.flags.map((f) => f.kind)).not.toContain('recordingWithoutNotice');
    expect((c.notJudged ?? []).map((n) => n.rule)).not.toContain('recordingNotice');
  });

  it('the records saying notice was given, or not, decide it', () => {
    expect(classify({ ...record, recordingNotice: true }).flags.map((f) => f.kind)).not.toContain('recordingWithoutNotice');
    expect(classify({ ...record, recordingNotice: false }).flags.map((f) => f.kind)).toContain('recordingWithoutNotice');
  });

  it('with standing written notice, judged (no breach) even when the records have no recording facts at all: the notice covers every call of the campaign', () => {
    const noRecordingFacts = parseCallRecord({ ...record, recordingAt: null, unknown: ['recordingAt'] });
    const standing = classify(noRecordingFacts, undefined, { standingRecordingNotice: ['spring'] });
    expect((standing.notJudged ?? []).map((n) => n.rule)).not.toContain('recordingNotice');
    expect(standing.flags.map((f) => f.kind)).not.toContain('recordingWithoutNotice');
    // Another campaign's standing notice does not cover it.
    expect((classify(noRecordingFacts, undefined, { standingRecordingNotice: ['autumn'] }).notJudged ?? []).find((n) => n.rule === 'recordingNotice')?.reason).toBe('the records have no recording facts');
  });
});
