/**
 * A file with outcomes but no timing (VICIdial's vicidial_log): the command gives the
 * categories and the ACR from the statuses, and its report — text, JSON and HTML — lists
 * the timing rules as not judged. Nothing says they passed.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CliReport } from '../../src/cli/main.js';
import { runCli } from './fixtures.js';

const fixture = fileURLToPath(new URL('../fixtures/vicidial/vicidial_log.tsv', import.meta.url));
const OPTIONS = ['--preset', 'vicidial-log', '--set', 'callCentreId=leeds', '--set', 'cli=01132345678', '--set', 'agentGuaranteed=no', '--set', 'amd=yes', '--set', 'messagePlanned=yes'];

const run = (extra: readonly string[]) => runCli(['audit', fixture, ...OPTIONS, ...extra]);

describe('outcomes without timings: categories and ACR from the statuses, the timing rules not judged', () => {
  it('JSON: categories and the daily ACR from the statuses; coverage lists the 2 s and 15 s rules as not judged', async () => {
    const { stdout } = await run(['--json']);
    const report = JSON.parse(stdout) as CliReport;
    expect(report.categories).toMatchObject({ live: 5, abandoned: 4, silent: 0, answerMachine: 3, unconnected: 5, undetermined: 2 });
    const all = report.scopes.find((s) => s.scope === 'all')!;
    const day = all.days.find((d) => d.date === '2026-10-23')!;
    expect(day.acr).toMatchObject({ x: 1.5, y: 3, z: 1, estimated: true }); // DROP + PDROP, by the A3.6 estimate
    const rules = new Map(report.coverage.rules.map((r) => [r.rule, r]));
    expect(rules.get('lateMessage')).toMatchObject({ refs: ['A2.19', 'A2.18'], notJudged: 11 });
    expect(rules.get('lateMessage')!.reasons[0]!.reason).toMatch(/the records have no .*message times/);
    expect(rules.get('shortRing')!.notJudged).toBeGreaterThan(0);
    expect(rules.get('silentCall')!.notJudged).toBe(2); // the undetermined APPT calls
    const late = report.flags.find((f) => f.kind === 'lateMessage')!;
    expect(late).toMatchObject({ count: 0, notJudged: 11 });
    const factor = report.factors.find((f) => f.paragraphs === 'A2.18–A2.19')!;
    expect(factor.observed).toBeNull(); // not shown as clean
    expect(factor.evidence.notJudgedCalls).toBe(11);
  });

  it('text: the coverage section and the flag table say "not judged"; the evidence warning is loud', async () => {
    const { stdout, stderr } = await run([]);
    expect(stdout).toMatch(/2 s information-message deadline \(A2\.19, A2\.18\): judged on 8 calls, not judged on 11 calls/);
    expect(stdout).toMatch(/\nlateMessage +A2\.19 +0 +11 /);
    expect(stderr).toMatch(/WARNING: 2 of 19 calls cannot be told live from silent/);
  });

  it('HTML: the verdict says which rules could not be judged, and the coverage table holds the figures', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'dialguard-cov-')), 'report.html');
    await run(['--html', out]);
    const html = readFileSync(out, 'utf8');
    expect(html).toMatch(/id="not-judged"><b>\d+ rules could not be judged on every call<\/b>/);
    expect(html).not.toMatch(/class="verdict clean"/);
    expect(html).toMatch(/<td[^>]*>2 s information-message deadline<\/td><td[^>]*>A2\.19, A2\.18<\/td><td[^>]*>8<\/td><td[^>]*><strong>11<\/strong><\/td>/);
  });
});
