/**
 * `audit()`'s exact duplicate check (src/call-id-set.ts) places each call id by a seeded,
 * finalised hash (`placementHash`), not by plain FNV-1a: with FNV-1a one chosen last
 * character gives every id the same low bits, every id then starts its probe in one cluster,
 * and the check turns quadratic in the number of calls. The answers do not depend on the
 * seed: the first record of an id counts, later ones are rejected.
 */
import { describe, expect, it } from 'vitest';
import { audit, type CallRecord } from 'dialguard';
import { fmix32, placementHash, stringHash } from '../../src/string-hash.js';
import { createCallIdSet } from '../../src/call-id-set.js';
import { callAt } from '../misuse/helpers.js';

/** `n` distinct ids whose FNV-1a hashes (`stringHash`) share their low 16 bits. */
function collidingIds(n: number): string[] {
  const out: string[] = [];
  for (let i = 0; out.length < n; i++) {
    const stem = `call-${i}-`;
    const last = (stringHash(stem) & 0xffff) ^ 0x1234; // the state's low 16 bits become 0x1234 before the last multiply
    if (last >= 0xd800 && last <= 0xdfff) continue; // well-formed strings
    out.push(stem + String.fromCharCode(last));
  }
  return out;
}

function timeAudit(ids: readonly string[]): number {
  const base = callAt('z', 0, 'live').record;
  const records = ids.map((callId, i) => ({ ...base, callId, to: `01632${String(960000 + (i % 1000))}` }) as CallRecord);
  const t0 = performance.now();
  const r = audit(records, undefined, { misuse: false });
  const ms = performance.now() - t0;
  expect(r.calls).toBe(ids.length);
  return ms;
}

describe('audit() duplicate check under crafted call ids', () => {
  // A complexity check, not a speed figure: unplaced, the crafted ids cost 14× the ordinary ones (quadratic probing); the bound leaves room for a noisy machine.
  it('80,000 ids sharing their FNV-1a low bits cost no more than 6× as many ordinary ids', () => {
    const crafted = collidingIds(80_000);
    expect(new Set(crafted.map((id) => stringHash(id) & 0xffff)).size).toBe(1);
    const ordinary = crafted.map((_, i) => `call-${i}-x`);
    timeAudit(ordinary.slice(0, 2000)); // warm up
    const plain = timeAudit(ordinary);
    const hostile = timeAudit(crafted);
    expect(hostile, `crafted ${hostile.toFixed(0)} ms, ordinary ${plain.toFixed(0)} ms`).toBeLessThan(6 * plain + 500);
  });

  it('the crafted ids spread over the low bits once placed', () => {
    const crafted = collidingIds(4096);
    const seed = 0x5eed;
    expect(new Set(crafted.map((id) => placementHash(id, seed) & 0xffff)).size).toBeGreaterThan(3500);
    expect(placementHash('a', 1)).not.toBe(placementHash('a', 2)); // the seed changes the placement
    expect(placementHash('a', 1)).toBe(placementHash('a', 1));
    expect(fmix32(0)).toBe(0);
    expect(fmix32(1)).not.toBe(1);
  });

  it('repeats are found whatever the placement: crafted ids, given twice, are each rejected once', () => {
    const ids = collidingIds(3000);
    const set = createCallIdSet(0); // grows from 1,024 slots
    expect(ids.map((id) => set.add(id)).every(Boolean)).toBe(true);
    expect(ids.map((id) => set.add(id)).some(Boolean)).toBe(false);
    expect(set.size()).toBe(3000);
    const base = callAt('z', 0, 'live').record;
    const r = audit([...ids.slice(0, 50), ...ids.slice(0, 10)].map((callId) => ({ ...base, callId }) as CallRecord), undefined, { misuse: false });
    expect(r.calls).toBe(50);
    expect(r.rejected.map((x) => x.callId)).toEqual(ids.slice(0, 10));
  });
});
