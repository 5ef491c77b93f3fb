/**
 * `dialguard audit --input events` (call events → `callRecords` → the audit): the agent's
 * later disposition reaches its call, and one event with a wrong `at` closes no other call.
 */
import { from } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { callRecords, foldEvents, type CallEvent, type CallRecord } from 'dialguard';
import type { StreamAnomaly } from 'dialguard/internals';
import { EXIT_FLAGS } from '../../src/cli/main.js';
import { dial as supportDial } from '../support/calls.js';
import { T0, runCli, runCliJson, toJsonl, useTempFiles } from './fixtures.js';

const temp = useTempFiles('dialguard-events-audit-');
const S = 1000;
const H = 3_600_000;

type Dial = Extract<CallEvent, { type: 'dial' }>;
/** The suite's dial (`test/support/calls.ts`) at epoch ms `at`. */
const dial = (callId: string, at: number, over: Partial<Dial> = {}): CallEvent => ({ ...supportDial(callId, 0, over), at });

/** A live call: dial, ringing, answer, agent 0.5 s later, hangup after a minute. */
const liveCall = (callId: string, at: number, to: string): CallEvent[] => [
  dial(callId, at, { to }),
  { type: 'ringing', callId, at: at + S },
  { type: 'answer', callId, at: at + 6 * S },
  { type: 'agent', callId, at: at + 6500 },
  { type: 'hangup', callId, at: at + 60 * S, by: 'recipient' },
];

/** Flags raised in the period, by kind (kinds with none left out). */
const flagCounts = (r: { flags: readonly { kind: string; count: number }[] }): Record<string, number> =>
  Object.fromEntries(r.flags.filter((f) => f.count > 0).map((f) => [f.kind, f.count]));

describe('audit --input events: the agent\'s later disposition (README "What a call becomes": `disposition` is the agent\'s later verdict)', () => {
  /**
   * AMD took the person for a machine and the call was cut off; the agent's disposition,
   * after the hangup as a disposition always is, says a person answered: a silent call
   * (A1.6, README edge cases). foldEvents accepts a disposition after the hangup.
   */
  const events: CallEvent[] = [
    dial('fp', T0, { amd: true }),
    { type: 'ringing', callId: 'fp', at: T0 + S },
    { type: 'answer', callId: 'fp', at: T0 + 5 * S },
    { type: 'salutation', callId: 'fp', at: T0 + 5200, phase: 'start' },
    { type: 'amd', callId: 'fp', at: T0 + 6 * S, result: 'machine' },
    { type: 'hangup', callId: 'fp', at: T0 + 6500, by: 'caller' },
    { type: 'disposition', callId: 'fp', at: T0 + 30 * S, verdict: 'human' },
  ];

  it('a disposition after the hangup is folded, as foldEvents folds it: the same report as the folded record', async () => {
    // The record the events fold into (README: "The live machine folds with the same function, so live and batch can never disagree").
    const folded = foldEvents(events);
    expect(folded.disposition).toBe('human');
    const asRecords = await runCliJson(['audit', temp.file('fp-records.jsonl', toJsonl([folded]))]);
    expect(flagCounts(asRecords.report)).toMatchObject({ silentCall: 1 });
    expect(asRecords.code).toBe(EXIT_FLAGS);

    const asEvents = await runCliJson(['audit', temp.file('fp-events.jsonl', toJsonl(events)), '--input', 'events']);
    expect(flagCounts(asEvents.report)).toMatchObject({ silentCall: 1 });
    expect(asEvents.report.amd.falsePositives).toBe(asRecords.report.amd.falsePositives);
    expect(asEvents.code).toBe(EXIT_FLAGS);
    expect(asEvents.report.rejected.byReason).toEqual({});
  });
});

describe('audit --input events: an event reported as for no call in flight never moves the clock (README "Bad input": "it does not move the operator\'s clock, however far ahead its `at`")', () => {
  /** Three live calls 10 s apart, interleaved in time order; call a's answer carries a wrong `at`, 5 hours ahead. */
  const strayEvents = (): CallEvent[] => {
    const events = [...liveCall('a', T0, '01632960001'), ...liveCall('b', T0 + 10 * S, '01632960002'), ...liveCall('c', T0 + 20 * S, '01632960003')].sort(
      (x, y) => x.at - y.at,
    );
    const i = events.findIndex((e) => e.callId === 'a' && e.type === 'answer');
    events[i] = { ...events[i]!, at: T0 + 5 * H } as CallEvent;
    // And a fourth call, dialled ten minutes later.
    return [...events, ...liveCall('d', T0 + 10 * 60 * S, '01632960004')];
  };

  it('callRecords: the stray answer goes to onAnomaly as unknownCall ("did not move the clock"), and the other calls are not closed by it', () => {
    const anomalies: StreamAnomaly[] = [];
    const records: CallRecord[] = [];
    from(strayEvents())
      .pipe(callRecords({ onAnomaly: (a) => anomalies.push(a) }))
      .subscribe((r) => records.push(r));
    const stray = anomalies.find((a) => a.callId === 'a' && a.event === 'answer');
    if (stray?.kind === 'unknownCall') expect(stray.detail).toMatch(/did not move the clock/);
    for (const id of ['b', 'c', 'd']) {
      const r = records.find((x) => x.callId === id);
      expect(r?.anomalies.map((x) => x.kind), id).toEqual([]);
      expect(r?.agentAt, id).not.toBeNull();
    }
    expect(anomalies.filter((a) => a.callId !== 'a')).toEqual([]);
  });

  it('dialguard audit: one call\'s wrong `at` does not turn every other call into an incomplete unconnected call', async () => {
    const { report } = await runCliJson(['audit', temp.file('stray.jsonl', toJsonl(strayEvents())), '--input', 'events']);
    expect(report.calls).toBe(4);
    const all = report.scopes.find((s) => s.scope === 'all')!;
    const counts = all.days.find((d) => d.counts.calls > 0)!.counts;
    expect(counts.live).toBeGreaterThanOrEqual(3);
    expect(report.rejected.examples.filter((r) => r.callId !== 'a')).toEqual([]);
  });
});

describe('audit --input events: a call the file cuts off just after its answer', () => {
  it('answered in the last second of the file and never hung up: undetermined, not a silent call', async () => {
    const events: CallEvent[] = [...liveCall('a', T0, '01632960001'), dial('cut', T0 + 100 * S, { to: '01632960002' }), { type: 'answer', callId: 'cut', at: T0 + 105 * S }];
    const { report } = await runCliJson(['audit', temp.file('cut.jsonl', toJsonl(events)), '--input', 'events']);
    expect(report.calls).toBe(2);
    expect(flagCounts(report).silentCall ?? 0).toBe(0);
    expect(report.coverage.undetermined).toBe(1);
  });

  it('answered, then nothing while the stream runs past its deadline until the file ends: silent dead air', async () => {
    const events: CallEvent[] = [dial('quiet', T0, { to: '01632960002' }), { type: 'answer', callId: 'quiet', at: T0 + 5 * S }, ...liveCall('b', T0 + 10 * S, '01632960003')];
    const { report } = await runCliJson(['audit', temp.file('quiet.jsonl', toJsonl(events)), '--input', 'events']);
    expect(flagCounts(report).silentCall).toBe(1);
  });
});

describe('audit --input events --max-in-flight N (callRecords\' maxInFlight; README "The audit command")', () => {
  /** Three calls ringing at once, each answered by an agent 6 s after its dial. */
  const overlapping = (): CallEvent[] => ['a', 'b', 'c'].flatMap((id, i) => liveCall(id, T0 + i * S, `0163296000${i + 1}`)).sort((x, y) => x.at - y.at);

  it('by default all three are followed to their end: three live calls', async () => {
    const { report } = await runCliJson(['audit', temp.file('overlap.jsonl', toJsonl(overlapping())), '--input', 'events']);
    expect(report.categories).toMatchObject({ calls: 3, live: 3, undetermined: 0 });
  });

  it('with 2, the oldest call is closed when the third is dialled: undetermined (it may have been answered), and its later events are rejected as for no call in flight', async () => {
    const { report } = await runCliJson(['audit', temp.file('overlap2.jsonl', toJsonl(overlapping())), '--input', 'events', '--max-in-flight', '2']);
    expect(report.categories).toMatchObject({ calls: 3, live: 2, undetermined: 1, unconnected: 0 });
    expect(report.rejected.byReason).toEqual({ unknownCall: 3 }); // a's answer, agent and hangup, after it was closed
  });

  it('0, a fraction or more than 1,000,000 is bad usage (exit 2), naming the option', async () => {
    for (const value of ['0', '1.5', '1000001', 'many']) {
      const r = await runCli(['audit', temp.file('overlap3.jsonl', toJsonl(overlapping())), '--input', 'events', '--max-in-flight', value]);
      expect(r.code, value).toBe(2);
      expect(r.stderr, value).toMatch(/--max-in-flight should be a whole number from 1 to 1,000,000/);
    }
  });
});
