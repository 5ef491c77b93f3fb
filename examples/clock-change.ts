/**
 * Across the October clock change: Sunday 25 October 2026 is 25 hours long in
 * Europe/London, and its ACR is still one calendar day's (A3.3: "midnight to midnight").
 *
 * Run: `npx tsx examples/clock-change.ts` (`DIALGUARD_SMOKE=1`: the four hours around the change).
 *
 * A round-the-clock operation — a bank's fraud team calling its own customers, say, with
 * calling hours opened to the whole day by `definePolicy` (A2.11 leaves the hours to the
 * caller) — dials from Saturday 20:00 to Monday 04:00. At 02:00 BST on the Sunday the clocks
 * go back to 01:00 GMT, so 01:00–02:00 happens twice. dialguard dates each call by its dial
 * instant in the policy's zone (`zonedDay`), so:
 * - 25 October runs from 00:00 BST (23:00 UTC on the 24th) to 00:00 GMT on the 26th:
 *   25 hours, every one of them counted in that one day's ACR;
 * - the hour between 00:00 and 01:00 BST belongs to the 25th locally but to the 24th in
 *   UTC — counting by UTC date would move it to the wrong day.
 */
import { from } from 'rxjs';
import { acrCounters, acrTable, definePolicy, ofcom2017, zonedDay, type AcrCounters } from 'dialguard';
import { hourlySeries, localInstant, simulate, SMOKE, wellRun } from './sim/index.js';

const policy = definePolicy(ofcom2017, {
  id: 'ofcom2017-round-the-clock',
  callingHours: Array.from({ length: 7 }, () => ({ start: '00:00', end: '24:00' })),
});
const zone = policy.timeZone;
const window = SMOKE
  ? { start: localInstant('2026-10-25', '00:00', zone), end: localInstant('2026-10-25', '03:00', zone) }
  : { start: localInstant('2026-10-24', '20:00', zone), end: localInstant('2026-10-26', '04:00', zone) };

const result = simulate({
  seed: 2510,
  policy,
  windows: [window],
  dispositionWaitMs: 20_000,
  diallers: [
    wellRun({
      campaignId: 'fraud-alerts',
      callCentreId: 'belfast',
      cli: '02890181000',
      agents: { count: 2 },
      message: { content: { onBehalfOf: 'Harbour Bank', explainsAttempt: true, optOutNumber: '08081570126', marketing: false } },
    }),
  ],
});

let counters: AcrCounters | undefined;
from(result.calls)
  .pipe(acrCounters({ policy }))
  .subscribe((c) => (counters = c));
const table = acrTable(counters as AcrCounters, { scopes: ['all'], alertRate: policy.acr.alertRate });

const HOUR = 3_600_000;
const hh = (at: number): string => new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short' }).format(at);
const utcDate = (at: number): string => new Date(at).toISOString().slice(0, 10);
const byUtcDate = new Map<string, number>();
for (const c of result.calls) byUtcDate.set(utcDate(c.record.dialAt), (byUtcDate.get(utcDate(c.record.dialAt)) ?? 0) + 1);

console.log(`Across the clock change — ${result.dialled.toLocaleString('en-GB')} calls, ${zone}, policy ${policy.id}${SMOKE ? ' (smoke run)' : ''}`);
console.log('');
console.log('Calendar days (A3.3: midnight to midnight, local time), as dialguard dates the calls');
console.log(`  ${'date'.padEnd(10)}  ${'from'.padEnd(9)}  ${'to'.padEnd(9)}  ${'hours'.padStart(5)}  ${'calls'.padStart(6)}  ${'hours with calls'.padStart(16)}  ${'x'.padStart(6)}  ${'y'.padStart(4)}  ${'z'.padStart(4)}  ${'ACR'.padStart(7)}  ${'by UTC date'.padStart(11)}`);
for (const row of table) {
  const day = zonedDay(localInstant(row.date, '12:00', zone), zone);
  const hoursWithCalls = new Set(result.calls.filter((c) => c.record.dialAt >= day.start && c.record.dialAt < day.end).map((c) => Math.floor(c.record.dialAt / HOUR))).size;
  const a = row.acr;
  console.log(
    `  ${row.date}  ${hh(day.start).padEnd(9)}  ${hh(day.end).padEnd(9)}  ${String((day.end - day.start) / HOUR).padStart(5)}  ${String(row.counts.calls).padStart(6)}  ${String(hoursWithCalls).padStart(16)}  ${a.x.toFixed(2).padStart(6)}  ${String(a.y).padStart(4)}  ${String(a.z).padStart(4)}  ${a.rate === null ? '   -   ' : `${(a.rate * 100).toFixed(2).padStart(5)} %`}  ${String(byUtcDate.get(row.date) ?? 0).padStart(11)}`,
  );
}
console.log('  ("by UTC date": the calls a day would get if it were cut at UTC midnight instead — not A3.3\'s calendar day)');
console.log('');
console.log('Hour by hour around the change (local wall clock; 01:00 happens twice)');
const series = hourlySeries(result.calls, policy);
const change = localInstant('2026-10-25', '00:00', zone);
for (const h of series.hours.filter((b) => b.start >= change - 2 * HOUR && b.start < change + 5 * HOUR)) {
  const n = h.counts.live + h.counts.abandoned + h.counts.silent + h.counts.answerMachine + h.counts.unconnected;
  console.log(`  ${(zonedDay(h.start, zone).date + ' ' + h.label).padEnd(22)} ${String(n).padStart(4)} calls  ${String(h.counts.live).padStart(3)} live  ${String(h.counts.abandoned).padStart(2)} abandoned`);
}
const d25 = zonedDay(change, zone);
console.log('');
console.log(`  zonedDay('2026-10-25') = [${new Date(d25.start).toISOString()}, ${new Date(d25.end).toISOString()}): ${(d25.end - d25.start) / HOUR} hours, one calendar day.`);
