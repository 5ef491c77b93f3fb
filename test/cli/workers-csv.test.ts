/**
 * `dialguard audit --workers N` on CSV: the batches are read, mapped and classified in the
 * worker threads, and the report is the same, byte for byte, as one thread's — the text
 * report, `--json`, the `--html` page, stderr and the exit code — with tiny batches whose
 * boundaries fall inside quoted line breaks, beside rejected rows of every kind, duplicates,
 * the order-dependent rules and a mapping's unmapped statuses. A batch that cannot be read
 * as one parser would (bad quoting, a record running on past the batch, `\r\n` inside
 * quotes) makes one parser read the rest: the tests check where that starts, so a run that
 * silently fell back to one thread would fail them.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ReadHere } from '../../src/cli/parallel/audit-in-workers.js';
import { messyCsv } from './csv-fixtures.js';
import { callEvents, cell, orderedRecords, RECORD_COLUMNS, record, recordCells, recordsCsv, runCli, T0, useTempFiles } from './fixtures.js';

const files = useTempFiles('dialguard-workers-csv-');
const S = 1000;

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly html: string;
  /** Where one parser took over from the batches (`null`: never). */
  readonly readAgainFrom: number | null;
}

/** Runs the command with `--workers n`: batches of about `batchBytes`, `readHere` choosing the thread of each. */
async function run(n: number, argv: readonly string[], batchBytes = 700, readHere: ReadHere | 'stream' = 'whenBusy'): Promise<Run> {
  const html = files.path(`page-${n}-${Math.random().toString(36).slice(2)}.html`);
  let readAgainFrom: number | null = null;
  // `stream`: one csv-parse parser from start to end, the reference (one thread reads CSV in batches otherwise).
  const tuning = readHere === 'stream' ? { streamCsv: true } : { batchBytes, readHere, onReadAgain: (line: number) => (readAgainFrom ??= line) };
  const r = await runCli([...argv, '--workers', String(n), '--html', html], { workersForTests: tuning });
  let page = '';
  try {
    page = readFileSync(html, 'utf8');
  } catch {
    // no page written (a run that failed)
  }
  return { ...r, html: page, readAgainFrom };
}

/** The runs with 2 and 3 threads, every way of sharing the batches, give exactly what one thread gives; returns one thread's run and the others'. */
async function expectSameForAnyN(argv: readonly string[], batchBytes = 700): Promise<{ one: Run; many: Run[] }> {
  const one = await run(1, argv, undefined, 'stream');
  expect(one.stdout.length > 0 || one.code === 2).toBe(true);
  // One thread in batches too (it reads every batch itself, whatever `readHere` says: even `never`).
  const ways = [[2, 'never'], [2, 'alternate'], [3, 'whenBusy'], [2, 'always'], [1, 'always'], [1, 'never']] as const;
  const many: Run[] = [];
  for (const [n, readHere] of ways) {
    const other = await run(n, argv, batchBytes, readHere);
    expect(other.code).toBe(one.code);
    expect(other.stdout).toBe(one.stdout);
    expect(other.stderr).toBe(one.stderr);
    expect(other.html).toBe(one.html);
    many.push(other);
  }
  return { one, many };
}

/** The number of the line in `text` that starts with `prefix`. */
function lineOf(text: Buffer, prefix: string): number {
  const lines = text.toString('latin1').split('\n');
  const i = lines.findIndex((l) => l.startsWith(prefix));
  expect(i).toBeGreaterThanOrEqual(0);
  return i + 1;
}

describe('--workers N on CSV: the same report as one thread', () => {
  it('LF line ends, line breaks and quotes inside quoted cells across batch boundaries, every kind of rejected row: read in the batches to the end', async () => {
    const csv = messyCsv({ eol: '\n' });
    const path = files.file('messy.csv', csv);
    const { one, many } = await expectSameForAnyN(['audit', path]);
    for (const reason of ['csv', 'encoding', 'invalid', 'duplicate']) expect(one.stderr).toContain(`rejected (${reason})`);
    expect(one.stdout).toMatch(/repeatWithin72h/);
    expect(one.stdout).toMatch(/numberScanning/);
    // Batch boundaries fall inside quoted cells (each cell spans three lines, batches are about a line):
    // those batches are read again with the next one, and no batch needs one parser for the rest.
    expect(csv.toString('latin1').match(/Holdings/g)).toHaveLength(12);
    for (const m of many) expect(m.readAgainFrom).toBeNull();
    // Batches smaller than a quoted cell: a cell spans several batches, read here together.
    const tiny = await run(2, ['audit', path], 20, 'never');
    expect(tiny.readAgainFrom).toBeNull();
    expect(tiny.stdout).toBe(one.stdout);
    expect(tiny.stderr).toBe(one.stderr);
    const whole = await run(2, ['audit', path], 64 * 1024, 'never');
    expect(whole.readAgainFrom).toBeNull();
    expect(whole.stdout).toBe(one.stdout);
  });

  it('a first batch that ends inside a quoted cell is read with the next: no batch needs one parser for the rest', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => {
      const at = T0 + i * 60 * S;
      const content = { onBehalfOf: `Acme\nHoldings ${i}\n"Ltd"`, explainsAttempt: true, optOutNumber: '08001234567', marketing: false };
      return record(`first${i}`, at, { agentAt: null, messageAt: at + 8 * S, messageContent: content, hangupAt: at + 30 * S, hangupBy: 'caller', lastEventAt: at + 30 * S });
    });
    const text = [RECORD_COLUMNS.join(','), ...rows.map((r) => recordCells(r).join(','))].join('\n') + '\n';
    const header = RECORD_COLUMNS.join(',').length + 1;
    expect(text.indexOf('Acme\n')).toBeGreaterThan(header); // the first batch (the header and a little more) ends inside that cell
    const { many } = await expectSameForAnyN(['audit', files.file('first-quoted.csv', text), '--json'], header + 10);
    for (const m of many) expect(m.readAgainFrom).toBeNull();
  });

  it('CRLF line ends and no line break inside a cell: every batch is the workers\' (a check of every cell finds nothing)', async () => {
    const path = files.file('crlf-plain.csv', recordsCsv(orderedRecords()));
    const { one } = await expectSameForAnyN(['audit', path, '--json']);
    const tiny = await run(2, ['audit', path, '--json'], 300, 'never');
    expect(tiny.readAgainFrom).toBeNull();
    expect(tiny.stdout).toBe(one.stdout);
  });

  it('batches merged where they end inside a quoted cell, then bad quoting near the end: one parser reads from there, once', async () => {
    const csv = messyCsv({ eol: '\n', badQuoteAfter: 99 });
    const path = files.file('merged-then-bad.csv', csv);
    const { one } = await expectSameForAnyN(['audit', path, '--json', '--examples', '100'], 300);
    const tiny = await run(2, ['audit', path, '--json', '--examples', '100'], 300, 'never');
    expect(tiny.stdout).toBe(one.stdout);
    expect(tiny.readAgainFrom!).toBeGreaterThan(lineOf(csv, 'msg11')); // after the quoted cells spanning batches
  });

  it('with bad quoting part way through: one parser reads from the batch that holds it, and the report is still the same', async () => {
    const csv = messyCsv({ eol: '\n', badQuoteAfter: 60 });
    const path = files.file('bad-quote.csv', csv);
    const badLine = lineOf(csv, 'x,"y"z');
    const { one } = await expectSameForAnyN(['audit', path, '--json']);
    expect(one.stderr).toContain(`line ${badLine}: rejected (csv): not readable as CSV (line ${badLine})`);
    const whole = await run(2, ['audit', path, '--json'], 1024, 'never');
    expect(whole.stdout).toBe(one.stdout);
    expect(whole.readAgainFrom).not.toBeNull();
    expect(whole.readAgainFrom!).toBeGreaterThan(lineOf(csv, 'probe0') - 1); // the batches before it were read in the workers
    expect(whole.readAgainFrom!).toBeLessThanOrEqual(badLine);
  });

  it('CRLF line ends with CRLF inside quoted cells (csv-parse numbers those lines its own way): the same line numbers as one thread', async () => {
    const csv = Buffer.from(messyCsv({ eol: '\r\n' }).toString('latin1').replaceAll(/(?<!\r)\n/g, '\r\n'), 'latin1');
    const path = files.file('crlf.csv', csv);
    const { one } = await expectSameForAnyN(['audit', path, '--json', '--examples', '100']);
    expect(one.stderr).toContain('rejected (duplicate)');
  });

  it('CRLF line ends with bare LF inside quoted cells, and LF line ends with a stray CR', async () => {
    const crlf = files.file('crlf-lf.csv', messyCsv({ eol: '\r\n' }));
    await expectSameForAnyN(['audit', crlf, '--json', '--examples', '100']);
    const stray = messyCsv({ eol: '\n' }).toString('latin1').replace('probe3,', 'probe3\r,');
    await expectSameForAnyN(['audit', files.file('stray-cr.csv', Buffer.from(stray, 'latin1')), '--json']);
  });

  it('a quote never closed: the rest of the file is one record too long to read (exit 2), after the same rows', async () => {
    const csv = messyCsv({ eol: '\n' }).toString('latin1');
    const cut = csv.indexOf('probe10');
    const padded = `${csv.slice(0, cut)}"${'z'.repeat(80)}\n${'w,'.repeat(600_000)}\n${csv.slice(cut)}`;
    const path = files.file('unclosed.csv', Buffer.from(padded, 'latin1'));
    const { one } = await expectSameForAnyN(['audit', path], 4096);
    expect(one.code).toBe(2);
    expect(one.stderr).toMatch(/an unclosed quote\?/);
  });

  it('a line longer than the readers accept: exit 2, after the same rows', async () => {
    const csv = messyCsv({ eol: '\n' }).toString('latin1');
    const cut = csv.indexOf('probe10');
    const path = files.file('long.csv', Buffer.from(`${csv.slice(0, cut)}${'x'.repeat((1 << 20) + 5)}\n${csv.slice(cut)}`, 'latin1'));
    const { one } = await expectSameForAnyN(['audit', path], 4096);
    expect(one.code).toBe(2);
    expect(one.stderr).toMatch(/longer than/);
  });

  it('a header that is not UTF-8 (exit 2), an input with no row, an input of one batch', async () => {
    const bad = Buffer.concat([Buffer.from('call\xe9d,campaignId\n', 'latin1'), Buffer.from('x,y\n')]);
    const { one } = await expectSameForAnyN(['audit', files.file('bad-header.csv', bad)]);
    expect(one.code).toBe(2);
    await expectSameForAnyN(['audit', files.file('empty.csv', '\n\n')]);
    await expectSameForAnyN(['audit', files.file('small.csv', messyCsv({ eol: '\n' }))], 1 << 20);
  });

  it("dialguard's own columns with no column for some facts: every thread reads them as unknown on every row, and the note says so once", async () => {
    const dropped = (c: string): boolean => c === 'agentAt' || c === 'messageAt' || c.startsWith('messageContent.') || c === 'recordingAt' || c === 'recordingNotice';
    const path = files.file('no-agent-columns.csv', recordsCsv(orderedRecords(), RECORD_COLUMNS.filter((c) => !dropped(c))));
    const { one } = await expectSameForAnyN(['audit', path]);
    expect(one.stderr.match(/note: the file's header has no column for agentAt, messageAt, messageContent, recordingAt:/g)).toHaveLength(1);
    expect(one.stdout).not.toContain('Every rule judged from call records was judged on every call');
  });

  it('call events in CSV are read by one parser on the main thread', async () => {
    const events = Array.from({ length: 30 }, (_, i) => callEvents(`e${i}`, T0 + i * 90 * S, i % 3 === 0 ? 'silent' : i % 3 === 1 ? 'live' : 'message')).flat();
    const columns = ['type', 'callId', 'at', 'campaignId', 'callCentreId', 'to', 'cli', 'agentGuaranteed', 'amd', 'messagePlanned', 'by'];
    const text = [columns.join(','), ...events.map((e) => columns.map((c) => cell(c === 'at' ? new Date(e.at).toISOString() : (e as unknown as Record<string, unknown>)[c])).join(','))].join('\n') + '\n';
    const path = files.file('events.csv', text);
    const { many } = await expectSameForAnyN(['audit', path, '--json']);
    for (const m of many) expect(m.readAgainFrom).not.toBeNull();
  });
});

describe('--workers N on a dialler\'s CSV with a preset', () => {
  it('VICIdial (TSV, header): the same report', async () => {
    const path = fileURLToPath(new URL('../fixtures/vicidial/vicidial_log.tsv', import.meta.url));
    await expectSameForAnyN(['audit', path, '--preset', 'vicidial-log', '--set', 'callCentreId=leeds', '--set', 'cli=01132345678', '--set', 'agentGuaranteed=no', '--set', 'amd=Y', '--set', 'messagePlanned=TRUE'], 300);
  });

  it('Asterisk (no header) with more than a hundred unmapped statuses, met in every batch: the same counts and the same first hundred', async () => {
    const fixture = readFileSync(fileURLToPath(new URL('../fixtures/asterisk/Master.csv', import.meta.url)), 'utf8').split('\n').filter((l) => l !== '');
    const rows: string[] = [];
    for (let i = 0; i < 400; i++) {
      const line = fixture[i % fixture.length]!.replace(/"\d{10}\.\d+"/, `"9${i}.${i}"`);
      // Statuses unknown to the preset: a new one every other row, and old ones again.
      rows.push(i % 2 === 0 ? line.replace(/"(NO ANSWER|ANSWERED|BUSY|FAILED|CONGESTION)"/, `"ODD${i % 7 === 0 ? 1 : i}"`) : line);
    }
    const path = files.file('asterisk-many.csv', rows.join('\n') + '\n');
    const argv = ['audit', path, '--preset', 'asterisk-cdr', '--input-tz', 'Europe/London', '--set', 'callCentreId=leeds', '--set', 'agentGuaranteed=false', '--set', 'amd=true', '--set', 'messagePlanned=true', '--json'];
    const { one, many } = await expectSameForAnyN(argv, 900);
    const statuses = (JSON.parse(one.stdout) as { evidence: { unmappedStatuses: { status: string; rows: number }[] } }).evidence.unmappedStatuses;
    expect(statuses).toHaveLength(100);
    // The status met again and again is counted in every batch; the others once each.
    const odd1 = statuses.filter((s) => s.status.startsWith('ODD1 '));
    expect(odd1.reduce((n, s) => n + s.rows, 0)).toBe(29);
    expect(statuses.filter((s) => s.rows === 1).length).toBeGreaterThan(50);
    // Bad quoting in the first batch: its rows, and the statuses they met, are counted once, by one parser.
    const bad = files.file('asterisk-bad-first.csv', [...rows.slice(0, 2), '"x"y,z', ...rows.slice(2)].join('\n') + '\n');
    const again = await expectSameForAnyN([...argv.slice(0, 1), bad, ...argv.slice(2)], 900);
    for (const m of again.many) expect(m.readAgainFrom).toBe(1);
    expect((JSON.parse(again.one.stdout) as { evidence: { unmappedStatuses: unknown[] } }).evidence.unmappedStatuses).toHaveLength(100);
    for (const m of many) expect(m.readAgainFrom).toBeNull();
  });
});
