/**
 * examples/sharded.ts, small: a simulated campaign's event stream sharded by number key
 * across nodes gives one node's ACR table and repeat flags; sharded by call id, the table
 * still merges but repeats go missing. And the replayed stream is the simulator's own.
 */
import { describe, expect, it } from 'vitest';
import { ofcom2017, type CallEvent } from 'dialguard';
import { acrRows, partitionOf, repeatedCalls, repeatFlags, runNodes, shard } from '../../examples/sharded/nodes.js';
import { campaignDay, overDialled, simulate, wellRun } from '../../examples/sim/index.js';

const policy = ofcom2017;
const options = { policy, dispositionWaitMs: 20_000 };

function campaign(seed: number): { events: CallEvent[]; sim: ReturnType<typeof simulate> } {
  const events: CallEvent[] = [];
  const sim = simulate({
    seed,
    policy,
    windows: [campaignDay('2026-03-12', '17:00', '17:45', policy)],
    dispositionWaitMs: options.dispositionWaitMs,
    onEvent: (e) => void events.push(e),
    diallers: [
      overDialled({ campaignId: 'k', callCentreId: 'leeds', agents: { count: 3 }, redial: { afterMs: 10 * 60_000 } }),
      wellRun({ campaignId: 'k', callCentreId: 'glasgow', agents: { count: 2 }, listStart: 500_000 }),
    ],
  });
  return { events, sim };
}

describe('sharding a live stream by number key (examples/sharded.ts)', () => {
  const { events, sim } = campaign(7);
  const one = runNodes([events], options);

  it('replays the simulator: one node gives the same records and repeat flags as the simulator live', () => {
    const byId = (calls: readonly { record: { callId: string } }[]) => [...calls].sort((a, b) => (a.record.callId < b.record.callId ? -1 : 1));
    expect(byId(one.judged.map((u) => u.call)).map((c) => c.record)).toEqual(byId(sim.calls).map((c) => c.record));
    expect(repeatFlags(one.judged)).toEqual(repeatFlags(sim.judged));
    expect(repeatFlags(one.judged).length).toBeGreaterThan(0);
  });

  it.each([2, 3, 5])('with %i nodes by number key: the merged ACR table and the repeat flags equal one node', (n) => {
    const parts = shard(events, n, 'numberKey');
    expect(parts.reduce((s, p) => s + p.length, 0)).toBe(events.length);
    const merged = runNodes(parts, options);
    expect(merged.judged).toHaveLength(one.judged.length);
    expect(acrRows(merged.counters, policy)).toEqual(acrRows(one.counters, policy));
    expect(repeatFlags(merged.judged)).toEqual(repeatFlags(one.judged));
  });

  it('by call id: the counters still merge to the same table, but repeat flags go missing', () => {
    const merged = runNodes(shard(events, 3, 'callId'), options);
    expect(acrRows(merged.counters, policy)).toEqual(acrRows(one.counters, policy));
    // A node may still flag a repeat, citing an earlier call it happens to hold; most it misses.
    const found = repeatedCalls(merged.judged);
    const all = repeatedCalls(one.judged);
    expect(found.every((r) => all.includes(r))).toBe(true);
    expect(found.length).toBeLessThan(all.length);
  });

  it('keeps every event of a call on one node, whichever key', () => {
    for (const by of ['numberKey', 'callId'] as const) {
      const nodeOf = new Map<string, number>();
      shard(events, 4, by).forEach((part, node) => {
        for (const e of part) {
          expect(nodeOf.get(e.callId) ?? node).toBe(node);
          nodeOf.set(e.callId, node);
        }
      });
    }
  });

  it('partitions a key the same way every time, within range', () => {
    for (const key of ['01632000001', '01632000002', 'k-leeds-000001']) {
      const p = partitionOf(key, 7);
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThan(7);
      expect(partitionOf(key, 7)).toBe(p);
    }
  });
});
