/**
 * The text report's flags and examples sections never read as "nothing found" when the
 * report cannot say so:
 * - with no call in the period, the flags section says none could be raised (as the HTML
 *   page does), not a table of zeros with empty "not judged" cells, which its own heading
 *   would have read as judged;
 * - the examples section says "no flags" only when no flag was raised in the period: with
 *   `examplesPerKind: 0` (no example kept) it counts the flags it does not list.
 */
import { describe, expect, it } from 'vitest';
import { audit, formatReport } from '../../src/index.js';
import { renderHtmlReport } from '../../src/html/render-report.js';
import { record, T0 } from '../cli/fixtures.js';

/** The lines of the text section whose title starts with `title`, up to the blank line after it. */
function sectionOf(text: string, title: string): string[] {
  const lines = text.split('\n');
  const at = lines.findIndex((l) => l.startsWith(title));
  expect(at).toBeGreaterThan(0);
  const end = lines.indexOf('', at + 1);
  return lines.slice(at, end === -1 ? undefined : end);
}

const silent = (id: string, at: number) => record(id, at, { agentAt: null, hangupAt: at + 9000, hangupBy: 'caller', lastEventAt: at + 9000 });

describe('text flags section with no call in the period', () => {
  const result = audit([silent('s', T0)], undefined, { from: T0 + 30 * 86_400_000, to: T0 + 31 * 86_400_000 });

  it('says no call was in the period, as the HTML page does, with no row of zeros', () => {
    expect(result.report.calls).toBe(0);
    expect(renderHtmlReport(result.report)).toContain('No call in the period: none could be raised.');
    const section = sectionOf(formatReport(result.report), 'Flags by kind');
    expect(section.slice(2)).toEqual(['No call in the period: none could be raised.']);
  });

  it('a period with calls still lists every kind, zeros included', () => {
    const section = sectionOf(formatReport(audit([silent('s', T0)]).report), 'Flags by kind');
    expect(section.join('\n')).toMatch(/^silentCall +A1\.3 +1 /m);
    expect(section.join('\n')).toMatch(/^shortRing +A2\.15 +0 /m);
  });
});

describe('text examples section', () => {
  const calls = () => [silent('s', T0), record('l', T0 + 60_000, { to: '01632960002' })];

  it('with examplesPerKind 0, flags raised: counts them, never "no flags"', () => {
    const r = audit(calls(), undefined, { examplesPerKind: 0 }).report;
    const flags = r.flags.reduce((a, f) => a + f.count, 0);
    expect(r.flags.find((f) => f.kind === 'silentCall')!.count).toBe(1); // sanity
    const section = sectionOf(formatReport(r), 'Examples to look up (earliest per kind)');
    expect(section).not.toContain('no flags');
    expect(section.slice(2)).toEqual([`${flags} flag${flags === 1 ? '' : 's'} in the period, no examples kept`]);
  });

  it('"no flags" when none was raised', () => {
    const r = audit([record('l', T0)]).report;
    expect(r.flags.every((f) => f.count === 0)).toBe(true);
    expect(sectionOf(formatReport(r), 'Examples to look up').slice(2)).toEqual(['no flags']);
  });

  it('examples kept: listed per kind, with no line about flags not kept', () => {
    const section = sectionOf(formatReport(audit(calls()).report), 'Examples to look up');
    expect(section.join('\n')).toMatch(/^silentCall \(A1\.3\): s /m);
    expect(section.join('\n')).not.toMatch(/no examples kept|no flags/);
  });
});
