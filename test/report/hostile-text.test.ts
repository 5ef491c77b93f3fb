/**
 * Hostile values from a CDR (markup, controls, bidirectional overrides) in the text and
 * HTML reports: shown as text, written out visibly, never acting on what is around them;
 * and look-alike values (an invisible character, or the text of its escape) printed apart.
 */
import { describe, expect, it } from 'vitest';
import { formatReport, ofcom2017 } from 'dialguard';
import { createReportBuilder } from 'dialguard/internals';
import { renderHtmlReport } from '../../src/html/render-report.js';
import { callAt, HOUR, T0 } from './helpers.js';

/** Controls, separators and bidirectional formatting: what `printable` writes out. Newline excluded (the page's own). */
const ACTS = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/;
const HOSTILE = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', "'onmouseover='x", '\u202eevil\u202c', '\u2067isolate\u2069', 'a\nb\rc\u001b[31mred', '\u2028x\u2029', '\u0085nel', '<!--'];

function hostileReport() {
  const b = createReportBuilder(ofcom2017);
  let i = 0;
  for (const h of HOSTILE) {
    for (const outcome of ['silent', 'abandoned', 'live'] as const) {
      b.add(callAt(`${h}#${i}`, T0 + (i % 5) * HOUR, outcome, { campaignId: h, callCentreId: `cc${h}`, to: `0113496${String(1000 + i)}` }));
      i++;
    }
  }
  return b.build();
}

describe('hostile values in the reports', () => {
  it('formatReport: no control, separator or bidirectional character reaches a line', () => {
    for (const line of formatReport(hostileReport()).split('\n')) expect(line, JSON.stringify(line)).not.toMatch(ACTS);
  });

  it('HTML: no control, separator or bidirectional character in the page; each is written out visibly', () => {
    const html = renderHtmlReport(hostileReport());
    expect(html).not.toMatch(ACTS);
    expect(html).toContain('\\u202eevil\\u202c');
    expect(html).toContain('\\u2067isolate\\u2069');
  });

  it('HTML: no tag, attribute or comment comes from the data', () => {
    const html = renderHtmlReport(hostileReport());
    expect(html).not.toMatch(/<script|<img|<!--/i);
    for (const [tag] of html.matchAll(/<[a-zA-Z][^>]*>/g)) {
      // Attributes are name="value" pairs, none an event handler; nothing else is in a tag.
      for (const [, name] of tag.matchAll(/\s([a-zA-Z:-]+)="[^"]*"/g)) expect(name!.toLowerCase().startsWith('on'), tag).toBe(false);
      expect(tag.replace(/\s[a-zA-Z0-9:-]+="[^"]*"/g, ''), tag).toMatch(/^<[a-zA-Z0-9]+(\s+[a-zA-Z]+)?\s*\/?>$/);
    }
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('formatReport and the HTML pivot: a campaign with a zero-width space and one named by the text "\\u200b" are told apart', () => {
    const b = createReportBuilder(ofcom2017);
    b.add(callAt('1', T0, 'live', { campaignId: 'a\u200bb' })); // a, ZERO WIDTH SPACE, b
    b.add(callAt('2', T0 + HOUR, 'live', { campaignId: 'a\\u200bb', to: '01134962000' })); // a, backslash, u, 2, 0, 0, b, b
    const r = b.build();
    const rows = formatReport(r).split('\n').filter((l) => l.startsWith('campaign '));
    expect(rows.map((l) => l.split(/ {2,}/)[0]).sort()).toEqual(['campaign a\\\\u200bb', 'campaign a\\u200bb']);
    const pivotHead = /<table class="pivot" id="acr-pivot"><thead>(.*?)<\/thead>/.exec(renderHtmlReport(r))![1]!;
    expect([...pivotHead.matchAll(/<th class="num">([^<]*)<\/th>/g)].map((m) => m[1]).sort()).toEqual(['a\\\\u200bb', 'a\\u200bb']);
  });
});
