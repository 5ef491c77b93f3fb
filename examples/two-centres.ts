/**
 * One campaign, two call centres: the ACR aggregated across both, and disaggregated per
 * centre (A3.4).
 *
 * Run: `npx tsx examples/two-centres.ts` (`DIALGUARD_SMOKE=1`: one hour, fewer agents).
 *
 * `home-insurance` runs on Wednesday 11 March 2026, 10:00–16:00, from Leeds (24 agents, a
 * well-run predictive dialler pacing itself by dialguard's running ACR, aiming at 1.5 %)
 * and from Glasgow (10 agents, predictive at a fixed 2.0 lines per agent). Every call goes
 * through a dialguard call machine; `acrCounters()` keeps one counter per date × campaign ×
 * call centre, and `acrTable()` reads them aggregated (`campaign`: the campaign over both
 * centres) and disaggregated (`campaignCallCentre`: the campaign in each centre).
 *
 * The aggregated rate sits under the 3 % alert line while Glasgow alone is well above it:
 * Leeds' live calls dilute Glasgow's abandoned ones. A3.4 leaves the choice to Ofcom, case
 * by case — so a dialler should watch every scope, not only the flattering one.
 */
import { from } from 'rxjs';
import { acrCounters, acrTable, ofcom2017, type AcrCounters, type AcrRow } from 'dialguard';
import { campaignDay, dialler, simulate, SMOKE, wellRun } from './sim/index.js';

const policy = ofcom2017;
const DATE = '2026-03-11';
const window = SMOKE ? campaignDay(DATE, '17:00', '18:00', policy) : campaignDay(DATE, '10:00', '16:00', policy);
const scale = SMOKE ? 0.25 : 1;

const result = simulate({
  seed: 311,
  policy,
  windows: [window],
  dispositionWaitMs: 20_000,
  diallers: [
    wellRun({
      campaignId: 'home-insurance',
      callCentreId: 'leeds',
      cli: '01134961010',
      agents: { count: Math.round(24 * scale) },
      pacing: { adaptive: { targetAcr: 0.015, minRatio: 1, maxRatio: 2.4 } },
      listStart: 0,
    }),
    dialler({
      campaignId: 'home-insurance',
      callCentreId: 'glasgow',
      cli: '01414961010',
      agents: { count: Math.round(10 * scale) },
      pacing: { mode: 'predictive', ratio: 2.0 },
      listStart: 500_000,
    }),
  ],
});

let counters: AcrCounters | undefined;
from(result.calls)
  .pipe(acrCounters({ policy }))
  .subscribe((c) => (counters = c));
const table = acrTable(counters as AcrCounters, { alertRate: policy.acr.alertRate });

const pct = (r: number | null): string => (r === null ? '   -   ' : `${(r * 100).toFixed(2).padStart(5)} %`);
const line = (label: string, row: AcrRow | undefined): string => {
  if (row === undefined) return `  ${label.padEnd(42)} (no calls)`;
  const a = row.acr;
  return `  ${label.padEnd(42)} ${row.counts.calls.toLocaleString('en-GB').padStart(6)}  ${a.x.toFixed(2).padStart(7)}  ${a.y.toLocaleString('en-GB').padStart(5)}  ${a.z.toLocaleString('en-GB').padStart(5)}  ${pct(a.rate)}  ${a.estimated ? 'estimated' : 'exact    '}  ${row.alert ? 'ABOVE ALERT' : ''}`;
};
const find = (scope: AcrRow['scope'], centre: string | null): AcrRow | undefined =>
  table.find((r) => r.date === DATE && r.scope === scope && (scope === 'campaign' ? r.campaignId === 'home-insurance' : r.callCentreId === centre));

console.log(`One campaign from two call centres — ${DATE}, ${result.dialled.toLocaleString('en-GB')} calls (A3.4)${SMOKE ? ' (smoke run)' : ''}`);
for (const d of result.diallers) console.log(`  ${d.callCentreId.padEnd(8)} ${d.mode.padEnd(26)} ${String(d.agents).padStart(3)} agents  ${d.dialled.toLocaleString('en-GB').padStart(6)} calls`);
console.log('');
console.log(`  ${'scope'.padEnd(42)} ${'calls'.padStart(6)}  ${'x'.padStart(7)}  ${'y'.padStart(5)}  ${'z'.padStart(5)}  ${'ACR'.padStart(7)}`);
const aggregated = find('campaign', null);
const leeds = find('campaignCallCentre', 'leeds');
const glasgow = find('campaignCallCentre', 'glasgow');
console.log(line('home-insurance, both centres (aggregated)', aggregated));
console.log(line('home-insurance in leeds (disaggregated)', leeds));
console.log(line('home-insurance in glasgow (disaggregated)', glasgow));
console.log('');
console.log('  x: abandoned calls to people (A3.6 estimate where AMD left it unknown); y: live calls; z: answer machines');
console.log(`  passed to agents. Alert line: ${((policy.acr.alertRate ?? 0) * 100).toFixed(0)} % (policy.acr.alertRate) — an alert, never a safe harbour (A4.12, A4.20).`);
const ra = aggregated?.acr.rate ?? null;
const rg = glasgow?.acr.rate ?? null;
if (ra !== null && rg !== null) {
  console.log('');
  console.log(
    ra <= (policy.acr.alertRate ?? 1) && rg > (policy.acr.alertRate ?? 1)
      ? `  Aggregated, the campaign's ACR is ${pct(ra).trim()}, under the alert line; Glasgow's own is ${pct(rg).trim()}. A3.4 lets Ofcom assess\n  either way "case by case": the aggregate hides a centre whose rate is ${(rg / Math.max(1e-9, leeds?.acr.rate ?? 1e-9)).toFixed(1)}× Leeds'.`
      : `  Aggregated ACR ${pct(ra).trim()}; Glasgow alone ${pct(rg).trim()}. A3.4: Ofcom may assess either, case by case.`,
  );
}
