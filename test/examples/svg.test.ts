/**
 * The demo's picture (`examples/svg`): a well-formed, self-contained SVG — an <svg> root
 * with the SVG namespace, no script, no link or resource outside the file, all text escaped
 * — and one headless Chromium draws (never skipped: see test/browser/chromium.ts), with a
 * screenshot left in test/.artifacts/day-chart.png.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ofcom2017 } from 'dialguard';
import { campaignDay, simulate, wellRun, overDialled } from '../../examples/sim/index.js';
import { daySvg } from '../../examples/sim/picture.js';
import { escapeXml } from '../../examples/svg/escape.js';
import { renderDayChart, type DayChart } from '../../examples/svg/day-chart.js';
import { artifactPath, launchChromium } from '../browser/chromium.js';
import { parseXml, type XmlElement } from './xml.js';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The little of the browser's DOM the Chromium test reads (the project's types have no DOM lib). */
interface BrowserElement {
  readonly textContent: string | null;
  getAttribute(name: string): string | null;
  getTotalLength(): number;
  getBBox(): { readonly width: number; readonly height: number };
  getBoundingClientRect(): { readonly width: number; readonly height: number };
}
interface BrowserDocument {
  readonly documentElement: BrowserElement;
  querySelectorAll(selector: string): Iterable<BrowserElement>;
}

/** Fails unless `svg` is well-formed, has an <svg> root in the SVG namespace and refers to nothing outside itself. */
function checkSelfContained(svg: string): readonly XmlElement[] {
  const { root, elements } = parseXml(svg);
  expect(root.name).toBe('svg');
  expect(root.attributes.xmlns).toBe(SVG_NS);
  for (const e of elements) {
    const name = e.name.toLowerCase();
    expect(name, 'no script').not.toMatch(/(^|:)script$/);
    expect(name, 'no foreign content').not.toMatch(/(^|:)(foreignobject|iframe|image|use|a)$/);
    for (const [attr, value] of Object.entries(e.attributes)) {
      const a = attr.toLowerCase();
      if (a === 'xmlns' || a.startsWith('xmlns:')) {
        // A namespace name identifies, it is never fetched.
        expect([SVG_NS, 'http://www.w3.org/1999/xlink']).toContain(value);
        continue;
      }
      expect(a, `no event handler on <${e.name}>`).not.toMatch(/^on/);
      expect(a, `no link on <${e.name}>`).not.toMatch(/(^|:)href$/);
      expect(value, `no external resource in ${attr}`).not.toMatch(/url\(\s*['"]?(?!#)|https?:|file:|data:|javascript:/i);
    }
    if (name === 'style') expect(e.text).not.toMatch(/@import|url\(/i);
  }
  expect(svg).not.toMatch(/<!DOCTYPE|<!ENTITY/i);
  return elements;
}

const hostile = '<script>alert("x")</script> & \'quotes\' ]]> <!-- -->';

function chart(overrides: Partial<DayChart> = {}): DayChart {
  return {
    title: 'A day',
    hours: ['09:00', '10:00', '11:00'],
    xTitle: 'Hour',
    rates: [{ name: 'k', values: [0.01, null, 0.04] }],
    alertRate: 0.03,
    counts: [
      { name: 'live', color: '#2e7d32', values: [10, 12, 8] },
      { name: 'abandoned', color: '#ef6c00', values: [0, 1, 2] },
    ],
    highlight: ['abandoned'],
    ...overrides,
  };
}

describe('the well-formedness checker used here', () => {
  it('accepts well-formed XML and rejects what is not', () => {
    expect(parseXml('<?xml version="1.0"?><a x="1"><b/>t &amp; &#x41;<!-- c --></a>').root.name).toBe('a');
    for (const bad of ['<a><b></a></b>', '<a x=1/>', '<a x="1" x="2"/>', '<a>&nbsp;</a>', '<a>&</a>', '<a/><b/>', 'text<a/>', '<a>', '<!DOCTYPE a><a/>', '<a y="<"/>']) {
      expect(() => parseXml(bad), bad).toThrow(/not well-formed/);
    }
  });
});

describe('the SVG renderer', () => {
  it('escapes the five XML special characters', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
  });

  it('writes well-formed, self-contained SVG, escaping every text it is given', () => {
    const svg = renderDayChart(
      chart({ title: hostile, subtitle: hostile, xTitle: hostile, hours: [hostile, '10:00', '11:00'], rates: [{ name: hostile, values: [0.02, 0.05, null] }], notes: [hostile], highlightTitle: hostile }),
    );
    const elements = checkSelfContained(svg);
    const texts = elements.filter((e) => e.name === 'text' || e.name === 'title').map((e) => e.text);
    expect(texts).toContain(hostile);
    expect(texts.some((t) => t.startsWith('alert line 3'))).toBe(true);
  });

  it('copes with no data, no alert line and a single hour', () => {
    checkSelfContained(renderDayChart(chart({ hours: [], rates: [], counts: [], alertRate: null, highlight: [] })));
    checkSelfContained(renderDayChart(chart({ hours: ['09:00'], rates: [{ name: 'k', values: [null] }], counts: [{ name: 'live', color: '#000', values: [0] }] })));
  });
});

describe('the picture of a simulated day', () => {
  const policy = ofcom2017;
  const result = simulate({
    seed: 9,
    policy,
    windows: [campaignDay('2026-03-10', '16:00', '18:00', policy)],
    dispositionWaitMs: 20_000,
    diallers: [
      wellRun({ campaignId: 'energy-switch', callCentreId: 'leeds', agents: { count: 6 } }),
      overDialled({ campaignId: 'broadband', callCentreId: 'leeds', agents: { count: 4 }, listStart: 100_000 }),
    ],
  });
  const svg = daySvg(result.calls, policy, 'A simulated afternoon', `${result.dialled} calls`, ['Simulated data.']);

  it('has axis titles, a legend, the alert line, an ACR line per campaign and a bar per hour', () => {
    const elements = checkSelfContained(svg);
    const texts = elements.filter((e) => e.name === 'text').map((e) => e.text);
    expect(texts).toEqual(expect.arrayContaining(['ACR', 'Calls', 'Campaign', 'Outcome', 'energy-switch', 'broadband', 'all campaigns', 'alert line (policy)', '16:00', '17:00']));
    expect(texts.filter((t) => t.startsWith('Hour the call was dialled (Europe/London)')).length).toBeGreaterThanOrEqual(2);
    expect(texts.some((t) => /^live \(agent\) \(\d/.test(t))).toBe(true);
    expect(elements.filter((e) => e.name === 'path').length).toBe(3);
    expect(elements.filter((e) => e.name === 'line' && e.attributes['stroke-dasharray'] === '8 5').length).toBeGreaterThanOrEqual(1);
    expect(elements.filter((e) => e.name === 'rect' && e.attributes.fill === '#2e7d32').length).toBeGreaterThanOrEqual(2);
  });

  it('is drawn by headless Chromium: one line per series, its labels on screen, a screenshot', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dialguard-svg-'));
    const browser = await launchChromium({ width: 1040, height: 1100 });
    try {
      const file = join(dir, 'day.svg');
      writeFileSync(file, svg);
      const page = await browser.newPage();
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      // What the browser laid out: the series lines with a drawn length, and the texts with a box.
      const drawn = await page.evaluate(() => {
        const document = (globalThis as unknown as { document: BrowserDocument }).document;
        const lines = [...document.querySelectorAll('path')].map((p) => ({ length: p.getTotalLength(), stroke: p.getAttribute('stroke') }));
        const texts = [...document.querySelectorAll('text')].filter((t) => t.getBBox().width > 0).map((t) => t.textContent ?? '');
        const root = document.documentElement.getBoundingClientRect();
        return { lines, texts, width: root.width, height: root.height };
      });
      expect(drawn.lines.length, 'one ACR line per campaign and one for all campaigns').toBe(3);
      for (const line of drawn.lines) expect(line.length).toBeGreaterThan(10);
      expect(new Set(drawn.lines.map((l) => l.stroke)).size, 'each series its own colour').toBe(3);
      expect(drawn.texts).toEqual(expect.arrayContaining(['energy-switch', 'broadband', 'all campaigns', 'alert line (policy)', '16:00', '17:00', 'ACR', 'Calls']));
      expect(drawn.width).toBe(1040);
      const png = await page.screenshot({ path: artifactPath('day-chart.png'), fullPage: true });
      expect(Buffer.from(png.subarray(0, 8))).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
      expect(Buffer.from(png).readUInt32BE(16)).toBe(1040); // IHDR width
      expect(png.length).toBeGreaterThan(10_000);
    } finally {
      await browser.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
