/**
 * Runs `dialguard` in this process, as the program would, and prints what it cost as one
 * JSON line: `node --import tsx test/cli/measure.ts audit FILE …`. The throughput test
 * spawns it, so the figures are those of a fresh process running only the command.
 */
import { main, type CliReport } from '../../src/cli/main.js';

let out = '';
let err = '';
const started = performance.now();
const code = await main(process.argv.slice(2), {
  stdout: { write: (t: string) => (out += t) },
  stderr: { write: (t: string) => (err += t), isTTY: false },
  stdin: process.stdin,
});
const seconds = (performance.now() - started) / 1000;
const usage = process.resourceUsage();
let report: Pick<CliReport, 'calls' | 'rejected'> | null = null;
try {
  report = JSON.parse(out) as CliReport;
} catch {
  // not --json, or no report: left null
}
process.stdout.write(
  `${JSON.stringify({
    code,
    seconds,
    cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6,
    maxRssMb: usage.maxRSS / 1024,
    calls: report?.calls ?? null,
    rejected: report?.rejected.count ?? null,
    stderr: err.slice(0, 2000),
  })}\n`,
);
