/**
 * Facts a record's source could not show (`CallRecord.unknown`): an absent list means every
 * fact is known; a rule that needs an unknown fact says which, in words.
 */
import { describe, expect, it } from 'vitest';
import { classify, misuseAll, recordFromDial, type CallRecord } from 'dialguard/internals';
import { dial, T0 } from '../support/calls.js';

/** A call dialled at T0 (Leeds CLI, no AMD, a message planned), nothing else known yet. */
const base = recordFromDial(dial('u1'));

/** The record without an `unknown` list at all (a hand-built record, or one from an older version). */
const withoutList = (r: CallRecord): CallRecord => {
  const { unknown: _, ...rest } = r;
  return rest;
};

const reasons = (r: CallRecord) => (classify(r).notJudged ?? []).map((n) => [n.rule, n.reason]);

describe('unknown facts, in words', () => {
  const answered = { ...base, answerAt: T0 + 5_000, hangupAt: T0 + 60_000, hangupBy: 'recipient' as const, lastEventAt: T0 + 60_000 };
  const unanswered = { ...base, hangupAt: T0 + 10_000, hangupBy: 'caller' as const, lastEventAt: T0 + 10_000 };

  it('a record with no list of unknown facts is judged as one whose every fact is known', () => {
    for (const r of [answered, unanswered, { ...answered, agentAt: T0 + 5_500 }]) {
      expect(classify(withoutList(r))).toEqual({ ...classify({ ...r, unknown: [] }), record: withoutList(r) });
      expect(classify(withoutList(r)).notJudged).toEqual([]);
    }
    expect(classify(withoutList(unanswered)).flags.map((f) => f.kind)).toEqual(['shortRing']);
    expect(misuseAll([classify(withoutList(unanswered))]).map((u) => u.call.notJudged)).toEqual([[]]);
  });

  it('one missing fact is named; several are joined with "or", in the rule\'s order', () => {
    expect(reasons({ ...unanswered, unknown: ['hangupBy'] })).toEqual([['shortRing', 'the records have no who hung up']]);
    expect(reasons({ ...unanswered, hangupBy: null, hangupAt: null, unknown: ['hangupBy', 'hangupAt'] })).toContainEqual([
      'shortRing',
      'the records have no hang-up times or who hung up',
    ]);
    expect(reasons({ ...answered, unknown: ['messageAt', 'agentAt'] })).toContainEqual(['lateMessage', 'the records have no agent-connect times or message times']);
  });

  it('a reason names only the facts its rule needs', () => {
    expect(reasons({ ...unanswered, unknown: ['recordingAt', 'hangupBy'] })).toContainEqual(['shortRing', 'the records have no who hung up']);
    expect(classify({ ...unanswered, unknown: ['messageContent'] }).flags.map((f) => f.kind)).toEqual(['shortRing']);
  });
});
