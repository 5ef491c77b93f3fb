/**
 * `npm run demo` — a simulated day of an outbound contact centre, and its compliance report.
 *
 * Run: `npm run demo` (or `npx tsx examples/demo.ts`). `DIALGUARD_SMOKE=1` runs one hour
 * with a tenth of the agents, for CI.
 *
 * Fifty agents in a Leeds contact centre work three campaigns on Tuesday 10 March 2026,
 * 11:00–19:00 Europe/London (an eight-hour shift), over twenty thousand calls in all:
 * - `energy-switch`: 30 agents, predictive, answer-machine detection (AMD) on, pacing itself
 *   by dialguard's running ACR (target 2 %); when no agent is free the call waits for one
 *   until dialguard's `messageDue` notice, then hears the information message (A2.19);
 * - `broadband-upgrade`: 14 agents, predictive at a fixed 1.7 lines per agent, no AMD —
 *   agents mark the machines they reach, and the ACR is estimated (A3.6) — which runs hot
 *   in the evening, when more people answer;
 * - `charity-renewals`: 6 agents, progressive (an agent guaranteed for every call).
 *
 * Every call runs through a dialguard call machine on a simulated clock (events in,
 * deadline notices out); the finished calls go through `misuse()` for the cross-call flags
 * and into `report()`. The demo prints the report — daily ACR per campaign with x, y, z and
 * whether estimated, counts by category, flags by kind with their paragraphs, AMD evidence
 * and the worst calls — and writes a picture of the day to `out/demo.svg`.
 * A progress line goes to stderr when stderr is a terminal.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ofcom2017 } from 'dialguard';
import { campaignDay, dialler, simulate, SMOKE, wellRun, type Progress } from './sim/index.js';
import { complianceReport, worstCallsText } from './sim/compliance.js';
import { daySvg } from './sim/picture.js';
import { hhmm } from './sim/time.js';

const policy = ofcom2017;
const DATE = '2026-03-10';
const scale = SMOKE ? 0.1 : 1;
const agents = (n: number): number => Math.max(1, Math.round(n * scale));
const window = SMOKE ? campaignDay(DATE, '17:00', '18:00', policy) : campaignDay(DATE, '11:00', '19:00', policy);

const progress = process.stderr.isTTY
  ? (p: Progress): void => {
      process.stderr.write(`\r\x1b[Ksimulating ${DATE} ${hhmm(p.at, policy.timeZone)} — ${p.dialled.toLocaleString('en-GB')} calls dialled, ${p.ended.toLocaleString('en-GB')} ended (${Math.round(p.done * 100)} %)`);
    }
  : undefined;

const started = performance.now();
const result = simulate({
  seed: 20260310,
  policy,
  windows: [window],
  dispositionWaitMs: 20_000,
  onProgress: progress,
  diallers: [
    wellRun({
      campaignId: 'energy-switch',
      callCentreId: 'leeds',
      cli: '01134961000',
      agents: { count: agents(30) },
      amd: { enabled: true, falsePositiveRate: 0.01 },
      listSize: 60_000,
      listStart: 0,
    }),
    dialler({
      campaignId: 'broadband-upgrade',
      callCentreId: 'leeds',
      cli: '01134961001',
      agents: { count: agents(14) },
      pacing: { mode: 'predictive', ratio: 1.7 },
      amd: { enabled: false },
      message: { content: { onBehalfOf: 'Northwire Broadband', explainsAttempt: true, optOutNumber: '08081570124', marketing: false } },
      listSize: 60_000,
      listStart: 100_000,
    }),
    dialler({
      campaignId: 'charity-renewals',
      callCentreId: 'leeds',
      cli: '01134961002',
      agents: { count: agents(6) },
      pacing: { mode: 'progressive' },
      amd: { enabled: false },
      message: { content: { onBehalfOf: 'Riverside Hospice', explainsAttempt: true, optOutNumber: '08081570125', marketing: false } },
      listSize: 30_000,
      listStart: 200_000,
    }),
  ],
});
const simulatedAt = performance.now();
if (progress) process.stderr.write('\r\x1b[K');

const { report, text } = complianceReport(result, policy, [window]);
const reportedAt = performance.now();

const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'out');
mkdirSync(out, { recursive: true });
const svgPath = join(out, 'demo.svg');
writeFileSync(
  svgPath,
  daySvg(result.calls, policy, `A simulated day: ${DATE}, Leeds contact centre`, `${result.dialled.toLocaleString('en-GB')} calls, ${result.diallers.reduce((s, d) => s + d.agents, 0)} agents, policy ${policy.id}`, [
    'ACR: the day\u2019s Abandoned Call Rate so far (x / (x + y), A3.3), read from dialguard\u2019s acr() operator at the end of each hour; the estimate of A3.6 applies where AMD is off.',
    'Outcomes: the category dialguard gave each call (A1.3\u2013A1.12, A3.3\u2013A3.5), by the hour it was dialled. Simulated data: no real numbers were called.',
  ]),
);

const fmt = (n: number): string => n.toLocaleString('en-GB');
console.log(`dialguard demo — a simulated day, ${DATE}, ${hhmm(window.start, policy.timeZone)}–${hhmm(window.end, policy.timeZone)} ${policy.timeZone}${SMOKE ? ' (smoke run: one hour, a tenth of the agents)' : ''}`);
console.log('');
console.log('Diallers');
for (const d of result.diallers) {
  console.log(
    `  ${d.campaignId.padEnd(18)} ${d.callCentreId.padEnd(7)} ${d.mode.padEnd(26)} ${String(d.agents).padStart(3)} agents  ${fmt(d.dialled).padStart(7)} calls  agents talking ${Math.round(d.occupancy * 100)} % of the day${d.mode.includes('adaptive') ? `  (ratio ${d.ratios.min.toFixed(2)}–${d.ratios.max.toFixed(2)})` : ''}`,
  );
}
console.log(
  `  ${fmt(result.dialled)} calls, ${fmt(result.events)} call events into ${fmt(result.dialled)} call machines; deadline notices out: ${fmt(result.notices.minRingReached)} minRingReached, ${fmt(result.notices.maxRingReached)} maxRingReached, ${fmt(result.notices.messageDue)} messageDue; ${fmt(result.messages.played)} information messages, ${fmt(result.messages.onNotice)} of them on a messageDue notice`,
);
console.log('');
console.log(text);
console.log('Worst calls (silent calls first: the top priority, A2.3), with what dialguard measured');
console.log(worstCallsText(report));
console.log('');
const t = result.amdTruth;
console.log('What really happened (the simulator knows; the records above are what dialguard saw)');
console.log(`  AMD: ${fmt(t.humans)} people answered, ${fmt(t.falsePositives)} taken for machines (${((t.falsePositives / Math.max(1, t.humans)) * 100).toFixed(1)} %); ${fmt(t.machines)} machines answered, ${fmt(t.falseNegatives)} taken for people (${((t.falseNegatives / Math.max(1, t.machines)) * 100).toFixed(1)} %)`);
console.log('');
console.log(`Picture of the day: ${svgPath}`);
console.log(`Took ${((simulatedAt - started) / 1000).toFixed(1)} s to simulate (${fmt(Math.round(result.dialled / ((simulatedAt - started) / 1000)))} calls/s through call machines), ${((reportedAt - simulatedAt) / 1000).toFixed(1)} s to report.`);
