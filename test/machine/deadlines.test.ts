/**
 * The deadline helpers of the call machine, at their edges (mutants of
 * `src/machine/deadlines.ts` that the machine's own tests left alive).
 */
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { createCallMachine, definePolicy, foldEvents, nextTickAt, ofcom2017, type DeadlineNotice, type Policy } from 'dialguard';
import { delayUntil, messageDueAt } from '../../src/machine/index.js';
import { callEvents, T0 } from '../support/calls.js';
import { call, drive, T0 as DIAL } from './calls.js';

describe('deadline helpers', () => {
  it('messageDueAt: pickup + 2 s; for a record that was never answered, its latest event', () => {
    expect(messageDueAt(foldEvents(callEvents('c1', [['answer', 5000]])), ofcom2017)).toBe(T0 + 7000);
    expect(messageDueAt(foldEvents(callEvents('c1', [['ringing', 1000]])), ofcom2017)).toBe(T0 + 1000);
  });

  it('delayUntil: a deadline with no usable time is as far off as a timer goes; otherwise clamped to 0 … MAX', () => {
    expect(delayUntil(Number.NaN, 0)).toBe(2_147_483_647);
    expect(delayUntil(100, Number.NaN)).toBe(2_147_483_647);
    expect(delayUntil(100, 40)).toBe(60);
    expect(delayUntil(40, 100)).toBe(0);
    expect(delayUntil(3e9, 0)).toBe(2_147_483_647);
  });
});

describe("a tick-driven call machine's deadlines (A2.15 ring time, A2.19 message deadline)", () => {
  const c = call();
  /** A tick-driven actor (`deadlines: 'ticks'`) and the notices it has announced. */
  const ticking = (policy = ofcom2017) => {
    const actor = createActor(createCallMachine(policy, { deadlines: 'ticks' })).start();
    const seen: { kind: DeadlineNotice['kind']; at: number }[] = [];
    actor.on('deadline', (n) => void seen.push({ kind: n.kind, at: n.at - DIAL }));
    return { actor, seen, tick: (ms: number) => actor.send({ type: 'tick', at: DIAL + ms }) };
  };

  it('a tick at the very moment of the minimum ring announces it, and only it; the maximum comes at its own moment', () => {
    const { actor, seen, tick } = ticking();
    actor.send(c.dial(0));
    tick(15_000); // ofcom2017: minimum ring 15 s, maximum 60 s
    expect(seen).toEqual([{ kind: 'minRingReached', at: 15_000 }]);
    expect(nextTickAt(actor.getSnapshot())).toBe(DIAL + 60_000);
    tick(59_999);
    expect(seen).toHaveLength(1);
    tick(60_000);
    expect(seen).toEqual([
      { kind: 'minRingReached', at: 15_000 },
      { kind: 'maxRingReached', at: 60_000 },
    ]);
    expect(nextTickAt(actor.getSnapshot())).toBeNull();
  });

  it('a deadline announced is settled: later ticks never announce it again', () => {
    const { actor, seen, tick } = ticking();
    actor.send(c.dial(0));
    tick(15_000);
    tick(30_000);
    tick(45_000);
    expect(seen).toEqual([{ kind: 'minRingReached', at: 15_000 }]);
  });

  it('the message deadline is announced at its moment, once', () => {
    const { actor, seen, tick } = ticking();
    actor.send(c.dial(0));
    actor.send(c.answer(5_000));
    expect(nextTickAt(actor.getSnapshot())).toBe(DIAL + 7_000);
    tick(6_999);
    expect(seen).toEqual([]);
    tick(7_000);
    tick(8_000);
    expect(seen).toEqual([{ kind: 'messageDue', at: 7_000 }]);
  });

  it('deadlines due on one tick are announced in time order, whatever their kinds (a policy whose maximum ring is below its minimum)', () => {
    // definePolicy refuses such a policy; a Policy built by hand is still announced in time order.
    const inverted: Policy = { ...ofcom2017, ring: { ...ofcom2017.ring, minMs: 40_000, maxMs: 20_000 } };
    const { actor, seen, tick } = ticking(inverted);
    actor.send(c.dial(0));
    expect(nextTickAt(actor.getSnapshot())).toBe(DIAL + 20_000); // the earlier one, though listed second
    tick(50_000);
    expect(seen).toEqual([
      { kind: 'maxRingReached', at: 20_000 },
      { kind: 'minRingReached', at: 40_000 },
    ]);
  });

  it('deadlines due at the same moment are announced ring minimum first', () => {
    const equal = definePolicy(ofcom2017, { ring: { minMs: 30_000, maxMs: 30_000 } });
    const { actor, seen, tick } = ticking(equal);
    actor.send(c.dial(0));
    tick(30_000);
    expect(seen.map((n) => n.kind)).toEqual(['minRingReached', 'maxRingReached']);
  });
});

describe('the longest policy durations: timers and ticks agree', () => {
  it('ring.maxMs of 2^31 − 1 ms (the most definePolicy accepts): both announce maxRingReached at its moment, not before', () => {
    const MAX = 2 ** 31 - 1;
    const policy = definePolicy(ofcom2017, { ring: { maxMs: MAX } });
    const c = call('a');
    const events = [c.dial(0), c.ringing(0)];
    const kinds = (advanceTo: number) =>
      (['timers', 'ticks'] as const).map((deadlines) => drive(events, policy, { deadlines, start: 'dialled' }, { advanceTo: DIAL + advanceTo }).notices.map((n) => [n.notice.kind, n.notice.at - DIAL, n.clockMs]));
    expect(kinds(MAX - 1)).toEqual([[['minRingReached', 15_000, 15_000]], [['minRingReached', 15_000, 15_000]]]);
    const both = [['minRingReached', 15_000, 15_000], ['maxRingReached', MAX, MAX]];
    expect(kinds(MAX)).toEqual([both, both]);
  });
});
