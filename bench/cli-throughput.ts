/**
 * `npm run bench:cli` (run by `npm run bench` after the main benchmark): `dialguard audit`
 * on a 1,000,000-row JSON Lines file (about 290 MB), each run in a fresh process that runs
 * only the command (`test/cli/measure.ts`, through tsx), as a user's run is. Prints rows
 * per CPU-second and per wall second against the target of 100,000 rows/s, and the peak
 * RSS on two files of one call every 2 s, 1,000,000 and 2,000,000 rows (23 and 46 days,
 * each far past the 72 hours of history the audit keeps, so what it holds has stopped
 * growing): flat memory is about the same RSS for twice the rows. (On the 200 ms file a
 * tenth of the rows spans 5.6 hours, before that history is full, so a comparison there
 * would count the history filling up, not the command growing with its input.) Then the
 * command against itself on one thread: the same file with
 * `--workers 1` (one thread, no worker) and with the default `--workers` (the CPUs
 * available, at most 4; 2 where that is 1), the wall-time ratio of each to one thread.
 * A benchmark reports; it asserts nothing. `DIALGUARD_SMOKE=1`: 20,000 rows.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { defaultWorkers } from '../src/cli/args.js';
import { writeBigJsonl } from '../test/cli/fixtures.js';

interface Measured {
  readonly code: number;
  readonly seconds: number;
  readonly cpuSeconds: number;
  readonly maxRssMb: number;
  readonly calls: number | null;
  readonly rejected: number | null;
  readonly stderr: string;
}

const root = fileURLToPath(new URL('../', import.meta.url));
const fmt = (n: number): string => Math.round(n).toLocaleString('en-GB');
const ROWS = process.env.DIALGUARD_SMOKE === '1' ? 20_000 : 1_000_000;
const TARGET = 100_000;
/** The memory files: one call every 2 s, so `MEMORY_ROWS` rows span 23 days (smoke: 2,000 rows, 67 minutes). */
const MEMORY_ROWS = process.env.DIALGUARD_SMOKE === '1' ? 2_000 : 1_000_000;
const MEMORY_SPACING_MS = 2_000;

/** `dialguard audit PATH --json …options` in a fresh process. */
async function measure(path: string, options: readonly string[] = []): Promise<Measured> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', join(root, 'test/cli/measure.ts'), 'audit', path, '--json', ...options], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 2 ** 20,
  });
  return JSON.parse(stdout) as Measured;
}

const dir = mkdtempSync(join(tmpdir(), 'dialguard-bench-cli-'));
try {
  const big = join(dir, 'all.jsonl');
  const bytes = writeBigJsonl(big, ROWS);
  const all = await measure(big);
  if (all.calls !== ROWS || all.rejected !== 0 || all.stderr !== '') {
    console.log(`dialguard audit did not read the file cleanly: ${JSON.stringify(all)}`);
    process.exitCode = 1;
  }
  const perCpu = ROWS / all.cpuSeconds;
  console.log(`\ndialguard audit — ${fmt(ROWS)} rows of JSON Lines (${fmt(bytes / 2 ** 20)} MB), a fresh process each run`);
  console.log(`| figure | measured | target | ratio |`);
  console.log(`|---|---|---|---|`);
  console.log(`| rows per CPU-second (user + system) | ${fmt(perCpu)} rows/s | ${fmt(TARGET)} rows/s | ${(perCpu / TARGET).toFixed(2)} |`);
  console.log(`| rows per wall second | ${fmt(ROWS / all.seconds)} rows/s | ${fmt(TARGET)} rows/s | ${(ROWS / all.seconds / TARGET).toFixed(2)} |`);

  // Flat memory: twice the rows, both past the 72 hours of history, about the same peak RSS.
  const sizes = [MEMORY_ROWS, 2 * MEMORY_ROWS];
  const peaks: number[] = [];
  for (const rows of sizes) {
    const path = join(dir, `memory-${rows}.jsonl`);
    writeBigJsonl(path, rows, MEMORY_SPACING_MS);
    const m = await measure(path);
    rmSync(path);
    if (m.calls !== rows || m.rejected !== 0) {
      console.log(`dialguard audit did not read the memory file of ${fmt(rows)} rows cleanly: ${JSON.stringify(m)}`);
      process.exitCode = 1;
    }
    peaks.push(m.maxRssMb);
  }
  const days = (rows: number): string => (rows * MEMORY_SPACING_MS / 86_400_000).toFixed(rows * MEMORY_SPACING_MS < 86_400_000 ? 2 : 0);
  console.log(
    `| peak RSS, ${fmt(sizes[1]!)} rows at one call every 2 s (${days(sizes[1]!)} days) ÷ ${fmt(sizes[0]!)} rows (${days(sizes[0]!)} days) | ` +
      `${fmt(peaks[1]!)} MB ÷ ${fmt(peaks[0]!)} MB | flat (1) | ${(peaks[1]! / peaks[0]!).toFixed(2)} |`,
  );

  // The command against itself on one thread (--workers 1: no worker thread).
  const one = await measure(big, ['--workers', '1']);
  const counts = defaultWorkers() === 1 ? [2] : [defaultWorkers()];
  console.log(`\n--workers N against --workers 1 (one thread), same file; ${availableParallelism()} CPUs available, default --workers ${defaultWorkers()}`);
  console.log(`| --workers | rows per wall second | rows per CPU-second | peak RSS | wall time against one thread |`);
  console.log(`|---|---|---|---|---|`);
  const row = (label: string, m: Measured): void =>
    console.log(`| ${label} | ${fmt(ROWS / m.seconds)} rows/s | ${fmt(ROWS / m.cpuSeconds)} rows/s | ${fmt(m.maxRssMb)} MB | ${(m.seconds / one.seconds).toFixed(2)} |`);
  row(defaultWorkers() === 1 ? '1 (default)' : '1', one);
  for (const n of counts) {
    const m = await measure(big, ['--workers', String(n)]);
    if (m.calls !== one.calls || m.rejected !== one.rejected) {
      console.log(`--workers ${n} did not count what --workers 1 counted: ${JSON.stringify(m)}`);
      process.exitCode = 1;
    }
    row(`${n}${n === defaultWorkers() ? ' (default)' : ''}`, m);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
