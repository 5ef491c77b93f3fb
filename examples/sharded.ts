/**
 * Past one machine: a simulated campaign's live call-event stream sharded across four
 * nodes, each running its own dialguard pipeline, with the answers checked against one node.
 *
 * Run: `npx tsx examples/sharded.ts` (`DIALGUARD_SMOKE=1`: one hour, fewer agents).
 * See docs/scaling.md for what state lives where.
 *
 * `energy-switch` dials from Leeds (over-dialled: it calls abandoned numbers again an hour
 * later, A2.9) and Glasgow (well run) on Thursday 12 March 2026, 10:00–18:00. Every call
 * event the diallers send is kept, in time order, and replayed:
 * - on one node: `callRecords() → classified() → misuse()`, and `acrCounters()`;
 * - on four nodes, partitioned by the number key of each call (`numberKey`): all the calls
 *   to one number meet on one node, so its 72 h repeat history is whole there; the nodes'
 *   ACR counters are merged (`mergeCounters`, associative and commutative);
 * - on four nodes, partitioned by call id: the counters still merge to the same table, but
 *   a repeat call and the abandoned call before it mostly land on different nodes, and the
 *   repeat goes unflagged.
 * It asserts that the number-key nodes give exactly one node's ACR table and repeat flags
 * (and that one node gives the simulator's own live `misuse()` flags), and that sharding by
 * call id misses repeats.
 */
import { deepStrictEqual, ok } from 'node:assert/strict';
import type { AcrRow, CallEvent } from 'dialguard';
import { ofcom2017 } from 'dialguard';
import { acrRows, repeatedCalls, repeatFlags, runNodes, shard } from './sharded/nodes.js';
import { campaignDay, overDialled, simulate, SMOKE, wellRun } from './sim/index.js';
import { hhmm } from './sim/time.js';

const policy = ofcom2017;
const DATE = '2026-03-12';
const NODES = 4;
const window = SMOKE ? campaignDay(DATE, '17:00', '18:00', policy) : campaignDay(DATE, '10:00', '18:00', policy);
const agents = { count: SMOKE ? 4 : 14 };
const options = { policy, dispositionWaitMs: 20_000 };

const events: CallEvent[] = [];
const sim = simulate({
  seed: 1203,
  policy,
  windows: [window],
  dispositionWaitMs: options.dispositionWaitMs,
  onEvent: (e) => void events.push(e),
  diallers: [
    overDialled({ campaignId: 'energy-switch', callCentreId: 'leeds', agents, redial: { afterMs: SMOKE ? 15 * 60_000 : 3_600_000 } }),
    wellRun({ campaignId: 'energy-switch', callCentreId: 'glasgow', agents, cli: '01414960000', listStart: 500_000 }),
  ],
});

const one = runNodes([events], options);
const byNumber = runNodes(shard(events, NODES, 'numberKey'), options);
const byCallId = runNodes(shard(events, NODES, 'callId'), options);

const rows = { one: acrRows(one.counters, policy), byNumber: acrRows(byNumber.counters, policy), byCallId: acrRows(byCallId.counters, policy) };
const repeats = { sim: repeatFlags(sim.judged), one: repeatFlags(one.judged), byNumber: repeatFlags(byNumber.judged), byCallId: repeatFlags(byCallId.judged) };
const flagged = { one: repeatedCalls(one.judged), byCallId: new Set(repeatedCalls(byCallId.judged)) };
const missed = flagged.one.filter((id) => !flagged.byCallId.has(id)).length;

const fmt = (n: number): string => n.toLocaleString('en-GB');
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
const col = (a: string, b: string, c: string): string => `${a.padStart(12)}${b.padStart(22)}${c.padStart(22)}`;
const line = (label: string, a: string, b: string, c: string): void => console.log(`  ${label.padEnd(34)}${col(a, b, c)}`);

console.log(
  `Sharding a live stream — ${DATE}, ${hhmm(window.start, policy.timeZone)}–${hhmm(window.end, policy.timeZone)} ${policy.timeZone}, ${fmt(sim.dialled)} calls, ${fmt(events.length)} call events, ${NODES} nodes${SMOKE ? ' (smoke run)' : ''}`,
);
console.log('');
line('', 'one node', `${NODES} by number key`, `${NODES} by call id`);
line('calls classified', fmt(one.judged.length), fmt(byNumber.judged.length), fmt(byCallId.judged.length));
line('repeat calls within 72 h (A2.9)', fmt(repeats.one.length), fmt(repeats.byNumber.length), fmt(flagged.byCallId.size));
line('  the same flags as one node?', '', same(repeats.byNumber, repeats.one) ? 'yes' : 'NO', same(repeats.byCallId, repeats.one) ? 'yes' : `no: ${fmt(missed)} missed`);
line('daily ACR table, merged counters', `${rows.one.length} rows`, same(rows.byNumber, rows.one) ? 'equal' : 'DIFFERENT', same(rows.byCallId, rows.one) ? 'equal' : 'DIFFERENT');
console.log('');
console.log(`  calls per node, by number key: ${shard(events, NODES, 'numberKey').map((p) => fmt(p.filter((e) => e.type === 'dial').length)).join(', ')}`);
console.log('');
console.log(`The ${DATE} ACR from the ${NODES} number-key nodes' merged counters (Annex 3; every scope, A3.4)`);
const pct = (r: number | null): string => (r === null ? '-' : `${(r * 100).toFixed(2)} %`);
const who = (r: AcrRow): string => [r.campaignId, r.callCentreId].filter((x) => x !== null).join(' in ') || 'all calls';
console.log(`  ${'scope'.padEnd(20)} ${''.padEnd(24)} ${'calls'.padStart(6)} ${'x'.padStart(8)} ${'y'.padStart(6)} ${'z'.padStart(5)} ${'ACR'.padStart(8)}`);
for (const r of rows.byNumber) {
  console.log(
    `  ${r.scope.padEnd(20)} ${who(r).padEnd(24)} ${fmt(r.counts.calls).padStart(6)} ${r.acr.x.toFixed(2).padStart(8)} ${String(r.acr.y).padStart(6)} ${String(r.acr.z).padStart(5)} ${pct(r.acr.rate).padStart(8)}${r.alert ? '  above the alert line' : ''}`,
  );
}
console.log('');
console.log('  Each node ran callRecords() → classified() → misuse() on its share; its ACR counters were merged centrally.');
console.log('  Scope-day alerts (acrAlert, tooManyClis, numberScanning) are decided on merged state, not per node: see docs/scaling.md.');

// The checks: sharding by number key changes nothing; one node is the simulator's own live judgement; by call id, repeats go missing.
deepStrictEqual(repeats.one, repeats.sim, 'one node replaying the events flags the repeats the simulator flagged live');
deepStrictEqual(rows.byNumber, rows.one, 'number-key nodes, merged: the same ACR table as one node');
deepStrictEqual(repeats.byNumber, repeats.one, 'number-key nodes: the same repeat flags as one node');
deepStrictEqual(rows.byCallId, rows.one, 'call-id nodes, merged: the same ACR table (counters merge whatever the partitioning)');
ok(repeats.one.length > 0 && missed > 0, 'call-id nodes miss repeat flags');
