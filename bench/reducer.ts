/**
 * The batch baseline: a hand-written reducer doing only the essentials of an ACR audit on
 * the same generated records, in one plain loop — no library code. `npm run bench` reports
 * `audit()` as a ratio to it, measured in the same run, so the figure survives a loaded
 * machine.
 *
 * Per record: a category by a simple decision tree (answered? agent? message?), its London
 * calendar day (one cached `Intl.DateTimeFormat`, the date cached per hour, as the library
 * does), one count in its cell (day × campaign × call centre). At the end: x, y, z and the
 * ACR with the A3.6 estimate per scope (all, campaign, callCentre, campaignCallCentre).
 */
import type { CallRecord } from '../src/index.js';

const LIVE = 0;
const ABANDONED_LIVE = 1;
const ABANDONED_UNKNOWN = 2;
const SILENT = 3;
const UNCONNECTED = 4;
const MACHINE_DISCONNECTED = 5;
const MACHINE_TO_AGENT = 6;
const STRIDE = 7;

/** One scope-day's rate: x (A3.6 estimate for unknown answerers), y, z, x / (x + y). */
export interface ReducerRow {
  readonly scope: string;
  readonly key: string;
  readonly x: number;
  readonly y: number;
  readonly z: number;
  readonly rate: number | null;
}

/** Counts per cell, then the rows of every scope; returns the rows (so the work is not optimised away). */
export function reduceRecords(records: readonly CallRecord[], timeZone = 'Europe/London'): ReducerRow[] {
  const format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const dateOfHour = new Map<number, string>();
  let lastHour = NaN;
  let lastDate = '';
  const cellIndex = new Map<string, number>();
  const cellKeys: string[] = [];
  let counts = new Float64Array(STRIDE * 64);

  for (let i = 0; i < records.length; i++) {
    const r = records[i]!;
    let category: number;
    if (r.answerAt === null) category = UNCONNECTED;
    else if (r.amdResult === 'machine' && r.agentAt === null) category = MACHINE_DISCONNECTED;
    else if (r.agentAt !== null) category = r.disposition === 'machine' ? MACHINE_TO_AGENT : LIVE;
    else if (r.messageAt !== null) category = r.amd ? ABANDONED_UNKNOWN : ABANDONED_LIVE;
    else category = SILENT;

    const hour = Math.floor(r.dialAt / 3_600_000);
    if (hour !== lastHour) {
      let date = dateOfHour.get(hour);
      if (date === undefined) {
        date = format.format(r.dialAt);
        dateOfHour.set(hour, date);
      }
      lastHour = hour;
      lastDate = date;
    }
    const key = `${lastDate}|${r.campaignId}|${r.callCentreId}`;
    let cell = cellIndex.get(key);
    if (cell === undefined) {
      cell = cellKeys.length;
      cellKeys.push(key);
      cellIndex.set(key, cell);
      if ((cell + 1) * STRIDE > counts.length) {
        const grown = new Float64Array(counts.length * 2);
        grown.set(counts);
        counts = grown;
      }
    }
    counts[cell * STRIDE + category]! += 1;
  }

  // Sum the cells into each scope's days, then the rate of each.
  const scopes: [string, (date: string, campaign: string, centre: string) => string][] = [
    ['all', (d) => d],
    ['campaign', (d, c) => `${d}|${c}`],
    ['callCentre', (d, _c, cc) => `${d}|${cc}`],
    ['campaignCallCentre', (d, c, cc) => `${d}|${c}|${cc}`],
  ];
  const rows: ReducerRow[] = [];
  for (const [scope, keyOf] of scopes) {
    const sums = new Map<string, Float64Array>();
    for (let cell = 0; cell < cellKeys.length; cell++) {
      const [d, c, cc] = cellKeys[cell]!.split('|') as [string, string, string];
      const key = keyOf(d, c, cc);
      let s = sums.get(key);
      if (s === undefined) sums.set(key, (s = new Float64Array(STRIDE)));
      for (let f = 0; f < STRIDE; f++) s[f]! += counts[cell * STRIDE + f]!;
    }
    for (const [key, s] of sums) {
      const y = s[LIVE]!;
      const z = s[MACHINE_TO_AGENT]!;
      const machineShare = y + z === 0 ? 0 : z / (y + z);
      const x = s[ABANDONED_LIVE]! + s[ABANDONED_UNKNOWN]! * (1 - machineShare);
      rows.push({ scope, key, x, y, z, rate: x + y === 0 ? null : x / (x + y) });
    }
  }
  return rows;
}
