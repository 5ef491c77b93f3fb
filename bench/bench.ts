/**
 * `npm run bench`: throughput and memory of dialguard's live and batch paths, measured in
 * one run on this machine, each printed as a ratio against the target the issues name.
 *
 * - live path: call events → callRecords() (one XState machine per call in flight) →
 *   classified() → acr(); target ≥ 10,000 calls/s, and ≥ 0.8 of a bare XState actor per
 *   call doing the same events with one `after` timer (bench/bare-actor.ts), measured in
 *   the same run.
 * - batch path: audit() on 1,000,000 generated records, without the misuse rules (target
 *   ≥ 0.25 of the baseline) and with them (≥ 0.12), and records → classified() → acr(),
 *   each as a ratio to a hand-written reducer doing the essentials of an ACR audit on the
 *   same records (bench/reducer.ts), measured in the same run (best of three, alternating).
 *   `DIALGUARD_BENCH_BATCH_CALLS` and `DIALGUARD_BENCH_BATCH_ROUNDS` change the size.
 * - memory: bytes per in-flight call in callRecords() (dialled, ringing, answered, not yet
 *   ended); target ≤ 8 KB.
 *
 * Run with `node --expose-gc` (the npm script does) so the heap can be measured after GC.
 * Each part runs in a process of its own (this script runs itself once per part): in one
 * process, the batch part's million records were still alive while the live part ran, and
 * the collector's work on them weighed on the live path more than on its baseline (0.59 of
 * the bare actor in one such run, 0.77–0.86 alone). `DIALGUARD_BENCH_ONLY=live` (or
 * `batch`) runs one part, in this process.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { from, Subject } from 'rxjs';
import { bareActors } from './bare-actor.js';
import { runMachine, transitionsOnly } from './machine-floor.js';
import { generateEventStream, generateRecords } from './generate.js';
import { reduceRecords } from './reducer.js';

const only = process.env.DIALGUARD_BENCH_ONLY;
if (only === undefined || only === '') {
  // Every part, each in a fresh process with this one's Node options (`--expose-gc`, tsx).
  for (const part of ['live', 'batch']) {
    const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url)], {
      stdio: 'inherit',
      env: { ...process.env, DIALGUARD_BENCH_ONLY: part },
    });
    if (child.status !== 0) {
      console.error(`bench: the ${part} part failed (${child.error?.message ?? `exit ${child.status ?? child.signal}`})`);
      process.exit(1);
    }
  }
  process.exit(0);
}
if (only !== 'live' && only !== 'batch') {
  console.error(`bench: DIALGUARD_BENCH_ONLY is '${only}'; use 'live' or 'batch' (or leave it unset for both)`);
  process.exit(2);
}

// What ships: the built package (npm run bench builds it first). DIALGUARD_BENCH_SRC=1 measures the sources instead.
const dialguard: typeof import('../src/index.js') = await import(process.env.DIALGUARD_BENCH_SRC === '1' ? '../src/index.js' : '../dist/index.js');
const { acr, audit, callRecords, classified, createCallMachine, ofcom2017 } = dialguard;

const gc = (globalThis as { gc?: () => void }).gc;
const fmt = (n: number): string => Math.round(n).toLocaleString('en-GB');
const results: { figure: string; measured: string; target: string; ratio: number }[] = [];

function time<T>(fn: () => T): { value: T; seconds: number } {
  const t = process.hrtime.bigint();
  const value = fn();
  return { value, seconds: Number(process.hrtime.bigint() - t) / 1e9 };
}

function heapUsed(): number {
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed;
}

const quick = process.env.DIALGUARD_SMOKE === '1';
const BATCH_CALLS = Number(process.env.DIALGUARD_BENCH_BATCH_CALLS ?? (quick ? 20_000 : 1_000_000));
const BATCH_ROUNDS = Number(process.env.DIALGUARD_BENCH_BATCH_ROUNDS ?? (quick ? 1 : 3));
const LIVE_CALLS = Number(process.env.DIALGUARD_BENCH_LIVE_CALLS ?? (quick ? 2_000 : 100_000));
const IN_FLIGHT = quick ? 1_000 : 20_000;
const runs = (part: 'batch' | 'live'): boolean => only === part;

/**
 * Memory per call in flight, inside callRecords(): dialled, ringing, answered, awaiting an
 * agent. Measured first, before the large inputs exist, so that freeing them cannot skew it.
 */
function inFlightMemory(): void {
  // Memory per call in flight, inside callRecords(): dialled, ringing, answered, awaiting an agent.
  const input = new Subject<import('../src/index.js').CallEvent>();
  const sink = input.pipe(callRecords()).subscribe();
  const before = heapUsed();
  for (let i = 0; i < IN_FLIGHT; i++) {
    const callId = `m${i}`;
    input.next({ type: 'dial', callId, at: 1_000 + i, campaignId: 'energy', callCentreId: 'leeds', to: '01134961234', cli: '01134961000', agentGuaranteed: false, amd: true, messagePlanned: true });
    input.next({ type: 'ringing', callId, at: 1_500 + i });
    input.next({ type: 'answer', callId, at: 9_000 + i });
  }
  const perCall = (heapUsed() - before) / IN_FLIGHT;
  results.push({ figure: 'memory per in-flight call (answered, awaiting agent)', measured: `${fmt(perCall)} bytes`, target: '8,192 bytes', ratio: 8192 / perCall });
  sink.unsubscribe();
}

console.log(`dialguard bench — node ${process.version}, ${new Date().toISOString().slice(0, 10)}${gc ? '' : ' (no --expose-gc: memory figures are rough)'}`);

if (runs('live')) inFlightMemory();

// Batch path: each figure as a ratio to the hand-written reducer (bench/reducer.ts), measured
// in the same run, alternating, each side its best of `BATCH_ROUNDS`.
if (runs('batch')) {
  process.stdout.write(`generating ${fmt(BATCH_CALLS)} records… `);
  const records = generateRecords(BATCH_CALLS);
  console.log('done');
  const warm = records.slice(0, 20_000);
  reduceRecords(warm);
  audit(warm, ofcom2017, { misuse: false });
  audit(warm);
  from(warm).pipe(classified(), acr()).subscribe();
  const rateOf = (fn: () => unknown): number => BATCH_CALLS / time(fn).seconds;
  let reducerRate = 0;
  let withoutRate = 0;
  let withRate = 0;
  let operatorsRate = 0;
  for (let i = 0; i < BATCH_ROUNDS; i++) {
    reducerRate = Math.max(reducerRate, rateOf(() => reduceRecords(records)));
    withoutRate = Math.max(withoutRate, rateOf(() => audit(records, ofcom2017, { misuse: false })));
    withRate = Math.max(withRate, rateOf(() => audit(records, ofcom2017)));
    operatorsRate = Math.max(operatorsRate, rateOf(() => from(records).pipe(classified(), acr()).subscribe()));
  }
  results.push({ figure: 'batch: hand-written reducer (baseline)', measured: `${fmt(reducerRate)} calls/s`, target: '—', ratio: NaN });
  const vsReducer = (figure: string, rate: number, target: number): void =>
    void results.push({ figure, measured: `${(rate / reducerRate).toFixed(3)} × (${fmt(rate)}/s)`, target: `${target} × baseline`, ratio: rate / reducerRate / target });
  vsReducer('batch: audit() without misuse ÷ reducer', withoutRate, 0.25);
  vsReducer('batch: audit() with misuse ÷ reducer', withRate, 0.12);
  vsReducer('batch: from(records).pipe(classified(), acr()) ÷ reducer', operatorsRate, 0.25);
}

// Live path
if (runs('live')) {
  process.stdout.write(`generating ${fmt(LIVE_CALLS)} calls of events… `);
  const events = generateEventStream(LIVE_CALLS);
  console.log(`done (${fmt(events.length)} events)`);
  const liveRun = (): number => {
    let emitted = 0;
    const { seconds } = time(() => from(events).pipe(callRecords(), classified(), acr()).subscribe(() => emitted++));
    return emitted / seconds;
  };
  const bareRun = (): number => {
    let ended = 0;
    const { seconds } = time(() => bareActors(events).subscribe(() => ended++));
    return ended / seconds;
  };
  // Warm both up on a slice, then alternate, keeping each one's best of three.
  from(events.slice(0, 20_000)).pipe(callRecords(), classified(), acr()).subscribe();
  bareActors(events.slice(0, 20_000)).subscribe();
  let liveRate = 0;
  let bareRate = 0;
  for (let i = 0; i < 3; i++) {
    bareRate = Math.max(bareRate, bareRun());
    liveRate = Math.max(liveRate, liveRun());
  }
  // Then, apart (so they cannot weigh on the figure above), where the gap goes: dialguard's machine with the least
  // host loop, and its transitions alone, each against the bare actor again.
  const machine = createCallMachine(ofcom2017, { deadlines: 'ticks', start: 'dialled' }); // as callRecords creates it
  const chartOnly = transitionsOnly(machine);
  const machineRun = (m: typeof machine): number => {
    const { value, seconds } = time(() => runMachine(m, events, true));
    return value / seconds;
  };
  runMachine(machine, events.slice(0, 20_000), true);
  runMachine(chartOnly, events.slice(0, 20_000), true);
  let bareAgain = 0;
  let machineRate = 0;
  let chartRate = 0;
  for (let i = 0; i < 3; i++) {
    bareAgain = Math.max(bareAgain, bareRun());
    machineRate = Math.max(machineRate, machineRun(machine));
    chartRate = Math.max(chartRate, machineRun(chartOnly));
  }
  results.push({ figure: 'live: bare XState actor per call, one after timer (baseline)', measured: `${fmt(bareRate)} calls/s`, target: '—', ratio: NaN });
  results.push({ figure: 'live path (events → machines → records → classified → acr)', measured: `${fmt(liveRate)} calls/s`, target: '10,000 calls/s', ratio: liveRate / 10_000 });
  results.push({ figure: 'live path as a ratio to the bare actor baseline', measured: `${(liveRate / bareRate).toFixed(2)} × baseline`, target: '0.8 × baseline', ratio: liveRate / bareRate / 0.8 });
  results.push({ figure: '  the call machine alone (least host loop) ÷ bare', measured: `${(machineRate / bareAgain).toFixed(2)} × baseline`, target: '—', ratio: NaN });
  results.push({ figure: '  its transitions alone (no dialguard logic) ÷ bare', measured: `${(chartRate / bareAgain).toFixed(2)} × baseline`, target: '—', ratio: NaN });

}

console.log('\nfigure'.padEnd(62) + 'measured'.padEnd(22) + 'target'.padEnd(20) + 'ratio (≥1 meets)');
for (const r of results) console.log(r.figure.padEnd(61) + r.measured.padEnd(22) + r.target.padEnd(20) + (Number.isNaN(r.ratio) ? '' : r.ratio.toFixed(2)));
