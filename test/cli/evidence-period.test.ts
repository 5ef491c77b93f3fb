/**
 * What the command says about its period and the evidence of its calls:
 *
 * - with neither --from nor --to the period is the whole input, in the text ("the whole
 *   input"), the JSON (`period.basis` `wholeInput`) and the HTML — never "as given";
 * - with --from/--to the evidence WARNING (stderr, text, HTML) counts the calls of the
 *   period; the JSON's `evidence.calls`, `withOutcome` and `undecidable` stay those of every
 *   call counted, and `evidence.inPeriod` holds the period's;
 * - the WARNING says how many unmapped statuses it does not name;
 * - the presets mark the facts their files cannot show (recording, IVM) unknown, so those
 *   rules are listed as not judged, never as passed; TPS (A1.25) is named as not judged
 *   from call records.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { record, runCli, runCliJson, T0, toJsonl, useTempFiles } from './fixtures.js';
import { ASTERISK_OPTIONS, VICIDIAL_COLUMNS, VICIDIAL_OPTIONS, vicidialRow } from './dialler-rows.js';

const files = useTempFiles('dialguard-evidence-period-');
const fixture = (path: string): string => fileURLToPath(new URL(`../fixtures/${path}`, import.meta.url));

describe('the period basis', () => {
  it('no --from/--to: "the whole input" in the text, JSON and HTML, never "as given"', async () => {
    const path = files.file('calls.jsonl', toJsonl([record('a', T0), record('b', T0 + 86_400_000)]));
    const html = files.path('whole.html');
    const { stdout } = await runCli(['audit', path, '--html', html]);
    expect(stdout).toContain('period: the whole input');
    const periodLine = stdout.split('\n').find((l) => l.startsWith('Period:'))!;
    expect(periodLine).toBe('Period: 2026-03-02 to 2026-03-03 (2 days, 0.29 weeks; the whole input)');
    expect(readFileSync(html, 'utf8')).toContain('(2 days; the whole input)</p>');
    const { report } = await runCliJson(['audit', path, '--json']);
    expect(report.period).toMatchObject({ fromDate: '2026-03-02', toDate: '2026-03-03', basis: 'wholeInput' });
  });

  it('--from or --to: "as given", basis given', async () => {
    const path = files.file('calls2.jsonl', toJsonl([record('a', T0), record('b', T0 + 86_400_000)]));
    for (const option of [['--from', '2026-03-03'], ['--to', '2026-03-02']]) {
      const { report } = await runCliJson(['audit', path, ...option, '--json']);
      expect(report.period.basis, option.join(' ')).toBe('given');
      const { stdout } = await runCli(['audit', path, ...option]);
      expect(stdout).toMatch(/^Period: .*; as given\)$/m);
    }
  });
});

describe('the evidence warning speaks of the calls of the period', () => {
  /** Day 1: 20 calls with a status the preset does not know (undecidable); day 2: 20 agent calls (SALE). */
  function twoDays(): string {
    const t0 = Date.UTC(2026, 2, 2, 10) / 1000;
    const lines = [VICIDIAL_COLUMNS.join('\t')];
    for (let i = 0; i < 20; i++) lines.push(vicidialRow(i, t0 + i * 120, 30, 'XYZ', 'CALLER'));
    for (let i = 20; i < 40; i++) lines.push(vicidialRow(i, t0 + 86_400 + i * 120, 30, 'SALE', 'CALLER'));
    return files.file('vicidial_log.tsv', lines.join('\n') + '\n');
  }

  it('a period with no undecidable call has no WARNING (a note names the calls outside it); JSON: whole input and period apart', async () => {
    const path = twoDays();
    const { report } = await runCliJson(['audit', path, ...VICIDIAL_OPTIONS, '--from', '2026-03-03', '--json']);
    expect(report.calls).toBe(20);
    expect(report.evidence).toMatchObject({ calls: 40, withOutcome: 20, undecidable: 20, warning: null });
    expect(report.evidence!.inPeriod).toEqual({ calls: 20, withOutcome: 20, undecidable: 0, undecidableAs: {} });
    expect(report.evidence!.note).toMatch(/^20 calls outside the period cannot be told live from silent/);
    const html = files.path('period.html');
    const { stdout, stderr } = await runCli(['audit', path, ...VICIDIAL_OPTIONS, '--from', '2026-03-03', '--html', html]);
    expect(stdout).toContain('Calls: 20 in the period, 20 outside it');
    expect(stdout).not.toContain('WARNING');
    expect(stderr).not.toContain('WARNING');
    const page = readFileSync(html, 'utf8');
    expect(page).not.toContain('id="evidence-warning"');
    expect(page).toContain(
      'Calls in the period with an outcome the dialler recorded: 20 of 20. Calls in the period answered (or with the answer time unknown) with no agent or message times and no recorded outcome, so that live cannot be told from silent: 0.',
    );
    expect(page).toContain(
      'In the whole input (40 calls, 20 outside the period): 20 with an outcome, 20 answered (or with the answer time unknown) with no agent or message times and no recorded outcome, so that live cannot be told from silent.',
    );
  });

  it('a period holding the undecidable calls: "20 of 20 calls in the period", statuses counted over the whole input', async () => {
    const path = twoDays();
    const html = files.path('day1.html');
    const { stdout, stderr } = await runCli(['audit', path, ...VICIDIAL_OPTIONS, '--to', '2026-03-02', '--html', html]);
    const warning = 'WARNING: 20 of 20 calls in the period cannot be told live from silent: the file has no agent or message times and their statuses have no outcome in the mapping (rows in the whole input: "XYZ" 20)';
    expect(stdout.startsWith(warning)).toBe(true);
    expect(stderr).toContain(`dialguard: ${warning}`);
    expect(readFileSync(html, 'utf8')).toContain('id="evidence-warning">WARNING: 20 of 20 calls in the period cannot be told');
  });

  it('undecidable calls on both sides of the period: those outside it are named apart', async () => {
    const t0 = Date.UTC(2026, 2, 2, 10) / 1000;
    const lines = [VICIDIAL_COLUMNS.join('\t')];
    for (let i = 0; i < 5; i++) lines.push(vicidialRow(i, t0 + i * 120, 30, 'XYZ', 'CALLER'));
    for (let i = 5; i < 8; i++) lines.push(vicidialRow(i, t0 + 86_400 + i * 120, 30, 'XYZ', 'CALLER'));
    const path = files.file('both.tsv', lines.join('\n') + '\n');
    const { report } = await runCliJson(['audit', path, ...VICIDIAL_OPTIONS, '--from', '2026-03-03', '--json']);
    expect(report.evidence!.warning).toMatch(/^3 of 3 calls in the period \(and 5 calls outside it\) cannot be told live from silent/);
    expect(report.evidence).toMatchObject({ calls: 8, undecidable: 8, inPeriod: { calls: 3, undecidable: 3 } });
  });

  it('no --from/--to: the warning as before, the period figures those of every call', async () => {
    const { report } = await runCliJson(['audit', twoDays(), ...VICIDIAL_OPTIONS, '--json']);
    expect(report.evidence!.warning).toMatch(/^20 of 40 calls cannot be told live from silent: .*\("XYZ" 20\)\./);
    expect(report.evidence!.inPeriod).toMatchObject({ calls: 40, withOutcome: 20, undecidable: 20 });
  });
});

describe('the evidence warning says how many statuses it does not name', () => {
  it('10 unmapped statuses: 8 named, "… and 2 more"; the HTML lists all 10', async () => {
    const t0 = Date.UTC(2026, 2, 2, 10) / 1000;
    const lines = [VICIDIAL_COLUMNS.join('\t')];
    for (let i = 0; i < 10; i++) lines.push(vicidialRow(i, t0 + i * 120, 30, `SITE${i}`, 'CALLER'));
    const path = files.file('ten.tsv', lines.join('\n') + '\n');
    const html = files.path('ten.html');
    const { stdout } = await runCli(['audit', path, ...VICIDIAL_OPTIONS, '--html', html]);
    const warning = stdout.slice(0, stdout.indexOf('\n\n'));
    expect(warning).toContain('WARNING: 10 of 10 calls cannot be told live from silent');
    expect([...warning.matchAll(/"SITE\d" 1/g)]).toHaveLength(8);
    expect(warning).toContain('"SITE7" 1, … and 2 more)');
    expect([...readFileSync(html, 'utf8').matchAll(/<td>SITE\d<\/td>/g)]).toHaveLength(10);
  });
});

describe('the presets mark what their files cannot show', () => {
  it('vicidial_log: recording and IVM facts unknown, their rules not judged on any call (never passed)', async () => {
    const { report } = await runCliJson(['audit', fixture('vicidial/vicidial_log.tsv'), ...VICIDIAL_OPTIONS, '--json']);
    expect(report.evidence!.unknownFacts).toEqual(expect.arrayContaining(['recordingAt', 'ivmAgentRequestedAt']));
    const rules = new Map(report.coverage.rules.map((r) => [r.rule, r]));
    for (const rule of ['recordingNotice', 'ivmWait']) expect(rules.get(rule), rule).toMatchObject({ judged: 0, notJudged: report.calls });
    for (const kind of ['recordingWithoutNotice', 'ivmLongWait', 'ivmNoQueueInfo']) expect(report.flags.find((f) => f.kind === kind)!.notJudged, kind).toBe(report.calls);
    expect(report.factors.find((f) => f.id === 'otherMisuse')!.observed).toBeNull();
    expect(report.coverage.notJudgedFromRecords).toEqual([expect.objectContaining({ rule: 'barred', refs: ['A1.25'] })]);
  });

  it('Asterisk Master.csv: the same, except that the IVM rule is judged on the calls its answer times show unanswered', async () => {
    const { report } = await runCliJson(['audit', fixture('asterisk/Master.csv'), ...ASTERISK_OPTIONS, '--json']);
    expect(report.calls).toBeGreaterThan(0);
    expect(report.categories.unconnected).toBeGreaterThan(0);
    expect(report.evidence!.unknownFacts).toEqual(expect.arrayContaining(['recordingAt', 'ivmAgentRequestedAt']));
    const rules = new Map(report.coverage.rules.map((r) => [r.rule, r]));
    expect(rules.get('recordingNotice')).toMatchObject({ judged: 0, notJudged: report.calls });
    // An IVM speaks only to an answered call: NO ANSWER and BUSY rows (no answer time) are judged, with no breach.
    expect(rules.get('ivmWait')).toMatchObject({ judged: report.categories.unconnected, notJudged: report.calls - report.categories.unconnected });
  });

  it('text: TPS and do-not-call lists (A1.25) are named as not judged from call records', async () => {
    const path = files.file('clean.jsonl', toJsonl([record('a', T0), record('b', T0 + 60_000, { to: '01632960002' })]));
    const { stdout } = await runCli(['audit', path]);
    expect(stdout).toContain('Every rule judged from call records was judged on every call.\nNot judged from call records: TPS and do-not-call lists (A1.25)');
    expect(stdout).not.toContain('Every rule was judged on every call');
  });
});
