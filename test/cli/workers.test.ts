/**
 * `dialguard audit --workers N`: the same report, byte for byte, whatever N — the text
 * report, `--json`, the `--html` page, stderr and the exit code — on inputs whose batch
 * boundaries (tiny batches here) fall inside everything that depends on the order of the
 * rows: rejected rows of every kind in line order, duplicate call ids, repeats within 72 h,
 * number scanning, the period. A worker that fails ends the command with exit 2, no hang.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_THREADS, defaultWorkers, defaultWorkersFor } from '../../src/cli/args.js';
import type { ReadHere } from '../../src/cli/parallel/audit-in-workers.js';
import { callEvents, orderedRecords, record, runCli, T0, toJsonl, useTempFiles } from './fixtures.js';

const files = useTempFiles('dialguard-workers-');
const S = 1000;

/** JSON Lines with a BOM, CRLF, blank lines and a bad row of every kind among good ones. */
function messyJsonl(): Buffer {
  const rows = orderedRecords().map((r) => JSON.stringify(r));
  const lines: (string | Buffer)[] = [];
  rows.forEach((row, i) => {
    lines.push(row);
    if (i === 3) lines.push('{"callId": "broken"');
    if (i === 7) lines.push('');
    if (i === 9) lines.push(Buffer.from('{"callId":"caf\xe9"}', 'latin1'));
    if (i === 12) lines.push(JSON.stringify({ ...JSON.parse(row), callId: 'bad-dial', dialAt: 'yesterday' }));
    if (i === 15) lines.push(`{"pad":"${'x'.repeat((1 << 20) + 10)}"}`);
    if (i === 20) lines.push('   \t');
    // Duplicate call ids, several batches later, each followed by a bad line (in one batch or not).
    if (i === 30 || i === 32 || i === 35) lines.push(rows[i - 28]!, '{oops');
    if (i === 40) lines.push(JSON.stringify({ ...JSON.parse(row), callId: 'secs', hangupAt: 1_772_000_000 })); // epoch seconds: refused
    if (i === 50) lines.push('[1,2]');
  });
  const parts = lines.map((l, i) => Buffer.concat([Buffer.from(i === 0 ? '\uFEFF' : ''), Buffer.isBuffer(l) ? l : Buffer.from(l), Buffer.from(i % 2 === 0 ? '\r\n' : '\n')]));
  return Buffer.concat(parts);
}

/** Runs the command with `--workers n` (tiny batches; `readHere`: which batches the main thread reads itself), and the `--html` page it wrote. */
async function run(n: number, argv: readonly string[], batchBytes = 700, readHere: ReadHere = 'whenBusy'): Promise<{ code: number; stdout: string; stderr: string; html: string }> {
  const html = files.path(`page-${n}-${Math.random().toString(36).slice(2)}.html`);
  const r = await runCli([...argv, '--workers', String(n), '--html', html], { workersForTests: { batchBytes, readHere } });
  let page = '';
  try {
    page = readFileSync(html, 'utf8');
  } catch {
    // no page written (a run that failed)
  }
  return { ...r, html: page };
}

/**
 * The runs with 2 and 3 threads (batches of about a line, and of several lines; every
 * batch read by a worker, every other one read by the main thread, or as the command
 * shares them) give exactly what one thread gives.
 */
async function expectSameForAnyN(argv: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const one = await run(1, argv);
  expect(one.stdout.length).toBeGreaterThan(0);
  const runs = [[2, 700, 'never'], [2, 700, 'alternate'], [3, 700, 'whenBusy'], [3, 700, 'alternate'], [2, 5000, 'whenBusy']] as const;
  for (const [n, batchBytes, readHere] of runs) {
    const many = await run(n, argv, batchBytes, readHere);
    expect(many.code).toBe(one.code);
    expect(many.stdout).toBe(one.stdout);
    expect(many.stderr).toBe(one.stderr);
    expect(many.html).toBe(one.html);
  }
  return one;
}

describe('--workers N: the same report for any N', () => {
  it('on messy JSON Lines records: every kind of rejected row, duplicates, repeats within 72 h, scanning (text report)', async () => {
    const path = files.file('messy.jsonl', messyJsonl());
    const one = await expectSameForAnyN(['audit', path]);
    // The input does exercise what it is meant to.
    for (const reason of ['json', 'encoding', 'invalid', 'tooLong', 'duplicate']) expect(one.stderr).toContain(`rejected (${reason})`);
    expect(one.stdout).toMatch(/repeatWithin72h/);
    expect(one.stdout).toMatch(/numberScanning/);
  });

  it('in --json, with a period, other scopes and a zone', async () => {
    const path = files.file('messy2.jsonl', messyJsonl());
    const one = await expectSameForAnyN(['audit', path, '--json', '--from', '2026-03-03', '--to', '2026-03-04', '--by', 'callCentre', '--tz', 'Europe/Dublin', '--examples', '100']);
    const report = JSON.parse(one.stdout) as { callsOutsidePeriod: number; rejected: { examples: { line: number }[] } };
    expect(report.callsOutsidePeriod).toBeGreaterThan(0);
    const lines = report.rejected.examples.map((e) => e.line);
    expect(lines).toEqual([...lines].sort((a, b) => a - b)); // in line order
  });

  it('with --set, --epoch and --input-tz read in the workers (and their rejections)', async () => {
    const rows = orderedRecords().map((r, i) => {
      const { callCentreId: _, ...rest } = r;
      return i % 5 === 0 ? { ...rest, dialAt: new Date(r.dialAt).toISOString().slice(0, 19).replace('T', ' ') } : { ...rest, dialAt: Math.floor(r.dialAt / 1000) };
    });
    const path = files.file('set.jsonl', toJsonl([...rows, { ...rows[1], callId: 'bad-time', dialAt: 'soon' }]));
    const one = await expectSameForAnyN(['audit', path, '--json', '--set', 'callCentreId=york', '--epoch', 's', '--input-tz', 'Europe/London']);
    expect(one.stderr).toContain('bad-time');
  });

  it('with batches much larger than a line (the default shape)', async () => {
    const path = files.file('plain.jsonl', toJsonl(orderedRecords()));
    const one = await run(1, ['audit', path, '--json']);
    const many = await run(2, ['audit', path, '--json'], 64 * 1024);
    expect(many.stdout).toBe(one.stdout);
  });

  it('on call events (detected, and with --input events), read on the main thread', async () => {
    const events = Array.from({ length: 30 }, (_, i) => callEvents(`e${i}`, T0 + i * 90 * S, i % 3 === 0 ? 'silent' : i % 3 === 1 ? 'live' : 'message')).flat();
    const path = files.file('events.jsonl', toJsonl([...events, { type: 'answer', callId: 'ghost', at: T0 }]));
    await expectSameForAnyN(['audit', path, '--json']);
    await expectSameForAnyN(['audit', path, '--input', 'events']);
  });

  it('on a dialler\'s CSV with a preset, read on the main thread', async () => {
    const path = fileURLToPath(new URL('../fixtures/vicidial/vicidial_log.tsv', import.meta.url));
    await expectSameForAnyN(['audit', path, '--preset', 'vicidial-log', '--set', 'callCentreId=leeds', '--set', 'cli=01132345678', '--set', 'agentGuaranteed=no', '--set', 'amd=Y', '--set', 'messagePlanned=TRUE']);
  });

  it('on an input with no row at all, and on stdin', async () => {
    const empty = files.file('empty.jsonl', '\n\n');
    await expectSameForAnyN(['audit', empty]);
    const text = toJsonl(orderedRecords());
    const one = await runCli(['audit', '-', '--json', '--workers', '1'], { stdin: text });
    const two = await runCli(['audit', '-', '--json', '--workers', '2'], { stdin: text, workersForTests: { batchBytes: 500 } });
    expect(two.stdout).toBe(one.stdout);
  });
});

describe('--workers: the option', () => {
  it.each([['0'], ['x'], ['1.5'], ['-2'], ['']])('--workers=%s is a usage error (exit 2)', async (value) => {
    const path = files.file('one.jsonl', toJsonl([record('a', T0)]));
    const r = await runCli(['audit', path, `--workers=${value}`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--workers should be a whole number from 1');
    expect(r.stdout).toBe('');
  });

  it('a misspelt --workers is named', async () => {
    const r = await runCli(['audit', 'x.jsonl', '--worker', '2']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--workers');
  });

  it('is in --help, with its default here', async () => {
    const r = await runCli(['--help']);
    expect(r.stdout).toContain('--workers N');
    expect(r.stdout).toContain(`at most ${DEFAULT_MAX_THREADS}, here ${defaultWorkers()};`);
  });

  it('defaults to a thread a CPU, at most four: more threads than the main thread can take from cost memory for nothing', () => {
    expect([0, 1, 2, 3, 4, 5, 64, 256].map(defaultWorkersFor)).toEqual([1, 1, 2, 3, 4, 4, 4, 4]);
    expect(DEFAULT_MAX_THREADS).toBe(4);
  });
});

describe('--workers: no thread left behind', () => {
  /** Message ports keeping this process alive: each worker thread holds one, and so does each reply port. */
  const ports = (): number => process.getActiveResourcesInfo().filter((r) => r === 'MessagePort').length;

  it.each([['finishes'], ['fails']] as const)('a run that %s leaves no worker thread or port open', async (how) => {
    const path = files.file(`threads-${how}.jsonl`, toJsonl(orderedRecords()));
    const before = ports();
    const r = await runCli(['audit', path, '--json', '--workers', '3'], { workersForTests: { batchBytes: 500, readHere: 'never', ...(how === 'fails' ? { fail: { batch: 2, how: 'throw' as const } } : {}) } });
    expect(r.code).toBe(how === 'fails' ? 2 : 1);
    // A terminated thread lets go of its port a moment later: wait for that, up to ten seconds on a busy machine.
    for (let waited = 0; ports() !== before && waited < 10_000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(ports()).toBe(before);
  });
});

describe('--workers: a worker that fails', () => {
  it.each([['throw'], ['exit']] as const)('a worker that %ss ends the command: exit 2, "the audit could not finish", no report', async (how) => {
    const path = files.file(`fail-${how}.jsonl`, toJsonl(orderedRecords()));
    const r = await runCli(['audit', path, '--json', '--workers', '2'], { workersForTests: { batchBytes: 500, fail: { batch: 3, how }, readHere: 'never' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('the audit could not finish');
    expect(r.stdout).toBe('');
  });

  it('a worker\'s error is printed as the main thread prints one: its name once ("Error: failure…", not "Error: Error: failure…")', async () => {
    const path = files.file('fail-named.jsonl', toJsonl(orderedRecords()));
    const r = await runCli(['audit', path, '--json', '--workers', '2'], { workersForTests: { batchBytes: 500, fail: { batch: 3, how: 'throw' }, readHere: 'never' } });
    expect(r.stderr).toBe('dialguard: the audit could not finish: Error: failure injected by a test at batch 3\n');
  });

  it('the first batch is read by the main thread (an input of one batch starts no worker): a failure set for a worker at batch 0 never happens', async () => {
    const path = files.file('first-here.jsonl', toJsonl(orderedRecords()));
    const one = await runCli(['audit', path, '--json', '--workers', '1']);
    const r = await runCli(['audit', path, '--json', '--workers', '2'], { workersForTests: { batchBytes: 500, fail: { batch: 0, how: 'throw' } } });
    expect(r.code).toBe(one.code);
    expect(r.stdout).toBe(one.stdout);
  });
});
