import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acrTable, audit, createAcrTally, createReportBuilder, formatReport, misuseAll, report, type ClassifiedCall, type NotJudged, type ReportExample } from '../../src/internals.js';
import { renderHtmlReport } from '../../src/html/render-report.js';
import { callAt, DAY, MINUTE, T0 } from './helpers.js';

const ivm: NotJudged = { rule: 'ivmWait', title: 'IVM waits', refs: ['A1.28', 'A1.29'], reason: 'the records carry no IVM events' };
const content: NotJudged = { rule: 'messageContent', title: 'Information message content', refs: ['A2.17'], reason: 'the message content is not recorded' };
const contentOther: NotJudged = { ...content, reason: 'the message was played by a third party' };

const withNotJudged = (c: ClassifiedCall, notJudged: readonly NotJudged[]): ClassifiedCall => ({ ...c, notJudged });

describe('report: coverage of the rules', () => {
  it('says every rule was judged on every call when no call has notJudged', () => {
    // Through the rules across calls (misuse's updates): a report of calls they never saw lists them as not judged.
    const r = report(misuseAll([callAt('1', T0, 'live'), withNotJudged(callAt('2', T0 + MINUTE, 'live', { to: '01632960002' }), [])]));
    expect(r.coverage).toEqual({ complete: true, rules: [], undetermined: 0, notJudgedFromRecords: [expect.objectContaining({ rule: 'barred', refs: ['A1.25'] })] });
    // The claim names what it covers, and the rule no records audit judges (A1.25) is named as not judged.
    expect(formatReport(r)).toContain(
      'Rules judged (coverage)\n-----------------------\nEvery rule judged from call records was judged on every call.\nNot judged from call records: TPS and do-not-call lists (A1.25)',
    );
    const page = renderHtmlReport(r);
    expect(page).toContain('id="coverage-complete">Every rule judged from call records was judged on every call.</p>');
    expect(page).toMatch(/class="coverage-outside-records">Not judged from call records: <b>TPS and do-not-call lists<\/b> \(A1\.25\)/);
  });

  it('is not complete with no call in the period: no rule was judged, and neither the text nor the page says clean', () => {
    const r = report([callAt('1', T0, 'live')], { from: T0 + 7 * DAY, to: T0 + 8 * DAY });
    expect(r.calls).toBe(0);
    expect(r.coverage).toMatchObject({ complete: false, rules: [], undetermined: 0 });
    const text = formatReport(r);
    expect(text).toContain('No call in the period: no rule was judged on any call.');
    expect(text).toContain('Pattern: none (no call in the period: nothing was audited)');
    // The factors that rest on the rules are unknown ('?'), not clean.
    for (const id of ['silentCalls', 'abandonedCalls', 'persistence', 'cli', 'otherMisuse']) expect(r.factors.find((f) => f.id === id)!.observed, id).toBeNull();
    expect(text).toMatch(/^\? Section 1 +Misuse throughout/m);
    const page = renderHtmlReport(r);
    expect(page).toContain('<section class="verdict nothing" id="verdict"><p><b>Nothing was audited in the period:</b> no call was counted in it (1 call was outside it)');
    expect(page).toContain('id="coverage-nothing"');
    expect(page).not.toMatch(/verdict clean|coverage-complete|No flags were raised/);
  });

  it('gives, per rule not judged on some calls, the calls judged and not judged, with the reasons grouped', () => {
    const calls = [
      withNotJudged(callAt('1', T0, 'live'), [ivm, content]),
      withNotJudged(callAt('2', T0 + MINUTE, 'live', { to: '01632960002' }), [ivm, contentOther]),
      withNotJudged(callAt('3', T0 + 2 * MINUTE, 'live', { to: '01632960003' }), [ivm]),
      callAt('4', T0 + 3 * MINUTE, 'live', { to: '01632960004' }),
    ];
    const r = report(misuseAll(calls));
    expect(r.coverage.complete).toBe(false);
    expect(r.coverage.rules).toEqual([
      { rule: 'ivmWait', title: 'IVM waits', refs: ['A1.28', 'A1.29'], judged: 1, notJudged: 3, reasons: [{ reason: 'the records carry no IVM events', calls: 3 }] },
      {
        rule: 'messageContent',
        title: 'Information message content',
        refs: ['A2.17'],
        judged: 2,
        notJudged: 2,
        reasons: [
          { reason: 'the message content is not recorded', calls: 1 },
          { reason: 'the message was played by a third party', calls: 1 },
        ],
      },
    ]);
    const text = formatReport(r);
    expect(text).toContain('IVM waits (A1.28, A1.29): judged on 1 calls, not judged on 3 calls \u2014 the records carry no IVM events');
    expect(text.replace(/\n {2}/g, ' ')).toContain(
      'Information message content (A2.17): judged on 2 calls, not judged on 2 calls \u2014 the message content is not recorded (1); the message was played by a third party (1)',
    );
    expect(JSON.parse(JSON.stringify(r)).coverage.rules).toHaveLength(2);
  });

  it('counts coverage in the period only, and keeps it in the report data (an AuditResult can be re-reported)', () => {
    const a = audit([callAt('1', T0, 'live').record]);
    expect(a.reportData.notJudged).toEqual([]);
    expect(report(a).coverage.complete).toBe(true);
  });
});

describe('report: undetermined calls', () => {
  const undetermined = (id: string, at: number): ClassifiedCall => ({ ...callAt(id, at, 'live', { to: `016329600${id.padStart(2, '0')}` }), category: 'undetermined', answeredBy: 'unknown' });

  it('counts them on their own, excludes them from x and y, and warns loudly', () => {
    const calls = [callAt('1', T0, 'live'), callAt('2', T0 + MINUTE, 'abandoned', { to: '01632960002' }), undetermined('3', T0 + 2 * MINUTE), undetermined('4', T0 + 3 * MINUTE)];
    const r = report(calls);
    expect(r.categories).toMatchObject({ calls: 4, live: 1, abandoned: 1, undetermined: 2 });
    expect(r.rates.undetermined).toBe(0.5);
    expect(r.scopes[0]!.days[0]!.acr).toMatchObject({ x: 1, y: 1, rate: 0.5 });
    expect(r.coverage.undetermined).toBe(2);
    const text = formatReport(r);
    expect(text).toContain('undet.');
    expect(text).toMatch(/WARNING: 2 calls could not be shown live, abandoned or silent \(undetermined\)/);
    const tally = createAcrTally('Europe/London');
    calls.forEach((c) => tally.add(c));
    const [row] = acrTable(tally.counters(), { scopes: ['all'] });
    expect(row!.counts).toMatchObject({ calls: 4, undetermined: 2, live: 1, abandonedLive: 1 });
    expect(row!.acr.rate).toBe(0.5);
  });

  it('shows no undetermined column or warning when there are none', () => {
    const text = formatReport(report([callAt('1', T0, 'live')]));
    expect(text).not.toContain('undet.');
    expect(text).not.toContain('WARNING');
  });
});

describe('report: types and structure', () => {
  it("narrows an example flag's detail by its kind", () => {
    const r = report([callAt('1', T0, 'silent')]);
    const reasons: string[] = [];
    for (const e of r.worstCalls.silentCall ?? []) reasons.push(e.detail.reason);
    const any: readonly ReportExample[] = Object.values(r.worstCalls).flat();
    for (const e of any) if (e.kind === 'silentCall') reasons.push(e.detail.reason);
    expect(reasons).toEqual(['deadAir', 'deadAir']);
  });

  it('src/report imports nothing from src/audit.ts (no import cycle)', () => {
    const dir = join(__dirname, '../../src/report');
    const files = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((f) => (f.isDirectory() ? files(join(d, f.name)) : [join(d, f.name)]));
    for (const f of files(dir)) expect(readFileSync(f, 'utf8')).not.toMatch(/from '(\.\.\/)+audit\.js'/);
  });
});

describe('report data: rules not judged', () => {
  it('one entry per day, rule and reason, in the order first met, counting its calls', () => {
    const builder = createReportBuilder();
    // As calls out of the rules across calls that raised nothing (`add` would list those rules as not judged).
    const add = (call: ClassifiedCall): void => builder.addUpdate({ call, raised: call.flags });
    add(withNotJudged(callAt('1', T0, 'live'), [ivm, content]));
    add(withNotJudged(callAt('2', T0 + MINUTE, 'live', { to: '01632960002' }), [ivm, contentOther]));
    add(withNotJudged(callAt('3', T0 + 2 * MINUTE, 'live', { to: '01632960003' }), [content]));
    add(withNotJudged(callAt('4', T0 + 24 * 60 * MINUTE, 'live', { to: '01632960004' }), [ivm]));
    add(withNotJudged(callAt('5', T0 + 3 * MINUTE, 'live', { to: '01632960005' }), []));
    const notJudged = builder.data().notJudged ?? [];
    const entries = notJudged.map((e) => [e.date, e.rule, e.reason, e.calls]);
    const day = notJudged[0]!.date;
    expect(entries).toEqual([
      [day, 'ivmWait', ivm.reason, 2],
      [day, 'messageContent', content.reason, 2],
      [day, 'messageContent', contentOther.reason, 1],
      [expect.not.stringMatching(day) as unknown as string, 'ivmWait', ivm.reason, 1],
    ]);
  });
});
