/**
 * Calls whose outcome the records cannot show (undetermined): the facts that rest on the
 * outcome — silent and abandoned calls, and the persistence of misuse — are unknown ('?'),
 * never clean, and no part of the report claims every rule was judged on every call.
 */
import { describe, expect, it } from 'vitest';
import { classify, formatReport, ofcom2017, report, type ClassifiedCall, type NotJudged, type Report, type ReportOptions } from '../../src/index.js';
import { misuseAll } from '../../src/internals.js';
import { renderHtmlReport } from '../../src/html/render-report.js';
import { callAt, MINUTE, recordAt, T0 } from './helpers.js';

/** A silent call whose source could not show agent, message or who hung up: undetermined, with the rules it could not judge. */
const undeterminedByClassify = (id: string, at: number): ClassifiedCall =>
  classify({ ...recordAt(id, at, 'silent', { to: `0163296${1000 + Number(id)}` }), unknown: ['agentAt', 'messageAt', 'hangupBy'] }, ofcom2017);

/** An undetermined call built by hand, as a host may: no `notJudged` list (the type allows it). */
const undeterminedBare = (id: string, at: number): ClassifiedCall => {
  const { notJudged: _none, ...c } = callAt(id, at, 'live', { to: `0163296${1000 + Number(id)}` });
  return { ...c, category: 'undetermined', answeredBy: 'unknown' };
};

/** The report of calls the rules across calls ran on (misuse's updates), so the coverage shows only what the per-call rules could not judge. */
const reportOf = (calls: readonly ClassifiedCall[], options?: ReportOptions): Report => report(misuseAll(calls), options);

const factor = (r: Report, id: string) => r.factors.find((f) => f.id === id)!;
const factorLine = (r: Report, title: string) => formatReport(r).split('\n').find((l) => l.includes(title))!;

describe('persistence (Section 1) is unknown when the rules it rests on were not judged', () => {
  it('only undetermined calls: silent, abandoned and persistence are all "?" — not "pattern: none" shown as clean', () => {
    const r = reportOf([0, 1, 2, 3, 4].map((i) => undeterminedByClassify(String(i), T0 + i * MINUTE)));
    expect(r.coverage.rules.find((x) => x.rule === 'silentCall')).toMatchObject({ judged: 0, notJudged: 5 });
    for (const id of ['silentCalls', 'abandonedCalls', 'persistence']) expect(factor(r, id).observed).toBeNull();
    expect(factor(r, 'persistence').evidence).toMatchObject({ pattern: 'none', notJudgedCalls: 5 });
    expect(factorLine(r, 'Misuse throughout or at different points').startsWith('? Section 1')).toBe(true);
  });

  it('with misuse seen on a judged call, persistence is still observed (unjudged calls cannot take it away)', () => {
    const r = reportOf([callAt('1', T0, 'silent'), undeterminedByClassify('2', T0 + MINUTE)]);
    expect(factor(r, 'persistence').observed).toBe(true);
    expect(factor(r, 'persistence').evidence.notJudgedCalls).toBe(1);
  });

  it('every call judged: persistence is clean ("pattern: none")', () => {
    const r = reportOf([callAt('1', T0, 'live'), callAt('2', T0 + MINUTE, 'live', { to: '01632960002' })]);
    expect(factor(r, 'persistence').observed).toBe(false);
    expect(factor(r, 'persistence').evidence).not.toHaveProperty('notJudgedCalls');
  });

  it('rests on the kinds that make a day one with misuse: another such rule not judged makes it unknown; a kind left out, or a factor, does not', () => {
    const ivm: NotJudged = { rule: 'ivmWait', title: 'IVM waits for an agent', refs: ['A1.28', 'A1.29'], reason: 'the records have no IVM facts' };
    const calls = [{ ...callAt('1', T0, 'live'), notJudged: [ivm] }];
    expect(factor(reportOf(calls), 'persistence').observed).toBeNull();
    expect(factor(reportOf(calls, { misuseKinds: ['silentCall', 'abandonedCall'] }), 'persistence').observed).toBe(false);
    // The message content (A2.16–A2.17) is a factor that aggravates misuse, not misuse: persistence does not rest on it.
    const content: NotJudged = { rule: 'messageContent', title: 'information-message content', refs: ['A2.17'], reason: 'the message played, but its content was not described' };
    expect(factor(reportOf([{ ...callAt('2', T0, 'live'), notJudged: [content] }]), 'persistence').observed).toBe(false);
  });
});

describe('the persistence pattern in words, when the rules it rests on were not judged on some calls', () => {
  const patternLine = (r: Report): string => formatReport(r).split('\n').find((l) => l.startsWith('Pattern:'))!;
  const verdictOf = (r: Report): string => renderHtmlReport(r).match(/<section class="verdict[\s\S]*?<\/section>/)![0];

  it('text: one live and one undetermined call is not "no misuse", only none found on the calls judged, with how many were not', () => {
    const r = reportOf([callAt('1', T0, 'live'), undeterminedByClassify('2', T0 + MINUTE)]);
    expect(factor(r, 'persistence')).toMatchObject({ observed: null, evidence: { pattern: 'none', notJudgedCalls: 1 } });
    const line = patternLine(r);
    expect(line).not.toMatch(/no misuse/);
    expect(line).toBe('Pattern: none found on the calls that could be judged (not judged on 1 call)');
  });

  it('the count is the factor\'s own figure (notJudgedCalls), not a recount', () => {
    const r = reportOf([callAt('1', T0, 'live'), undeterminedBare('2', T0 + MINUTE), undeterminedBare('3', T0 + 2 * MINUTE)]);
    expect(factor(r, 'persistence').evidence.notJudgedCalls).toBe(2);
    expect(patternLine(r)).toMatch(/\(not judged on 2 calls\)$/);
    const stored = { ...r, factors: r.factors.map((f) => (f.id === 'persistence' ? { ...f, evidence: { ...f.evidence, notJudgedCalls: 7 } } : f)) };
    expect(patternLine(stored)).toMatch(/\(not judged on 7 calls\)$/);
  });

  it('text: misuse seen on a judged call keeps its pattern, with the calls not judged', () => {
    const r = reportOf([callAt('1', T0, 'silent'), undeterminedByClassify('2', T0 + MINUTE)]);
    expect(factor(r, 'persistence')).toMatchObject({ observed: true, evidence: { pattern: 'oneWeek', notJudgedCalls: 1 } });
    expect(patternLine(r)).toBe(`Pattern: one week (misuse in 1 of the ${r.persistence.weeks} weeks of the period; not judged on 1 call)`);
  });

  it('HTML: flags raised but no misuse found beside an undetermined call: the verdict does not say "Misuse pattern: none"', () => {
    const r = reportOf([callAt('1', T0, 'shortRing'), undeterminedByClassify('2', T0 + MINUTE)]);
    expect(r.flags.find((f) => f.kind === 'shortRing')!.count).toBe(1);
    const verdict = verdictOf(r);
    expect(verdict).not.toContain('Misuse pattern: <b>none</b>');
    expect(verdict).toContain('Misuse pattern: <b>none found on the calls that could be judged</b> (misuse found in 0 of the');
    expect(verdict).toContain('days with calls; not judged on 1 call; Section 1)');
  });

  it('HTML: misuse seen on a judged call keeps its pattern, with the calls not judged', () => {
    const verdict = verdictOf(reportOf([callAt('1', T0, 'silent'), undeterminedByClassify('2', T0 + MINUTE)]));
    expect(verdict).toMatch(/Misuse pattern: <b>in one week<\/b> \(misuse found in 1 of the \d+ weeks of the period, on 1 of 1 days with calls; not judged on 1 call; Section 1\)/);
  });

  it('every call judged: the pattern still says there was no misuse, with no caveat', () => {
    const r = reportOf([callAt('1', T0, 'shortRing'), callAt('2', T0 + MINUTE, 'live', { to: '01632960002' })]);
    expect(patternLine(r)).toBe(`Pattern: none (no misuse in the ${r.persistence.weeks} weeks of the period)`);
    expect(verdictOf(r)).toMatch(/Misuse pattern: <b>none<\/b> \(misuse in 0 of the \d+ weeks of the period, on 0 of 1 days with calls; Section 1\)/);
  });
});

describe('undetermined calls that carry no notJudged list still count as not judged', () => {
  const calls = () => [callAt('1', T0, 'live'), undeterminedBare('2', T0 + MINUTE), undeterminedBare('3', T0 + 2 * MINUTE)];

  it('coverage: the outcome rules were not judged on them, and coverage is not complete', () => {
    const r = reportOf(calls());
    expect(r.coverage.complete).toBe(false);
    expect(r.coverage.undetermined).toBe(2);
    for (const rule of ['silentCall', 'abandonedCall']) {
      expect(r.coverage.rules.find((x) => x.rule === rule)).toMatchObject({ judged: 1, notJudged: 2, reasons: [{ reason: 'the category is undetermined', calls: 2 }] });
    }
    expect(r.flags.find((f) => f.kind === 'silentCall')!.notJudged).toBe(2);
    for (const id of ['silentCalls', 'abandonedCalls', 'persistence']) expect(factor(r, id).observed).toBeNull();
  });

  it('calls that do carry the list are not counted twice', () => {
    const r = reportOf([callAt('1', T0, 'live'), undeterminedByClassify('2', T0 + MINUTE), undeterminedBare('3', T0 + 2 * MINUTE)]);
    expect(r.coverage.rules.find((x) => x.rule === 'silentCall')).toMatchObject({ judged: 1, notJudged: 2 });
  });

  it('text: never "Every rule judged from call records was judged on every call."; the coverage lines and the warning instead', () => {
    const text = formatReport(reportOf(calls()));
    expect(text).not.toContain('Every rule judged from call records was judged on every call.');
    expect(text).toMatch(/silent calls \(A1\.3, A1\.6, A1\.7\): judged on 1 calls, not judged on 2 calls/);
    expect(text).toMatch(/WARNING: 2 calls could not be shown live, abandoned or silent/);
  });

  it('text: a stored report claiming complete coverage beside undetermined calls is not believed', () => {
    const r = reportOf(calls());
    const text = formatReport({ ...r, coverage: { complete: true, rules: [], undetermined: 2 } });
    expect(text).not.toContain('Every rule judged from call records was judged on every call.');
  });

  it('HTML: the verdict is not the green "clean" box, and says what could not be judged', () => {
    const html = renderHtmlReport(reportOf(calls()));
    expect(html).not.toContain('class="verdict clean"');
    expect(html).toContain('No flags were raised on what the records let the audit judge.');
    expect(html).toContain('id="undetermined"');
    expect(html).not.toContain('id="coverage-complete"');
  });

  it('HTML: even a report whose coverage lists no rule is not clean with undetermined calls', () => {
    const r = reportOf(calls());
    const html = renderHtmlReport({ ...r, coverage: { complete: true, rules: [], undetermined: 2 } });
    expect(html).not.toContain('class="verdict clean"');
  });

  it('a report that holds no coverage (stored by an older version) says coverage is not known, never that every rule was judged', () => {
    const r = reportOf([callAt('1', T0, 'live')]);
    const text = formatReport({ ...r, coverage: undefined } as unknown as Report);
    expect(text).toContain('Not recorded in this report: which rules were judged on which calls is not known.');
    expect(text).not.toContain('Every rule judged from call records was judged on every call.');
  });

  it('with no undetermined call and every rule judged, the text and the HTML still say so', () => {
    const r = reportOf([callAt('1', T0, 'live')]);
    expect(formatReport(r)).toContain('Every rule judged from call records was judged on every call.');
    expect(renderHtmlReport(r)).toContain('class="verdict clean"');
  });
});
