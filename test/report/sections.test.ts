import { describe, expect, it } from 'vitest';
import { matchComplaint } from '../../src/complaints/index.js';
import { acrTable, createAcrTally, definePolicy, ofcom2017, type ClassifiedCall } from '../../src/internals.js';
import { misuseAll } from '../../src/misuse/misuse-all.js';
import { createReportBuilder, FLAG_KINDS, report } from '../../src/report/index.js';
import { callAt, DAY, HOUR, MINUTE, recordAt, T0 } from './helpers.js';

// T0 is 10:00 on Monday 23 November 2026 in London (GMT), in ISO week 2026-W48.

describe('report: calls by category per scope and day', () => {
  const calls: ClassifiedCall[] = [
    callAt('1', T0, 'live', { campaignId: 'spring', callCentreId: 'leeds' }),
    callAt('2', T0 + MINUTE, 'abandoned', { campaignId: 'spring', callCentreId: 'leeds', to: '01632960002' }),
    callAt('3', T0 + 2 * MINUTE, 'silent', { campaignId: 'spring', callCentreId: 'cebu', to: '01632960003' }),
    callAt('4', T0 + 3 * MINUTE, 'unanswered', { campaignId: 'autumn', callCentreId: 'cebu', to: '01632960004' }),
    callAt('5', T0 + DAY, 'machine', { campaignId: 'autumn', callCentreId: 'leeds', to: '01632960005' }),
    callAt('6', T0 + DAY + MINUTE, 'live', { campaignId: 'autumn', callCentreId: 'leeds', to: '01632960006' }),
  ];
  const r = report(calls);
  const scope = (s: string, campaignId: string | null, callCentreId: string | null) =>
    r.scopes.find((x) => x.scope === s && x.campaignId === campaignId && x.callCentreId === callCentreId)!;

  it('counts each category per day, with its share of all calls', () => {
    const all = scope('all', null, null);
    expect(all.days.map((d) => d.date)).toEqual(['2026-11-23', '2026-11-24']);
    expect(all.days[0]!.counts).toEqual({ calls: 4, live: 1, abandoned: 1, silent: 1, answerMachine: 0, unconnected: 1, undetermined: 0 });
    expect(all.days[0]!.rates).toEqual({ live: 0.25, abandoned: 0.25, silent: 0.25, answerMachine: 0, unconnected: 0.25, undetermined: 0 });
    expect(all.days[1]!.counts).toMatchObject({ calls: 2, live: 1, answerMachine: 1 });
    expect(r.categories).toEqual({ calls: 6, live: 2, abandoned: 1, silent: 1, answerMachine: 1, unconnected: 1, undetermined: 0 });
    expect(r.rates.silent).toBeCloseTo(1 / 6);
  });

  it('lists every scope (A3.4): all, each campaign, each call centre, each campaign in each centre', () => {
    expect(r.scopes.map((s) => [s.scope, s.campaignId, s.callCentreId])).toEqual([
      ['all', null, null],
      ['campaign', 'autumn', null],
      ['campaign', 'spring', null],
      ['callCentre', null, 'cebu'],
      ['callCentre', null, 'leeds'],
      ['campaignCallCentre', 'autumn', 'cebu'],
      ['campaignCallCentre', 'autumn', 'leeds'],
      ['campaignCallCentre', 'spring', 'cebu'],
      ['campaignCallCentre', 'spring', 'leeds'],
    ]);
    expect(scope('campaign', 'spring', null).totals).toMatchObject({ calls: 3, live: 1, abandoned: 1, silent: 1 });
    expect(scope('callCentre', null, 'cebu').totals).toMatchObject({ calls: 2, silent: 1, unconnected: 1 });
    expect(scope('campaignCallCentre', 'autumn', 'leeds').days.map((d) => d.date)).toEqual(['2026-11-24']);
    expect(report(calls, { scopes: ['campaign'] }).scopes.map((s) => s.scope)).toEqual(['campaign', 'campaign']);
  });

  it('gives each day the ACR of acrTable: x, y, z, rate, estimated (Annex 3)', () => {
    const tally = createAcrTally(ofcom2017.timeZone);
    calls.forEach((c) => tally.add(c));
    const table = acrTable(tally.counters(), { alertRate: ofcom2017.acr.alertRate });
    for (const row of table) {
      const day = scope(row.scope, row.campaignId, row.callCentreId).days.find((d) => d.date === row.date)!;
      expect(day.acr).toEqual({ x: row.acr.x, y: row.acr.y, z: row.acr.z, rate: row.acr.rate, estimated: row.acr.estimated, alert: row.alert });
    }
    expect(scope('all', null, null).days[0]!.acr).toMatchObject({ x: 1, y: 1, rate: 0.5, estimated: false, alert: true });
    expect(scope('all', null, null).acr).toMatchObject({ daysWithRate: 2, highestRate: 0.5, highestRateDate: '2026-11-23', daysAboveAlert: 1 });
  });

  it('marks estimated days (A3.6) when the answerer of an abandoned call is unknown', () => {
    const unknown = callAt('u', T0, 'abandonedUnknown');
    const est = report([unknown, callAt('l', T0 + MINUTE, 'live', { to: '01632960009' })]);
    // No verdict and no disposition: the answerer is unknown, and z = 0 keeps x = 1.
    expect(est.scopes[0]!.days[0]!.acr).toMatchObject({ x: 1, y: 1, estimated: true });
  });
});

describe('report: flags', () => {
  it('counts every flag kind (zero included) with the paragraphs seen', () => {
    const r = report([
      callAt('1', T0, 'silent'),
      callAt('2', T0 + HOUR, 'amdFalsePositive', { to: '01632960002' }),
      callAt('3', T0 + 2 * HOUR, 'shortRing', { to: '01632960003' }),
      callAt('4', T0 + 3 * HOUR, 'live', { to: '01632960004', cli: null }),
    ]);
    expect(r.flags.map((f) => f.kind)).toEqual(FLAG_KINDS);
    const f = Object.fromEntries(r.flags.map((x) => [x.kind, x]));
    expect(f.silentCall).toMatchObject({ count: 2, refs: ['A1.3', 'A1.6'] });
    expect(f.shortRing).toMatchObject({ count: 1, refs: ['A2.15'] });
    expect(f.cliWithheld).toMatchObject({ count: 1, refs: ['A1.20'] });
    expect(f.lateMessage).toMatchObject({ count: 0, refs: ['A2.19'] });
    expect(r.scopes[0]!.days[0]!.flags).toEqual({ silentCall: 2, shortRing: 1, cliWithheld: 1 });
  });

  it('counts repeats within 72 h (A2.9) and scope flags out of misuse, against the rows they are about', () => {
    const policy = { ...ofcom2017, cli: { ...ofcom2017.cli, maxDistinctPerCampaignDay: 1 }, acr: { ...ofcom2017.acr, alertMinCalls: 0 } };
    const calls = [
      callAt('1', T0, 'abandoned', { cli: '0113 496 1001', callCentreId: 'leeds' }),
      callAt('2', T0 + HOUR, 'silent', { cli: '0113 496 1002', callCentreId: 'cebu' }),
      callAt('3', T0 + 2 * HOUR, 'live', { to: '01632960003', callCentreId: 'cebu' }),
    ];
    const updates = misuseAll(calls, policy);
    const r = report(updates, { policy });
    expect(r.repeatsWithin72h).toBe(1);
    const count = (kind: string) => r.flags.find((f) => f.kind === kind)!.count;
    expect(count('repeatWithin72h')).toBe(1);
    expect(count('tooManyClis')).toBe(1);
    expect(count('acrAlert')).toBeGreaterThan(0);
    const row = (scope: string, c: string | null, l: string | null) => r.scopes.find((s) => s.scope === scope && s.campaignId === c && s.callCentreId === l)!;
    // tooManyClis is about the campaign's day: it counts for the campaign, not for a call centre.
    expect(row('campaign', 'spring', null).flags.tooManyClis).toBe(1);
    expect(row('callCentre', null, 'cebu').flags.tooManyClis).toBeUndefined();
    expect(row('campaignCallCentre', 'spring', 'cebu').flags.tooManyClis).toBeUndefined();
    // The same counts through `scopeFlags`, from the calls alone; but calls cannot show the
    // rules across calls ran on them, so those are listed as not judged (give the updates).
    const scopeFlags = updates.flatMap((u) => u.raised.filter((f) => f.callId === null));
    const fromCalls = report(updates.map((u) => u.call), { policy, scopeFlags });
    expect(fromCalls.scopes).toEqual(r.scopes);
    expect(fromCalls.flags.map((f) => [f.kind, f.count, f.refs])).toEqual(r.flags.map((f) => [f.kind, f.count, f.refs]));
    expect(r.coverage.rules).toEqual([]);
    expect(fromCalls.coverage.rules.map((x) => [x.rule, x.notJudged])).toEqual([['acrAlert', 3], ['numberScanning', 3], ['repeatWithin72h', 3], ['tooManyClis', 3]]);
  });

  it('keeps a few example flags per kind, earliest first, whatever the input order', () => {
    const calls = Array.from({ length: 12 }, (_, i) => callAt(`s${i}`, T0 + i * MINUTE, 'silent', { to: `016329600${10 + i}` }));
    const r = report(calls);
    expect(r.worstCalls.silentCall!.map((e) => e.callId)).toEqual(['s0', 's1', 's2', 's3', 's4']);
    expect(r.worstCalls.silentCall![0]).toMatchObject({ kind: 'silentCall', ref: 'A1.3', date: '2026-11-23', campaignId: 'spring', callCentreId: 'leeds' });
    expect(report([...calls].reverse())).toEqual(r);
    expect(report(calls, { examplesPerKind: 2 }).worstCalls.silentCall).toHaveLength(2);
    expect(JSON.stringify(r.worstCalls)).not.toContain('01632960');
  });
});

describe('report: persistence (Section 1)', () => {
  const weekly = (weeks: readonly number[], misuse: readonly number[]): ClassifiedCall[] =>
    weeks.map((w) => callAt(`w${w}`, T0 + w * 7 * DAY, misuse.includes(w) ? 'silent' : 'live', { to: `01632960${100 + w}` }));

  it('at different points: misuse in some weeks with calls', () => {
    const r = report(weekly([0, 1, 2, 3], [0, 2]), { to: T0 + 4 * 7 * DAY });
    expect(r.persistence).toMatchObject({
      weeksWithCalls: 4,
      weeksWithMisuse: 2,
      shareOfWeeksWithCalls: 0.5,
      misuseWeeks: ['2026-W48', '2026-W50'],
      misuseDays: ['2026-11-23', '2026-12-07'],
      throughout: false,
      pattern: 'atDifferentPoints',
    });
    expect(r.scopes[0]!.weeks.filter((w) => w.misuse).map((w) => w.start)).toEqual(['2026-11-23', '2026-12-07']);
  });

  it('throughout: every week of the period had misuse — a week without calls had none', () => {
    const r = report(weekly([0, 2, 3], [0, 2, 3]));
    expect(r.persistence).toMatchObject({ weeksWithCalls: 3, weeksWithMisuse: 3, throughout: false, pattern: 'atDifferentPoints' });
    expect(r.persistence.weeks).toBe(13); // 84 days ending on a Monday touch 13 ISO weeks
    const four = report(weekly([0, 1, 2, 3], [0, 1, 2, 3]), { from: T0 - 10 * HOUR, to: T0 - 10 * HOUR + 4 * 7 * DAY });
    expect(four.persistence).toMatchObject({ weeks: 4, weeksWithMisuse: 4, throughout: true, pattern: 'throughout' });
    expect(report(weekly([0, 1], [1])).persistence.pattern).toBe('oneWeek');
    expect(report(weekly([0, 1], [])).persistence).toMatchObject({ pattern: 'none', throughout: false, misuseDays: [] });
  });

  it('a flag of a misuse kind (Annex 1) makes a day one with misuse; a factor alone (A2.15) does not', () => {
    const premium = callAt('1', T0, 'live', { cli: '09061234567' });
    expect(report([premium]).persistence.daysWithMisuse).toBe(1);
    expect(report([premium], { misuseKinds: [] }).persistence.daysWithMisuse).toBe(0);
    expect(report([callAt('2', T0, 'shortRing')]).persistence.daysWithMisuse).toBe(0);
  });
});

describe('report: AMD evidence (A2.24)', () => {
  it('counts AMD calls, false positives and negatives, and the share of answered calls that were machines', () => {
    const r = report([
      callAt('1', T0, 'amdFalsePositive'),
      callAt('2', T0 + MINUTE, 'amdFalseNegative', { to: '01632960002' }),
      callAt('3', T0 + 2 * MINUTE, 'machine', { to: '01632960003' }),
      callAt('4', T0 + 3 * MINUTE, 'abandoned', { to: '01632960004' }),
      callAt('5', T0 + 4 * MINUTE, 'live', { to: '01632960005' }),
      callAt('6', T0 + 5 * MINUTE, 'unanswered', { to: '01632960006' }),
    ]);
    expect(r.amd).toEqual({
      calls: 4,
      answered: 4,
      verdictHuman: 2,
      verdictMachine: 2,
      verdictUnknown: 0,
      checkedHuman: 1,
      checkedMachine: 1,
      falsePositives: 1,
      falseNegatives: 1,
      answerUnknown: 0,
      undeterminedAnswered: 0,
      falsePositiveRate: 1,
      falseNegativeRate: 1,
      answeredCalls: 5,
      machineAnswered: 2,
      machineShareOfAnswered: 0.4,
    });
    expect(r.factors.find((f) => f.id === 'amdAccuracy')).toMatchObject({ paragraphs: 'A2.24', observed: true });
  });
});

describe('report: complaints (A2.6)', () => {
  const calls = [callAt('1', T0, 'silent'), callAt('2', T0 + HOUR, 'live', { to: '01632960002' })];

  it('matches raw complaints in the same pass and counts matched and unmatched', () => {
    const r = report(calls, {
      complaints: [
        { id: 'A', calledNumber: '+44 1632 960001', reportedAt: T0 + 5 * MINUTE },
        { id: 'B', calledNumber: '01632 960009', reportedAt: T0 },
        { id: 'C', calledNumber: '01632 960002', reportedAt: T0 - 200 * DAY },
      ],
    });
    expect(r.complaints).toMatchObject({ total: 2, matched: 1, unmatched: 1, outsidePeriod: 1, findings: { noCallToNumber: 1 } });
    expect(r.complaints.items).toEqual([
      { id: 'A', at: T0 + 5 * MINUTE, matches: 1, findings: [] },
      { id: 'B', at: T0, matches: 0, findings: ['noCallToNumber'] },
    ]);
    expect(r.factors.find((f) => f.id === 'complaints')!.evidence).toMatchObject({ complaints: 2, matched: 1, unmatched: 1 });
  });

  it('counts matchComplaint results, and the builder takes them too', () => {
    const match = matchComplaint({ id: 'A', calledNumber: '01632960001', presentedCli: '0800 000 0000', reportedAt: T0 }, calls);
    expect(report(calls, { complaints: [match] }).complaints).toMatchObject({ total: 1, matched: 1, findings: { noCallFromCli: 1 } });
    const b = createReportBuilder();
    calls.forEach((c) => b.add(c));
    b.addComplaint(match);
    expect(b.build().complaints.items).toEqual([{ id: 'A', at: T0, matches: 1, findings: ['noCallFromCli'] }]);
  });
});

describe('report: records retention (A2.23)', () => {
  it('keeps records six months from the newest record, as local dates', () => {
    const r = report([callAt('1', T0 - 200 * DAY, 'live'), callAt('2', T0, 'live', { to: '01632960002' })]);
    expect(r.retention).toEqual({
      ref: 'A2.23',
      months: 6,
      oldestRecord: '2026-05-07',
      newestRecord: '2026-11-23',
      keepUntil: '2027-05-23',
      lookbackFrom: '2026-05-23',
      dataCoversLookback: true,
    });
  });

  it('clamps to the end of a shorter month, uses the policy zone, and says when the data does not reach back', () => {
    // 23:30 UTC on 31 August 2026 is already 1 September in London (BST).
    const r = report([callAt('1', Date.UTC(2026, 7, 31, 12), 'live'), callAt('2', Date.UTC(2026, 7, 31, 23, 30), 'live', { to: '01632960002' })]);
    expect(r.retention).toMatchObject({ newestRecord: '2026-09-01', keepUntil: '2027-03-01', lookbackFrom: '2026-03-01', dataCoversLookback: false });
    const end = report([callAt('1', Date.UTC(2026, 7, 31, 12), 'live')]);
    expect(end.retention).toMatchObject({ newestRecord: '2026-08-31', keepUntil: '2027-02-28', lookbackFrom: '2026-02-28' });
    expect(end.factors.find((f) => f.id === 'records')).toMatchObject({ observed: true, evidence: expect.objectContaining({ dataCoversLookback: false }) });
  });

  it('counts the whole data, not only the period', () => {
    const r = report([callAt('1', T0 - 400 * DAY, 'live'), callAt('2', T0, 'live', { to: '01632960002' })]);
    expect(r.calls).toBe(1);
    expect(r.retention.oldestRecord).toBe('2025-10-19');
  });
});

describe('report: Annex 2 factors', () => {
  const r = report(misuseAll([callAt('1', T0, 'silent', { cli: null }), callAt('2', T0 + HOUR, 'abandoned'), callAt('3', T0 + 2 * HOUR, 'live', { to: '01632960003' })]));

  it('lists each factor with its paragraphs and evidence', () => {
    expect(r.factors.map((f) => [f.id, f.paragraphs])).toEqual([
      ['silentCalls', 'A2.3, A2.6; A1.3–A1.8'],
      ['abandonedCalls', 'A2.4, A2.6; Annex 3'],
      ['persistence', 'Section 1'],
      ['complaints', 'A2.6'],
      ['repeatCalls', 'A2.8–A2.10'],
      ['unsociableHours', 'A2.11'],
      ['cli', 'A2.12–A2.14; A1.18–A1.24'],
      ['ringTime', 'A2.15'],
      ['messageContent', 'A2.16–A2.17'],
      ['messageDelay', 'A2.18–A2.19'],
      ['otherMisuse', 'A2.5; A1.28–A1.31, A1.35–A1.36'],
      ['harm', 'A2.2, A2.5, A2.6'],
      ['management', 'A2.20–A2.22'],
      ['amdAccuracy', 'A2.24'],
      ['records', 'A2.23, A2.25'],
    ]);
    const f = Object.fromEntries(r.factors.map((x) => [x.id, x]));
    expect(f.silentCalls).toMatchObject({ observed: true, evidence: { silentCalls: 1, silentWithCliWithheld: 1 } });
    expect(f.abandonedCalls!.evidence).toMatchObject({ abandonedCalls: 1, highestDailyAcr: 0.5, alertRate: 0.03 });
    expect(f.repeatCalls).toMatchObject({ observed: true, evidence: { repeatsWithin72h: 1 } });
    expect(f.cli!.evidence).toMatchObject({ cliWithheld: 1, silentWithCliWithheld: 1 });
    expect(f.ringTime).toMatchObject({ observed: false, evidence: { shortRing: 0, longRing: 0 } });
    expect(f.management).toMatchObject({ observed: null, evidence: {} });
  });

  it('invents no score, weight or verdict (A2.7)', () => {
    for (const f of r.factors) {
      expect(Object.keys(f).sort()).toEqual(['evidence', 'id', 'note', 'observed', 'paragraphs', 'title']);
      for (const k of Object.keys(f.evidence)) expect(k).not.toMatch(/score|weight|rank|priority/i);
    }
    expect(JSON.stringify(r).toLowerCase()).not.toMatch(/score|lawful/);
  });
});

describe('report: memory stays bounded', () => {
  it('keeps counters per day and cell and a few examples, however many calls', () => {
    const b = createReportBuilder();
    for (let i = 0; i < 20_000; i++) {
      const call = callAt(`c${i}`, T0 + (i % 2000) * 1000 + Math.floor(i / 2000) * DAY, i % 3 === 0 ? 'silent' : 'abandoned', { to: `01632${960000 + (i % 1000)}` });
      b.add(call);
    }
    const data = b.data();
    expect(data.calls).toBe(20_000);
    expect(data.cells).toHaveLength(10); // 10 days × 1 campaign × 1 centre
    expect(data.examples.length).toBeLessThanOrEqual(10 * 2 * 5);
    expect(recordAt('x', T0, 'live').callId).toBe('x');
  });
});

describe('report: a trailing ACR window (policy.acr.window)', () => {
  it('gives each day the trailing row of acrTable, with its first day', () => {
    const policy = definePolicy(ofcom2017, { acr: { window: 'trailing30Days' } });
    const calls = [callAt('1', T0, 'abandoned', {}, policy), callAt('2', T0 + DAY, 'live', { to: '01632960002' }, policy)];
    const r = report(calls, { policy });
    expect(r.policy.acrWindow).toBe('trailing30Days');
    const day2 = r.scopes[0]!.days[1]!;
    // The 30 days ending on the 24th hold both calls: x 1, y 1.
    expect(day2.acr).toMatchObject({ from: '2026-10-26', x: 1, y: 1, rate: 0.5 });
    expect(report(calls).scopes[0]!.days[1]!.acr).toMatchObject({ x: 0, y: 1, rate: 0 });
    expect(report(calls).scopes[0]!.days[1]!.acr.from).toBeUndefined();
  });
});
