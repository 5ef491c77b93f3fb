/**
 * The campaign simulator of `examples/sim`, run small and seeded: reproducible, every call
 * ends in one record, an over-dialled dialler abandons more than a well-run one, AMD false
 * positives make silent calls, and `onDeadline` diallers play the message on `messageDue`.
 */
import { describe, expect, it } from 'vitest';
import { from } from 'rxjs';
import { acrCounters, acrTable, ofcom2017, type ClassifiedCall } from 'dialguard';
import { messageClock } from '../../src/rules/message-deadline/index.js';
import {
  campaignDay,
  createEventQueue,
  createRng,
  dialler,
  overDialled,
  simulate,
  wellRun,
  type DiallerConfig,
  type PacingHook,
  type SimulationConfig,
  type SimulationResult,
} from '../../examples/sim/index.js';

const policy = ofcom2017;
const hour = campaignDay('2026-03-10', '17:00', '18:00', policy);

function run(diallers: readonly DiallerConfig[], seed = 11, windows = [hour]): SimulationResult {
  const config: SimulationConfig = { seed, policy, windows, dispositionWaitMs: 20_000, diallers };
  return simulate(config);
}

/** The day's ACR of all the calls (Annex 3), by dialguard's own counters. */
function acrOfCalls(calls: readonly ClassifiedCall[]): number {
  let rate: number | null = null;
  from(calls)
    .pipe(acrCounters({ policy }))
    .subscribe((c) => (rate = acrTable(c, { scopes: ['all'] })[0]?.acr.rate ?? null));
  if (rate === null) throw new Error('no call reached a person');
  return rate;
}

const digest = (r: SimulationResult): string =>
  JSON.stringify([r.dialled, r.events, r.notices, r.messages, r.calls.map((c) => [c.record, c.category, c.flags.map((f) => f.kind)]), r.judged.map((u) => u.raised.map((f) => f.kind))]);

describe('the event queue and the random numbers', () => {
  it('pops events in time order, first-in first-out within a millisecond', () => {
    const q = createEventQueue<{ at: number; id: number }>();
    const random = createRng(5);
    const items = Array.from({ length: 500 }, (_, id) => ({ at: random.int(0, 50), id }));
    for (const item of items) q.push(item);
    const popped: { at: number; id: number }[] = [];
    for (let e = q.pop(); e !== undefined; e = q.pop()) popped.push(e);
    expect(popped).toEqual([...items].sort((a, b) => a.at - b.at || a.id - b.id));
  });

  it('gives the same numbers for the same seed and keys, different ones otherwise', () => {
    const a = createRng(42).fork(7, 1);
    const b = createRng(42).fork(7, 1);
    const c = createRng(42).fork(7, 2);
    const xs = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(xs);
  });
});

describe('the campaign simulator', () => {
  const well = [wellRun({ campaignId: 'k', callCentreId: 'leeds', agents: { count: 8 } })];

  it('is reproducible: the same seed gives the same calls, events and records', () => {
    const first = run(well, 3);
    const second = run(well, 3);
    expect(first.dialled).toBeGreaterThan(200);
    expect(digest(second)).toBe(digest(first));
    expect(digest(run(well, 4))).not.toBe(digest(first));
  });

  it('ends every call it dials in exactly one record, hung up, with no anomaly', () => {
    const r = run([...well, overDialled({ campaignId: 'o', callCentreId: 'leeds', agents: { count: 6 }, listStart: 50_000 })]);
    expect(r.calls).toHaveLength(r.dialled);
    expect(new Set(r.calls.map((c) => c.record.callId)).size).toBe(r.dialled);
    for (const c of r.calls) {
      expect(c.record.hangupAt).not.toBeNull();
      expect(c.record.anomalies).toEqual([]);
    }
    expect(r.diallers.reduce((s, d) => s + d.dialled, 0)).toBe(r.dialled);
  });

  it('gives an over-dialled predictive campaign a higher ACR than a well-run one on the same public', () => {
    const agents = { count: 10 };
    const good = run([wellRun({ campaignId: 'k', callCentreId: 'leeds', agents })], 21);
    const bad = run([overDialled({ campaignId: 'k', callCentreId: 'leeds', agents })], 21);
    const goodAcr = acrOfCalls(good.calls);
    const badAcr = acrOfCalls(bad.calls);
    expect(badAcr).toBeGreaterThan(goodAcr);
    expect(badAcr).toBeGreaterThan(policy.acr.alertRate as number);
  });

  it('passes every call through misuse(): an over-dialled dialler that redials abandoned numbers repeats within 72 h (A2.9)', () => {
    const agents = { count: 8 };
    const good = run([wellRun({ campaignId: 'k', callCentreId: 'leeds', agents })], 21);
    const bad = run([overDialled({ campaignId: 'k', callCentreId: 'leeds', agents, redial: { afterMs: 15 * 60_000 } })], 21);
    for (const r of [good, bad]) expect(r.judged.map((u) => u.call.record.callId)).toEqual(r.calls.map((c) => c.record.callId));
    const repeats = (r: SimulationResult): number => r.judged.filter((u) => u.call.flags.some((f) => f.kind === 'repeatWithin72h')).length;
    expect(repeats(good)).toBe(0);
    expect(repeats(bad)).toBeGreaterThan(0);
  });

  it('makes silent calls (A1.6) when AMD takes people for machines, and none when it never does', () => {
    const amd = (falsePositiveRate: number): DiallerConfig[] => [
      dialler({ campaignId: 'k', callCentreId: 'leeds', agents: { count: 8 }, amd: { enabled: true, falsePositiveRate, reviewShare: 1 } }),
    ];
    const sloppy = run(amd(0.25));
    const silentByAmd = sloppy.calls.filter((c) => c.flags.some((f) => f.kind === 'silentCall' && f.detail.reason === 'amdFalsePositive'));
    expect(sloppy.amdTruth.falsePositives).toBeGreaterThan(0);
    expect(silentByAmd.length).toBe(sloppy.amdTruth.falsePositives);
    for (const c of silentByAmd) {
      expect(c.category).toBe('silent');
      expect(c.record.amdResult).toBe('machine');
      expect(c.record.disposition).toBe('human');
    }
    const exact = run(amd(0));
    expect(exact.calls.filter((c) => c.flags.some((f) => f.kind === 'silentCall' && f.detail.reason === 'amdFalsePositive'))).toEqual([]);
  });

  it('plays the information message on the messageDue notice, at the deadline itself (A2.19)', () => {
    // Few agents for many lines: people answer when nobody is free.
    const r = run([dialler({ campaignId: 'k', callCentreId: 'leeds', agents: { count: 4 }, pacing: { mode: 'predictive', ratio: 3 }, message: { mode: 'onDeadline' } })]);
    const messaged = r.calls.filter((c) => c.record.messageAt !== null);
    expect(r.notices.messageDue).toBeGreaterThan(0);
    expect(messaged.length).toBeGreaterThan(10);
    expect(r.messages.onNotice).toBe(r.messages.played);
    expect(messaged.length).toBe(r.messages.played);
    for (const c of messaged) {
      expect(c.record.messageAt).toBe(messageClock(c.record, policy)?.deadlineAt);
      expect(c.category === 'abandoned' || c.category === 'answerMachine').toBe(true);
      expect(c.flags.some((f) => f.kind === 'lateMessage')).toBe(false);
    }
  });

  it('never gives up on a ringing line before the minRingReached notice when told to respect it (A2.15)', () => {
    const r = run([dialler({ campaignId: 'k', callCentreId: 'leeds', agents: { count: 6 }, ring: { timeoutMs: 9_000, respectMinRing: true } })]);
    expect(r.notices.minRingReached).toBeGreaterThan(0);
    expect(r.calls.some((c) => c.flags.some((f) => f.kind === 'shortRing'))).toBe(false);
    const hasty = run([dialler({ campaignId: 'k', callCentreId: 'leeds', agents: { count: 6 }, ring: { timeoutMs: 9_000, respectMinRing: false } })]);
    expect(hasty.calls.some((c) => c.flags.some((f) => f.kind === 'shortRing'))).toBe(true);
  });

  it('reserves an agent for every progressive call, so none is abandoned', () => {
    const r = run([dialler({ campaignId: 'k', callCentreId: 'leeds', agents: { count: 5 }, pacing: { mode: 'progressive' } })]);
    expect(r.calls.every((c) => c.record.agentGuaranteed)).toBe(true);
    expect(r.calls.filter((c) => c.category === 'abandoned' || c.category === 'silent' && c.flags.some((f) => f.kind === 'silentCall' && f.detail.reason !== 'amdFalsePositive'))).toEqual([]);
  });

  it('consults a pacing hook for its predictive ratio, feeding it each of its calls as it ends', () => {
    const ended: string[] = [];
    const capAtOne: PacingHook = (calls) => {
      calls.subscribe((c) => void ended.push(c.record.callId));
      return () => 1;
    };
    const config = (hook: PacingHook | null): DiallerConfig[] => [dialler({ campaignId: 'k', callCentreId: 'leeds', agents: { count: 6 }, pacing: { mode: 'predictive', ratio: 3, adaptive: null, hook } })];
    const capped = run(config(capAtOne));
    const free = run(config(null));
    expect(ended).toEqual(capped.calls.map((c) => c.record.callId));
    expect(capped.diallers[0]?.ratios.mean).toBe(1);
    expect(free.diallers[0]?.ratios.mean).toBe(3);
    const abandoned = (r: SimulationResult): number => r.calls.filter((c) => c.category === 'abandoned').length;
    expect(abandoned(capped)).toBeLessThan(abandoned(free));
  });

  it('sends its call events, in time order, to onEvent: one dial per call', () => {
    const events: { type: string; at: number }[] = [];
    const r = simulate({ seed: 5, policy, windows: [hour], dispositionWaitMs: 20_000, diallers: well, onEvent: (e) => void events.push(e) });
    expect(events).toHaveLength(r.events);
    expect(events.filter((e) => e.type === 'dial')).toHaveLength(r.dialled);
    expect(events.every((e, i) => i === 0 || (events[i - 1] as { at: number }).at <= e.at)).toBe(true);
  });
});
