/**
 * Events a call rejects, and events of unknown types, in the live path (`callRecords`,
 * `runCall`): they are anomalies on their call's record, as `foldEvents` records them, and
 * they move no clock, so they cannot fire the other calls' deadlines or close them. A
 * dialler's event named like the machine's own (`close`, `tick`), like XState's own
 * (`xstate.stop`), or with no type at all is such an event too: never the host's close or
 * tick, never taken by XState.
 */
import { describe, expect, it, vi } from 'vitest';
import { Subject } from 'rxjs';
import { callRecords, classify, createCallMachine, foldEvents, ofcom2017, runCall, ValidationError, type CallEvent, type CallRecord, type LiveDeadlineNotice, type StreamAnomaly, type TickEvent } from 'dialguard';
import { call, T0 } from '../machine/calls.js';

function run(inputs: readonly (CallEvent | TickEvent)[], options: Parameters<typeof callRecords>[0] = {}) {
  const records: CallRecord[] = [];
  const notices: LiveDeadlineNotice[] = [];
  const anomalies: StreamAnomaly[] = [];
  const s = new Subject<CallEvent | TickEvent>();
  s.pipe(callRecords({ ...options, onDeadline: (n) => void notices.push(n), onAnomaly: (a) => void anomalies.push(a) })).subscribe((r) => void records.push(r));
  for (const i of inputs) s.next(i);
  s.complete();
  return { records, notices, anomalies };
}

describe('runCall: always timers, from the first event', () => {
  it("refuses deadlines: 'ticks' and start: 'dialled' with a ValidationError, and a later default run is unaffected", () => {
    const policy = { ...ofcom2017 }; // a fresh key for runCall's machine cache
    const c = call('a');
    const events = [c.dial(0), c.hangup(20_000)];
    expect(() => runCall(events, policy, { deadlines: 'ticks' })).toThrow(ValidationError);
    expect(() => runCall(events, policy, { start: 'dialled' })).toThrow(ValidationError);
    expect(runCall(events, policy).deadlines.map((d) => d.kind)).toEqual(['minRingReached']);
    expect(runCall(events, policy, { deadlines: 'timers', start: 'idle' }).classified.category).toBe('unconnected');
  });
});

describe('runCall: an event with at = NaN or Infinity moves no clock', () => {
  it('a ringing at NaN (an invalidTime anomaly) silences every later deadline: no minRingReached for a call that rang 20 s', () => {
    const c = call('a');
    const events = [c.dial(0), { ...c.ringing(0), at: NaN }, c.hangup(20_000)] as CallEvent[];
    const { deadlines, classified } = runCall(events);
    expect(classified.record.anomalies.map((a) => a.kind)).toEqual(['invalidTime']);
    expect(deadlines.map((d) => [d.kind, d.at - T0])).toEqual([['minRingReached', 15_000]]);
  });

  it('a ringing at Infinity fires minRingReached and maxRingReached at once, though the call was answered at 1 s', () => {
    const c = call('a');
    const events = [c.dial(0), { ...c.ringing(0), at: Infinity }, c.answer(1000), c.message(1500), c.hangup(20_000)] as CallEvent[];
    const { deadlines, classified } = runCall(events);
    expect(classified.category).toBe('abandoned');
    expect(deadlines.map((d) => d.kind)).toEqual([]);
  });
});

describe('callRecords and runCall: an event of an unknown type is an unknownEvent anomaly, as foldEvents records it', () => {
  it('callRecords: the record equals foldEvents\' (README "Bad input")', () => {
    const a = call('a');
    const events = [a.dial(0), a.answer(1000), { type: 'transfer', callId: 'a', at: T0 + 1500 } as unknown as CallEvent, a.agent(1600), a.hangup(30_000)];
    const { records, anomalies } = run(events);
    const folded = foldEvents(events);
    expect(folded.anomalies.map((x) => x.kind)).toEqual(['unknownEvent']);
    expect(anomalies).toEqual([]);
    expect(classify(records[0]!)).toEqual(classify(folded));
  });

  it.each(['transfer', 'close'])('runCall: with an event of type %s, its output equals classify(foldEvents(events)); the call goes on to its hangup', (type) => {
    const a = call('a');
    const events = [a.dial(0), a.answer(1000), { type, callId: 'a', at: T0 + 1500 } as unknown as CallEvent, a.agent(1600), a.hangup(30_000)];
    expect(runCall(events).classified).toEqual(classify(foldEvents(events)));
    expect(runCall(events).classified.record.hangupAt).toBe(T0 + 30_000);
  });
});

describe('callRecords: events the call rejects move no clock', () => {
  it('a second dial for a call in flight, 5 h ahead ("a dial does not move the clock"), is an anomaly on that call only: it closes no other call', () => {
    const a = call('a');
    const b = call('b');
    const { records, anomalies } = run([a.dial(0), b.dial(0), a.answer(1000), a.dial(5 * 3600_000), b.answer(2000), b.agent(2500), b.hangup(60_000), a.agent(2600), a.hangup(61_000)]);
    expect(anomalies).toEqual([]);
    const byId = new Map(records.map((r) => [r.callId, r]));
    expect(byId.get('a')!.anomalies.map((x) => x.kind)).toEqual(['duplicateDial']);
    expect(classify(byId.get('b')!).category).toBe('live');
  });

  it('an event of unknown type 5 h ahead neither: it is an anomaly on its own call only', () => {
    const a = call('a');
    const b = call('b');
    const { records, anomalies } = run([a.dial(0), b.dial(0), a.answer(1000), { type: 'bogus', callId: 'a', at: T0 + 5 * 3600_000 } as unknown as CallEvent, b.answer(2000), b.agent(2500), b.hangup(60_000)]);
    const byId = new Map(records.map((r) => [r.callId, r]));
    expect(anomalies).toEqual([]);
    expect(classify(byId.get('b')!).category).toBe('live');
    expect(byId.get('a')!.anomalies.map((x) => [x.kind, x.event])).toEqual([['unknownEvent', 'bogus'], ['incomplete', 'hangup']]);
  });
});

describe('callRecords and runCall: a dialler\'s event of type "close" is an unknown event, not the host\'s close', () => {
  it('an event { type: "close", callId } from the dialler ends the call early; its later agent and hangup are lost as unknownCall', () => {
    const a = call('a');
    const events = [a.dial(0), a.answer(1000), { type: 'close', callId: 'a', at: T0 + 1200 } as unknown as CallEvent, a.agent(1500), a.hangup(30_000)];
    const { records, anomalies } = run(events);
    expect(anomalies).toEqual([]);
    expect(records[0]!.hangupAt).toBe(T0 + 30_000);
    expect(classify(records[0]!)).toEqual(classify(foldEvents(events)));
  });
});

describe('runCall: events the record rejects move no clock', () => {
  it('a duplicate dial 50 s ahead gives a minRingReached notice to a call answered at 1 s', () => {
    const c = call('a');
    const r = runCall([c.dial(0), c.dial(50_000), c.answer(1000), c.agent(1500), c.hangup(20_000)]);
    expect(r.classified.category).toBe('live');
    expect(r.classified.record.anomalies.map((x) => x.kind)).toEqual(['duplicateDial']);
    expect(r.deadlines.map((d) => d.kind)).toEqual([]);
  });

  it('an event before the dial with a later time delays the ring timers: no minRingReached for a call that rang 17 s', () => {
    const c = call('a');
    const r = runCall([c.answer(5000), c.dial(0), c.hangup(17_000)]);
    expect(r.classified.category).toBe('unconnected');
    expect(r.deadlines.map((d) => [d.kind, d.at - T0])).toEqual([['minRingReached', 15_000]]);
  });
});

describe('createCallMachine: dispositionWaitMs', () => {
  it('above 2^31 − 1 ms (the longest timer) is a ValidationError, not a wait cut short in one variant only', () => {
    expect(() => createCallMachine(ofcom2017, { dispositionWaitMs: 2 ** 31 })).toThrow(ValidationError);
    expect(() => createCallMachine(ofcom2017, { dispositionWaitMs: 3e9, deadlines: 'ticks' })).toThrow(ValidationError);
    expect(() => createCallMachine(ofcom2017, { dispositionWaitMs: 2 ** 31 - 1 })).not.toThrow();
  });
});

describe("callRecords and runCall: an event of a type in XState's namespace, or with no string type, is an unknownEvent anomaly too", () => {
  const a = call('a');
  const b = call('b');
  /** A live call `a`, with one stray event of type `type` (or no type at all) after the answer. */
  const liveWith = (type: unknown, omitType = false): CallEvent[] => {
    const stray = (omitType ? { callId: 'a', at: T0 + 1_500 } : { type, callId: 'a', at: T0 + 1_500 }) as unknown as CallEvent;
    return [a.dial(0), a.answer(1_000), stray, a.agent(1_600), a.hangup(30_000)];
  };

  it("callRecords: { type: 'xstate.stop' } does not stop the call's actor (the call was lost, with no record and no anomaly)", () => {
    const events = liveWith('xstate.stop');
    const { records, anomalies } = run([...events, b.dial(0), b.hangup(20_000)]);
    expect(anomalies).toEqual([]);
    const recA = records.find((r) => r.callId === 'a');
    expect(recA).toEqual(foldEvents(events));
    expect(foldEvents(events).anomalies.map((x) => [x.kind, x.event])).toEqual([['unknownEvent', 'xstate.stop']]);
    expect(classify(recA!).category).toBe('live');
  });

  it.each(['xstate.error.actor.x', 'xstate.init', 'xstate.after.messageDeadline.call.answered'])(
    'callRecords: { type: %s } is folded as foldEvents folds it (it failed the machine, or was neither folded nor reported)',
    (type) => {
      const events = liveWith(type);
      const { records, anomalies } = run(events);
      expect(anomalies).toEqual([]);
      expect(records).toEqual([foldEvents(events)]);
    },
  );

  it('callRecords: an event with no type, or a type that is a number or null, is folded (it crashed XState: the call was dropped as machineError)', () => {
    for (const events of [liveWith(undefined, true), liveWith(42), liveWith(null)]) {
      const { records, anomalies } = run(events);
      expect(anomalies).toEqual([]);
      expect(records).toEqual([foldEvents(events)]);
      expect(records[0]!.anomalies.map((x) => x.kind)).toEqual(['unknownEvent']);
    }
  });

  it("runCall: { type: 'xstate.stop' } gives classify(foldEvents(events)) (it gave classified: undefined)", () => {
    const events = liveWith('xstate.stop');
    expect(runCall(events).classified).toEqual(classify(foldEvents(events)));
  });

  it('runCall: an event with no type gives classify(foldEvents(events)), and leaves no error thrown on a timer (it ended a Node host)', () => {
    vi.useFakeTimers();
    try {
      const events = liveWith(undefined, true);
      const { classified } = runCall(events);
      // XState reports an actor's error with setTimeout(() => { throw err }) when no observer handles it.
      expect(() => vi.runAllTimers()).not.toThrow();
      expect(classified).toEqual(classify(foldEvents(events)));
    } finally {
      vi.clearAllTimers();
      vi.useRealTimers();
    }
  });

  it("runCall: a forged { type: 'xstate.after.messageDeadline.call.answered' } fires no messageDue (it did, at 1.1 s, for a message on time at 1.5 s)", () => {
    const forged = { type: 'xstate.after.messageDeadline.call.answered', callId: 'a', at: T0 + 1_100 } as unknown as CallEvent;
    const events = [a.dial(0), a.answer(1_000), forged, a.message(1_500), a.hangup(30_000)];
    const { classified, deadlines } = runCall(events);
    expect(deadlines).toEqual([]);
    expect(classified).toEqual(classify(foldEvents(events)));
  });
});

describe("callRecords: a dialler's event of type 'tick' (with a callId) is its call's unknown event, not the host's tick", () => {
  it('5 h ahead, it is an unknownEvent on its call and moves no clock (it closed every call in flight at its 4 h age)', () => {
    const a = call('a');
    const b = call('b');
    const stray = { type: 'tick', callId: 'a', at: T0 + 5 * 3_600_000 } as unknown as CallEvent;
    const aEvents = [a.dial(0), a.answer(1_000), stray, a.agent(2_600), a.hangup(61_000)];
    const { records, anomalies } = run([a.dial(0), b.dial(0), a.answer(1_000), stray, b.answer(2_000), b.agent(2_500), b.hangup(60_000), a.agent(2_600), a.hangup(61_000)]);
    expect(anomalies).toEqual([]);
    const byId = new Map(records.map((r) => [r.callId, r]));
    expect(classify(byId.get('b')!).category).toBe('live');
    expect(byId.get('b')!.hangupAt).toBe(T0 + 60_000);
    expect(byId.get('a')).toEqual(foldEvents(aEvents));
    expect(byId.get('a')!.anomalies.map((x) => [x.kind, x.event])).toEqual([['unknownEvent', 'tick']]);
  });

  it('for a call not in flight, it is an unknownCall; the host\'s tick (no callId) still moves the clock', () => {
    const m = call('m');
    const { anomalies, notices } = run([{ type: 'tick', callId: 'ghost', at: T0 + 1_000 } as unknown as CallEvent, m.dial(0), m.answer(1_000), { type: 'tick', at: T0 + 3_000 }]);
    expect(anomalies.map((x) => [x.kind, x.callId, x.event])).toEqual([['unknownCall', 'ghost', 'tick']]);
    expect(notices.map((n) => [n.callId, n.kind, n.lateByMs])).toEqual([['m', 'messageDue', 0]]);
  });
});
