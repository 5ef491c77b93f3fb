/**
 * `npm run bench:cli` (run by `npm run bench` after the main benchmark): `dialguard audit`
 * on a 1,000,000-row JSON Lines file (about 320 MB), each run in a fresh process that runs
 * only the command (`test/cli/measure.ts`, through tsx), as a user's run is. Prints rows
 * per CPU-second and per wall second, and the peak RSS for a tenth of the rows and for all
 * of them (flat memory: ten times the rows, about the same RSS), against the target of
 * 100,000 rows/s. Then the command against itself on one thread: the same file with
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
  const small = join(dir, 'tenth.jsonl');
  const big = join(dir, 'all.jsonl');
  writeBigJsonl(small, ROWS / 10);
  const bytes = writeBigJsonl(big, ROWS);
  const tenth = await measure(small);
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
  console.log(`| peak RSS, all rows (a tenth: ${fmt(tenth.maxRssMb)} MB) | ${fmt(all.maxRssMb)} MB | flat | ${(all.maxRssMb / tenth.maxRssMb).toFixed(2)} |`);

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
