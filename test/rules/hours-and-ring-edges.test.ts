/**
 * A2.11 calling hours and A2.15 short rings at the edges of what a record can show: a dial
 * time with no calendar day or a zone this runtime does not know leaves the hours rule not
 * judged, saying which; a ring the caller ended with no hang-up time recorded is no short ring.
 */
import { describe, expect, it } from 'vitest';
import { classify, type CallRecord } from '../../src/internals.js';
import { T0 } from '../support/calls.js';
import { unansweredRecord } from '../support/records.js';

const unanswered = (over: Partial<CallRecord>): CallRecord => unansweredRecord('h1', over);

const reason = (record: CallRecord, rule: string) => (classify(record).notJudged ?? []).find((n) => n.rule === rule)?.reason ?? null;

describe('calling hours not judged (A2.11)', () => {
  it('a dial time with no calendar day', () => {
    expect(reason(unanswered({ dialAt: 8.64e15, ringingAt: null, hangupAt: 8.64e15, lastEventAt: 8.64e15 }), 'unsociableHours')).toBe('the dial time has no calendar day');
  });

  it('a zone this runtime does not know, named', () => {
    expect(reason(unanswered({ zone: 'Mars/Olympus_Mons' }), 'unsociableHours')).toBe("the recipient's zone (the record's zone) is not a time zone this runtime knows"); // the zone is not in the reason: the report counts per reason
  });

  it('a known zone: judged', () => {
    expect(reason(unanswered({ zone: 'Europe/London' }), 'unsociableHours')).toBeNull();
  });
});

describe('short rings (A2.15) with no hang-up time', () => {
  it('the caller ended it but no hang-up time was recorded: nothing to measure, no flag', () => {
    const c = classify(unanswered({ hangupAt: null, lastEventAt: T0 + 500 }));
    expect(c.flags.some((f) => f.kind === 'shortRing')).toBe(false);
    expect(reason(unanswered({ hangupAt: null, lastEventAt: T0 + 500 }), 'shortRing')).toBeNull();
  });

  it('the same ring with its hang-up time: a short ring', () => {
    expect(classify(unanswered({})).flags.some((f) => f.kind === 'shortRing')).toBe(true);
  });
});
