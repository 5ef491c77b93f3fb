/**
 * `npm run bench`: throughput and memory of dialguard's live and batch paths, measured in
 * one run on this machine, each printed as a ratio against the target the issues name.
 *
 * - live path: call events → callRecords() (one XState machine per call in flight) →
 *   classified() → acr(); target ≥ 10,000 calls/s.
 * - batch path: records → classified → ACR counters, via audit(); ≥ 1,000,000 generated
 *   calls; target ≥ 1,000,000 calls/s. Reported with and without the misuse rules when
 *   the build has them.
 * - memory: bytes per in-flight call (machines started, answered, not yet ended);
 *   target ≤ 8 KB.
 *
 * Run with `node --expose-gc` (the npm script does) so the heap can be measured after GC.
 */
import { from } from 'rxjs';
import { createActor, SimulatedClock } from 'xstate';
import { generateEventStream, generateRecords } from './generate.js';

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
const BATCH_CALLS = quick ? 20_000 : 1_000_000;
const LIVE_CALLS = quick ? 2_000 : 100_000;
const IN_FLIGHT = quick ? 1_000 : 20_000;

console.log(`dialguard bench — node ${process.version}, ${new Date().toISOString().slice(0, 10)}${gc ? '' : ' (no --expose-gc: memory figures are rough)'}`);

// Batch path
process.stdout.write(`generating ${fmt(BATCH_CALLS)} records… `);
const records = generateRecords(BATCH_CALLS);
console.log('done');
audit(records.slice(0, 20_000)); // warm-up
const withoutMisuse = time(() => audit(records, ofcom2017, { misuse: false }));
const batchRate = BATCH_CALLS / withoutMisuse.seconds;
results.push({ figure: 'batch: audit() without misuse rules', measured: `${fmt(batchRate)} calls/s`, target: '1,000,000 calls/s', ratio: batchRate / 1_000_000 });
const withMisuse = time(() => audit(records, ofcom2017));
const misuseRate = BATCH_CALLS / withMisuse.seconds;
results.push({ figure: 'batch: audit() with misuse rules', measured: `${fmt(misuseRate)} calls/s`, target: '1,000,000 calls/s', ratio: misuseRate / 1_000_000 });
let classifiedOnly = 0;
const pure = time(() => from(records).pipe(classified(), acr({ scopes: ['campaign'] })).subscribe(() => classifiedOnly++));
const pureRate = classifiedOnly / pure.seconds;
results.push({ figure: 'batch: records → classified() → acr() operators', measured: `${fmt(pureRate)} calls/s`, target: '1,000,000 calls/s', ratio: pureRate / 1_000_000 });

// Live path
process.stdout.write(`generating ${fmt(LIVE_CALLS)} calls of events… `);
const events = generateEventStream(LIVE_CALLS);
console.log(`done (${fmt(events.length)} events)`);
let emitted = 0;
const live = time(() =>
  from(events)
    .pipe(callRecords(), classified(), acr())
    .subscribe(() => emitted++),
);
const liveRate = emitted / live.seconds;
results.push({ figure: 'live path (events → machines → records → classified → acr)', measured: `${fmt(liveRate)} calls/s`, target: '10,000 calls/s', ratio: liveRate / 10_000 });

// Memory per in-flight call
const machine = createCallMachine();
const clock = new SimulatedClock();
const before = heapUsed();
const actors = [];
for (let i = 0; i < IN_FLIGHT; i++) {
  const callId = `m${i}`;
  const actor = createActor(machine, { clock, input: { callId } }).start();
  actor.send({ type: 'dial', callId, at: 1_000, campaignId: 'energy', callCentreId: 'leeds', to: '01134961234', cli: '01134961000', agentGuaranteed: false, amd: true, messagePlanned: true });
  actor.send({ type: 'ringing', callId, at: 1_500 });
  actor.send({ type: 'answer', callId, at: 9_000 });
  actors.push(actor);
}
const perCall = (heapUsed() - before) / IN_FLIGHT;
results.push({ figure: 'memory per in-flight call (answered, awaiting agent)', measured: `${fmt(perCall)} bytes`, target: '8,192 bytes', ratio: 8192 / perCall });
actors.length = 0;

console.log('\nfigure'.padEnd(62) + 'measured'.padEnd(22) + 'target'.padEnd(20) + 'ratio (≥1 meets)');
for (const r of results) console.log(r.figure.padEnd(61) + r.measured.padEnd(22) + r.target.padEnd(20) + r.ratio.toFixed(2));
