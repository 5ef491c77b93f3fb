/**
 * Percentages in the text and HTML reports: half-up on the decimal the rate stands for
 * (binary error never rounds a halfway rate down), and a rate above the ACR alert line never
 * printed as the line's own figure.
 */
import { describe, expect, it } from 'vitest';
import { formatReport, ofcom2017, report, type Report } from '../../src/index.js';
import { definePolicy, formatPercent } from '../../src/internals.js';
import { renderHtmlReport } from '../../src/html/render-report.js';
import { callAt, T0 } from './helpers.js';

/** One campaign-day of `abandoned` abandoned calls (answered by people) and `live` live calls. */
function dayOf(abandoned: number, live: number, policy = ofcom2017): Report {
  const calls = [];
  for (let i = 0; i < abandoned; i++) calls.push(callAt(`a${i}`, T0 + i * 10, 'abandoned', { to: `07700${String(900000 + i)}` }, policy));
  for (let i = 0; i < live; i++) calls.push(callAt(`l${i}`, T0 + 1_000_000 + i * 10, 'live', { to: `07800${String(900000 + i)}` }, policy));
  return report(calls, { policy });
}

/** The ACR cell and the alert cell of the day's row in the text. */
function textRow(r: Report): { acr: string; alert: boolean } {
  const line = formatReport(r).split('\n').find((l) => /^\d{4}-\d\d-\d\d\s/.test(l) && / %/.test(l))!;
  return { acr: /(\d+\.\d+ %)/.exec(line)![1]!, alert: line.endsWith('ALERT') };
}

/** The ACR cells of the HTML page's full table and pivot. */
function htmlCells(r: Report): string[] {
  const html = renderHtmlReport(r);
  const table = /<div id="acr-table">(.*?)<\/div>/s.exec(html)![1]!;
  const pivot = /<table class="pivot" id="acr-pivot">(.*?)<\/table>/s.exec(html)![1]!;
  return [...`${table}${pivot}`.matchAll(/>(\d+\.\d+ %)</g)].map((m) => m[1]!);
}

describe('percentages: half-up on the exact decimal', () => {
  it.each([
    [119, 3881, '2.98 %'], // 2.975 %: binary 2.97499… must not round down
    [127, 3873, '3.18 %'], // 3.175 %
    [1, 7, '12.50 %'],
    [1, 2, '33.33 %'],
    [2, 1, '66.67 %'],
  ])('%i abandoned of %i live prints %s in the text and the HTML', (abandoned, live, expected) => {
    const r = dayOf(abandoned, live);
    expect(r.scopes.find((s) => s.scope === 'campaign')!.days[0]!.acr.rate).toBe(abandoned / (abandoned + live));
    expect(textRow(r).acr).toBe(expected);
    expect(htmlCells(r)).toEqual([expected, expected]);
  });

  it('rounds shares the same way (formatPercent, used by both)', () => {
    expect(formatPercent(0.02975)).toBe('2.98 %');
    expect(formatPercent(0.00005)).toBe('0.01 %');
    expect(formatPercent(0.000049999)).toBe('0.00 %');
    expect(formatPercent(1e-7)).toBe('0.00 %');
    expect(formatPercent(0)).toBe('0.00 %');
    expect(formatPercent(1)).toBe('100.00 %');
  });
});

describe('percentages against the ACR alert line (3 %)', () => {
  it('a day exactly at the line prints 3.00 % with no alert', () => {
    const r = dayOf(3, 97);
    expect(textRow(r)).toEqual({ acr: '3.00 %', alert: false });
    expect(htmlCells(r)).toEqual(['3.00 %', '3.00 %']);
  });

  it('601 of 20,000 (3.005 %) is above the line and prints 3.01 %, never 3.00 %', () => {
    const r = dayOf(601, 19_399);
    expect(textRow(r)).toEqual({ acr: '3.01 %', alert: true });
    expect(htmlCells(r)).toEqual(['3.01 %', '3.01 %']);
  });

  it('a rate above the line that two decimals would print as the line gets a third decimal, rounded up', () => {
    const r = dayOf(1201, 38_799); // 3.0025 %
    expect(textRow(r)).toEqual({ acr: '3.003 %', alert: true });
    expect(htmlCells(r)).toEqual(['3.003 %', '3.003 %']);
    expect(formatPercent(0.030001, 0.03)).toBe('3.001 %');
    expect(formatPercent(0.03004, 0.03)).toBe('3.004 %');
    expect(formatPercent(0.030001)).toBe('3.00 %'); // no line: two decimals
  });

  it('the factors\u2019 highest daily ACR prints against the line too; other shares do not', () => {
    const text = formatReport(dayOf(1201, 38_799));
    expect(text).toMatch(/highestCampaignDailyAcr\u00a0?\s?3\.003 %/);
    expect(text).toMatch(/shareOfCalls\u00a0?\s?3\.00 %/);
  });

  it('rates at or below the line keep two decimals; with no line set, none gets more', () => {
    expect(formatPercent(0.0299999, 0.03)).toBe('3.00 %');
    expect(formatPercent(0.03, 0.03)).toBe('3.00 %');
    const noAlert = definePolicy(ofcom2017, { id: 'no-alert', acr: { alertRate: null } });
    expect(textRow(dayOf(1201, 38_799, noAlert))).toEqual({ acr: '3.00 %', alert: false });
  });
});
