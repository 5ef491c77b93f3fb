/**
 * An over-dialled campaign next to a well-run one, on the same day and the same public.
 *
 * Run: `npx tsx examples/over-dialled.ts` (`DIALGUARD_SMOKE=1`: one hour, fewer agents).
 *
 * Two diallers with 14 agents each call the same list of (fictional) numbers on Thursday
 * 12 March 2026, 10:00–18:00; the recipients behave the same way in both runs (one seed),
 * so every difference comes from the dialler:
 * - well-run: progressive until the day has 150 live calls, then predictive, pacing itself
 *   down whenever dialguard's running ACR passes 2 %;
 *   no answer-machine detection (agents mark the machines they reach, so the ACR is the
 *   A3.6 estimate); a person no agent can take hears the information message at
 *   dialguard's `messageDue` notice; no number called again within 72 h of a silent or
 *   abandoned call.
 * - over-dialled: 3.2 lines per agent whatever happens; AMD tuned to cut off anything
 *   unclear, so 8 % of the people who answer are taken for machines and dropped — silent
 *   calls (A1.6), found when the recordings are checked; abandoned and silent numbers called
 *   again an hour later (A2.9).
 *
 * Both runs go through dialguard's call machines and `misuse()`, and `report()` gives the
 * AMD evidence (A2.24). The over-dialled one
 * breaches: an ACR far above the 3 % alert line (an alert, never a safe harbour: A4.20),
 * silent calls, repeats within 72 h. The well-run one stays clean of all three.
 */
import { from } from 'rxjs';
import { acrCounters, acrTable, ofcom2017, type AcrCounters, type AnyFlag, type FlagKind, type MisuseUpdate } from 'dialguard';
import { complianceReport } from './sim/compliance.js';
import { campaignDay, overDialled, simulate, SMOKE, wellRun, type DiallerConfig, type SimulationResult } from './sim/index.js';
import { hhmm } from './sim/time.js';

const policy = ofcom2017;
const DATE = '2026-03-12';
const window = SMOKE ? campaignDay(DATE, '17:00', '18:00', policy) : campaignDay(DATE, '10:00', '18:00', policy);
const agents = { count: SMOKE ? 4 : 14 };

const run = (dialler: DiallerConfig): SimulationResult =>
  simulate({ seed: 1203, policy, windows: [window], dispositionWaitMs: 20_000, diallers: [dialler] });

const good = run(wellRun({ campaignId: 'well-run', callCentreId: 'leeds', agents, amd: { enabled: false } }));
const bad = run(overDialled({ campaignId: 'over-dialled', callCentreId: 'leeds', agents }));

/** The day's ACR row of a run's campaign (Annex 3). */
function acrRow(r: SimulationResult) {
  let counters: AcrCounters | undefined;
  from(r.calls)
    .pipe(acrCounters({ policy }))
    .subscribe((c) => (counters = c));
  return acrTable(counters as AcrCounters, { scopes: ['campaign'], alertRate: policy.acr.alertRate })[0];
}

/** Every flag a run raised (per call, cross-call and scope flags), by kind, with the paragraphs cited. */
function flagsOf(judged: readonly MisuseUpdate[]): Map<FlagKind, { count: number; refs: Set<string>; first: AnyFlag[] }> {
  const byKind = new Map<FlagKind, { count: number; refs: Set<string>; first: AnyFlag[] }>();
  for (const u of judged) {
    for (const f of u.raised) {
      let k = byKind.get(f.kind);
      if (k === undefined) byKind.set(f.kind, (k = { count: 0, refs: new Set(), first: [] }));
      k.count += 1;
      k.refs.add(f.ref);
      if (k.first.length < 3) k.first.push(f);
    }
  }
  return byKind;
}

const rows = [acrRow(good), acrRow(bad)];
const amd = [good, bad].map((r) => complianceReport(r, policy, [window]).report.amd);
const amdLine = (i: number): string => {
  const a = amd[i];
  if (a === undefined || a.calls === 0) return 'AMD off';
  return `${fmt(a.falsePositives)} of ${fmt(a.checkedMachine)} (${pct(a.falsePositiveRate)})`;
};
const flags = [flagsOf(good.judged), flagsOf(bad.judged)];
const count = (i: number, kind: FlagKind): number => flags[i]?.get(kind)?.count ?? 0;
const pct = (r: number | null | undefined): string => (r === null || r === undefined ? '-' : `${(r * 100).toFixed(2)} %`);
const fmt = (n: number): string => n.toLocaleString('en-GB');
const col = (a: string, b: string): string => `${a.padStart(26)}  ${b.padStart(18)}`;
const line = (label: string, a: string, b: string): void => console.log(`  ${label.padEnd(46)}${col(a, b)}`);

console.log(`Two diallers, one public — ${DATE}, ${hhmm(window.start, policy.timeZone)}–${hhmm(window.end, policy.timeZone)} ${policy.timeZone}, ${agents.count} agents each${SMOKE ? ' (smoke run)' : ''}`);
console.log('');
line('', 'well-run', 'over-dialled');
line('dialling', good.diallers[0]?.mode ?? '', bad.diallers[0]?.mode ?? '');
line('answer-machine detection', 'off', 'on, 8 % false +');
line('calls dialled', fmt(good.dialled), fmt(bad.dialled));
line('live calls, y (A3.3)', fmt(rows[0]?.acr.y ?? 0), fmt(rows[1]?.acr.y ?? 0));
line('abandoned calls (A1.9, A1.10)', fmt((rows[0]?.counts.abandonedLive ?? 0) + (rows[0]?.counts.abandonedUnknown ?? 0)), fmt((rows[1]?.counts.abandonedLive ?? 0) + (rows[1]?.counts.abandonedUnknown ?? 0)));
line('x: abandoned to people (est.: A3.6)', `${(rows[0]?.acr.x ?? 0).toFixed(1)}${rows[0]?.acr.estimated ? ' est.' : ''}`, `${(rows[1]?.acr.x ?? 0).toFixed(1)}${rows[1]?.acr.estimated ? ' est.' : ''}`);
line('ACR = x / (x + y) (Annex 3)', pct(rows[0]?.acr.rate), pct(rows[1]?.acr.rate));
line(`above the ${pct(policy.acr.alertRate)} alert line?`, rows[0]?.alert ? 'YES' : 'no', rows[1]?.alert ? 'YES' : 'no');
line('silent calls (A1.3–A1.7; A2.3 top priority)', fmt(count(0, 'silentCall')), fmt(count(1, 'silentCall')));
line('  of which AMD false positives (A1.6)', fmt(good.judged.filter(isAmdSilent).length), fmt(bad.judged.filter(isAmdSilent).length));
line('AMD false positives found on review (A2.24)', amdLine(0), amdLine(1));
line('repeat calls within 72 h (A2.9)', fmt(count(0, 'repeatWithin72h')), fmt(count(1, 'repeatWithin72h')));
line('ACR alerts raised by misuse() (A3.4, A4.20)', fmt(count(0, 'acrAlert')), fmt(count(1, 'acrAlert')));
line('late information messages (A2.19)', fmt(count(0, 'lateMessage')), fmt(count(1, 'lateMessage')));
line('information messages on the messageDue notice', fmt(good.messages.onNotice), fmt(bad.messages.onNotice));
console.log('');

function isAmdSilent(u: MisuseUpdate): boolean {
  return u.call.flags.some((f) => f.kind === 'silentCall' && f.detail.reason === 'amdFalsePositive');
}

console.log('Every flag, by kind');
const kinds = [...new Set([...(flags[0]?.keys() ?? []), ...(flags[1]?.keys() ?? [])])].sort();
for (const kind of kinds) {
  const refs = [...new Set([...(flags[0]?.get(kind)?.refs ?? []), ...(flags[1]?.get(kind)?.refs ?? [])])].sort().join(', ');
  line(`${kind} (${refs})`, fmt(count(0, kind)), fmt(count(1, kind)));
}
console.log('');

console.log('The over-dialled campaign, call by call');
const when = (at: number): string => hhmm(at, policy.timeZone);
const silent = bad.judged.find(isAmdSilent)?.call;
if (silent !== undefined) {
  const r = silent.record;
  console.log(
    `  silent   ${r.callId}: picked up ${when(r.answerAt ?? r.dialAt)}, "hello" after ${(((r.salutationStartAt ?? 0) - (r.answerAt ?? 0)) / 1000).toFixed(1)} s, AMD said machine ${(((r.amdAt ?? 0) - (r.salutationStartAt ?? 0)) / 1000).toFixed(1)} s later and the dialler hung up; the recording says a person (A1.6)`,
  );
}
const repeat = bad.judged.flatMap((u) => u.call.flags).find((f): f is Extract<AnyFlag, { kind: 'repeatWithin72h' }> => f.kind === 'repeatWithin72h');
if (repeat !== undefined) {
  const d = repeat.detail;
  console.log(`  repeat   ${repeat.callId}: dialled ${when(repeat.at)}, ${Math.round(d.gapMs / 60_000)} min after ${d.previousCallId} to the same number was ${d.previousCategory}, with no agent guaranteed (A2.9: ${d.windowMs / 3_600_000} h)`);
}
const alert = bad.judged.flatMap((u) => u.raised).find((f): f is Extract<AnyFlag, { kind: 'acrAlert' }> => f.kind === 'acrAlert' && f.detail.scope === 'campaign');
if (alert !== undefined) {
  const d = alert.detail;
  console.log(`  alert    ${d.campaignId} on ${d.date}: ACR ${pct(d.rate)} at ${when(alert.at)} (x ${d.x.toFixed(1)}, y ${d.y}) passed the ${pct(d.alertRate)} alert line (${alert.ref})`);
}
console.log('');
console.log('No ACR is a safe harbour (A4.12, A4.20): the well-run campaign still abandoned calls, each flagged; it just kept');
console.log('them rare, never cut a person off on an AMD guess, and never called an abandoned number back within 72 h.');
