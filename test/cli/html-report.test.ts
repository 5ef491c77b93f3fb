/**
 * `dialguard audit FILE --html report.html`: the page opened in a real headless Chromium.
 * It must draw its charts (one line per campaign), hold the report's own figures in its
 * tables, fetch nothing, and show hostile text as text. A screenshot is kept in
 * test/.artifacts/. If Chromium cannot start, the test fails (it is never skipped).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatPercent } from 'dialguard/internals';
import { main, type CliReport } from '../../src/cli/main.js';
import { renderHtmlReport } from '../../src/html/render-report.js';
import { launchChromium } from '../browser/chromium.js';
import { captureIo, record, toJsonl } from './fixtures.js';

const artifacts = fileURLToPath(new URL('../.artifacts/', import.meta.url));
const DAY = 86_400_000;
/** Monday 2 March 2026, 10:00 UTC. */
const START = Date.UTC(2026, 2, 2, 10);
const HOSTILE = '<script>alert(1)</script>"><img src=x onerror=alert(2)>';
const CAMPAIGNS = ['energy', 'broadband', 'charity', 'survey', 'insurance', 'solar', 'loans', 'mobile', 'water', 'gas', 'pensions', HOSTILE];

/** Several weeks of calls over many campaigns, each day's abandoned share varying, plus a few bad rows. */
function manyDays(days: number): string {
  const rows: unknown[] = [];
  for (let d = 0; d < days; d++) {
    CAMPAIGNS.forEach((campaign, c) => {
      for (let i = 0; i < 30; i++) {
        const at = START + d * DAY + c * 600_000 + i * 10_000;
        const id = `d${d}c${c}i${i}`;
        const abandoned = i < ((d * 7 + c * 3) % 11 === 0 ? 2 : (d + c) % 4 === 0 ? 1 : 0) + (c === 0 && d % 7 === 3 ? 2 : 0);
        if (abandoned) {
          rows.push(record(id, at, { campaignId: campaign, agentAt: null, messageAt: at + 7000, messageContent: { onBehalfOf: 'Acme', explainsAttempt: true, optOutNumber: '08001234567', marketing: false }, hangupAt: at + 20_000, lastEventAt: at + 20_000 }));
        } else if (i % 6 === 5) {
          rows.push(record(id, at, { campaignId: campaign, answerAt: null, agentAt: null, hangupAt: at + 20_000, hangupBy: 'caller', hangupCause: 'noAnswer', lastEventAt: at + 20_000 }));
        } else rows.push(record(id, at, { campaignId: campaign }));
      }
    });
  }
  const text = toJsonl(rows);
  return `${text}{"callId": "broken", \n${JSON.stringify({ ...record('bad', START), dialAt: 'yesterday <b>' })}\n`;
}

/** What the test asks of an SVG path in the page (the test's types have no DOM library). */
interface SvgPath {
  getTotalLength(): number;
  getBBox(): { width: number };
}

let dir: string;
let browser: Browser;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dialguard-html-'));
  mkdirSync(artifacts, { recursive: true });
  browser = await launchChromium({ width: 1200, height: 900 }); // throws (the tests fail) when Chromium cannot start
});
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function audit(days: number): Promise<{ report: CliReport; html: string }> {
  const input = join(dir, `calls-${days}.jsonl`);
  writeFileSync(input, manyDays(days));
  const out = join(dir, `report-${days}.html`);
  const c = captureIo();
  await main(['audit', input, '--html', out, '--json', '--quiet'], c.io);
  return { report: JSON.parse(c.stdout()) as CliReport, html: out };
}

describe('the HTML report in a browser', () => {
  it('draws one ACR line per campaign over every day, and its tables hold the report\'s figures', async () => {
    const { report, html } = await audit(28);
    const page = await browser.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(String(err)));
    page.on('dialog', (d) => {
      errors.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    await page.goto(pathToFileURL(html).href, { waitUntil: 'load' });

    const campaigns = report.scopes.filter((s) => s.scope === 'campaign');
    expect(campaigns).toHaveLength(CAMPAIGNS.length);
    const chart = await page.$eval('.line-chart', (svg) => {
      const box = svg.getBoundingClientRect();
      const series = [...svg.querySelectorAll('g.series')].map((g) => ({
        name: g.getAttribute('data-name'),
        points: g.querySelectorAll('circle').length,
        length: (g.querySelector('path') as unknown as SvgPath).getTotalLength(),
        drawn: (g.querySelector('path') as unknown as SvgPath).getBBox().width,
      }));
      return { width: box.width, height: box.height, series, alert: svg.querySelectorAll('line.alert').length };
    });
    expect(chart.width).toBeGreaterThan(500);
    expect(chart.height).toBeGreaterThan(150);
    expect(chart.alert).toBe(1);
    expect(chart.series.map((s) => s.name).sort()).toEqual([...CAMPAIGNS].sort());
    for (const s of chart.series) {
      expect(s.points).toBe(28); // a rate on each of the 28 days
      expect(s.length).toBeGreaterThan(100);
      expect(s.drawn).toBeGreaterThan(100);
    }
    // Outcomes per day: one bar per day, stacked by the outcomes that occurred.
    const bars = await page.$eval('#per-day', (svg) => ({ bars: Number(svg.getAttribute('data-bars')), layers: [...svg.querySelectorAll('g.layer')].map((g) => [g.getAttribute('data-name'), g.querySelectorAll('rect').length]) }));
    expect(bars.bars).toBe(28);
    expect(bars.layers).toEqual([['live', 28], ['abandoned', 28], ['unconnected', 28]]);
    // By hour of day: 24 bars; every call counted in the local hour it was dialled: 10:00–11:55 UTC,
    // which is 11:00–12:55 on 29 March, the first day of BST.
    const hours = await page.$eval('#per-hour', (svg) => ({
      bars: Number(svg.getAttribute('data-bars')),
      cells: [...svg.querySelectorAll('rect title')].map((t) => /^(\d\d) (.+): (\d+)$/.exec(t.textContent ?? '')!.slice(1)),
    }));
    expect(hours.bars).toBe(24);
    expect(hours.cells.reduce((a, [, , v]) => a + Number(v), 0)).toBe(report.calls);
    expect([...new Set(hours.cells.map(([h]) => h))].sort()).toEqual(['10', '11', '12']);
    expect(hours.cells.filter(([h]) => h === '12').reduce((a, [, , v]) => a + Number(v), 0)).toBe(6 * 30); // campaigns 6–11 on 29 March

    // The daily ACR table: every campaign-day, with the report's own rate.
    const rows = await page.$$eval('#acr-table tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
    const expected = campaigns.flatMap((s) => s.days.map((d) => [d.date, s.campaignId, String(d.counts.calls), d.acr.rate === null ? '–' : formatPercent(d.acr.rate, report.policy.alertRate), d.acr.alert ? 'ALERT' : '']));
    expect(rows.map((r) => [r[0], r[1], r[2], r[6], r[8]])).toEqual(expected);
    expect(rows.some((r) => r[8] === 'ALERT')).toBe(true);
    // The compact table: a row per day, a column per campaign, alert days marked.
    const pivot = await page.$$eval('#acr-pivot tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => [td.textContent ?? '', td.classList.contains('alert')])));
    expect(pivot).toHaveLength(28);
    campaigns.forEach((s, k) => {
      s.days.forEach((d, i) => expect(pivot[i]![k + 1]).toEqual([d.acr.rate === null ? '–' : formatPercent(d.acr.rate, report.policy.alertRate), d.acr.alert]));
    });
    // Flags by kind and the rejected rows, as the report counts them.
    const flags = await page.$$eval('#flag-table tbody tr', (trs) => trs.map((tr) => [tr.children[0]!.textContent, tr.children[3]!.textContent]));
    expect(flags).toEqual(report.flags.filter((f) => f.count > 0).map((f) => [f.kind, f.count.toLocaleString('en-GB')]));
    const rejected = await page.$$eval('#rejected-table tbody tr', (trs) => trs.map((tr) => tr.children[1]!.textContent));
    expect(rejected).toEqual(report.rejected.examples.map((x) => x.reason));
    expect(report.rejected.count).toBe(2);
    // The verdict comes first.
    const first = await page.$eval('main', (m) => [...m.children].findIndex((c) => c.id === 'verdict') < [...m.children].findIndex((c) => c.id === 'acr'));
    expect(first).toBe(true);

    // Hostile text is text: no script ran, no element was injected, nothing was fetched.
    expect(await page.$$eval('script', (s) => s.length)).toBe(0);
    expect(await page.$$eval('img', (s) => s.length)).toBe(0);
    expect(await page.$eval('.legend', (l) => l.textContent)).toContain(HOSTILE);
    expect(errors).toEqual([]);
    expect(requests).toEqual([pathToFileURL(html).href]);

    await page.screenshot({ path: join(artifacts, 'html-report.png'), fullPage: true });
    await page.close();
  });

  it('a one-day audit with a warning: the warning shows before the verdict; the page is the same for the same report', async () => {
    const { report } = await audit(1);
    const withWarning = { ...report, evidence: { ...report.evidence!, warning: 'TEST <warning> & more', undecidable: 3 } };
    const html = renderHtmlReport(withWarning);
    expect(renderHtmlReport(withWarning)).toBe(html);
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    expect(await page.$$eval('[src], [href], [*|href]', (links) => links.length)).toBe(0); // nothing to fetch
    const order = await page.$eval('main', (m) => [...m.children].map((c) => c.id || c.tagName.toLowerCase()));
    expect(order.indexOf('evidence-warning')).toBeLessThan(order.indexOf('verdict'));
    expect(await page.$eval('#evidence-warning', (w) => w.textContent)).toBe('WARNING: TEST <warning> & more');
    expect(await page.$eval('.line-chart', (s) => s.querySelectorAll('g.series circle').length)).toBe(CAMPAIGNS.length);
    await page.screenshot({ path: join(artifacts, 'html-report-one-day.png'), fullPage: true });
    await page.close();
  });

  it('is not part of the library entry point', () => {
    const index = readFileSync(fileURLToPath(new URL('../../src/index.ts', import.meta.url)), 'utf8');
    expect(index).not.toMatch(/html/);
  });
});
