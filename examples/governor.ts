/**
 * The ACR pacing governor, proved on a simulated day: the same campaign dialled at a fixed
 * ratio, and with dialguard's `pacing()` capping the ratio call by call.
 *
 * Run: `npx tsx examples/governor.ts` (`DIALGUARD_SMOKE=1`: two hours, fewer agents).
 *
 * `home-energy` runs on Tuesday 10 March 2026, 10:00–19:00 Europe/London, with 20 agents
 * and the simulator's predictive dialler (`examples/sim`) at 2.6 lines per available agent:
 * AMD on, a person no agent can take hears the information message on dialguard's
 * `messageDue` notice (A2.19). Both runs meet the same people on the same seed: only the
 * pacing differs.
 * - fixed: 2.6 lines per agent all day — busy agents, and an ACR well over the target,
 *   worst in the evening when more people answer;
 * - governed: the same dialler with a pacing hook — `pacing(ofcom2017, { targetAcr: 0.025,
 *   maxDialRatio: 2.6 })`, fed every call of the campaign as its machine ends — that caps
 *   the ratio the dialler dials at.
 * The target (2.5 %) is the user's choice, below the 3 % alert line: no rate is a safe
 * harbour (A4.12, A4.20). The ACR is dialguard's own: `acrCounters()` + `acrTable()`,
 * with the A3.6 estimate where AMD left the answerer unknown.
 */
import { from } from 'rxjs';
import { acr, acrCounters, acrTable, ofcom2017, pacing, type AcrCounters } from 'dialguard';
import { campaignDay, dialler, simulate, SMOKE, type PacingHook, type SimulationResult } from './sim/index.js';
import { wallClock } from './sim/time.js';

const policy = ofcom2017;
const DATE = '2026-03-10';
const TARGET = 0.025;
const RATIO = 2.6;
const AGENTS = SMOKE ? 6 : 20;
const window = SMOKE ? campaignDay(DATE, '17:00', '19:00', policy) : campaignDay(DATE, '10:00', '19:00', policy);
const hours = (window.end - window.start) / 3_600_000;

/** The governor as a pacing hook: the campaign's calls into `pacing()`, its latest cap out. */
const governor: PacingHook = (ended) => {
  let cap: number | null = null;
  ended.pipe(pacing(policy, { targetAcr: TARGET, maxDialRatio: RATIO })).subscribe((advice) => (cap = advice.dialRatio));
  return () => cap;
};

const run = (hook: PacingHook | null): SimulationResult =>
  simulate({
    seed: 310,
    policy,
    windows: [window],
    dispositionWaitMs: 20_000,
    diallers: [dialler({ campaignId: 'home-energy', callCentreId: 'leeds', agents: { count: AGENTS }, pacing: { mode: 'predictive', ratio: RATIO, adaptive: null, hook } })],
  });

const fixed = run(null);
const governed = run(governor);

interface Summary {
  readonly dialled: number;
  readonly x: number;
  readonly y: number;
  readonly z: number;
  readonly rate: number;
  readonly estimated: boolean;
  readonly silent: number;
  readonly livePerAgentHour: number;
  readonly occupancy: number;
  readonly meanRatio: number;
  /** The running rate at the end of each local hour. */
  readonly hourly: readonly { readonly hour: number; readonly rate: number | null }[];
  /** The highest running rate once 100 people had been reached (x + y ≥ 100). */
  readonly peakAfter100: number;
}

function summarise(result: SimulationResult): Summary {
  const summary = result.diallers[0];
  if (summary === undefined) throw new Error('no dialler');
  let counters: AcrCounters | undefined;
  from(result.calls)
    .pipe(acrCounters({ policy }))
    .subscribe((c) => (counters = c));
  const row = acrTable(counters as AcrCounters, { scopes: ['campaign'] }).find((r) => r.date === DATE);
  if (row === undefined) throw new Error('no calls on the day');
  // The running rate through the day: dialguard's acr() over the calls in dial order.
  const hourly: { hour: number; rate: number | null }[] = [];
  let peak = 0;
  let hour = wallClock(window.start, policy.timeZone).hour;
  let rate: number | null = null;
  from([...result.calls].sort((p, q) => p.record.dialAt - q.record.dialAt))
    .pipe(acr({ policy, scopes: ['campaign'] }))
    .subscribe(({ call, rows }) => {
      const h = wallClock(call.record.dialAt, policy.timeZone).hour;
      while (h > hour) hourly.push({ hour: hour++, rate });
      const acrNow = rows[0]?.acr;
      rate = acrNow?.rate ?? null;
      if (acrNow !== undefined && rate !== null && acrNow.x + acrNow.y >= 100) peak = Math.max(peak, rate);
    });
  hourly.push({ hour, rate });
  return {
    dialled: result.calls.length,
    x: row.acr.x,
    y: row.acr.y,
    z: row.acr.z,
    rate: row.acr.rate ?? 0,
    estimated: row.acr.estimated,
    silent: row.counts.silent,
    livePerAgentHour: row.acr.y / (AGENTS * hours),
    occupancy: summary.occupancy,
    meanRatio: summary.ratios.mean,
    hourly,
    peakAfter100: peak,
  };
}

const a = summarise(fixed);
const b = summarise(governed);
const pct = (r: number | null): string => (r === null ? '    -  ' : `${(r * 100).toFixed(2).padStart(5)} %`);
const num = (n: number, d = 0): string => n.toFixed(d).padStart(8);

console.log(`ACR pacing governor — ${DATE}, ${hours} h, ${AGENTS} agents, predictive up to ${RATIO} lines per agent; target ACR ${pct(TARGET).trim()}${SMOKE ? ' (smoke run)' : ''}`);
console.log('');
console.log(`  ${''.padEnd(34)}${'fixed 2.6'.padStart(14)}${'governed'.padStart(14)}`);
const line = (label: string, f: (s: Summary) => string): void => console.log(`  ${label.padEnd(34)}${f(a).padStart(14)}${f(b).padStart(14)}`);
line('calls dialled', (s) => num(s.dialled));
line('mean dial ratio (lines per agent)', (s) => num(s.meanRatio, 2));
line('live calls (y)', (s) => num(s.y));
line('abandoned to people (x, A3.6)', (s) => num(s.x, 2));
line('answer machines to agents (z)', (s) => num(s.z));
line("day's ACR x / (x + y)", (s) => pct(s.rate));
line('highest running ACR (x + y ≥ 100)', (s) => pct(s.peakAfter100));
line('live calls per agent-hour', (s) => num(s.livePerAgentHour, 2));
line('agent occupancy (talk time)', (s) => pct(s.occupancy));
line('silent calls (AMD false positives)', (s) => num(s.silent));
console.log('');
console.log(`  running ACR since 00:00 at the end of each hour:`);
console.log(`  ${'hour'.padEnd(12)}${'fixed 2.6'.padStart(10)}${'governed'.padStart(14)}`);
for (let i = 0; i < Math.max(a.hourly.length, b.hourly.length); i++) {
  const h = a.hourly[i]?.hour ?? b.hourly[i]?.hour ?? 0;
  const label = `${String(h).padStart(2, '0')}:00–${String(h + 1).padStart(2, '0')}:00`;
  console.log(`  ${label.padEnd(12)}${pct(a.hourly[i]?.rate ?? null).padStart(10)}${pct(b.hourly[i]?.rate ?? null).padStart(14)}`);
}
console.log('');
const held = b.rate <= TARGET;
const breached = a.rate > TARGET;
console.log(`  fixed: the day's ACR ${breached ? 'breaches' : 'stays under'} the ${pct(TARGET).trim()} target; governed: it ${held ? 'holds under it' : 'BREACHES it'},`);
console.log(`  keeping ${((b.livePerAgentHour / a.livePerAgentHour) * 100).toFixed(0)} % of the fixed dialler's live calls per agent-hour.`);
console.log('  A target is a choice, not a safe harbour: calls below any rate are not thereby lawful (A4.12, A4.20).');
if (!held || !breached) process.exitCode = 1;
