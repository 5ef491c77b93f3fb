/**
 * `npx tsx bench/cli-preset.ts`: `dialguard audit --preset asterisk-cdr` on a generated
 * 1,000,000-row Asterisk Master.csv (no header, zoneless local times, 18 columns), run as
 * a separate process. Prints rows/s and the process's peak resident memory (VmHWM, read
 * from /proc while it runs), and the resident memory at 25 %, 50 %, 75 % of the run, to
 * show that it stays flat.
 *
 * - `DIALGUARD_BENCH_ROWS=N` changes the size; `DIALGUARD_SMOKE=1` runs 20,000 rows.
 * - `DIALGUARD_BENCH_KEEP=1` keeps the generated file (for profiling).
 * - `DIALGUARD_BENCH_DIST=1` runs the built command (`dist/cli.js`, after `npm run build`)
 *   instead of the sources through tsx.
 *
 * Not a test: it asserts nothing about time.
 */
import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultWorkers } from '../src/cli/args.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const rows = process.env.DIALGUARD_SMOKE === '1' ? 20_000 : Number(process.env.DIALGUARD_BENCH_ROWS ?? 1_000_000);
const CAMPAIGNS = ['energy', 'broadband', 'charity', 'survey'];
/** Monday 5 January 2026, 09:00 (GMT: London's wall clock is UTC, so wall times are quick to write). */
const T0 = Date.UTC(2026, 0, 5, 9);

const pad = (n: number): string => (n < 10 ? `0${n}` : String(n));
function wall(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** Row `i`: one call every 400 ms, a mix of unanswered, busy, agent, message, AMD and cut-off calls. */
function row(i: number): string {
  const start = T0 + i * 400;
  const kind = i % 20;
  const dst = `0770090${String(i % 100_000).padStart(4, '0')}`;
  const campaign = CAMPAIGNS[i % 4]!;
  const chan = `SIP/trunk-${i.toString(16).padStart(8, '0')}`;
  const uid = `${Math.floor(start / 1000)}.${i}`;
  let dstchan = '';
  let app = 'Dial';
  let data = `SIP/trunk/${dst},30`;
  let answer: number | null = start + 6000;
  let end = start + 60_000;
  let disposition = 'ANSWERED';
  let amd = 'AMDSTATUS=HUMAN';
  if (kind < 8) [answer, end, disposition, amd] = [null, start + 25_000, 'NO ANSWER', ''];
  else if (kind < 10) [answer, end, disposition, amd] = [null, start + 3000, 'BUSY', ''];
  else if (kind < 15) [dstchan, app, data] = [`SIP/agent${100 + (i % 50)}-${i.toString(16)}`, 'Queue', 'sales,t'];
  else if (kind < 17) [app, data, end] = ['Playback', 'ofcom-info-message', start + 20_000];
  else if (kind < 19) [app, data, end, amd] = ['Hangup', '', start + 9000, 'AMDSTATUS=MACHINE'];
  else [app, data, end, amd] = ['Hangup', '', start + 7000, ''];
  const duration = Math.round((end - start) / 1000);
  const billsec = answer === null ? 0 : Math.round((end - answer) / 1000);
  return (
    `"${campaign}","01134960000","${dst}","outbound","""Acme"" <01134960000>","${chan}","${dstchan}","${app}","${data}",` +
    `"${wall(start)}",${answer === null ? '' : `"${wall(answer)}"`},"${wall(end)}",${duration},${billsec},"${disposition}",3,"${uid}","${amd}"\n`
  );
}

function generate(path: string): number {
  const fd = openSync(path, 'w');
  try {
    let buf = '';
    for (let i = 0; i < rows; i++) {
      buf += row(i);
      if (buf.length > 1 << 20) {
        writeSync(fd, buf);
        buf = '';
      }
    }
    writeSync(fd, buf);
  } finally {
    closeSync(fd);
  }
  return statSync(path).size;
}

function status(pid: number, field: string): number | null {
  try {
    const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m === null ? null : Number(m[1]) * 1024;
  } catch {
    return null;
  }
}

interface Run {
  readonly code: number;
  readonly seconds: number;
  readonly peak: number;
  readonly samples: readonly { at: number; rss: number }[];
  readonly report: { calls: number; rejected: { count: number }; evidence?: { undecidable: number } };
  readonly stderr: string;
}

/** The command on `file` with `--workers N`, in a fresh process: wall time, peak and sampled RSS, the report. */
async function runCommand(command: readonly string[], file: string, workers: number): Promise<Run> {
  const args = [...command, 'audit', file, '--preset', 'asterisk-cdr', '--input-tz', 'Europe/London', '--set', 'callCentreId=leeds', '--set', 'agentGuaranteed=false', '--set', 'amd=true', '--set', 'messagePlanned=true', '--json', '--quiet', '--workers', String(workers)];
  const started = performance.now();
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let peak = 0;
  const samples: { at: number; rss: number }[] = [];
  const timer = setInterval(() => {
    const hwm = status(child.pid!, 'VmHWM');
    const rss = status(child.pid!, 'VmRSS');
    if (hwm !== null) peak = Math.max(peak, hwm);
    if (rss !== null) samples.push({ at: performance.now() - started, rss });
  }, 100);
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  const code: number = await new Promise((resolve) => child.on('exit', (c) => resolve(c ?? -1)));
  clearInterval(timer);
  return { code, seconds: (performance.now() - started) / 1000, peak, samples, report: JSON.parse(out) as Run['report'], stderr: err };
}

const dir = mkdtempSync(join(tmpdir(), 'dialguard-bench-cli-'));
try {
  const file = join(dir, 'Master.csv');
  const t0 = performance.now();
  const bytes = generate(file);
  console.log(`generated ${rows.toLocaleString('en-GB')} rows (${(bytes / 1e6).toFixed(0)} MB) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const dist = process.env.DIALGUARD_BENCH_DIST === '1';
  const command = dist ? [join(root, 'dist/cli.js')] : ['--import', 'tsx', join(root, 'src/cli/main.ts')];
  console.log(`command: ${dist ? 'dist/cli.js' : 'src/cli/main.ts (tsx)'}; ${availableParallelism()} CPUs available, default --workers ${defaultWorkers()}`);
  // One thread (--workers 1) against the default, alternating, each its best of two (this machine's timings wander).
  const threads = defaultWorkers() === 1 ? 2 : defaultWorkers();
  let one: Run | null = null;
  let many: Run | null = null;
  for (let round = 0; round < 2; round++) {
    const a = await runCommand(command, file, 1);
    const b = await runCommand(command, file, threads);
    if (one === null || a.seconds < one.seconds) one = a;
    if (many === null || b.seconds < many.seconds) many = b;
  }
  for (const [label, r] of [['--workers 1', one!], [`--workers ${threads}`, many!]] as const) {
    const at = (share: number): string => {
      const s = r.samples[Math.min(r.samples.length - 1, Math.floor(r.samples.length * share))];
      return s === undefined ? '?' : `${(s.rss / 1e6).toFixed(0)} MB`;
    };
    console.log(`\n${label}: exit ${r.code}; calls counted ${r.report.calls.toLocaleString('en-GB')}, rejected ${r.report.rejected.count.toLocaleString('en-GB')}, undecidable ${r.report.evidence?.undecidable ?? 0}`);
    console.log(`${rows.toLocaleString('en-GB')} rows in ${r.seconds.toFixed(1)} s: ${Math.round(rows / r.seconds).toLocaleString('en-GB')} rows/s (process start included)`);
    console.log(`peak RSS ${(r.peak / 1e6).toFixed(0)} MB; RSS at 25 % ${at(0.25)}, 50 % ${at(0.5)}, 75 % ${at(0.75)} of the run`);
    if (r.stderr.trim() !== '') console.log(`stderr: ${r.stderr.trim().split('\n').slice(0, 3).join(' | ')}`);
  }
  if (many!.report.calls !== one!.report.calls || many!.report.rejected.count !== one!.report.rejected.count) {
    console.log(`--workers ${threads} did not count what --workers 1 counted`);
    process.exitCode = 1;
  }
  console.log(`\nwall time, --workers ${threads} against --workers 1: ${(many!.seconds / one!.seconds).toFixed(2)}`);
} finally {
  if (process.env.DIALGUARD_BENCH_KEEP === '1') console.log(`kept ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}
