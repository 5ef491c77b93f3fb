/**
 * `npm run bench:duckdb`: the audit command against a peer tool on the same file. DuckDB
 * (`read_json` and one SQL query computing only the daily ACR per campaign,
 * `bench/duckdb-acr.mjs`) and `dialguard audit FILE --json` (the built command, with its
 * default options) each read the same 1,000,000-row JSON Lines file in a fresh process;
 * best wall time of three, alternating. Prints both, the ratio (target: the command within
 * 2× DuckDB's wall time) and each one's peak RSS, and checks that both found the same live
 * and not-live answered calls. DuckDB is not a dependency: the benchmark installs
 * `@duckdb/node-api` into a folder outside the project (`DIALGUARD_DUCKDB_DIR`, default
 * `$TMPDIR/dialguard-duckdb`) the first time, from the npm registry. `DIALGUARD_SMOKE=1`:
 * 20,000 rows, one round.
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { writeBigJsonl } from '../test/cli/fixtures.js';

const DUCKDB_PACKAGE = '@duckdb/node-api@1.5.6-r.1';
const quick = process.env.DIALGUARD_SMOKE === '1';
const ROWS = quick ? 20_000 : 1_000_000;
const ROUNDS = quick ? 1 : 3;
const TARGET = 2;
const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));
const fmt = (n: number, digits = 0): string => n.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });

interface Run {
  readonly seconds: number;
  readonly maxRssMb: number;
  readonly live: number;
  readonly notLive: number;
}

/** DuckDB's folder, installed there on first use. */
function duckDbDir(): string {
  const dir = process.env.DIALGUARD_DUCKDB_DIR ?? join(tmpdir(), 'dialguard-duckdb');
  if (!existsSync(join(dir, 'node_modules', '@duckdb', 'node-api', 'package.json'))) {
    mkdirSync(dir, { recursive: true });
    console.log(`installing ${DUCKDB_PACKAGE} into ${dir} (not a dependency of dialguard)…`);
    execFileSync('npm', ['install', '--prefix', dir, '--no-save', '--no-package-lock', '--no-audit', '--no-fund', DUCKDB_PACKAGE], { stdio: 'inherit' });
  }
  return dir;
}

async function timed(args: readonly string[]): Promise<{ seconds: number; stdout: string; stderr: string }> {
  const started = performance.now();
  const { stdout, stderr } = await promisify(execFile)(process.execPath, [...args], { encoding: 'utf8', maxBuffer: 256 * 2 ** 20 });
  return { seconds: (performance.now() - started) / 1000, stdout, stderr };
}

async function duckDb(dir: string, file: string): Promise<Run> {
  const { seconds, stdout } = await timed([here('./duckdb-acr.mjs'), dir, file]);
  const r = JSON.parse(stdout) as { x: number; y: number; maxRssMb: number };
  return { seconds, maxRssMb: r.maxRssMb, live: r.x, notLive: r.y };
}

async function dialguard(file: string): Promise<Run> {
  let out: { seconds: number; stdout: string; stderr: string };
  try {
    out = await timed([here('./run-built-cli.mjs'), 'audit', file, '--json']);
  } catch (e) {
    // Exit 1 (flags found) is a finished audit; its output is on the error.
    const err = e as { code?: number; stdout?: string; stderr?: string };
    if (err.code !== 1 || err.stdout === undefined) throw e;
    out = { seconds: NaN, stdout: err.stdout, stderr: err.stderr ?? '' };
  }
  const report = JSON.parse(out.stdout) as { categories: { live: number; abandoned: number; silent: number } };
  const rss = /@@maxRssMb ([\d.]+)/.exec(out.stderr);
  return { seconds: out.seconds, maxRssMb: rss ? Number(rss[1]) : NaN, live: report.categories.live, notLive: report.categories.abandoned + report.categories.silent };
}

const dir = duckDbDir();
const work = mkdtempSync(join(tmpdir(), 'dialguard-bench-duckdb-'));
try {
  const file = join(work, 'calls.jsonl');
  const bytes = writeBigJsonl(file, ROWS);
  const best = { duck: null as Run | null, ours: null as Run | null };
  for (let round = 0; round < ROUNDS; round++) {
    const d = await duckDb(dir, file);
    const started = performance.now();
    const o = await dialguard(file);
    const ours = Number.isNaN(o.seconds) ? { ...o, seconds: (performance.now() - started) / 1000 } : o;
    if (best.duck === null || d.seconds < best.duck.seconds) best.duck = d;
    if (best.ours === null || ours.seconds < best.ours.seconds) best.ours = ours;
  }
  const { duck, ours } = best as { duck: Run; ours: Run };
  const ratio = ours.seconds / duck.seconds;
  console.log(`\ndialguard audit against DuckDB — ${fmt(ROWS)} rows of JSON Lines (${fmt(bytes / 2 ** 20)} MB), a fresh process each, best of ${ROUNDS}`);
  console.log('| tool | wall time | rows/s | peak RSS |');
  console.log('|---|---|---|---|');
  console.log(`| DuckDB (${DUCKDB_PACKAGE}): read_json + daily ACR per campaign | ${fmt(duck.seconds, 2)} s | ${fmt(ROWS / duck.seconds)} | ${fmt(duck.maxRssMb)} MB |`);
  console.log(`| dialguard audit --json (every rule, the full report) | ${fmt(ours.seconds, 2)} s | ${fmt(ROWS / ours.seconds)} | ${fmt(ours.maxRssMb)} MB |`);
  console.log(`\ndialguard's wall time ÷ DuckDB's: ${ratio.toFixed(2)} (target ≤ ${TARGET}: ${ratio <= TARGET ? 'met' : 'not met'})`);
  const same = duck.live === ours.live && duck.notLive === ours.notLive;
  console.log(`same answered calls found: ${same ? 'yes' : 'NO'} (live ${fmt(duck.live)} / ${fmt(ours.live)}, not live ${fmt(duck.notLive)} / ${fmt(ours.notLive)})`);
  if (!same) process.exitCode = 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
