/**
 * What `dialguard audit` prints says what is true: long ids are cut, never the dates,
 * figures and times beside them (README: "long values cut with …"); the rows rejected that
 * the report does not list are not claimed to be on stderr (stderr prints a few per kind);
 * and an audit that counted no call is not shown as clean.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CliReport } from '../../src/cli/main.js';
import { EXIT_NOTHING_AUDITED } from '../../src/cli/main.js';
import { PRINTED_PER_KIND } from '../../src/cli/reject-printer.js';
import { REPORT_LINE_WIDTH } from '../../src/internals.js';
import { T0, record, runCli, toJsonl, useTempFiles } from './fixtures.js';

const temp = useTempFiles('dialguard-text-output-');
const S = 1000;

/** An abandoned call (message 7 s after the dial, 1 s after pickup): counts in x, flags `abandonedCall`. */
const abandoned = (callId: string, at: number, over: Parameters<typeof record>[2] = {}) =>
  record(callId, at, {
    agentAt: null,
    messageAt: at + 7 * S,
    messageContent: { onBehalfOf: 'Acme', explainsAttempt: true, optOutNumber: '08001234567', marketing: false },
    hangupAt: at + 20 * S,
    hangupBy: 'caller',
    lastEventAt: at + 20 * S,
    ...over,
  });

/** The lines of a text report's section, from its title to the next blank line. */
function sectionOf(text: string, title: string): string[] {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.startsWith(title));
  expect(start, `section "${title}"`).toBeGreaterThanOrEqual(0);
  const end = lines.findIndex((l, i) => i > start && l.trim() === '');
  return lines.slice(start + 2, end < 0 ? undefined : end); // after the title and its underline
}

/** The lines of the library's report (the command's own lines may quote a long file name). */
const reportLines = (stdout: string): string[] => stdout.split('\n').slice(stdout.split('\n').findIndex((l) => l.startsWith('dialguard report')));

describe('dialguard audit: the text report with long ids', () => {
  it('the daily ACR table keeps each row\'s date and figures, cutting a long campaign id with …', async () => {
    const long = `north-region-${'a'.repeat(90)}`;
    const rows = [
      record('a1', T0, { campaignId: long }),
      abandoned('a2', T0 + 60 * S, { campaignId: long, to: '01632960002' }),
      record('b1', T0 + 120 * S, { campaignId: 'short', to: '01632960003' }),
    ];
    const r = await runCli(['audit', temp.file('long.jsonl', toJsonl(rows))]);
    const table = sectionOf(r.stdout, 'Daily ACR per campaign');
    const shortRow = table.find((l) => l.includes('short'));
    const longRow = table.find((l) => l.includes('north-region-'));
    expect(shortRow).toMatch(/^2026-03-02 {2}short +1 +0 +1 +0 +0\.00 %$/);
    expect(longRow).toMatch(/^2026-03-02 {2}north-region-a+… +2 +1 +1 +0 +50\.00 % +est +ALERT$/); // x 1, y 1 (A3.6: est)
    for (const l of reportLines(r.stdout)) expect(l.length, l).toBeLessThanOrEqual(REPORT_LINE_WIDTH);
  });

  it('"Examples to look up" keeps each call\'s time beside a long call id, cutting the id with …', async () => {
    const id = `call-${'x'.repeat(120)}`;
    const silent = record(id, T0, { agentAt: null, hangupAt: T0 + 9 * S, hangupBy: 'caller', lastEventAt: T0 + 9 * S });
    const r = await runCli(['audit', temp.file('long-id.jsonl', toJsonl([silent]))]);
    const examples = sectionOf(r.stdout, 'Examples to look up').join('\n');
    expect(examples).toMatch(/call-x+… 2026-03-02 10:00:06/); // the pickup, when a silent call is flagged (London time, GMT)
    for (const l of reportLines(r.stdout)) expect(l.length, l).toBeLessThanOrEqual(REPORT_LINE_WIDTH);
  });
});

describe('dialguard audit: rejected rows', () => {
  it('the report does not claim that the rows it leaves unlisted are each on stderr: stderr prints a few of each kind', async () => {
    const good = [0, 1, 2, 3, 4].map((i) => record(`ok${i}`, T0 + i * 60 * S));
    const bad = Array.from({ length: 30 }, (_, i) => `bad ${i}`);
    const r = await runCli(['audit', temp.file('many-bad.jsonl', `${toJsonl(good)}${bad.join('\n')}\n`)]);
    const listed = [...r.stdout.matchAll(/^ {2}line (\d+): /gm)];
    expect(listed).toHaveLength(20); // --examples defaults to 20
    expect(r.stdout).toContain('  … and 10 more, not listed');
    expect(r.stdout).not.toMatch(/on stderr/);
    // What stderr does print: the first few of the kind, and how many more it left out.
    expect([...r.stderr.matchAll(/line \d+: rejected/g)]).toHaveLength(PRINTED_PER_KIND);
    expect(r.stderr).toMatch(/25 more row\(s\) rejected \(json\) not printed; 30 in all/);
  });

  it('--help does not say every rejected row is printed on stderr', async () => {
    const help = (await runCli(['--help'])).stdout;
    expect(help).not.toMatch(/do not print each rejected row/);
    expect(help).toMatch(/the first \d+\s+of each kind are printed on stderr with their line number, the rest only counted/);
  });
});

describe('dialguard audit --html: an audit that counted no call', () => {
  it('the page\'s verdict is neither "clean" nor raised flags: nothing was audited in the period (exit 3)', async () => {
    const path = temp.file('clean.jsonl', toJsonl([0, 1, 2].map((i) => record(`ok${i}`, T0 + i * 60 * S))));
    const html = temp.path('nothing.html');
    const r = await runCli(['audit', path, '--from', '2027-01-01', '--html', html, '--json']);
    expect(r.code).toBe(EXIT_NOTHING_AUDITED);
    expect((JSON.parse(r.stdout) as CliReport).coverage.complete).toBe(false);
    const page = readFileSync(html, 'utf8');
    expect(page).toContain('<section class="verdict nothing" id="verdict">');
    expect(page).toContain('Nothing was audited in the period');
    expect(page).not.toContain('No flags were raised');
    expect(page).not.toContain('Every rule judged from call records was judged on every call');
  });

  it('the text report says no call was judged, not that every rule was judged on every call', async () => {
    const path = temp.file('clean.jsonl', toJsonl([0, 1, 2].map((i) => record(`ok${i}`, T0 + i * 60 * S))));
    const r = await runCli(['audit', path, '--from', '2027-01-01']);
    expect(r.code).toBe(EXIT_NOTHING_AUDITED);
    expect(sectionOf(r.stdout, 'Rules judged (coverage)')).toEqual(['No call in the period: no rule was judged on any call.']);
    expect(r.stdout).not.toContain('Every rule judged from call records was judged on every call');
  });
});
