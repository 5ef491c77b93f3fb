/**
 * Complaints and unknown facts (README "Evidence: unknown is not absent"): a matching call
 * whose category is undetermined may have been silent or abandoned (A1.3, A1.9), so the
 * matcher says the records cannot show it rather than "no matching call was silent or
 * abandoned". And its memory is bounded by the complaints, not the calls (hostile input).
 */
import { describe, expect, it } from 'vitest';
import { classify, createComplaintMatcher, matchComplaint, type CallRecord } from '../../src/internals.js';
import { answeredRecord } from '../support/records.js';
import { T0 } from '../support/calls.js';
import { recordAt } from '../report/helpers.js';

const TO = '01632960001';
const undetermined = answeredRecord('u1', { to: TO, unknown: ['agentAt', 'messageAt'] });

describe('matchComplaint with undetermined matching calls', () => {
  it('the only match undetermined: silentOrAbandonedUnknown, not noSilentOrAbandoned', () => {
    expect(classify(undetermined).category).toBe('undetermined');
    const m = matchComplaint({ calledNumber: '01632 960001', reportedAt: T0 }, [undetermined]);
    expect(m.matchCount).toBe(1);
    expect(m.findings).toEqual([
      {
        kind: 'silentOrAbandonedUnknown',
        matches: 1,
        undetermined: 1,
        message: 'no matching call was silent or abandoned by these records, but 1 of 1 have an undetermined category: the records cannot show whether they were',
      },
    ]);
  });

  it('a live match beside the undetermined one: still unknown; a silent match: neither finding', () => {
    const live = recordAt('l1', T0, 'live', { to: TO });
    const silent = recordAt('s1', T0, 'silent', { to: TO });
    expect(matchComplaint({ calledNumber: TO, reportedAt: T0 }, [undetermined, live]).findings.map((f) => f.kind)).toEqual(['silentOrAbandonedUnknown']);
    expect(matchComplaint({ calledNumber: TO, reportedAt: T0 }, [live]).findings.map((f) => f.kind)).toEqual(['noSilentOrAbandoned']);
    expect(matchComplaint({ calledNumber: TO, reportedAt: T0 }, [undetermined, silent]).findings).toEqual([]);
  });
});

describe('complaint matcher: a call given twice counts once, in bounded memory', () => {
  it('the same call given twice counts once', () => {
    const live = recordAt('l1', T0, 'live', { to: TO });
    const m = matchComplaint({ calledNumber: TO, reportedAt: T0 }, [live, live, undetermined, undetermined]);
    expect(m.matchCount).toBe(2);
    expect(m.matches.map((x) => x.callId)).toEqual(['l1', 'u1'].sort());
  });

  it('past its room for ids (16,384 per complaint) it counts on, and says a duplicate may be counted twice', () => {
    const c = classify(recordAt('l', T0, 'live', { to: TO }));
    const matcher = createComplaintMatcher([{ calledNumber: TO, reportedAt: T0 }]);
    const N = 16_384 + 10;
    for (let i = 0; i < N; i++) matcher.add({ ...c, record: { ...c.record, callId: `c${i}` } as CallRecord });
    for (let i = 0; i < 5; i++) matcher.add({ ...c, record: { ...c.record, callId: `c${i}` } as CallRecord }); // remembered: not counted again
    const r = matcher.results()[0]!;
    expect(r.matchCount).toBe(N);
    expect(r.findings.map((f) => f.kind)).toEqual(['noSilentOrAbandoned', 'duplicatesUnchecked']);
    expect(r.findings[1]).toMatchObject({ kind: 'duplicatesUnchecked', unchecked: 10 });
  });

  it('ids of a megabyte in all fill the room: the next call is counted unchecked', () => {
    const c = classify(recordAt('l', T0, 'live', { to: TO }));
    const matcher = createComplaintMatcher([{ calledNumber: TO }]);
    const big = 'x'.repeat(1 << 19);
    matcher.add({ ...c, record: { ...c.record, callId: `a${big}`.slice(0, 1 << 19) } as CallRecord });
    matcher.add({ ...c, record: { ...c.record, callId: `b${big}`.slice(0, 1 << 19) } as CallRecord });
    matcher.add({ ...c, record: { ...c.record, callId: 'c' } as CallRecord });
    const r = matcher.results()[0]!;
    expect(r.matchCount).toBe(3);
    expect(r.findings).toContainEqual(expect.objectContaining({ kind: 'duplicatesUnchecked', unchecked: 1 }));
  });
});
