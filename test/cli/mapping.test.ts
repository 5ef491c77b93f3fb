/**
 * Issue 8, "Audit the records diallers already have": each problem a new user met with an
 * Asterisk Master.csv or a VICIdial export, through the command (`main`), as they met it.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EXIT_FLAGS, EXIT_USAGE, type CliReport } from '../../src/cli/main.js';
import {
  cleanRecords,
  record,
  recordsCsv,
  T0,
  toJsonl,
  runCli,
  runCliJson,
  useTempFiles,
} from './fixtures.js';

const fixture = (path: string): string => fileURLToPath(new URL(`../fixtures/${path}`, import.meta.url));
const temp = useTempFiles('dialguard-mapping-');
const file = temp.file;

const run = runCli;
const runJson = runCliJson;

const ASTERISK = ['--preset', 'asterisk-cdr', '--input-tz', 'Europe/London', '--set', 'callCentreId=leeds', '--set', 'agentGuaranteed=false', '--set', 'amd=true', '--set', 'messagePlanned=true'];
const VICIDIAL = ['--preset', 'vicidial-log', '--set', 'callCentreId=leeds', '--set', 'cli=01132345678', '--set', 'agentGuaranteed=false', '--set', 'amd=true', '--set', 'messagePlanned=true'];

describe('a dialler\'s own records, one command each', () => {
  it('Asterisk Master.csv with the preset: every call counted, over three calendar days', async () => {
    const { code, report, stderr } = await runJson(['audit', fixture('asterisk/Master.csv'), ...ASTERISK]);
    expect(report.calls).toBe(15);
    expect(report.rejected.count).toBe(0);
    const days = report.scopes.find((s) => s.scope === 'all')!.days.filter((d) => d.counts.calls > 0).map((d) => [d.date, d.counts.calls]);
    expect(days).toEqual([['2026-10-23', 9], ['2026-10-25', 4], ['2026-10-26', 2]]); // 00:50 BST on the 25th is the 25th, not the 24th (UTC)
    expect(code).toBe(EXIT_FLAGS);
    // The call in a queue with no agent channel cannot be told live from silent: said loudly.
    expect(report.evidence?.undecidable).toBe(1);
    expect(report.evidence?.unmappedStatuses).toEqual([{ status: 'ANSWERED Queue', rows: 1 }]);
    expect(stderr).toMatch(/WARNING: 1 of 15 calls cannot be told live from silent/);
  });

  it('VICIdial vicidial_log.tsv with the preset: tab-separated without --delimiter, header detected, epoch seconds', async () => {
    const { report, stderr } = await runJson(['audit', fixture('vicidial/vicidial_log.tsv'), ...VICIDIAL]);
    expect(report.calls).toBe(19);
    expect(report.rejected.count).toBe(0);
    expect(report.period.fromDate).toBe('2026-10-23');
    expect(report.period.toDate).toBe('2026-10-26');
    // The site's own status APPT is not in the preset: named, with its rows, in the warning.
    expect(report.evidence?.unmappedStatuses).toEqual([{ status: 'APPT', rows: 2 }]);
    expect(report.evidence?.warning).toMatch(/"APPT" 2/);
    expect(stderr).toMatch(/WARNING: 2 of 19 calls cannot be told live from silent/);
    const site = await runJson(['audit', fixture('vicidial/vicidial_log.tsv'), '--mapping', fixture('vicidial/site-mapping.json'), ...VICIDIAL.slice(2)]);
    expect(site.report.evidence?.warning).toBeNull();
    expect(site.report.evidence?.withOutcome).toBe(19);
    expect(site.stderr).not.toMatch(/WARNING/);
  });

  it('the warning heads the text report too', async () => {
    const { stdout } = await run(['audit', fixture('asterisk/Master.csv'), ...ASTERISK]);
    expect(stdout.startsWith('WARNING: 1 of 15 calls cannot be told live from silent')).toBe(true);
  });

  it('every answered call with no agent or message times and no outcome is named: none is silently silent', async () => {
    // A mapping that reads the times but has no status table: the old command's 58 % silent calls.
    const mapping = file('bare.json', JSON.stringify({
      columns: JSON.parse(readFileSync(fixture('../../presets/asterisk-cdr.json'), 'utf8')).columns,
      optionalColumns: ['uniqueid', 'userfield'],
      fields: { callId: 'uniqueid', campaignId: 'accountcode', to: 'dst', cli: { column: 'clid', match: '<([^>]*)>' }, dialAt: { column: 'start', time: 'local' }, answerAt: { column: 'answer', time: 'local' }, hangupAt: { column: 'end', time: 'local' } },
      unknown: ['agentAt', 'messageAt', 'hangupBy'],
    }));
    const { report, stderr } = await runJson(['audit', fixture('asterisk/Master.csv'), '--mapping', mapping, ...ASTERISK.slice(2)]);
    const answered = 10;
    expect(report.evidence?.undecidable).toBe(answered);
    expect(stderr).toMatch(/WARNING: 10 of 15 calls cannot be told live from silent: the file has no agent or message times and no status the mapping knows/);
  });
});

describe('bad input, said once', () => {
  it('a preset without the values the file lacks names every one of them at once, before reading a row', async () => {
    const r = await run(['audit', fixture('asterisk/Master.csv'), '--preset', 'asterisk-cdr']);
    expect(r.code).toBe(EXIT_USAGE);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('dialAt, answerAt, hangupAt are zoneless local times: give the zone the file was written in with --input-tz');
    expect(r.stderr).toContain('gives no value for callCentreId, agentGuaranteed, amd, messagePlanned');
    expect(r.stderr).toContain('--set callCentreId=leeds');
    expect(r.stderr).not.toMatch(/line \d+/); // no row was read
  });

  it('a plain CSV lacking required columns: all named at once, with the --set and --columns hints', async () => {
    const records = cleanRecords(3);
    const columns = ['callId', 'campaign', 'to', 'agentGuaranteed', 'amd', 'messagePlanned', 'dialAt'];
    const text = [columns.join(','), ...records.map((r) => [r.callId, r.campaignId, r.to, 'false', 'false', 'true', new Date(r.dialAt).toISOString()].join(','))].join('\n');
    const path = file('lacking.csv', text);
    const r = await run(['audit', path]);
    expect(r.code).toBe(EXIT_USAGE);
    expect(r.stderr).toContain('the header has no column for campaignId, callCentreId, cli');
    expect(r.stderr).toContain('--columns campaignId=campaign');
    expect(r.stderr.match(/dialguard:/g)).toHaveLength(1);
    const fixed = await runJson(['audit', path, '--columns', 'campaignId=campaign', '--set', 'callCentreId=leeds', '--set', 'cli=01134961000']);
    expect(fixed.report.calls).toBe(3);
    expect(fixed.report.rejected.count).toBe(0);
  });

  it('the same rejection on every row is printed a few times, then counted, not repeated', async () => {
    const rows = Array.from({ length: 40 }, (_, i) => ({ ...record(`r${i}`, T0 + i * 60_000), campaignId: '' }));
    const r = await run(['audit', file('same-error.jsonl', toJsonl(rows)), '--json']);
    const lines = r.stderr.trim().split('\n');
    expect(lines.filter((l) => l.includes('rejected (invalid) [campaignId]'))).toHaveLength(5);
    expect(lines).toContain('dialguard: further rows rejected (invalid [campaignId]) are counted, not printed');
    expect(lines).toContain('dialguard: 35 more row(s) rejected (invalid [campaignId]) not printed; 40 in all');
    expect((JSON.parse(r.stdout) as CliReport).rejected.count).toBe(40);
  });

  it('--set fills a value JSON Lines rows lack', async () => {
    const rows = cleanRecords(2).map(({ callCentreId: _, ...rest }) => rest);
    const r = await runJson(['audit', file('no-centre.jsonl', toJsonl(rows)), '--set', 'callCentreId=glasgow']);
    expect(r.report.calls).toBe(2);
    expect(r.report.scopes.some((s) => s.scope === 'callCentre' && s.callCentreId === 'glasgow')).toBe(true);
  });

  it('a header-less file is never read with its first call as the header', async () => {
    const records = cleanRecords(3);
    const withHeader = recordsCsv(records);
    const headerless = withHeader.split('\r\n').slice(1).join('\r\n');
    const r = await run(['audit', file('headerless.csv', headerless)]);
    expect(r.code).toBe(EXIT_USAGE);
    expect(r.stderr).toMatch(/the first row looks like data, not a header: column \d+ \(".*"\) is a (number|date or time)/);
    expect(r.stderr).toContain('--no-header --columns');
    expect(r.stderr).toContain('--preset');
  });

  it('a Master.csv given without the preset is pointed to it', async () => {
    const r = await run(['audit', fixture('asterisk/Master.csv')]);
    expect(r.code).toBe(EXIT_USAGE);
    expect(r.stderr).toMatch(/looks like data, not a header/);
    expect(r.stderr).toContain('--preset asterisk-cdr');
    const vd = await run(['audit', fixture('vicidial/vicidial_log.tsv')]);
    expect(vd.code).toBe(EXIT_USAGE);
    expect(vd.stderr).toContain('use --preset vicidial-log');
  });

  it('with a preset, a first row that is partly its column names is neither header nor call: an error, not a guess', async () => {
    const r = await run(['audit', file('partial.tsv', 'uniqueid\tlead_id\tlist\tcampaign\n1.1\t1\t2\tX\n'), ...VICIDIAL]);
    expect(r.code).toBe(EXIT_USAGE);
    expect(r.stderr).toContain('the first row of the file names some of preset vicidial-log\'s columns ("uniqueid", "lead_id") but not others ("list", "campaign")');
    const wide = await run(['audit', file('short.csv', '"a","b","c"\n'), ...ASTERISK]);
    expect(wide.stderr).toContain('the first row of the file has 3 columns; preset asterisk-cdr expects 16–18');
  });

  it('a first row naming nothing dialguard reads is not a header either', async () => {
    const r = await run(['audit', file('foreign.csv', 'alpha,beta,gamma\na,b,c\n')]);
    expect(r.code).toBe(EXIT_USAGE);
    expect(r.stderr).toContain('the first row names no field dialguard reads');
  });

  it('a tab-separated file named .csv gets the --delimiter hint; a .tsv needs none', async () => {
    const records = cleanRecords(2);
    const tsv = recordsCsv(records).replaceAll(',', '\t');
    const r = await run(['audit', file('tabs.csv', tsv)]);
    expect(r.code).toBe(EXIT_USAGE);
    expect(r.stderr).toContain("the file looks tab-separated. Give --delimiter '\\t'");
    const ok = await runJson(['audit', file('tabs.tsv', tsv)]);
    expect(ok.report.calls).toBe(2);
  });

  it('an unknown option gets "did you mean", not Node\'s raw message', async () => {
    const r = await run(['audit', 'x.csv', '--column', 'callId=id']);
    expect(r.code).toBe(EXIT_USAGE);
    expect(r.stderr).toContain('unknown option --column: did you mean --columns?');
    expect(r.stderr).not.toContain('ERR_PARSE_ARGS');
    expect((await run(['audit', 'x.csv', '--prest', 'asterisk-cdr'])).stderr).toContain('did you mean --preset?');
  });

  it('--help shows a worked Asterisk and VICIdial example', async () => {
    const r = await run(['--help']);
    expect(r.stdout).toContain('--preset asterisk-cdr');
    expect(r.stdout).toMatch(/Master\.csv --preset asterisk-cdr \\\n\s+--input-tz Europe\/London --set callCentreId=leeds/);
    expect(r.stdout).toMatch(/vicidial_log\.tsv --preset vicidial-log --set callCentreId=leeds/);
    for (const option of ['--mapping FILE.json', '--set FIELD=VALUE', '--input-tz ZONE', '--epoch s|ms', '--html FILE', '--version']) expect(r.stdout).toContain(option);
  });

  it('--version', async () => {
    const r = await run(['--version']);
    const pkg = JSON.parse(readFileSync(fixture('../../package.json'), 'utf8')) as { version: string };
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`dialguard ${pkg.version}\n`);
  });

  it('a bad mapping file: every problem at once, with "did you mean"', async () => {
    const mapping = file('bad-mapping.json', JSON.stringify({
      columns: ['id', 'camp', 'number', 'start'],
      fields: { callId: 'id', campaign: 'camp', to: 'numbr', dialAt: { column: 'start', time: 'local' } },
      unknown: ['agentAt', 'mesageAt'],
      outcome: { status: '{status}', table: { SALE: 'alive' } },
    }));
    const r = await run(['audit', file('any.csv', 'x\n'), '--mapping', mapping]);
    expect(r.code).toBe(EXIT_USAGE);
    for (const part of ['"campaign" is not a field of a call record (did you mean "campaignId"?)', 'names column "numbr", which is not in "columns" (did you mean "number"?)', 'unknown[1] "mesageAt"', 'did you mean "messageAt"?', 'outcome.status names column "status"', 'outcome.table["SALE"] should be one of live', 'dialAt is a zoneless local time']) {
      expect(r.stderr).toContain(part);
    }
  });
});

describe('values as users write them', () => {
  const columns = ['callId', 'campaignId', 'callCentreId', 'to', 'cli', 'agentGuaranteed', 'amd', 'messagePlanned', 'dialAt', 'answerAt', 'agentAt', 'hangupAt', 'hangupBy'];
  const row = (id: string, b: [string, string, string], times: [string, string, string, string]): string => [id, 'spring', 'leeds', '01632960001', '01134961000', ...b, ...times, 'recipient'].join(',');

  it('booleans: FALSE, N, no, Y, yes, TRUE, 0, 1 in any case', async () => {
    const t = (s: number): string => new Date(T0 + s * 1000).toISOString();
    const text = [columns.join(','), row('a', ['FALSE', 'N', 'yes'], [t(0), t(6), t(7), t(60)]), row('b', ['no', 'y', 'TRUE'], [t(100), t(106), t(107), t(160)]), row('c', ['0', 'False', '1'], [t(200), t(206), t(207), t(260)])].join('\n');
    const r = await runJson(['audit', file('booleans.csv', text)]);
    expect(r.report.rejected.examples).toEqual([]);
    expect(r.report.calls).toBe(3);
    expect(r.report.amd.calls).toBe(1); // only b had AMD on
  });

  it('epoch milliseconds in CSV are read, as the message says', async () => {
    const text = [columns.join(','), row('a', ['false', 'false', 'true'], [String(T0), String(T0 + 6000), String(T0 + 6500), String(T0 + 60000)])].join('\n');
    const r = await runJson(['audit', file('epoch-ms.csv', text)]);
    expect(r.report.rejected.examples).toEqual([]);
    expect(r.report.calls).toBe(1);
    expect(r.report.period.fromDate).toBe('2026-03-02');
  });

  it('zoneless local times are read with --input-tz (and refused without it, naming the option)', async () => {
    const text = [columns.join(','), row('a', ['false', 'false', 'true'], ['2026-07-01 10:00:00', '2026-07-01 10:00:06', '2026-07-01 10:00:07', '2026-07-01 10:01:00'])].join('\n');
    const path = file('local.csv', text);
    const without = await run(['audit', path]); // every row rejected: exit 0, or 3 ("nothing audited") once that lands
    expect([0, 3]).toContain(without.code);
    expect(without.stderr).toMatch(/line 2: rejected \(invalid\) \[dialAt\]: call a: dialAt "2026-07-01 10:00:00" has no zone: .*--input-tz/);
    const r = await runJson(['audit', path, '--input-tz', 'Europe/London', '--tz', 'Europe/London']);
    expect(r.report.calls).toBe(1);
    expect(r.report.worstCalls).toBeDefined();
    expect(r.report.period.fromDate).toBe('2026-07-01');
  });

  it('epoch seconds in JSON Lines are never read silently as milliseconds (the old period "1970-01-21")', async () => {
    const seconds = cleanRecords(2).map((r) => ({ ...r, dialAt: r.dialAt / 1000, ringingAt: null, answerAt: (r.answerAt as number) / 1000, agentAt: (r.agentAt as number) / 1000, hangupAt: (r.hangupAt as number) / 1000, lastEventAt: null }));
    const path = file('seconds.jsonl', toJsonl(seconds));
    const r = await run(['audit', path, '--json']);
    expect([0, 3]).toContain(r.code); // every row rejected
    expect(r.stdout).not.toMatch(/"(fromDate|toDate|date)": "1970/); // no call counted in 1970
    expect(r.stderr).toMatch(/dialAt 1772445600 is too small for epoch milliseconds \(it would be 1970-01-21\); as epoch seconds it is 2026-03-02: say which with --epoch s/);
    expect(r.stderr.match(/rejected \(invalid\)/g)).toHaveLength(2);
    const s = await runJson(['audit', path, '--epoch', 's']);
    expect(s.report.calls).toBe(2);
    expect(s.report.period.fromDate).toBe('2026-03-02');
  });

  it('an all-rejected file reports what it rejected (exit code is not "flags")', async () => {
    const r = await run(['audit', file('all-bad.jsonl', toJsonl([{ ...record('x', T0), dialAt: 17 }]))]);
    expect(r.stderr).toContain('line 1: rejected (invalid) [dialAt]: call x: dialAt 17 is too small for epoch milliseconds');
    expect([0, 3]).toContain(r.code); // 3 ("nothing audited") once that exit code lands
  });
});
