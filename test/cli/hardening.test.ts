/**
 * `dialguard audit` against hostile or broken input and output (issue 11): CSV headers that
 * name a prototype, control characters in ids, a closed stderr or stdout, inputs where
 * nothing is audited, and bytes that are not UTF-8.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { CliReport } from '../../src/cli/main.js';
import { EXIT_CLEAN, EXIT_FLAGS, EXIT_NOTHING_AUDITED, EXIT_USAGE, main } from '../../src/cli/main.js';
import {
  RECORD_COLUMNS,
  T0,
  captureIo,
  cleanRecords,
  record,
  recordCells,
  recordsCsv,
  toJsonl,
  runCli,
  runCliJson,
  useTempFiles,
} from './fixtures.js';

const temp = useTempFiles('dialguard-hard-');
const file = temp.file;

const run = runCli;
const runJson = runCliJson;

const S = 1000;
const PROTO_KEYS = ['disposition', 'silentCall', 'campaignId', 'x'];
const polluted = (): string[] => PROTO_KEYS.filter((k) => k in Object.prototype);

describe('CSV headers and --columns cannot reach a prototype', () => {
  afterEach(() => {
    // Today's code wrote these into Object.prototype; clean up so one failure does not spread.
    for (const k of PROTO_KEYS) delete (Object.prototype as Record<string, unknown>)[k];
  });

  /** A live call and an answered call whose only disposition is in the extra column `extra`. */
  function csvWith(extra: string, cells: [string, string]): string {
    const columns = RECORD_COLUMNS.filter((c) => c !== 'disposition');
    const records = [record('a', T0), record('b', T0 + 60 * S)];
    return [[...columns, extra].join(','), ...records.map((r, i) => [...recordCells(r, columns), cells[i]].join(','))].join('\n') + '\n';
  }

  it.each(['__proto__.disposition', 'constructor.prototype.disposition', 'prototype', ' __proto__ .disposition', 'constructor'])(
    'a header %j is refused before any row is read: exit 2, the column named, nothing written to a prototype',
    async (header) => {
      const r = await run(['audit', file('proto.csv', csvWith(header, ['machine', '']))]);
      expect(polluted()).toEqual([]);
      expect(r.code).toBe(EXIT_USAGE);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(`column ${RECORD_COLUMNS.length} of the header, "${header.trim()}", is not a field dialguard reads`);
      expect(r.stderr).not.toMatch(/line \d+: rejected/); // no row was read
    },
  );

  it('__proto__.silentCall cannot turn the counts into text', async () => {
    const r = await run(['audit', file('proto2.csv', csvWith('__proto__.silentCall', ['X', 'X'])), '--json']);
    expect(polluted()).toEqual([]);
    expect(r.code).toBe(EXIT_USAGE);
    expect(r.stdout).toBe('');
  });

  it.each([
    [['--columns', '__proto__.disposition=flag'], /--columns: "__proto__\.disposition" is not a field dialguard reads/],
    [['--columns', 'constructor=flag'], /--columns: "constructor" is not a field/],
    [['--columns', 'content.optout=flag'], /the fields of content are onBehalfOf, explainsAttempt, optOutNumber, marketing, automatedOptOut/],
  ])('--columns %j with a header is refused', async (options, message) => {
    const r = await run(['audit', file('flag.csv', csvWith('flag', ['machine', ''])), ...options]);
    expect(polluted()).toEqual([]);
    expect(r.code).toBe(EXIT_USAGE);
    expect(r.stderr).toMatch(message);
  });

  it('--no-header --columns listing a prototype path is refused', async () => {
    const columns = RECORD_COLUMNS.filter((c) => c !== 'disposition');
    const rows = [record('a', T0), record('b', T0 + 60 * S)].map((r, i) => [...recordCells(r, columns), i === 0 ? 'machine' : ''].join(','));
    const r = await run(['audit', file('headless.csv', rows.join('\n')), '--no-header', '--columns', [...columns, '__proto__.disposition'].join(',')]);
    expect(polluted()).toEqual([]);
    expect(r.code).toBe(EXIT_USAGE);
    expect(r.stderr).toMatch(/--columns: "__proto__\.disposition" is not a field dialguard reads/);
  });

  it('a dotted header that is no field (a typo) is refused with the nested fields it could be', async () => {
    const r = await run(['audit', file('typo.csv', csvWith('messageContent.optout', ['x', '']))]);
    expect(r.code).toBe(EXIT_USAGE);
    expect(r.stderr).toContain('"messageContent.optout", is not a field dialguard reads; the fields of messageContent are onBehalfOf');
  });

  it('a header that is no field at all (agent_name) is a column dialguard does not read: the audit is unchanged', async () => {
    const plain = await runJson(['audit', file('plain.csv', csvWith('disposition', ['human', '']))]);
    const extra = csvWith('disposition', ['human', '']).split('\n').map((l, i) => (l === '' ? l : `${l},${i === 0 ? 'agent_name' : 'Sam'}`)).join('\n');
    const withExtra = await runJson(['audit', file('extra.csv', extra)]);
    expect(withExtra.code).toBe(plain.code);
    expect(withExtra.report.calls).toBe(2);
    expect(withExtra.report.scopes).toEqual(plain.report.scopes);
    expect(withExtra.stderr).toBe('');
  });
});

describe('input that is not UTF-8', () => {
  const latin1 = (text: string): Buffer => Buffer.from(text, 'latin1');
  const utf8 = (text: string): Buffer => Buffer.from(text, 'utf8');
  /** A JSON line of a live call in campaign `campaign` (bytes as given). */
  const jsonLine = (id: string, at: number, campaign: Buffer): Buffer => {
    const [before, after] = JSON.stringify(record(id, at, { campaignId: 'CAMPAIGN' })).split('CAMPAIGN') as [string, string];
    return Buffer.concat([utf8(before), campaign, utf8(`${after}\n`)]);
  };
  const jsonl = (): Buffer =>
    Buffer.concat([jsonLine('a', T0, latin1('caf\u00e9')), jsonLine('b', T0 + 60 * S, latin1('caf\u00e8')), jsonLine('c', T0 + 120 * S, utf8('caf\u00e9')), jsonLine('d', T0 + 180 * S, utf8('\u65e5\u672c'))]);
  const campaigns = (r: CliReport): string[] => r.scopes.filter((s) => s.scope === 'campaign').map((s) => s.campaignId ?? '');

  it('JSON Lines: each line that is not UTF-8 is rejected with its number, never merged as U+FFFD', async () => {
    const { code, report, stderr } = await runJson(['audit', file('latin1.jsonl', jsonl())]);
    expect(campaigns(report).sort()).toEqual(['caf\u00e9', '\u65e5\u672c']);
    expect(report.calls).toBe(2);
    expect(report.rejected.count).toBe(2);
    expect(report.rejected.byReason).toEqual({ encoding: 2 });
    expect(report.rejected.examples.map((r) => [r.line, r.reason])).toEqual([
      [1, 'encoding'],
      [2, 'encoding'],
    ]);
    expect(stderr).toMatch(/line 1: rejected \(encoding\): not valid UTF-8/);
    expect(JSON.stringify(report)).not.toContain('\ufffd');
    expect(code).toBe(EXIT_CLEAN);
  });

  it('stdin, in chunks cut inside multi-byte characters, reads the same', async () => {
    const bytes = Buffer.concat([utf8('\ufeff'), jsonl()]);
    const c = captureIo();
    const io = {
      ...c.io,
      stdin: (async function* () {
        for (let i = 0; i < bytes.length; i += 7) yield bytes.subarray(i, i + 7);
      })(),
    };
    const code = await main(['audit', '-', '--json'], io);
    const report = JSON.parse(c.stdout()) as CliReport;
    expect(campaigns(report).sort()).toEqual(['caf\u00e9', '\u65e5\u672c']);
    expect(report.rejected.examples.map((r) => [r.line, r.reason])).toEqual([
      [1, 'encoding'],
      [2, 'encoding'],
    ]);
    expect(code).toBe(EXIT_CLEAN);
  });

  it('CSV: the same, with the line numbers of the file; a byte-order mark is accepted', async () => {
    const records = [record('a', T0), record('b', T0 + 60 * S), record('c', T0 + 120 * S), record('d', T0 + 180 * S)];
    const lines = recordsCsv(records).split('\r\n');
    const names = [latin1('caf\u00e9'), latin1('caf\u00e8'), utf8('caf\u00e9'), utf8('\u65e5\u672c')];
    const bytes = Buffer.concat([
      utf8('\ufeff'),
      utf8(`${lines[0]}\r\n`),
      ...records.map((_, i) => {
        const [before, after] = lines[i + 1]!.split(',spring,') as [string, string];
        return Buffer.concat([utf8(`${before},`), names[i]!, utf8(`,${after}\r\n`)]);
      }),
    ]);
    const { code, report, stderr } = await runJson(['audit', file('latin1.csv', bytes)]);
    expect(campaigns(report).sort()).toEqual(['caf\u00e9', '\u65e5\u672c']);
    expect(report.rejected.examples.map((r) => [r.line, r.reason])).toEqual([
      [2, 'encoding'],
      [3, 'encoding'],
    ]);
    expect(stderr).toMatch(/line 2: rejected \(encoding\)/);
    expect(code).toBe(EXIT_CLEAN);
  });

  it('CSV whose header is not UTF-8: exit 2', async () => {
    const bytes = Buffer.concat([latin1('callId,dialAt,caf\u00e9\n'), utf8('a,2026-03-02T10:00:00Z,x\n')]);
    const r = await run(['audit', file('badheader.csv', bytes)]);
    expect(r.code).toBe(EXIT_USAGE);
    expect(r.stderr).toMatch(/line 1: the header is not valid UTF-8/);
    expect(r.stdout).toBe('');
  });
});

/** Characters that act on a terminal (all but the line break that ends each line). */
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

describe('ids with control characters are shown, never acted on', () => {
  const campaign = 'spr\u001b]0;pwned\u0007ing\nFORGED 2026-03-02  x  1';
  const centre = 'lee\u001b[2Jds\u009b31m\u202e';
  const silentId = 'c2\nFORGED silent';
  const records = [
    record('c1\u001b[31m', T0, { campaignId: campaign, callCentreId: centre }),
    // A silent call (answered, no agent, no message): listed in the examples by its id.
    record(silentId, T0 + 60 * S, { campaignId: campaign, callCentreId: centre, agentAt: null, hangupAt: T0 + 69 * S, hangupBy: 'caller', lastEventAt: T0 + 69 * S }),
    record(silentId, T0 + 120 * S, { campaignId: campaign }), // a duplicate: rejected, its id on stderr
    record('c4', T0 + 180 * S, { campaignId: '\u001b'.repeat(300) }), // cut in the tables
  ];

  it('text report and stderr: no raw control character, no forged line, the values escaped visibly', async () => {
    const r = await run(['audit', file(`ids\u001b[1m.jsonl`, toJsonl(records))]);
    expect(r.code).toBe(EXIT_FLAGS);
    for (const [name, text] of [['stdout', r.stdout], ['stderr', r.stderr]] as const) {
      expect(CONTROL.exec(text), name).toBeNull();
      for (const line of text.split('\n')) expect(line, name).not.toMatch(/^FORGED/);
      // A long value is cut between escapes, never through one.
      expect(text, name).not.toMatch(/\\(u[0-9a-f]{0,3})?\u2026/);
    }
    expect(r.stdout).toContain('spr\\u001b]0;pwned\\u0007ing\\nFORGED');
    expect(r.stdout).toContain('lee\\u001b[2Jds\\u009b31m\\u202e');
    expect(r.stdout).toContain('c2\\nFORGED silent'); // in the examples of silent calls
    expect(r.stdout).toContain('ids\\u001b[1m.jsonl');
    expect(r.stderr).toMatch(/line 3: rejected \(duplicate\) \[callId\]: call c2\\nFORGED silent appears more than once/);
  });

  it('--json keeps the values exact', async () => {
    const { report } = await runJson(['audit', file('ids.jsonl', toJsonl(records))]);
    expect(report.scopes.filter((s) => s.scope === 'campaign').map((s) => s.campaignId)).toContain(campaign);
    expect(report.worstCalls.silentCall?.map((e) => e.callId)).toContain(silentId);
  });

  it('a usage error quoting the command line shows it escaped', async () => {
    const r = await run(['audit', 'x.jsonl', '--tz', 'Europe/\u001b]0;x\u0007London']);
    expect(r.code).toBe(EXIT_USAGE);
    expect(CONTROL.exec(r.stderr)).toBeNull();
    expect(r.stderr).toContain('Europe/\\u001b]0;x\\u0007London');
  });
});

describe('exit codes that tell the truth', () => {
  const closedError = (): Error => Object.assign(new Error('write EPIPE'), { code: 'EPIPE' });

  it('3 when nothing was audited: an empty input, every row rejected, no call in the period; the report is still written', async () => {
    const empty = await run(['audit', file('empty.jsonl', '')]);
    expect(empty.code).toBe(EXIT_NOTHING_AUDITED);
    expect(empty.stdout).toContain('Period: no calls');
    const rejected = await runJson(['audit', file('junk.jsonl', 'not json\n{"callId":"x"}\n')]);
    expect(rejected.code).toBe(EXIT_NOTHING_AUDITED);
    expect(rejected.report.rejected.count).toBe(2);
    const outside = await runJson(['audit', file('clean.jsonl', toJsonl(cleanRecords())), '--from', '2026-04-01']);
    expect(outside.code).toBe(EXIT_NOTHING_AUDITED);
    expect(outside.report.callsOutsidePeriod).toBe(5);
    expect(outside.stderr).toMatch(/no call in the period \(5 outside it\): nothing was audited/);
    const csvHeaderOnly = await run(['audit', file('header.csv', `${RECORD_COLUMNS.join(',')}\n`)]);
    expect(csvHeaderOnly.code).toBe(EXIT_NOTHING_AUDITED);
  });

  it('a stderr that throws on every write changes neither the exit code nor the report', async () => {
    const input = file('one-bad.jsonl', `${toJsonl(cleanRecords())}not json\n`);
    for (const tty of [false, true]) {
      let out = '';
      const code = await main(['audit', input], {
        stdout: { write: (t: string) => (out += t) },
        stderr: {
          isTTY: tty,
          write: () => {
            throw closedError();
          },
        },
        stdin: (async function* () {})(),
      });
      expect(code).toBe(EXIT_CLEAN);
      expect(out).toContain('Calls: 5 in the period');
      expect(out).toContain('line 6: not valid JSON');
    }
  });

  it('a stdout whose reader has gone ends the report quietly, with the audit\'s exit code', async () => {
    const c = captureIo();
    let writes = 0;
    const code = await main(['audit', file('flagged.jsonl', toJsonl([record('s', T0, { agentAt: null, hangupAt: T0 + 9 * S, hangupBy: 'caller', lastEventAt: T0 + 9 * S })]))], {
      ...c.io,
      stdout: {
        write: () => {
          writes += 1;
          throw closedError();
        },
      },
    });
    expect(code).toBe(EXIT_FLAGS);
    expect(writes).toBe(1);
    expect(c.stderr()).toBe('');
  });
});

describe('as a program, with a closed stderr or stdout', () => {
  const tsx = join(fileURLToPath(new URL('../../', import.meta.url)), 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const mainTs = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));

  /** Runs the program with `closed` ('stderr' or 'stdout') a pipe whose reading end is closed at once. */
  function program(args: string[], closed: 'stderr' | 'stdout'): Promise<{ code: number | null; stdout: string; stderr: string }> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [tsx, mainTs, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
      child[closed].destroy(); // the reader has gone: every write gets EPIPE
      let stdout = '';
      let stderr = '';
      if (closed !== 'stdout') child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      if (closed !== 'stderr') child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
  }

  it('a closed stderr: the exit code and the whole report, as with an open one', async () => {
    // Rejected rows are written to stderr as they are read.
    const rows = `${toJsonl(cleanRecords())}${'not json\n'.repeat(2000)}`;
    const clean = await program(['audit', file('bad-rows.jsonl', rows)], 'stderr');
    expect(clean.code).toBe(EXIT_CLEAN);
    expect(clean.stdout).toContain('Calls: 5 in the period');
    expect(clean.stdout.trimEnd().endsWith('(duplicate call ids are looked for among the latest 1,000,000 calls)')).toBe(true);
    const flagged = await program(['audit', file('flagged-bad.jsonl', `${rows}${toJsonl([record('s', T0, { agentAt: null, hangupAt: T0 + 9 * S, hangupBy: 'caller', lastEventAt: T0 + 9 * S })])}`), '--json'], 'stderr');
    expect(flagged.code).toBe(EXIT_FLAGS);
    expect((JSON.parse(flagged.stdout) as CliReport).calls).toBe(6);
  });

  it('a closed stdout: the audit\'s exit code, no stack trace', async () => {
    const r = await program(['audit', file('clean3.jsonl', toJsonl(cleanRecords()))], 'stdout');
    expect(r.code).toBe(EXIT_CLEAN);
    expect(r.stderr).toBe('');
  });
});
