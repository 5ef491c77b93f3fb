import { lastValueFrom, from } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { matchComplaint } from '../../src/complaints/index.js';
import { acrCounters, audit, classified, classify, createMisuseState, definePolicy, ofcom2017, type CallRecord } from '../../src/index.js';
import { callAt } from '../misuse/helpers.js';
import { misuseAll } from '../../src/misuse/misuse-all.js';
import { buildReport, createReportBuilder, formatAcrTable, formatReport, report, REPORT_LINE_WIDTH, ReportInputError } from '../../src/report/index.js';
import { CROSS_CALL_NOT_RUN } from '../../src/report/sections/coverage.js';
import { DAY, HOUR, MINUTE, recordAt, T0 } from './helpers.js';

const records: CallRecord[] = [
  recordAt('1', T0, 'live', { campaignId: 'spring', callCentreId: 'leeds' }),
  recordAt('2', T0 + MINUTE, 'abandonedUnknown', { campaignId: 'spring', callCentreId: 'leeds' }),
  recordAt('3', T0 + 2 * MINUTE, 'amdFalseNegative', { campaignId: 'spring', callCentreId: 'cebu', to: '01632960003' }),
  recordAt('4', T0 + HOUR, 'silent', { campaignId: 'autumn', callCentreId: 'cebu', to: '01632960004', cli: null }),
  recordAt('5', T0 + 2 * HOUR, 'amdFalsePositive', { campaignId: 'autumn', callCentreId: 'cebu', to: '01632960005' }),
  recordAt('6', T0 + DAY, 'shortRing', { campaignId: 'autumn', callCentreId: 'leeds', to: '01632960006' }),
  recordAt('7', T0 - 30 * DAY, 'live', { campaignId: 'autumn', callCentreId: 'leeds', to: '01632960007' }),
];

describe('audit builds the report in the same pass', () => {
  it('keeps its fields and adds the report, equal to a report over the same classified calls', () => {
    const result = audit(records);
    expect(Object.keys(result)).toEqual(['policy', 'timeZone', 'calls', 'counters', 'table', 'flagCounts', 'rejected', 'report', 'reportData']);
    expect(result.report).toEqual(report(misuseAll(records.map((r) => classify(r)))));
    expect(result.report.calls).toBe(7);
  });

  it('keeps the same ACR counters as the acrCounters operator', async () => {
    const counters = await lastValueFrom(from(records).pipe(classified(), acrCounters()));
    expect(audit(records).counters).toEqual(counters);
    expect(audit(records, ofcom2017, { misuse: false }).counters).toEqual(counters);
  });

  it('without misuse the report has no cross-call flags', () => {
    const result = audit(records, ofcom2017, { misuse: false });
    expect(result.report.repeatsWithin72h).toBe(0);
    expect(result.flagCounts.acrAlert).toBeUndefined();
    expect(result.report).toEqual(report(records.map((r) => classify(r))));
  });

  it('builds another period from an audit result, without the calls', () => {
    const result = audit(records, ofcom2017, { from: T0 - 40 * DAY, to: T0 - 20 * DAY });
    expect(result.report.calls).toBe(1);
    expect(report(result)).toEqual(audit(records).report);
    expect(report(result, { from: T0 - 40 * DAY, to: T0 - 20 * DAY })).toEqual(result.report);
    expect(report(result, { scopes: ['all'] }).scopes).toHaveLength(1);
  });

  it('matches complaints in the pass; an audit result takes only matched complaints', () => {
    const complaint = { id: 'K1', calledNumber: '+44 1632 960004', presentedCli: null, reportedAt: T0 + HOUR + 5 * MINUTE };
    const result = audit(records, ofcom2017, { complaints: [complaint] });
    expect(result.report.complaints).toMatchObject({ total: 1, matched: 1, findings: { cliWithheldOnMatches: 1 } });
    expect(() => report(audit(records), { complaints: [complaint] })).toThrow(ReportInputError);
    const match = matchComplaint(complaint, records);
    expect(report(audit(records), { complaints: [match] }).complaints).toEqual(result.report.complaints);
  });
});

describe('report data and the report are plain JSON', () => {
  it('survive a JSON round trip, and the data rebuilds the same report', () => {
    const b = createReportBuilder(ofcom2017, { complaints: [{ calledNumber: '01632960001', reportedAt: T0 }] });
    for (const u of misuseAll(records.map((r) => classify(r)))) {
      b.add(u.call);
      for (const f of u.raised) if (f.callId === null) b.addFlag(f);
    }
    const r = b.build();
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
    const data = JSON.parse(JSON.stringify(b.data())) as ReturnType<typeof b.data>;
    expect(buildReport(data)).toEqual(r);
  });

  it('addUpdate counts a call out of the misuse rules as add of the call and addFlag of each flag about a scope it raised, save that add lists the rules across calls as not judged', () => {
    // Two probe calls of a campaign's day reach this policy's scanning threshold: a flag about a scope (A1.35).
    const scanning = definePolicy(ofcom2017, { scanning: { minCalls: 2, maxRingMs: 3000 } });
    const state = createMisuseState(scanning, { alertRate: null });
    const updates = [
      ...misuseAll(records.map((r) => classify(r))),
      state.next(callAt('p1', 0, 'probe', { to: '0113 496 4101' }, scanning)),
      state.next(callAt('p2', HOUR, 'probe', { to: '0113 496 4102' }, scanning)),
    ];
    expect(updates.some((u) => u.raised.some((f) => f.callId === null))).toBe(true);
    const byUpdate = createReportBuilder(ofcom2017);
    for (const u of updates) byUpdate.addUpdate(u);
    const byHand = createReportBuilder(ofcom2017);
    for (const u of updates) {
      byHand.add(u.call);
      for (const f of u.raised) if (f.callId === null) byHand.addFlag(f);
    }
    const { notJudged: judgedByUpdate, ...viaUpdate } = byUpdate.data();
    const { notJudged: judgedByHand, ...viaHand } = byHand.data();
    expect(viaUpdate).toEqual(viaHand);
    expect(byUpdate.data().scopeFlags.length).toBeGreaterThan(0);
    // `add` cannot tell the rules across calls ran on the call: they are not judged on any of them, never passed.
    const notRun = (list: typeof judgedByHand) => new Set((list ?? []).filter((e) => e.reason === CROSS_CALL_NOT_RUN).map((e) => e.rule));
    expect(notRun(judgedByHand)).toEqual(new Set(['acrAlert', 'repeatWithin72h', 'tooManyClis', 'numberScanning']));
    expect(notRun(judgedByUpdate).size).toBe(0);
  });
});

describe('formatReport', () => {
  const r = audit(records, ofcom2017, { complaints: [{ id: 'K1', calledNumber: '01632 960004', reportedAt: T0 + HOUR }] }).report;
  const text = formatReport(r);
  const lines = text.split('\n');

  it('keeps every line within 100 characters', () => {
    expect(REPORT_LINE_WIDTH).toBe(100);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(100);
    const long = formatReport(report(records.map((x) => classify({ ...x, campaignId: 'a-very-long-campaign-name-'.repeat(6) }))));
    for (const l of long.split('\n')) expect(l.length).toBeLessThanOrEqual(100);
  });

  it('cuts a long campaign id with …, never the ACR rows\' dates or figures; and a long call id, never the example\'s time', () => {
    const campaignId = `north-region-${'a'.repeat(90)}`;
    const long = formatReport(report([classify({ ...records[0]!, campaignId }), classify({ ...records[1]!, campaignId: 'short' })]));
    const rows = long.split('\n');
    expect(rows).toContainEqual(expect.stringMatching(/^2026-11-23 {2}north-region-a+… +1 +0 +1 +0 +0\.00 %$/));
    expect(rows).toContainEqual(expect.stringMatching(/^2026-11-23 {2}short +1 +1 +0 +0 +100\.00 % +est +ALERT$/));
    const callId = `call-${'x'.repeat(120)}`;
    const silent = formatReport(report([classify({ ...records[3]!, callId })]));
    expect(silent).toMatch(/silentCall \(A1\.3\):\s+call-x+… 2026-11-23 11:00:05\n/);
    for (const l of [...rows, ...silent.split('\n')]) expect(l.length).toBeLessThanOrEqual(REPORT_LINE_WIDTH);
  });

  it('shows the period, categories and the daily ACR per campaign with x, y, z and the estimate marker', () => {
    expect(text).toContain('Period: 2026-09-02 to 2026-11-24 (84 days, 12 weeks; default');
    expect(text).toContain('Calls: 7 in the period, 0 outside it');
    expect(lines).toContainEqual(expect.stringMatching(/^all\s+7\s+2\s+1\s+2\s+1\s+1\s+28\.57 %\s+14\.29 %$/));
    expect(text).toContain('Daily ACR per campaign');
    expect(lines).toContainEqual(expect.stringMatching(/^date\s+campaign\s+calls\s+x\s+y\s+z\s+ACR\s+est\s+alert$/));
    // spring on 23 November: y 1, z 1, one abandoned call of unknown answerer: x = 1 × (1 − 1/2).
    expect(lines).toContainEqual(expect.stringMatching(/^2026-11-23\s+spring\s+3\s+0\.50\s+1\s+1\s+33\.33 %\s+est\s+ALERT$/));
  });

  it('lists flags by kind with paragraphs, persistence, AMD evidence, complaints, factors and retention', () => {
    expect(lines).toContainEqual(expect.stringMatching(/^silentCall\s+A1\.3, A1\.6\s+2\s+silent call$/));
    expect(lines).toContainEqual(expect.stringMatching(/^shortRing\s+A2\.15\s+1\s+/));
    expect(text).toContain('Repeat calls within 72 h (A2.9): 0');
    expect(text).toContain('Weeks with misuse: 1 of 2 weeks with calls (13 weeks in the period; 50.00 %)');
    expect(text).toContain('False positives (AMD machine, disposition human; A1.6): 1 of 1 checked (100.00 %)');
    expect(text).toContain('False negatives (AMD human, disposition machine; A3.5): 1 of 1 checked (100.00 %)');
    expect(text).toContain('1 in the period: 1 with matching calls, 0 with none');
    expect(text).toContain('not scored or weighed: A2.7');
    expect(text).toMatch(/! A2\.3, A2\.6; A1\.3–A1\.8\s+Silent calls/);
    expect(text).toMatch(/\? A2\.20–A2\.22\s+Management/);
    expect(text).toContain('keep the records until at least 2027-05-24');
    expect(text).toMatch(/silentCall \(A1\.3\): 4 2026-11-23 11:00:05, 5 2026-11-23 12:00:05/);
  });

  it('formatAcrTable renders any scope the way formatReport renders the campaign one', () => {
    const campaign = formatAcrTable(r, 'campaign');
    expect(text).toContain(campaign.join('\n'));
    expect(formatAcrTable(r, 'all')[0]).toMatch(/^date\s+scope\s+calls\s+x\s+y\s+z\s+ACR\s+est\s+alert$/);
    expect(formatAcrTable(r, 'callCentre')[0]).toMatch(/^date\s+call centre\s+calls/);
    expect(formatAcrTable(r, 'campaignCallCentre')).toContainEqual(expect.stringMatching(/^2026-11-23\s+spring @ \S+\s+/));
    expect(formatAcrTable(report([]), 'all')).toEqual(['no calls']);
  });

  it('renders an empty report', () => {
    const empty = formatReport(report([]));
    expect(empty).toContain('Period: no calls');
    expect(empty).toContain('no records');
    // Nothing audited is not clean: no rule was judged.
    expect(empty).toContain('Rules judged (coverage)\n-----------------------\nNo call in the period: no rule was judged on any call.\n');
    expect(empty).not.toContain('Every rule judged from call records was judged on every call.');
  });
});
