/**
 * `dialguard audit`: run in-process through `main(argv, io)` (fast, measurable), and as a
 * subprocess through tsx for the program's own wiring (argv, stdin, exit code).
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { CliReport } from '../../src/cli/main.js';
import { EXIT_CLEAN, EXIT_FLAGS, EXIT_NOTHING_AUDITED, EXIT_USAGE } from '../../src/cli/main.js';
import {
  RECORD_COLUMNS,
  T0,
  callEvents,
  cell,
  cleanRecords,
  record,
  recordCells,
  recordsCsv,
  toJsonl,
  variedRecords,
  runCli,
  runCliJson,
  useTempFiles,
} from './fixtures.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const temp = useTempFiles('dialguard-cli-');
const file = temp.file;

const run = runCli;
const runJson = runCliJson;

/** The report without what names the input. */
const results = (r: CliReport): Omit<CliReport, 'input'> & { rows: number; kind: string } => {
  const { input, ...rest } = r;
  return { ...rest, rows: input.rows, kind: input.kind };
};

/** Flags raised in the period, by kind (kinds with none left out). */
const flagCounts = (r: CliReport): Record<string, number> => Object.fromEntries(r.flags.filter((f) => f.count > 0).map((f) => [f.kind, f.count]));

/** [date, calls] of each day of the `all` scope. */
const allDays = (r: CliReport): [string, number][] => (r.scopes.find((s) => s.scope === 'all')?.days ?? []).filter((d) => d.counts.calls > 0).map((d) => [d.date, d.counts.calls]);

describe('dialguard audit: formats', () => {
  it('JSON Lines and CSV of the same records give identical reports', async () => {
    const records = variedRecords();
    const jsonl = await runJson(['audit', file('varied.jsonl', toJsonl(records))]);
    const csv = await runJson(['audit', file('varied.csv', recordsCsv(records))]);
    expect(jsonl.stderr).toBe('');
    expect(csv.stderr).toBe('');
    expect(jsonl.report.input).toMatchObject({ format: 'jsonl', kind: 'records', rows: 60 });
    expect(csv.report.input).toMatchObject({ format: 'csv', kind: 'records', rows: 60 });
    expect(jsonl.report.calls).toBe(60);
    expect(results(csv.report)).toEqual(results(jsonl.report));
    // The varied calls raise flags of several kinds, and the exit code says so.
    expect(Object.keys(flagCounts(jsonl.report)).length).toBeGreaterThan(2);
    expect(jsonl.code).toBe(EXIT_FLAGS);
  });

  it('the same records as JSON with epoch ms, as JSON with ISO text, and as CSV agree', async () => {
    const records = variedRecords();
    const iso = records.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, k.endsWith('At') && typeof v === 'number' ? new Date(v).toISOString() : v])));
    const a = await runJson(['audit', file('epoch.jsonl', toJsonl(records))]);
    const b = await runJson(['audit', file('iso.ndjson', toJsonl(iso))]);
    expect(results(b.report)).toEqual(results(a.report));
  });

  it('reads call events, detected from the first row, and counts each call once it ends', async () => {
    const events = [...callEvents('e1', T0, 'live'), ...callEvents('e2', T0 + 1000, 'silent'), ...callEvents('e3', T0 + 2000, 'message')].sort((x, y) => x.at - y.at);
    const { code, report, stderr } = await runJson(['audit', file('events.jsonl', toJsonl(events))]);
    expect(stderr).toBe('');
    expect(report.input).toMatchObject({ kind: 'events', rows: events.length });
    expect(report.calls).toBe(3);
    expect(flagCounts(report)).toMatchObject({ silentCall: 1, abandonedCall: 1 });
    expect(code).toBe(EXIT_FLAGS);
    // The same as the records the events fold into.
    const explicit = await runJson(['audit', file('events2.jsonl', toJsonl(events)), '--input', 'events']);
    expect(results(explicit.report)).toEqual(results(report));
  });

  it('reads call events from CSV, nested message content as content.* columns', async () => {
    const events = [...callEvents('e1', T0, 'message'), ...callEvents('e2', T0 + 500, 'live')].sort((x, y) => x.at - y.at);
    const columns = ['type', 'callId', 'at', 'campaignId', 'callCentreId', 'to', 'cli', 'agentGuaranteed', 'amd', 'messagePlanned', 'by', 'content.onBehalfOf', 'content.explainsAttempt', 'content.optOutNumber', 'content.marketing'];
    const rows = events.map((e) =>
      columns.map((c) => {
        const v = c.startsWith('content.') ? (e as { content?: Record<string, unknown> }).content?.[c.slice(8)] : (e as unknown as Record<string, unknown>)[c];
        return c === 'at' ? new Date(v as number).toISOString() : cell(v);
      }),
    );
    const csv = [columns.join(','), ...rows.map((r) => r.join(','))].join('\n');
    const fromCsv = await runJson(['audit', file('events.csv', csv)]);
    const fromJsonl = await runJson(['audit', file('events3.jsonl', toJsonl(events))]);
    expect(fromCsv.stderr).toBe('');
    expect(fromCsv.report.input.kind).toBe('events');
    expect(results(fromCsv.report)).toEqual(results(fromJsonl.report));
    expect(flagCounts(fromCsv.report)).toMatchObject({ abandonedCall: 1 });
    expect(flagCounts(fromCsv.report)).not.toHaveProperty('messageContent'); // the content columns were read: it is complete
  });

  it('reads stdin with "-", sniffing the format', async () => {
    const records = cleanRecords(3);
    const jsonl = await runJson(['audit', '-'], { stdin: toJsonl(records) });
    expect(jsonl.report.input).toMatchObject({ name: 'stdin', format: 'jsonl', rows: 3 });
    const csv = await runJson(['audit', '-'], { stdin: recordsCsv(records) });
    expect(csv.report.input).toMatchObject({ name: 'stdin', format: 'csv', rows: 3 });
    expect(results(csv.report)).toEqual(results(jsonl.report));
    const forced = await runJson(['audit', '-', '--format', 'csv'], { stdin: recordsCsv(records) });
    expect(forced.report.calls).toBe(3);
  });
});

describe('dialguard audit: bad rows', () => {
  it('JSON Lines: reports each bad row on stderr with its line and field, skips it, counts it, and carries on', async () => {
    const good = cleanRecords(4);
    const text = [
      JSON.stringify(good[0]),
      '{"callId": "broken", ',
      '',
      JSON.stringify({ ...good[1], dialAt: '2026-03-02 10:00:00' }),
      JSON.stringify(good[2]),
      JSON.stringify({ ...good[3], messageContent: { marketing: 'sometimes' } }),
      '[1, 2]',
      JSON.stringify(good[0]),
      JSON.stringify(good[3]),
    ].join('\n');
    const { code, report, stderr } = await runJson(['audit', file('bad.jsonl', text)]);
    expect(report.calls).toBe(3);
    expect(report.input.rows).toBe(8); // the blank line is not a row
    expect(report.rejected.count).toBe(5);
    expect(report.rejected.byReason).toEqual({ json: 1, invalid: 3, duplicate: 1 });
    expect(report.rejected.examples.map((r) => [r.line, r.reason, r.path, r.callId])).toEqual([
      [2, 'json', null, null],
      [4, 'invalid', 'dialAt', 'ok1'],
      [6, 'invalid', 'messageContent.marketing', 'ok3'],
      [7, 'invalid', '', null],
      [8, 'duplicate', 'callId', 'ok0'],
    ]);
    const lines = stderr.trim().split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatch(/^dialguard: line 2: rejected \(json\): not valid JSON/);
    expect(lines[1]).toMatch(/^dialguard: line 4: rejected \(invalid\) \[dialAt\]: call ok1: dialAt "2026-03-02 10:00:00" has no zone: give the zone the file's times were written in with --input-tz/);
    expect(lines[2]).toContain('line 6: rejected (invalid) [messageContent.marketing]');
    expect(lines[4]).toContain('line 8: rejected (duplicate) [callId]: call ok0 appears more than once');
    expect(code).toBe(EXIT_CLEAN); // clean calls: rejected rows alone do not flag…
    const strict = await run(['audit', temp.path('bad.jsonl'), '--strict', '--quiet']);
    expect(strict.code).toBe(EXIT_FLAGS); // …unless --strict
    expect(strict.stderr).toBe('dialguard: 5 row(s) rejected (not printed: --quiet)\n');
  });

  it('CSV: a wrong column count, an unparsable JSON cell, a failed field and bad quoting, each with its line', async () => {
    const good = cleanRecords(4);
    const cells = good.map((r) => recordCells(r).join(','));
    const text = [
      RECORD_COLUMNS.join(','),
      cells[0],
      `${cells[1]},extra`,
      recordCells(good[3]!).map((c, i) => (RECORD_COLUMNS[i] === 'anomalies' ? '"[{oops"' : c)).join(','),
      recordCells(record('bool', T0)).map((c, i) => (RECORD_COLUMNS[i] === 'amd' ? 'maybe' : c)).join(','),
      recordCells(record('last', T0)).join(','),
      recordCells(good[2]!).map((c, i) => (i === 1 ? '"bad"x' : c)).join(','),
    ].join('\n');
    const { report, stderr } = await runJson(['audit', file('bad.csv', text)]);
    expect(report.calls).toBe(2);
    expect(report.rejected.examples.map((r) => [r.line, r.reason, r.path])).toEqual([
      [3, 'csv', null],
      [4, 'invalid', 'anomalies'],
      [5, 'invalid', 'amd'],
      [7, 'csv', null],
    ]);
    expect(report.rejected.examples[0]!.message).toBe(`expected ${RECORD_COLUMNS.length} columns, found ${RECORD_COLUMNS.length + 1}`);
    expect(report.rejected.examples[3]!.message).toMatch(/^not readable as CSV \(line 7\): Invalid Closing Quote/);
    expect(stderr).toContain('line 4: rejected (invalid) [anomalies]: anomalies should be JSON');
    expect(stderr).toContain('line 5: rejected (invalid) [amd]: call bool: amd should be a boolean');
  });

  it('CSV: a stray quote that swallows lines names every line it swallowed', async () => {
    const good = cleanRecords(3);
    const text = [RECORD_COLUMNS.join(','), recordCells(good[0]!).join(','), `"${recordCells(good[1]!).join(',')}`, recordCells(good[2]!).join(',')].join('\n') + '\n';
    const { report } = await runJson(['audit', file('quote.csv', text)]);
    expect(report.calls).toBe(1);
    expect(report.rejected.count).toBeGreaterThan(0);
    const named = report.rejected.examples.map((r) => r.message).join(' ');
    expect(named).toMatch(/lines? 3/);
    expect(named).toMatch(/4/);
  });

  it('events: an event for no call in flight is rejected with its line', async () => {
    const events = callEvents('e1', T0, 'live');
    const text = toJsonl([...events, { type: 'agent', callId: 'ghost', at: T0 + 70_000 }, { type: 'hangup', callId: 'e1', at: T0 + 80_000, by: 'caller' }]);
    // With no disposition wait, e1 is released at its hangup: its later event is for no call in flight.
    const { report } = await runJson(['audit', file('ghost.jsonl', text), '--disposition-wait', '0']);
    expect(report.calls).toBe(1);
    expect(report.rejected.examples.map((r) => [r.line, r.reason, r.callId])).toEqual([
      [6, 'unknownCall', 'ghost'],
      [7, 'unknownCall', 'e1'],
    ]);
    // Within the default wait, e1 is still in flight: its late hangup is folded onto its record as an anomaly, as foldEvents folds it.
    const waited = await runJson(['audit', temp.path('ghost.jsonl')]);
    expect(waited.report.rejected.examples.map((r) => [r.line, r.reason, r.callId])).toEqual([[6, 'unknownCall', 'ghost']]);
    expect(waited.report.flags.find((f) => f.kind === 'recordAnomaly')?.count).toBe(1);
  });

  it('events: a call id dialled again after its call ended is a duplicate, named at its dial line', async () => {
    const text = toJsonl([...callEvents('d', T0, 'live'), ...callEvents('d', T0 + 120_000, 'live')]);
    // With no disposition wait the first call is released at its hangup (within the wait, the second dial is a `duplicateDial` anomaly on it).
    const { report } = await runJson(['audit', file('dup-events.jsonl', text), '--disposition-wait', '0']);
    expect(report.calls).toBe(1);
    expect(report.rejected.examples).toEqual([expect.objectContaining({ line: 6, reason: 'duplicate', callId: 'd' })]);
  });

  it('the duplicate window is bounded: a repeat within it is caught, 0 turns it off', async () => {
    const records = cleanRecords(6);
    const text = toJsonl([...records, records[0], records[5]]);
    const caught = await runJson(['audit', file('dups.jsonl', text)]);
    expect(caught.report.rejected.byReason).toEqual({ duplicate: 2 });
    const narrow = await runJson(['audit', temp.path('dups.jsonl'), '--dedupe-window', '4']);
    expect(narrow.report.rejected.examples.map((r) => r.callId)).toEqual(['ok5']); // ok0 is long forgotten
    const off = await runJson(['audit', temp.path('dups.jsonl'), '--dedupe-window', '0']);
    expect(off.report.calls).toBe(8);
  });
});

describe('dialguard audit: exit codes and usage', () => {
  it('0 for clean calls, 1 for flags, with the text report on stdout', async () => {
    const clean = await run(['audit', file('clean.jsonl', toJsonl(cleanRecords()))]);
    expect(clean.code).toBe(EXIT_CLEAN);
    expect(clean.stdout).toMatch(/^dialguard audit: .*clean\.jsonl \(jsonl, call records\)\nRows read: 5; rejected: 0; period: the whole input\n/);
    expect(clean.stdout).toContain('Calls: 5 in the period, 0 outside it');
    expect(clean.stdout).toMatch(/Daily ACR per campaign[^\n]*\n-+\ndate +campaign +calls/);
    expect(clean.stdout).toMatch(/silentCall +A1\.3 +0 /);
    expect(clean.stdout).toContain('Rows rejected (not counted)\n---------------------------\nnone\n');
    const flagged = await run(['audit', file('flagged.jsonl', toJsonl(variedRecords()))]);
    expect(flagged.code).toBe(EXIT_FLAGS);
    expect(flagged.stdout).toMatch(/silentCall +A1\.[36](, A1\.[36])? +[1-9]/);
  });

  it('2 for a missing file, a directory, bad options, and a header --columns does not fit', async () => {
    const cases: [string[], RegExp][] = [
      [['audit', temp.path('nope.jsonl')], /cannot read .*nope\.jsonl: no such file/],
      [['audit', temp.dir()], /is a directory/],
      [['audit'], /missing FILE/],
      [[], /missing command/],
      [['check', 'x.jsonl'], /unknown command "check"/],
      [['audit', 'x.jsonl', '--bogus'], /unknown option --bogus/],
      [['audit', 'x.jsonl', '--input', 'cdr'], /--input should be one of records, events/],
      [['audit', 'x.jsonl', '--by', 'region'], /--by should list scopes/],
      [['audit', 'x.jsonl', '--tz', 'BST'], /--tz should be an IANA time zone/],
      [['audit', 'x.jsonl', '--input-tz', 'Europe/Londres'], /--input-tz should be an IANA time zone/],
      [['audit', 'x.jsonl', '--workers', '0x2'], /--workers should be a whole number/],
      [['audit', 'x.jsonl', '--workers', '1e0'], /--workers should be a whole number/],
      [['audit', 'x.jsonl', '--examples', '1e3'], /--examples should be a whole number/],
      [['audit', 'x.jsonl', '--examples', '-1'], /--examples/],
      [['audit', 'x.jsonl', '--from', '2026-03-02T10:00'], /has no zone/],
      [['audit', 'x.jsonl', '--from', '2026-03-05', '--to', '2026-03-01'], /--to .* should be after --from/],
      [['audit', 'x.csv', '--no-header'], /--no-header needs --columns/],
      [['audit', file('h.csv', 'id,start\n'), '--columns', 'callId=call_id'], /the header has no column "call_id"/],
    ];
    for (const [argv, message] of cases) {
      const r = await run(argv);
      expect(r.code, argv.join(' ')).toBe(EXIT_USAGE);
      expect(r.stderr, argv.join(' ')).toMatch(message);
      expect(r.stdout).toBe('');
    }
  });

  it('an empty input, or one whose every row is rejected, is said so on stderr (exit 3: nothing audited)', async () => {
    const empty = await run(['audit', file('empty.jsonl', '')]);
    expect(empty.code).toBe(EXIT_NOTHING_AUDITED);
    expect(empty.stderr).toMatch(/empty\.jsonl has no rows: nothing was audited/);
    expect(empty.stdout).toContain('Period: no calls');
    const junk = await run(['audit', file('junk.jsonl', 'not json\n{}\n'), '--quiet']);
    expect(junk.code).toBe(EXIT_NOTHING_AUDITED);
    expect(junk.stderr).toBe('dialguard: no call was counted (see the rows rejected)\ndialguard: 2 row(s) rejected (not printed: --quiet)\n');
    const strict = await run(['audit', temp.path('junk.jsonl'), '--quiet', '--strict']);
    expect(strict.code).toBe(EXIT_NOTHING_AUDITED); // nothing audited says more than --strict's 1
  });

  it('--help prints the usage with the exit codes', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(EXIT_CLEAN);
    expect(r.stdout).toContain('Usage: dialguard audit FILE [options]');
    expect(r.stdout).toMatch(/Exit codes\n {2}0 {2}no flags raised[^\n]*\n {2}1 {2}flags raised[^\n]*\n {2}2 {2}bad usage[^\n]*\n(?: {5}[^\n]*\n)* {2}3 {2}nothing audited/);
  });
});

describe('dialguard audit: column mapping', () => {
  const mapped = ['callId=call_id', 'dialAt=start_time', 'campaignId=campaign', 'messageContent.optOutNumber=opt_out'];
  const header = RECORD_COLUMNS.map((c) => ({ callId: 'call_id', dialAt: 'start_time', campaignId: 'campaign', 'messageContent.optOutNumber': 'opt_out' })[c as string] ?? c);

  it('--columns field=header maps renamed headers, nested fields included', async () => {
    const records = variedRecords();
    const plain = await runJson(['audit', file('plain.csv', recordsCsv(records))]);
    const renamed = await runJson(['audit', file('renamed.csv', recordsCsv(records, RECORD_COLUMNS, header)), '--columns', mapped.join(',')]);
    expect(renamed.stderr).toBe('');
    expect(results(renamed.report)).toEqual(results(plain.report));
    // Repeating --columns adds to the mapping.
    const repeated = await runJson(['audit', temp.path('renamed.csv'), ...mapped.flatMap((m) => ['--columns', m])]);
    expect(results(repeated.report)).toEqual(results(plain.report));
  });

  it('--no-header with --columns reads the fields in column order; empty entries skip columns; --delimiter', async () => {
    const records = variedRecords();
    const columns = [...RECORD_COLUMNS.slice(0, 5), 'ignored', ...RECORD_COLUMNS.slice(5)];
    const rows = records.map((r) => recordCells(r, columns).map((c, i) => (i === 5 ? 'junk' : c)).join(';'));
    const spec = columns.map((c) => (c === 'ignored' ? '' : c)).join(',');
    const plain = await runJson(['audit', file('plain2.csv', recordsCsv(records))]);
    const headless = await runJson(['audit', file('headless.txt', rows.join('\n')), '--format', 'csv', '--no-header', '--columns', spec, '--delimiter', ';']);
    expect(headless.stderr).toBe('');
    expect(results(headless.report)).toEqual(results(plain.report));
  });
});

describe('dialguard audit: --tz, --from, --to, --by', () => {
  // 23:30 UTC on 30 June is 00:30 on 1 July in London (BST).
  const lateJune = Date.UTC(2026, 5, 30, 23, 30);
  const records = [record('a', Date.UTC(2026, 5, 30, 12, 0)), record('b', lateJune), record('c', Date.UTC(2026, 6, 1, 12, 0))];

  it('--tz sets the zone of calendar days', async () => {
    const path = file('days.jsonl', toJsonl(records));
    const london = await runJson(['audit', path, '--by', 'all']);
    expect(london.report.policy.timeZone).toBe('Europe/London');
    expect(allDays(london.report)).toEqual([
      ['2026-06-30', 1],
      ['2026-07-01', 2],
    ]);
    const utc = await runJson(['audit', path, '--by', 'all', '--tz', 'UTC']);
    expect(utc.report.policy.timeZone).toBe('UTC');
    expect(allDays(utc.report)).toEqual([
      ['2026-06-30', 2],
      ['2026-07-01', 1],
    ]);
  });

  it('--from/--to take dates (whole days in --tz) or date-times with a zone (widened to their days)', async () => {
    const path = file('period.jsonl', toJsonl(records));
    const whole = await runJson(['audit', path]);
    expect(whole.report.calls).toBe(3);
    expect(whole.report.period).toMatchObject({ fromDate: '2026-06-30', toDate: '2026-07-01', days: 2 }); // the whole input
    const july = await runJson(['audit', path, '--from', '2026-07-01']);
    expect(july.report.calls).toBe(2);
    expect(july.report.callsOutsidePeriod).toBe(1);
    expect(july.report.period).toMatchObject({ from: Date.UTC(2026, 5, 30, 23), fromDate: '2026-07-01', toDate: '2026-07-01', basis: 'given' });
    const julyUtc = await runJson(['audit', path, '--from', '2026-07-01', '--tz', 'UTC']);
    expect(julyUtc.report.calls).toBe(1);
    const june = await runJson(['audit', path, '--to', '2026-06-30']);
    expect(june.report.calls).toBe(1); // 23:30 UTC is already 1 July in London
    expect(june.report.period).toMatchObject({ fromDate: '2026-06-30', toDate: '2026-06-30' });
    const instant = await runJson(['audit', path, '--from', '2026-07-01T09:00:00+01:00', '--to', '2026-07-01T12:00:00Z']);
    expect(instant.report.period).toMatchObject({ fromDate: '2026-07-01', toDate: '2026-07-01' });
    expect(instant.report.calls).toBe(2);
    expect(instant.report.rejected.count).toBe(0); // outside the period is not rejected
  });

  it('calls before --from still feed the cross-call rules: a repeat within 72 h of a silent call the day before is flagged', async () => {
    const silent = record('s1', Date.UTC(2026, 2, 2, 10), { agentAt: null, hangupAt: Date.UTC(2026, 2, 2, 10, 0, 9), hangupBy: 'caller', lastEventAt: Date.UTC(2026, 2, 2, 10, 0, 9) });
    const repeat = record('s2', Date.UTC(2026, 2, 3, 10), { agentAt: null, hangupAt: Date.UTC(2026, 2, 3, 10, 0, 9), hangupBy: 'caller', lastEventAt: Date.UTC(2026, 2, 3, 10, 0, 9) });
    const path = file('repeat.jsonl', toJsonl([silent, repeat]));
    const both = await runJson(['audit', path]);
    expect(flagCounts(both.report)).toMatchObject({ silentCall: 2, repeatWithin72h: 1 });
    const second = await runJson(['audit', path, '--from', '2026-03-03']);
    expect(second.report.calls).toBe(1);
    expect(second.report.callsOutsidePeriod).toBe(1);
    expect(flagCounts(second.report)).toEqual({ silentCall: 1, repeatWithin72h: 1 }); // the first silent call is not counted, but it is remembered
    expect(second.code).toBe(EXIT_FLAGS);
  });

  it('--by chooses the scopes listed', async () => {
    const path = file('scopes.jsonl', toJsonl(variedRecords()));
    const campaign = await runJson(['audit', path, '--by', 'campaign']);
    expect(new Set(campaign.report.scopes.map((r) => r.scope))).toEqual(new Set(['campaign']));
    const two = await runJson(['audit', path, '--by', 'callCentre,all']);
    expect(new Set(two.report.scopes.map((r) => r.scope))).toEqual(new Set(['all', 'callCentre']));
    const every = await runJson(['audit', path]);
    expect(new Set(every.report.scopes.map((r) => r.scope))).toEqual(new Set(['all', 'campaign', 'callCentre', 'campaignCallCentre']));
    expect(campaign.report.flags).toEqual(every.report.flags); // what is flagged does not depend on what is shown
    const text = await run(['audit', path, '--by', 'callCentre']);
    expect(text.stdout).toContain('Daily ACR per call centre');
    expect(text.stdout).toMatch(/\n2026-03-02 +cebu +\d/);
    expect(text.stdout).toMatch(/Daily ACR per campaign[^\n]*\n-+\ndate +campaign/); // formatReport's table, still filled
    expect(text.stdout).not.toContain('Daily ACR all calls');
  });
});

describe('dialguard audit: progress', () => {
  it('draws a progress line on a TTY stderr, at most every 100 ms, and none elsewhere', async () => {
    const path = file('progress.jsonl', toJsonl(Array.from({ length: 20_000 }, (_, i) => record(`p${i}`, T0 + i * 1000))));
    let clock = 0;
    const tty = await run(['audit', path, '--json', '--workers', '1'], { tty: true, now: () => (clock += 7) }); // 7 ms per clock read
    const draws = tty.stderr.split('\r\x1b[2K').filter((s) => s.startsWith('dialguard:'));
    expect(draws.length).toBeGreaterThan(0);
    expect(draws.length).toBeLessThanOrEqual(Math.ceil(20_000 / 1024 / (100 / 7))); // at most one per 100 ms of the clock
    expect(draws[0]).toMatch(/^dialguard: [\d,]+ rows read, [\d,]+ rows\/s$/);
    expect(tty.stderr.endsWith('\r\x1b[2K')).toBe(true); // cleared before the report
    const pipe = await run(['audit', path, '--json'], { tty: false });
    expect(pipe.stderr).toBe('');
  });

  it('draws it with worker threads too, counted as each batch is handed on', async () => {
    const path = file('progress-workers.jsonl', toJsonl(Array.from({ length: 20_000 }, (_, i) => record(`w${i}`, T0 + i * 1000))));
    let clock = 0;
    const tty = await run(['audit', path, '--json', '--workers', '2'], { tty: true, now: () => (clock += 60) });
    const draws = tty.stderr.split('\r\x1b[2K').filter((s) => s.startsWith('dialguard:'));
    expect(draws.length).toBeGreaterThan(0);
    expect(draws.at(-1)).toMatch(/^dialguard: [\d,]+ rows read/);
    expect(tty.stderr.endsWith('\r\x1b[2K')).toBe(true);
  });
});

describe('dialguard audit: as a program', () => {
  const tsx = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const exec = promisify(execFile);
  const program = async (args: string[], input?: string): Promise<{ code: number; stdout: string; stderr: string }> => {
    const child = exec(process.execPath, [tsx, join(root, 'src/cli/main.ts'), ...args], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 24 });
    if (input !== undefined) {
      child.child.stdin?.end(input);
    }
    try {
      const { stdout, stderr } = await child;
      return { code: 0, stdout, stderr };
    } catch (e) {
      const err = e as { code: number; stdout: string; stderr: string };
      return { code: err.code, stdout: err.stdout, stderr: err.stderr };
    }
  };

  it('runs from argv with the exit code of its result, and reads stdin', async () => {
    const flagged = await program(['audit', '-', '--json'], toJsonl(variedRecords()));
    expect(flagged.code).toBe(EXIT_FLAGS);
    expect((JSON.parse(flagged.stdout) as CliReport).calls).toBe(60);
    const [clean, missing] = await Promise.all([program(['audit', file('clean2.csv', recordsCsv(cleanRecords()))]), program(['audit', temp.path('missing.csv')])]);
    expect(clean.code).toBe(EXIT_CLEAN);
    expect(clean.stdout).toContain('Calls: 5 in the period');
    expect(missing.code).toBe(EXIT_USAGE);
    expect(missing.stderr).toContain('no such file');
  });
});
