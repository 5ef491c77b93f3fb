/**
 * `dialguard audit` on calls the records cannot decide (undetermined: here each call's
 * records stop at the answer, so whether a message or an agent came in time is not in
 * them): the silent and abandoned call rules (A1.3–A1.10) are judged on no call.
 *
 * - The HTML page's evidence figures say what their count of calls that "cannot be told
 *   live from silent" holds (no agent or message times and no recorded outcome: not these
 *   calls, whose records stop early), and give the undetermined calls beside it: never
 *   "0 calls cannot be told live from silent" a few lines below "3 calls could not be told
 *   live, abandoned or silent".
 * - The exit code is 3, not 0 ("clean"), when every call of the period is undetermined and
 *   no flag was raised: judging the outcome rules on no call is not a clean audit, as
 *   auditing no call is not. A report with some calls judged stays 0.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXIT_CLEAN, EXIT_FLAGS, EXIT_NOTHING_AUDITED } from '../../src/cli/main.js';
import { record, runCli, runCliJson, T0, toJsonl, useTempFiles } from './fixtures.js';

const files = useTempFiles('dialguard-undetermined-calls-');

/** An answered call whose records stop at the answer (no agent, no message, no hang-up): undetermined. */
const cutOff = (i: number, over: Parameters<typeof record>[2] = {}) => {
  const at = T0 + i * 60_000;
  return record(`u${i}`, at, { to: `016329600${i}0`, agentAt: null, hangupAt: null, hangupBy: null, lastEventAt: at + 6000, ...over });
};

/** Three such calls. */
const cutOffFile = (name = 'cut.jsonl'): string => files.file(name, toJsonl([0, 1, 2].map((i) => cutOff(i))));

describe('dialguard audit: every call undetermined', () => {
  it('every call is undetermined, and the silent call rule was judged on none', async () => {
    const { report } = await runCliJson(['audit', cutOffFile(), '--json']);
    expect(report.calls).toBe(3);
    expect(report.categories.undetermined).toBe(3);
    expect(report.coverage.rules.find((r) => r.rule === 'silentCall')).toMatchObject({ judged: 0, notJudged: 3 });
    expect(report.evidence).toMatchObject({ undecidable: 0 }); // none lacks the times for want of columns: the records stop early
  });

  it('HTML: the evidence figures say what they count and give the undetermined calls beside them, never "cannot be told live from silent: 0" alone', async () => {
    const html = files.path('cut.html');
    await runCli(['audit', cutOffFile(), '--html', html]);
    const page = readFileSync(html, 'utf8');
    expect(page).toMatch(/id="undetermined">3 [^<]*could not be told live, abandoned or silent/); // the page's own warning
    const figures = /<p id="evidence-figures">(.*?)<\/p>/.exec(page)![1]!;
    expect(figures).not.toContain('cannot be told live from silent: 0.');
    expect(figures).toContain('Calls in the period answered (or with the answer time unknown) with no agent or message times and no recorded outcome, so that live cannot be told from silent: 0.');
    expect(figures).toContain('Calls in the period whose category the records could not show (undetermined), for whatever reason: 3.');
  });

  it('exit 3, not 0 ("clean"), said on stderr; with --strict and a rejected row too', async () => {
    const { code, stderr, stdout } = await runCli(['audit', cutOffFile()]);
    expect(code).toBe(EXIT_NOTHING_AUDITED);
    expect(stderr).toContain('dialguard: every call in the period (3) is undetermined: the records show no call live, abandoned or silent, so the silent and abandoned call rules were judged on none\n');
    expect(stdout).toContain('Rows read: 3'); // the report is still written
    const withJunk = files.file('junk.jsonl', `${toJsonl([0, 1, 2].map((i) => cutOff(i)))}not json\n`);
    expect((await runCli(['audit', withJunk, '--quiet', '--strict'])).code).toBe(EXIT_NOTHING_AUDITED); // says more than --strict's 1
  });

  it('a flag raised on them is still exit 1; one call judged is enough for exit 0', async () => {
    const withheld = files.file('withheld.jsonl', toJsonl([cutOff(0, { cli: null }), cutOff(1), cutOff(2)]));
    const flagged = await runCliJson(['audit', withheld, '--json']);
    expect(flagged.report.categories.undetermined).toBe(3);
    expect(flagged.report.flags.some((f) => f.count > 0)).toBe(true);
    expect(flagged.code).toBe(EXIT_FLAGS);
    const oneLive = files.file('one-live.jsonl', toJsonl([cutOff(0), cutOff(1), record('live', T0 + 300_000, { to: '01632960099' })]));
    const clean = await runCli(['audit', oneLive]);
    expect(clean.code).toBe(EXIT_CLEAN); // rules not judged on some calls are in the coverage; 0 keeps its meaning
    expect(clean.stderr).not.toContain('is undetermined');
  });

  it('--help says when exit 3 is given for undetermined calls', async () => {
    const { stdout } = await runCli(['--help']);
    expect(stdout).toMatch(/ {2}3 {2}nothing audited: no call counted \(an empty input, every row rejected, or no\n {5}call in the period\), or every call in the period undetermined/);
  });
});
