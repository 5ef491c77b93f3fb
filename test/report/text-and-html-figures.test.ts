/**
 * What the text and HTML reports print is what the JSON holds: the daily ACR of a report
 * built without the campaign scope (never "no calls" for a period with calls), lines that
 * carry figures wrapped rather than cut, lists that say how many they leave out, an
 * estimated x printed as the text prints it, the factors of an empty period, the period's
 * basis, and a daily-ACR pivot whose size is capped.
 */
import { describe, expect, it } from 'vitest';
import { audit, formatReport, report, type CallRecord, type Report } from '../../src/index.js';
import { formatFigure, REPORT_LINE_WIDTH } from '../../src/internals.js';
import { MAX_PIVOT_CELLS, renderHtmlReport } from '../../src/html/render-report.js';
import { record, T0 } from '../cli/fixtures.js';

const S = 1000;
const DAY_MS = 86_400_000;
const MESSAGE = { onBehalfOf: 'Acme', explainsAttempt: true, optOutNumber: '08001234567', marketing: false };

/** An abandoned call with an information message and no agent: who answered is not known (A3.6). */
const abandoned = (id: string, at: number, to: string, over: Parameters<typeof record>[2] = {}): CallRecord =>
  record(id, at, { to, agentAt: null, messageAt: at + 7 * S, messageContent: MESSAGE, hangupAt: at + 20 * S, lastEventAt: at + 20 * S, ...over });

/** 50 calls on one day, every tenth abandoned: an ACR of 10 %, above the alert line. */
const tenPercent: CallRecord[] = Array.from({ length: 50 }, (_, i) => {
  const at = T0 + i * 60 * S;
  const to = `0163296${1000 + i}`;
  return i % 10 === 0 ? abandoned(`c${i}`, at, to) : record(`c${i}`, at, { to });
});

/** The lines of the text report's daily ACR section, up to the blank line after it. */
function acrSection(text: string): string[] {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => /^(Daily ACR|ACR )/.test(l));
  const end = lines.findIndex((l, i) => i > start + 1 && l === '');
  return lines.slice(start, end);
}

describe('formatReport: the daily ACR of a report whose scopes leave out campaign', () => {
  it.each([
    [['all'], 'for all calls', 'all'],
    [['callCentre'], 'per call centre', 'leeds'],
    [['campaignCallCentre'], 'per campaign in each call centre', 'spring @ leeds'],
  ] as const)('scopes %j: the daily ACR %s, with the 10 %% day and its ALERT, never "no calls"', (scopes, words, name) => {
    const r = report(audit(tenPercent), { scopes });
    const section = acrSection(formatReport(r));
    expect(section[0]).toMatch(new RegExp(`^Daily ACR ${words} \\(`));
    expect(section.join('\n')).toContain('does not list the campaign scope');
    expect(section.join('\n')).not.toMatch(/^no calls$/m);
    const row = section.find((l) => l.startsWith('2026-03-02'))!;
    expect(row).toContain(name);
    expect(row).toMatch(/10\.00 %\s+est\s+ALERT$/);
    for (const l of section) expect(l.length).toBeLessThanOrEqual(REPORT_LINE_WIDTH);
  });

  it('scopes []: says the daily ACR is not in the report, never "no calls"', () => {
    const r = report(audit(tenPercent), { scopes: [] });
    expect(r.calls).toBe(50);
    const section = acrSection(formatReport(r)).join('\n');
    expect(section).toContain('Not shown');
    expect(section).not.toMatch(/^no calls$/m);
  });

  it('the campaign scope listed: the campaign table as before; no call in the period: "no calls"', () => {
    const r = audit(tenPercent).report;
    const section = acrSection(formatReport(r));
    expect(section[0]).toMatch(/^Daily ACR per campaign \(Annex 3/);
    expect(section.join('\n')).not.toContain('does not list the campaign scope');
    const empty = report(audit(tenPercent), { from: T0 + 7 * DAY_MS, to: T0 + 8 * DAY_MS, scopes: ['all'] });
    expect(acrSection(formatReport(empty))).toContain('no calls');
  });
});

describe('formatReport: lines carrying figures are wrapped, never cut', () => {
  it('no line of the text report ends in "…" where a figure or the factor legend was cut', () => {
    const r = audit(tenPercent).report;
    const text = formatReport(r);
    for (const l of text.split('\n')) {
      expect(l.length).toBeLessThanOrEqual(REPORT_LINE_WIDTH);
      if (/^(Calls with AMD on|False (positives|negatives)|Answered calls|\(! the records|\s+not on every call)/.test(l)) expect(l).not.toMatch(/…$/);
    }
    expect(text).toContain('(! the records show something under the factor; ? the records cannot show it, or not on every call:\n notJudgedCalls)');
    const amd = text.split('\n').find((l) => l.startsWith('Calls with AMD on:'))!;
    expect(amd).toContain(`unknown ${r.amd.verdictUnknown}`);
  });

  it('the AMD line with every clause and large counts keeps every figure the JSON holds', () => {
    const r = audit(tenPercent).report;
    const big: Report = { ...r, amd: { ...r.amd, calls: 123_456_789, answered: 100_000_000, answerUnknown: 23_456_789, verdictHuman: 11_111_111, verdictMachine: 22_222_222, verdictUnknown: 90_123_456 } };
    const lines = formatReport(big).split('\n');
    const at = lines.findIndex((l) => l.startsWith('Calls with AMD on:'));
    const joined = `${lines[at]} ${lines[at + 1]}`;
    for (const figure of ['123,456,789', '100,000,000', '23,456,789', '11,111,111', '22,222,222', 'unknown 90,123,456']) expect(joined).toContain(figure);
    expect(lines[at]!.length).toBeLessThanOrEqual(REPORT_LINE_WIDTH);
    expect(lines[at]).toContain('unknown 90,123,456');
  });
});

describe('formatReport: example lists say how many they leave out', () => {
  it('40 abandoned calls, 5 listed: "… and 35 more, not listed"', () => {
    const records = Array.from({ length: 80 }, (_, i) => {
      const at = T0 + i * 60 * S;
      const to = `0163296${1000 + i}`;
      return i % 2 === 0 ? abandoned(`c${i}`, at, to) : record(`c${i}`, at, { to });
    });
    const r = audit(records).report;
    expect(r.flags.find((f) => f.kind === 'abandonedCall')!.count).toBe(40);
    expect(r.worstCalls.abandonedCall).toHaveLength(5);
    const text = formatReport(r);
    const examples = text.slice(text.indexOf('Examples to look up'), text.indexOf('Rules judged'));
    expect(examples.replace(/\n\s+/g, ' ')).toMatch(/abandonedCall \(A1\.9\): .*, … and 35 more, not listed/);
  });

  it('a kind whose every flag is listed says nothing more', () => {
    const records = [abandoned('a', T0, '01632961001'), record('b', T0 + 60 * S, { to: '01632961002' })];
    const text = formatReport(audit(records).report);
    expect(text.slice(text.indexOf('Examples to look up'))).not.toContain('more, not listed');
  });
});

describe('HTML: x of an estimated ACR printed as the text prints it', () => {
  it('x = 0.003 (1 abandoned call of unknown answerer, y 3, z 997) is "0.00", not a whole "0"', () => {
    const records: CallRecord[] = [];
    let i = 0;
    const next = () => ({ id: `c${++i}`, at: T0 + i * 10 * S, to: `0163${String(2000000 + i)}` });
    for (let k = 0; k < 3; k++) {
      const { id, at, to } = next();
      records.push(record(id, at, { to }));
    }
    for (let k = 0; k < 997; k++) {
      const { id, at, to } = next();
      records.push(record(id, at, { to, amd: true, salutationStartAt: at + 6200, amdResult: 'human', amdAt: at + 6400, agentAt: at + 6500, disposition: 'machine', lastEventAt: at + 120 * S }));
    }
    const { id, at, to } = next();
    records.push(abandoned(id, at, to));
    const r = audit(records).report;
    const d = r.scopes.find((s) => s.scope === 'campaign')!.days[0]!;
    expect(d.acr.x).toBeCloseTo(0.003, 12);
    const textRow = formatReport(r).split('\n').find((l) => /^\d{4}-\d{2}-\d{2}\s+spring\s/.test(l))!;
    const table = /<div id="acr-table">.*?<\/table>/s.exec(renderHtmlReport(r))![0];
    const cells = [.../<tbody><tr[^>]*>(.*?)<\/tr>/s.exec(table)![1]!.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((m) => m[1]);
    expect(cells[3]).toBe(formatFigure(d.acr.x));
    expect(cells[3]).toBe(textRow.split(/\s+/)[3]);
    expect(cells[3]).toBe('0.00');
  });

  it('formatFigure: whole numbers as counts, others with two decimals', () => {
    expect(formatFigure(0)).toBe('0');
    expect(formatFigure(1234)).toBe('1,234');
    expect(formatFigure(3.9596)).toBe('3.96');
    expect(formatFigure(0.003)).toBe('0.00');
  });
});

describe('factors of a period with no call', () => {
  it('record management (recordAnomaly, A2.23) and AMD accuracy are "?", never clean', () => {
    const result = audit([record('old', Date.UTC(2025, 7, 1, 10)), record('new', Date.UTC(2026, 2, 2, 10))]);
    const r = report(result, { from: Date.UTC(2026, 0, 1), to: Date.UTC(2026, 0, 2) });
    expect(r.calls).toBe(0);
    expect(r.retention.dataCoversLookback).toBe(true);
    for (const id of ['records', 'amdAccuracy']) expect(r.factors.find((f) => f.id === id)!.observed, id).toBeNull();
    const text = formatReport(r).split('\n');
    expect(text.find((l) => l.includes('Record management'))).toMatch(/^\? A2\.23/);
    expect(text.find((l) => l.includes('Evidence of the accuracy of AMD'))).toMatch(/^\? A2\.24/);
  });

  it('records that do not reach back six months still show the gap ("!") with no call in the period', () => {
    const result = audit([record('new', Date.UTC(2026, 2, 2, 10))]);
    const r = report(result, { from: Date.UTC(2026, 0, 1), to: Date.UTC(2026, 0, 2) });
    expect(r.factors.find((f) => f.id === 'records')!.observed).toBe(true);
  });

  it('with calls in the period, record management and AMD accuracy read as before', () => {
    const r = audit(tenPercent).report;
    expect(r.factors.find((f) => f.id === 'amdAccuracy')!.observed).toBe(false);
    expect(r.factors.find((f) => f.id === 'records')!.observed).toBe(true); // one day of records: the lookback is not covered
  });
});

describe('the period basis in text and HTML', () => {
  it('given: "as given"; default: the weeks up to the newest call; whole input: "the whole input"', () => {
    const result = audit(tenPercent);
    const given = report(result, { from: T0 - DAY_MS, to: T0 + DAY_MS });
    expect(given.period.basis).toBe('given');
    expect(formatReport(given)).toMatch(/^Period: .*; as given\)$/m);
    expect(renderHtmlReport(given)).toMatch(/ \(\d+ days; as given\)<\/p>/);
    const byDefault = result.report;
    expect(byDefault.period.basis).toBe('default');
    expect(formatReport(byDefault)).toMatch(/^Period: .*; default: the weeks up to the newest call\)$/m);
    const whole: Report = { ...byDefault, period: { ...byDefault.period, basis: 'wholeInput' } };
    expect(formatReport(whole)).toMatch(/^Period: .*; the whole input\)$/m);
    expect(renderHtmlReport(whole)).toMatch(/ \(\d+ days; the whole input\)<\/p>/);
  });
});

describe('HTML: the daily-ACR pivot is capped', () => {
  /** `n` calls, each in its own campaign on its own day. */
  const wide = (n: number): CallRecord[] =>
    Array.from({ length: n }, (_, i) => record(`c${i}`, Date.UTC(2024, 0, 8, 10) + i * DAY_MS, { campaignId: `k${i}`, to: `0163296${String(1000 + i)}` }));

  it('dates × campaigns within the cap: the pivot, and the details closed', () => {
    const r = report(audit(wide(100)), { from: Date.UTC(2024, 0, 8), to: Date.UTC(2024, 0, 8) + 100 * DAY_MS }); // 10,000 cells
    expect(r.calls).toBe(100);
    const html = renderHtmlReport(r);
    expect(100 * 100).toBeLessThanOrEqual(MAX_PIVOT_CELLS);
    expect(html).toContain('id="acr-pivot">');
    expect(html).not.toContain('id="acr-pivot-omitted"');
    expect(html).toContain('<details id="acr-details"><summary>');
  });

  it('beyond it: no pivot, a note saying why, and every campaign-day in the (open) details table; the page grows linearly', () => {
    const r = report(audit(wide(400)), { from: Date.UTC(2024, 0, 8), to: Date.UTC(2024, 0, 8) + 400 * DAY_MS }); // 160,000 cells
    expect(r.calls).toBe(400);
    const html = renderHtmlReport(r);
    expect(html).not.toContain('id="acr-pivot">');
    expect(html).toMatch(/id="acr-pivot-omitted">The table of dates × campaigns is left out: 400 dates × 400 campaigns would be 160,000 cells/);
    expect(html).toContain('<details id="acr-details" open><summary>Every campaign-day: x, y, z (400 rows)');
    expect(html.length).toBeLessThan(400 * 5_000);
  });
});

describe('HTML: the worst calls say how many of each kind are not listed', () => {
  it('40 abandoned calls, 5 listed: "abandonedCall 35"', () => {
    const records = Array.from({ length: 80 }, (_, i) => {
      const at = T0 + i * 60 * S;
      const to = `0163296${1000 + i}`;
      return i % 2 === 0 ? abandoned(`c${i}`, at, to) : record(`c${i}`, at, { to });
    });
    const html = renderHtmlReport(audit(records).report);
    expect(html).toMatch(/<p id="worst-more"><small>… and more, not listed: [^<]*abandonedCall 35[^<]*\.<\/small><\/p>/);
  });
});
