/**
 * The HTML report with scopes that leave out `all` (`dialguard audit --by campaign --html`):
 * its days, outcomes per day and call categories are the same as with every scope listed
 * — each scope kind counts every call once — never an empty chart or table.
 */
import { describe, expect, it } from 'vitest';
import { audit, type AcrScope } from '../../src/index.js';
import { renderHtmlReport } from '../../src/html/render-report.js';
import { generateRecords } from '../../bench/generate.js';

// 2,000 generated calls, every 40th made undetermined (a silent call whose records cannot show agent, message or who hung up).
const records = generateRecords(2_000).map((r, i) => (i % 40 === 0 && r.answerAt !== null ? { ...r, unknown: ['agentAt', 'messageAt', 'hangupBy'] as const } : r));
const html = (scopes?: readonly AcrScope[]): string => renderHtmlReport(audit(records, undefined, scopes === undefined ? {} : { scopes }).report);
/** The part of the page between two headings. */
const section = (page: string, from: string, to: string): string => page.slice(page.indexOf(from), page.indexOf(to));

describe('the HTML report without the all scope', () => {
  const every = html();
  it.each([[['campaign']], [['callCentre']], [['campaignCallCentre']], [['campaign', 'callCentre']]] as const)('with scopes %j: the same outcomes per day and categories as with every scope', (scopes) => {
    const page = html(scopes);
    const outcomes = section(page, '<h2 id="outcomes">', '<h2 id="flags">');
    expect(outcomes).toBe(section(every, '<h2 id="outcomes">', '<h2 id="flags">'));
    expect(outcomes).toContain('<div id="categories">');
    expect(outcomes).toMatch(/<rect/); // bars drawn, not an empty chart
  });

  it('with campaigns listed, the days of the ACR pivot are every day with calls', () => {
    const days = (page: string) => [...section(page, 'id="acr-pivot"', '</table>').matchAll(/<tr><td>(\d{4}-\d{2}-\d{2})<\/td>/g)].map((m) => m[1]);
    expect(days(html(['campaign']))).toEqual(days(every));
    expect(days(every).length).toBeGreaterThan(0);
  });

  it('the verdict names the undetermined calls whichever scopes are listed', () => {
    const undetermined = audit(records).report.categories.undetermined;
    const figure = (page: string) => /<div class="figure"><b>([\d,]+)<\/b>undetermined calls<\/div>/.exec(page)?.[1] ?? null;
    expect(figure(html(['campaign']))).toBe(figure(every));
    expect(undetermined).toBeGreaterThan(0);
    expect(figure(every)).toBe(undetermined.toLocaleString('en-GB'));
  });
});
