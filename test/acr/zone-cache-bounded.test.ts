/**
 * Bounded state: the per-zone cache behind zonedDay (src/time/zoned-day.ts `caches`) is keyed
 * by the zone string as written. Intl accepts any letter case ("europe/LONDON"), and record
 * zones are "kept as written" by the validators, so the strings a stream brings can make
 * unboundedly many entries, each with its own Intl.DateTimeFormat (measured ~1.3 KB of JS heap
 * and ~28 KB of process memory per entry). Every other memo in the library is capped.
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { classify, parseCallRecord, type CallRecord } from 'dialguard';
import { callAt } from '../misuse/helpers.js';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

const ZONE = 'America/Argentina/ComodRivadavia'; // 27 letters: 2^27 spellings of one zone
function spelling(i: number): string {
  let s = '';
  let k = 0;
  for (const ch of ZONE) {
    if (/[a-z]/i.test(ch)) {
      s += Math.floor(i / 2 ** k) % 2 === 1 ? ch.toUpperCase() : ch.toLowerCase();
      k += 1;
    } else s += ch;
  }
  return s;
}

describe('zone cache is bounded (hostile input)', () => {
  it('classifying 12,000 calls whose recipient zones are spellings of one zone keeps memory flat (< 4 MB of heap after GC)', () => {
    const base = callAt('z', 0, 'live').record;
    // The validators accept any spelling, kept as written: hostile input reaches classify as is.
    expect(parseCallRecord({ ...base, zone: spelling(12345), anomalies: [] }).zone).toBe(spelling(12345));
    for (let i = 0; i < 50; i++) classify({ ...base, callId: `w${i}`, zone: spelling(i) } as CallRecord); // warm up
    gc();
    const before = process.memoryUsage().heapUsed;
    for (let i = 50; i < 12_050; i++) classify({ ...base, callId: `c${i}`, zone: spelling(i) } as CallRecord);
    gc();
    const grown = process.memoryUsage().heapUsed - before;
    expect(grown).toBeLessThan(4_000_000);
  });
});
