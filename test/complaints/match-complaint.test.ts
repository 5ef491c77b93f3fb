import { describe, expect, it } from 'vitest';
import {
  ComplaintError,
  createComplaintMatcher,
  DEFAULT_COMPLAINT_TOLERANCE_MS,
  matchComplaint,
  type Complaint,
} from '../../src/complaints/index.js';
import { classify, numberKey, type CallRecord } from '../../src/internals.js';
import { misuseAll } from '../../src/misuse/misuse-all.js';
import { DAY, HOUR, MINUTE, recordAt, T0 } from '../report/helpers.js';

// Calls to 01632 960001 from the customer's CLI 0113 496 1000, campaign "secret-campaign".
const over = { to: '01632960001', cli: '01134961000', campaignId: 'secret-campaign', callCentreId: 'secret-centre' };
const silent = recordAt('s1', T0, 'silent', over); // dial T0, ends T0 + 9 s
const live = recordAt('l1', T0 + HOUR, 'live', over); // ends T0 + 1 h + 60 s
const other = recordAt('x1', T0, 'silent', { ...over, to: '01632960999' });
const records: CallRecord[] = [silent, live, other];

describe('matchComplaint: the number', () => {
  it.each(['+44 1632 960001', '+441632960001', '0044 1632 960001', '01632 960001', '(01632) 960-001', '+44 (0)1632 960001'])('matches %s to 01632960001', (calledNumber) => {
    const m = matchComplaint({ calledNumber, reportedAt: T0 }, records);
    expect(m.matches.map((x) => x.callId)).toEqual(['s1']);
    expect(m.findings).toEqual([]);
  });

  it('keys numbers by their national form', () => {
    expect(numberKey('+44 20 7946 0123')).toBe('02079460123');
    expect(numberKey('+1 212 555 0100')).toBe('12125550100');
    expect(numberKey('withheld')).toBe('withheld');
  });

  it('finds nothing for a number never called', () => {
    const m = matchComplaint({ id: 'N', calledNumber: '01632 960555', reportedAt: T0 }, records);
    expect(m).toMatchObject({ matches: [], matchCount: 0 });
    expect(m.findings.map((f) => f.kind)).toEqual(['noCallToNumber']);
  });

  it('says when the number is not a UK number and is compared by its digits', () => {
    const abroad = recordAt('a1', T0, 'silent', { to: '+1 212 555 0100' });
    const m = matchComplaint({ calledNumber: '+1 (212) 555-0100', reportedAt: T0 }, [abroad]);
    expect(m.matches).toHaveLength(1);
    expect(m.findings.map((f) => f.kind)).toEqual(['calledNumberNotUk']);
  });
});

describe('matchComplaint: the time', () => {
  const tol = DEFAULT_COMPLAINT_TOLERANCE_MS;

  it('matches a call whose span touches reportedAt ± 15 minutes, both edges included', () => {
    expect(tol).toBe(15 * MINUTE);
    // silent ends at T0 + 9 s: a report 15 min after that still touches it.
    expect(matchComplaint({ calledNumber: '01632960001', reportedAt: T0 + 9000 + tol }, records).matches.map((m) => m.callId)).toEqual(['s1']);
    // live is dialled at T0 + 1 h: a report 15 min before still touches it.
    expect(matchComplaint({ calledNumber: '01632960001', reportedAt: T0 + HOUR - tol }, records).matches.map((m) => m.callId)).toEqual(['l1']);
  });

  it('one millisecond outside is no match, and says where the calls were', () => {
    const m = matchComplaint({ calledNumber: '01632960001', reportedAt: T0 + 9000 + tol + 1 }, records);
    expect(m.matches).toEqual([]);
    expect(m.findings).toEqual([
      { kind: 'outsideWindow', callsToNumber: 2, nearestBefore: T0, nearestAfter: T0 + HOUR, message: expect.stringContaining('none at the time given') },
    ]);
  });

  it('matches a call that began before the window and was still going in it', () => {
    const m = matchComplaint({ calledNumber: '01632960001', window: { from: T0 + HOUR + 30_000, to: T0 + HOUR + 40_000 } }, records);
    expect(m.matches).toMatchObject([{ callId: 'l1', at: T0 + HOUR, endAt: T0 + HOUR + 60_000, category: 'live' }]);
  });

  it('takes a window over reportedAt, and a custom tolerance', () => {
    const window = { from: T0 + HOUR, to: T0 + HOUR };
    expect(matchComplaint({ calledNumber: '01632960001', reportedAt: T0, window }, records).matches.map((m) => m.callId)).toEqual(['l1']);
    expect(matchComplaint({ calledNumber: '01632960001', reportedAt: T0 + 2 * HOUR }, records, undefined, { toleranceMs: HOUR }).matches.map((m) => m.callId)).toEqual(['l1']);
    const m = matchComplaint({ calledNumber: '01632960001', reportedAt: T0 + 20 * MINUTE }, records, undefined, { toleranceMs: 0 });
    expect(m.window).toEqual({ from: T0 + 20 * MINUTE, to: T0 + 20 * MINUTE });
    expect(m.matches).toEqual([]);
  });

  it('without a time every call to the number matches, and says so', () => {
    const m = matchComplaint({ calledNumber: '01632960001' }, records);
    expect(m.window).toBeNull();
    expect(m.matches.map((x) => x.callId)).toEqual(['s1', 'l1']);
    expect(m.findings.map((f) => f.kind)).toEqual(['noTimeGiven']);
  });
});

describe('matchComplaint: the CLI', () => {
  it('matches the CLI the complainant saw in any format', () => {
    const m = matchComplaint({ calledNumber: '01632960001', presentedCli: '+44 113 496 1000', reportedAt: T0 }, records);
    expect(m.matches[0]!.cliMatches).toBe(true);
    expect(m.findings).toEqual([]);
  });

  it('a CLI no matching call presented is a possible spoof', () => {
    const m = matchComplaint({ calledNumber: '01632960001', presentedCli: '0800 000 0001', reportedAt: T0 }, records);
    expect(m.matches.map((x) => [x.callId, x.cliMatches])).toEqual([['s1', false]]);
    expect(m.findings).toEqual([{ kind: 'noCallFromCli', matches: 1, message: expect.stringContaining('spoofed CLI') }]);
  });

  it('a withheld CLI: matched when the calls withheld it, with the A2.13 finding', () => {
    const hidden = recordAt('h1', T0, 'silent', { ...over, cli: null });
    const m = matchComplaint({ calledNumber: '01632960001', presentedCli: null, reportedAt: T0 }, [hidden, live]);
    expect(m.matches.map((x) => [x.callId, x.cliMatches])).toEqual([['h1', true]]);
    expect(m.matches[0]!.flags).toContainEqual({ kind: 'cliWithheld', ref: 'A2.13' });
    expect(m.findings).toEqual([{ kind: 'cliWithheldOnMatches', ref: 'A2.13', withheld: 1, matches: 1, message: expect.stringContaining('A2.13') }]);
    // The complainant saw "withheld", but every matching call presented a CLI.
    expect(matchComplaint({ calledNumber: '01632960001', presentedCli: null, reportedAt: T0 }, records).findings.map((f) => f.kind)).toEqual(['noCallFromCli']);
  });

  it('a blank presented CLI is a withheld one, as a blank CLI on the records is', () => {
    const hidden = recordAt('h1', T0, 'silent', { ...over, cli: '' });
    for (const presentedCli of ['', '   ']) {
      const m = matchComplaint({ calledNumber: '01632960001', presentedCli, reportedAt: T0 }, [hidden, live]);
      expect(m.matches.map((x) => [x.callId, x.cliMatches])).toEqual([['h1', true]]);
      expect(m.findings.map((f) => f.kind)).toEqual(['cliWithheldOnMatches']);
    }
  });

  it('leaves cliMatches null when the complaint names no CLI', () => {
    expect(matchComplaint({ calledNumber: '01632960001', reportedAt: T0 }, records).matches[0]!.cliMatches).toBeNull();
  });
});

describe('matchComplaint: what the matches show', () => {
  it('gives each match its category and flags with paragraphs', () => {
    const m = matchComplaint({ calledNumber: '01632960001', reportedAt: T0 }, records);
    expect(m.matches).toEqual([{ callId: 's1', at: T0, endAt: T0 + 9000, category: 'silent', flags: [{ kind: 'silentCall', ref: 'A1.3' }], cliMatches: null }]);
  });

  it('includes the cross-call flags of classified calls out of misuse (A2.9)', () => {
    const again = recordAt('s2', T0 + HOUR, 'silent', over);
    const updates = misuseAll([classify(silent), classify(live), classify(again)]);
    const m = matchComplaint({ calledNumber: '01632960001', window: { from: T0, to: T0 + 2 * HOUR } }, updates.map((u) => u.call));
    expect(m.matches[1]!.flags).not.toContainEqual({ kind: 'repeatWithin72h', ref: 'A2.9' }); // a live repeat is not misuse (footnote 37)
    expect(m.matches[2]!.flags).toContainEqual({ kind: 'repeatWithin72h', ref: 'A2.9' });
  });

  it('says when no matching call was silent or abandoned', () => {
    const m = matchComplaint({ calledNumber: '01632960001', reportedAt: T0 + HOUR }, records);
    expect(m.findings).toEqual([{ kind: 'noSilentOrAbandoned', matches: 1, message: expect.any(String) }]);
  });

  it('holds nothing about the customer beyond call ids, times, categories and flags', () => {
    const complaint: Complaint = { id: 'K1', calledNumber: '+44 1632 960001', presentedCli: '0800 000 0001', reportedAt: T0, text: 'they keep ringing' };
    const m = matchComplaint(complaint, records);
    expect(m.complaint).toBe(complaint);
    const text = JSON.stringify({ ...m, complaint: null });
    for (const secret of ['secret-campaign', 'secret-centre', '01134961000', '0113', '01632960001', '01632960999', 'x1']) expect(text).not.toContain(secret);
    expect(Object.keys(m.matches[0]!).sort()).toEqual(['at', 'callId', 'category', 'cliMatches', 'endAt', 'flags']);
  });

  it('caps the matches listed, earliest first, and counts them all', () => {
    const many = Array.from({ length: 10 }, (_, i) => recordAt(`m${i}`, T0 + (9 - i) * MINUTE, 'silent', over));
    const m = matchComplaint({ calledNumber: '01632960001', window: { from: T0, to: T0 + HOUR } }, many, undefined, { maxMatches: 3 });
    expect(m.matchCount).toBe(10);
    expect(m.matches.map((x) => x.callId)).toEqual(['m9', 'm8', 'm7']);
    expect(matchComplaint({ calledNumber: '01632960001' }, many, undefined, { maxMatches: 0 })).toMatchObject({ matches: [], matchCount: 10 });
  });

  it('counts a call given twice once', () => {
    expect(matchComplaint({ calledNumber: '01632960001', reportedAt: T0 }, [silent, silent]).matchCount).toBe(1);
  });
});

describe('complaint matcher', () => {
  it('matches many complaints in one pass, each against its own number', () => {
    const matcher = createComplaintMatcher([
      { id: 'A', calledNumber: '01632 960001', reportedAt: T0 },
      { id: 'B', calledNumber: '01632 960999', reportedAt: T0 },
      { id: 'C', calledNumber: '01632 960001', reportedAt: T0 + DAY },
    ]);
    records.forEach((r) => matcher.add(r));
    expect(matcher.results().map((r) => [r.complaint.id, r.matches.map((m) => m.callId), r.findings.map((f) => f.kind)])).toEqual([
      ['A', ['s1'], []],
      ['B', ['x1'], []],
      ['C', [], ['outsideWindow']],
    ]);
  });

  it('rejects malformed complaints with a typed error naming the field', () => {
    expect(() => matchComplaint({ calledNumber: '  ' }, records)).toThrow(ComplaintError);
    expect(() => matchComplaint({ id: 'W', calledNumber: '01632960001', window: { from: T0 + 1, to: T0 } }, records)).toThrow(/complaint W: window should start no later/);
    expect(() => matchComplaint({ calledNumber: '01632960001', reportedAt: Number.NaN }, records)).toThrow(/reportedAt/);
    expect(() => matchComplaint({ calledNumber: '01632960001' }, records, undefined, { toleranceMs: -1 })).toThrow(/toleranceMs/);
    try {
      matchComplaint({ calledNumber: '' }, records);
    } catch (e) {
      expect(e).toMatchObject({ code: 'INVALID_COMPLAINT', field: 'calledNumber' });
    }
  });
});
