import { describe, expect, it } from 'vitest';
import { createActor, SimulatedClock } from 'xstate';
import { classify } from '../../src/classify.js';
import { MissingDialError, MixedCallsError, ValidationError } from '../../src/errors.js';
import type { CallEvent } from '../../src/events.js';
import { foldEvents } from '../../src/fold.js';
import { ofcom2017 } from '../../src/policy/ofcom2017.js';
import type { Policy } from '../../src/policy/policy.js';
import { createCallMachine, nextTickAt, runCall, type DeadlineNotice } from '../../src/machine/index.js';
import { call, drive, T0 } from './calls.js';

const c = call();
const kinds = (flags: readonly { kind: string }[]) => flags.map((f) => f.kind);
const notice = (kind: DeadlineNotice['kind'], ms: number): DeadlineNotice => ({
  type: 'deadline',
  kind,
  callId: 'c1',
  at: T0 + ms,
  ref: kind === 'messageDue' ? 'A2.19' : 'A2.15',
});

describe('createCallMachine: unanswered calls (A2.15)', () => {
  it('short ring: the caller gives up at 10 s; no notice, unconnected with a shortRing flag', () => {
    const { snapshot, notices } = drive([c.dial(0), c.hangup(10_000, 'caller')]);
    expect(notices).toEqual([]);
    expect(snapshot.status).toBe('done');
    expect(snapshot.value).toBe('ended');
    const out = snapshot.output!;
    expect(out.category).toBe('unconnected');
    expect(kinds(out.flags)).toEqual(['shortRing']);
    expect(out.flags[0]).toMatchObject({ ref: 'A2.15', detail: { ringMs: 10_000, minMs: 15_000 } });
  });

  it('arms the ring deadlines from the dial, and moves them to the ringing when it is reported', () => {
    const clock = new SimulatedClock();
    const actor = createActor(createCallMachine(), { clock }).start();
    expect(actor.getSnapshot().value).toBe('idle');
    actor.send(c.dial(0));
    expect(actor.getSnapshot().value).toBe('dialling');
    expect(actor.getSnapshot().context.deadlines).toEqual({ minRingAt: T0 + 15_000, maxRingAt: T0 + 60_000, messageDueAt: null });
    clock.set(3_000);
    actor.send(c.ringing(3_000));
    expect(actor.getSnapshot().value).toBe('ringing');
    expect(actor.getSnapshot().context.deadlines).toEqual({ minRingAt: T0 + 18_000, maxRingAt: T0 + 63_000, messageDueAt: null });
  });

  it('long ring: minRingReached at ring start + 15 s and maxRingReached at + 60 s, each at its exact millisecond', () => {
    const clock = new SimulatedClock();
    const actor = createActor(createCallMachine(), { clock });
    const seen: { n: DeadlineNotice; at: number }[] = [];
    actor.on('deadline', (n) => void seen.push({ n, at: clock.now() }));
    actor.start();
    actor.send(c.dial(0));
    clock.set(2_000);
    actor.send(c.ringing(2_000));
    clock.set(16_999);
    expect(seen).toEqual([]);
    clock.increment(1);
    expect(seen).toEqual([{ n: notice('minRingReached', 17_000), at: 17_000 }]);
    expect(actor.getSnapshot().context.deadlines).toEqual({ minRingAt: null, maxRingAt: T0 + 62_000, messageDueAt: null });
    clock.set(61_999);
    expect(seen).toHaveLength(1);
    clock.set(62_000);
    expect(seen[1]).toEqual({ n: notice('maxRingReached', 62_000), at: 62_000 });
    expect(actor.getSnapshot().context.deadlines).toEqual({ minRingAt: null, maxRingAt: null, messageDueAt: null });
    clock.set(70_000);
    actor.send(c.hangup(70_000, 'caller'));
    const out = actor.getSnapshot().output!;
    expect(out.category).toBe('unconnected');
    expect(kinds(out.flags)).toEqual(['longRing']);
    expect(seen).toHaveLength(2);
  });

  it('runCall gives the same notices, and none after the call ends', () => {
    const r = runCall([c.dial(0), c.ringing(2_000), c.hangup(30_000, 'network')]);
    expect(r.deadlines).toEqual([notice('minRingReached', 17_000)]);
    expect(r.classified.category).toBe('unconnected');
    expect(r.classified.flags).toEqual([]);
  });

  it('a hangup at exactly the minimum ring comes after the notice and is not a short ring', () => {
    const { notices, snapshot } = drive([c.dial(0), c.hangup(15_000, 'caller')]);
    expect(notices).toEqual([{ notice: notice('minRingReached', 15_000), clockMs: 15_000 }]);
    expect(snapshot.output!.flags).toEqual([]);
  });
});

describe('createCallMachine: answered calls (A2.19, A3.3)', () => {
  it('answered → agent: live, no notice', () => {
    const { snapshot, notices, actor } = drive([c.dial(0), c.ringing(1_000), c.answer(9_000), c.agent(9_800)]);
    expect(actor.getSnapshot().value).toBe('agentConnected');
    expect(actor.getSnapshot().context.deadlines).toEqual({ minRingAt: null, maxRingAt: null, messageDueAt: null });
    expect(snapshot.status).toBe('active');
    actor.send(c.hangup(60_000, 'recipient'));
    const out = actor.getSnapshot().output!;
    expect(out.category).toBe('live');
    expect(out.answeredBy).toBe('human');
    expect(out.flags).toEqual([]);
    expect(notices).toEqual([]);
  });

  it('answered → message within 2 s: abandoned (A1.9), message on time, no notice', () => {
    const r = runCall([c.dial(0), c.answer(5_000), c.message(6_500), c.hangup(20_000, 'caller')]);
    expect(r.deadlines).toEqual([]);
    expect(r.classified.category).toBe('abandoned');
    expect(kinds(r.classified.flags)).toEqual(['abandonedCall']);
    expect(r.classified.flags[0]).toMatchObject({ ref: 'A1.9', detail: { messagePlayed: true } });
  });

  it('message late: messageDue at pickup + 2000 (before the message), then a lateMessage flag', () => {
    const clock = new SimulatedClock();
    const actor = createActor(createCallMachine(), { clock });
    const log: string[] = [];
    actor.on('deadline', (n) => void log.push(`${n.kind}@${n.at - T0} clock ${clock.now()}`));
    actor.start();
    actor.send(c.dial(0));
    clock.set(5_000);
    actor.send(c.answer(5_000));
    expect(actor.getSnapshot().value).toBe('answered');
    expect(actor.getSnapshot().context.deadlines.messageDueAt).toBe(T0 + 7_000);
    clock.set(6_999);
    expect(log).toEqual([]);
    clock.set(7_000);
    expect(log).toEqual(['messageDue@7000 clock 7000']);
    expect(actor.getSnapshot().context.deadlines.messageDueAt).toBeNull();
    clock.set(7_400);
    actor.send(c.message(7_400));
    expect(actor.getSnapshot().value).toBe('messagePlaying');
    clock.set(30_000);
    actor.send(c.hangup(30_000, 'caller'));
    const out = actor.getSnapshot().output!;
    expect(out.category).toBe('abandoned');
    expect(kinds(out.flags)).toEqual(['abandonedCall', 'lateMessage']);
    expect(out.flags[1]).toMatchObject({ ref: 'A2.19', detail: { delayMs: 2_400, deadlineMs: 2_000, from: 'pickup' } });
    expect(log).toEqual(['messageDue@7000 clock 7000']);
  });

  it('boundary: a message at exactly pickup + 2000 is on time, + 2001 is late; the notice comes first in both', () => {
    const onTime = drive([c.dial(0), c.answer(5_000), c.message(7_000), c.hangup(9_000, 'caller')]);
    expect(onTime.notices).toEqual([{ notice: notice('messageDue', 7_000), clockMs: 7_000 }]);
    expect(kinds(onTime.snapshot.output!.flags)).toEqual(['abandonedCall']);
    const late = drive([c.dial(0), c.answer(5_000), c.message(7_001), c.hangup(9_000, 'caller')]);
    expect(late.notices).toEqual([{ notice: notice('messageDue', 7_000), clockMs: 7_000 }]);
    expect(kinds(late.snapshot.output!.flags)).toEqual(['abandonedCall', 'lateMessage']);
    const early = drive([c.dial(0), c.answer(5_000), c.message(6_999), c.hangup(9_000, 'caller')]);
    expect(early.notices).toEqual([]);
  });

  it('AMD on: the start of salutation moves the message deadline (A2.19 footnote 45)', () => {
    const clock = new SimulatedClock();
    const actor = createActor(createCallMachine(), { clock });
    const seen: number[] = [];
    actor.on('deadline', (n) => void seen.push(n.at - T0));
    actor.start();
    actor.send(c.dial(0, { amd: true }));
    clock.set(5_000);
    actor.send(c.answer(5_000));
    expect(actor.getSnapshot().context.deadlines.messageDueAt).toBe(T0 + 7_000);
    clock.set(6_000);
    actor.send(c.salutation(6_000, 'start'));
    expect(actor.getSnapshot().context.deadlines.messageDueAt).toBe(T0 + 8_000);
    clock.set(7_500);
    expect(seen).toEqual([]); // the old deadline (7000) no longer fires
    actor.send(c.salutation(7_500, 'end')); // does not move it
    expect(actor.getSnapshot().context.deadlines.messageDueAt).toBe(T0 + 8_000);
    clock.set(7_900);
    actor.send(c.amd(7_900, 'human'));
    clock.set(8_000);
    expect(seen).toEqual([8_000]);
    clock.set(8_200);
    actor.send(c.message(8_200));
    clock.set(20_000);
    actor.send(c.hangup(20_000, 'recipient'));
    const out = actor.getSnapshot().output!;
    expect(out.category).toBe('abandoned');
    expect(out.flags.find((f) => f.kind === 'lateMessage')).toMatchObject({ detail: { delayMs: 2_200, from: 'salutationStart' } });
  });

  it('AMD on, salutation after the pickup deadline: a notice at pickup + 2 s, then another at salutation + 2 s', () => {
    const events = [c.dial(0, { amd: true }), c.answer(1_000), c.salutation(4_000), c.hangup(9_000, 'caller')];
    const { notices, snapshot } = drive(events);
    expect(notices.map((n) => [n.notice.at - T0, n.clockMs])).toEqual([
      [3_000, 3_000],
      [6_000, 6_000],
    ]);
    expect(snapshot.output!.category).toBe(classify(foldEvents(events)).category);
  });

  it('AMD on, the person never speaks: the clock runs from pickup', () => {
    const r = runCall([c.dial(0, { amd: true }), c.answer(1_000), c.amd(2_500, 'unknown'), c.message(3_500), c.hangup(9_000)]);
    expect(r.deadlines).toEqual([notice('messageDue', 3_000)]);
    expect(r.classified.flags.find((f) => f.kind === 'lateMessage')).toMatchObject({ detail: { delayMs: 2_500, from: 'pickup' } });
  });

  it('AMD false positive: AMD says machine, the caller drops it, the agent marks human → silent (A1.6)', () => {
    const events = [
      c.dial(0, { amd: true }),
      c.answer(4_000),
      c.salutation(4_300),
      c.amd(5_500, 'machine'),
      c.hangup(5_600, 'caller'),
      c.disposition(30_000, 'human'),
    ];
    const clock = new SimulatedClock();
    const actor = createActor(createCallMachine(ofcom2017, { dispositionWaitMs: 60_000 }), { clock }).start();
    for (const e of events) {
      clock.set(e.at - T0);
      actor.send(e);
      if (e.type === 'hangup') expect(actor.getSnapshot().value).toBe('wrapUp');
    }
    const out = actor.getSnapshot().output!;
    expect(actor.getSnapshot().value).toBe('ended');
    expect(out.category).toBe('silent');
    expect(out.flags[0]).toMatchObject({ kind: 'silentCall', ref: 'A1.6', detail: { reason: 'amdFalsePositive' } });
    expect(out).toEqual(classify(foldEvents(events)));
    // Without the wait the machine ends at the hangup and never sees the disposition.
    expect(runCall(events).classified).toMatchObject({ category: 'answerMachine', machine: 'disconnectedByAmd' });
  });

  it('wrapUp ends after dispositionWaitMs without a disposition (a disposition at exactly the end is too late)', () => {
    const events = [c.dial(0), c.answer(1_000), c.agent(1_500), c.hangup(60_000, 'caller'), c.disposition(70_000, 'machine')];
    const r = runCall(events, ofcom2017, { dispositionWaitMs: 10_000 });
    expect(r.classified.category).toBe('live');
    const r2 = runCall(events, ofcom2017, { dispositionWaitMs: 10_001 });
    expect(r2.classified).toMatchObject({ category: 'answerMachine', machine: 'falseNegative' });
  });

  it('an unanswered call never waits for a disposition', () => {
    const { snapshot } = drive([c.dial(0), c.hangup(20_000)], ofcom2017, { dispositionWaitMs: 10_000 });
    expect(snapshot.value).toBe('ended');
  });

  it('the recipient hangs up within the deadline, message planned → abandoned (footnote 9); not planned → silent', () => {
    const planned = runCall([c.dial(0), c.answer(1_000), c.hangup(2_500, 'recipient')]);
    expect(planned.deadlines).toEqual([]);
    expect(planned.classified.category).toBe('abandoned');
    expect(planned.classified.flags[0]).toMatchObject({ kind: 'abandonedCall', ref: 'A1.10', detail: { messagePlayed: false } });
    const unplanned = runCall([c.dial(0, { messagePlanned: false }), c.answer(1_000), c.hangup(2_500, 'recipient')]);
    expect(unplanned.classified.category).toBe('silent');
  });

  it('dead air: no message or agent by the deadline, then the caller disconnects → silent, after a messageDue notice', () => {
    const r = runCall([c.dial(0), c.answer(1_000), c.hangup(4_000, 'caller')]);
    expect(r.deadlines).toEqual([notice('messageDue', 3_000)]);
    expect(r.classified.flags[0]).toMatchObject({ kind: 'silentCall', detail: { reason: 'deadAir' } });
  });

  it('a message then an agent: messagePlaying → agentConnected, live', () => {
    const { actor } = drive([c.dial(0), c.answer(1_000), c.message(2_000)]);
    expect(actor.getSnapshot().value).toBe('messagePlaying');
    actor.send(c.agent(9_000));
    expect(actor.getSnapshot().value).toBe('agentConnected');
    actor.send(c.hangup(20_000));
    expect(actor.getSnapshot().output!.category).toBe('live');
  });

  it('uses the policy it was built with', () => {
    const strict: Policy = { ...ofcom2017, id: 'strict', ring: { ...ofcom2017.ring, minMs: 20_000, maxMs: 30_000 }, message: { ...ofcom2017.message, deadlineMs: 1_000 } };
    const r = runCall([c.dial(0), c.hangup(31_000)], strict);
    expect(r.deadlines.map((n) => n.at - T0)).toEqual([20_000, 30_000]);
    expect(kinds(r.classified.flags)).toEqual(['longRing']);
    const m = runCall([c.dial(0), c.answer(1_000), c.message(2_500), c.hangup(9_000)], strict);
    expect(m.deadlines.map((n) => [n.kind, n.at - T0])).toEqual([['messageDue', 2_000]]);
  });
});

describe('createCallMachine: anomalies are recorded, never thrown', () => {
  it('out of order, repeated, before answer, duplicate dial: anomalies on the record, state unmoved', () => {
    const events = [
      c.dial(0),
      c.ringing(2_000),
      c.answer(1_000), // earlier than the ringing
      c.agent(3_000), // before the answer
      c.dial(3_500), // duplicate dial
      c.ringing(4_000), // repeated
    ];
    const { actor } = drive(events);
    const s = actor.getSnapshot();
    expect(s.value).toBe('ringing');
    expect(s.context.record!.anomalies.map((a) => a.kind)).toEqual(['outOfOrder', 'beforeAnswer', 'duplicateDial', 'repeated']);
    expect(s.context.record).toEqual(foldEvents(events));
  });

  it('after hangup (while waiting for the disposition): afterHangup anomalies, then the disposition', () => {
    const events = [c.dial(0), c.answer(1_000), c.agent(1_200), c.hangup(10_000), c.message(11_000), c.disposition(12_000, 'human')];
    const r = runCall(events, ofcom2017, { dispositionWaitMs: 5_000 });
    expect(r.classified.record.anomalies.map((a) => a.kind)).toEqual(['afterHangup']);
    expect(r.classified).toEqual(classify(foldEvents(events)));
    expect(kinds(r.classified.flags)).toEqual(['recordAnomaly']);
  });

  it('events before the dial become beforeDial anomalies attached at the dial, as foldEvents does', () => {
    const events = [c.ringing(0), c.answer(100), c.dial(200), c.answer(5_000), c.hangup(9_000)];
    const { actor } = drive(events);
    const before = createActor(createCallMachine()).start();
    before.send(c.ringing(0));
    expect(before.getSnapshot().context.early).toHaveLength(1);
    expect(before.getSnapshot().context.record).toBeNull();
    expect(actor.getSnapshot().output).toEqual(classify(foldEvents(events)));
    expect(actor.getSnapshot().output!.record.anomalies.map((a) => a.kind)).toEqual(['beforeDial', 'beforeDial']);
  });

  it('an event of an unknown type is an unknownEvent anomaly, as foldEvents records it; events of other calls are ignored; nothing throws', () => {
    const clock = new SimulatedClock();
    const actor = createActor(createCallMachine(), { clock }).start();
    actor.send(c.dial(0));
    const before = actor.getSnapshot().context.record;
    expect(() => actor.send({ ...c.answer(20), callId: 'other' })).not.toThrow();
    expect(actor.getSnapshot().context.record).toBe(before);
    expect(() => actor.send({ type: 'transfer', callId: 'c1', at: T0 + 10 } as unknown as CallEvent)).not.toThrow();
    expect(actor.getSnapshot().value).toBe('dialling');
    actor.send(c.answer(30));
    actor.send({ type: 'transfer', callId: 'c1', at: T0 + 40 } as unknown as CallEvent);
    expect(actor.getSnapshot().status).toBe('active');
    expect(actor.getSnapshot().context.record!.anomalies.map((a) => [a.kind, a.event, a.at])).toEqual([
      ['unknownEvent', 'transfer', T0 + 10],
      ['unknownEvent', 'transfer', T0 + 40],
    ]);
  });

  it('a dialler\'s event named as one of the machine\'s own comes wrapped ({ type: \'foreign\', event }) and is an unknownEvent anomaly; unwrapped, close is the host\'s', () => {
    const actor = createActor(createCallMachine()).start();
    actor.send(c.dial(0));
    actor.send(c.answer(30));
    actor.send({ type: 'foreign', event: { type: 'close', callId: 'c1', at: T0 + 40 } as unknown as CallEvent });
    expect(actor.getSnapshot().status).toBe('active');
    expect(actor.getSnapshot().context.record!.anomalies.map((a) => [a.kind, a.event])).toEqual([['unknownEvent', 'close']]);
    actor.send({ type: 'foreign', event: { ...c.answer(50), callId: 'other' } }); // another call's: ignored
    expect(actor.getSnapshot().context.record!.anomalies).toHaveLength(1);
    actor.send({ type: 'close', at: T0 + 60 });
    expect(actor.getSnapshot().status).toBe('done');
  });

  it('before the dial, an unknown type is kept as a beforeDial anomaly, as foldEvents keeps it', () => {
    const actor = createActor(createCallMachine()).start();
    const early = { type: 'transfer', callId: 'c1', at: T0 - 10 } as unknown as CallEvent;
    actor.send(early);
    actor.send(c.dial(0));
    actor.send(c.hangup(5000, 'caller'));
    expect(actor.getSnapshot().output).toEqual(classify(foldEvents([early, c.dial(0), c.hangup(5000, 'caller')])));
  });

  it('an actor given a call id ignores events of other calls even before the dial', () => {
    const actor = createActor(createCallMachine(), { input: { callId: 'c1' } }).start();
    actor.send({ ...c.answer(0), callId: 'zz' });
    actor.send(c.dial(10));
    expect(actor.getSnapshot().context.record!.anomalies).toEqual([]);
  });
});

describe('createCallMachine: close', () => {
  it('close before the hangup: ends at once with an incomplete anomaly (and a recordAnomaly flag)', () => {
    const { snapshot } = drive([c.dial(0), c.answer(1_000), c.agent(1_500)], ofcom2017, {}, { at: T0 + 9_000 });
    expect(snapshot.status).toBe('done');
    const out = snapshot.output!;
    expect(out.category).toBe('live');
    expect(out.record.anomalies).toEqual([
      { kind: 'incomplete', event: 'hangup', at: T0 + 9_000, detail: expect.stringContaining('closed') },
    ]);
    expect(kinds(out.flags)).toEqual(['recordAnomaly']);
    expect(snapshot.context.deadlines.messageDueAt).toBeNull();
  });

  it('close cancels pending deadlines', () => {
    const { clock, notices, actor } = drive([c.dial(0)], ofcom2017, {}, { at: T0 + 1_000 });
    clock.set(100_000);
    expect(notices).toEqual([]);
    expect(actor.getSnapshot().output!.record.anomalies.map((a) => a.kind)).toEqual(['incomplete']);
  });

  it('close while waiting for a disposition: no anomaly', () => {
    const { snapshot } = drive([c.dial(0), c.answer(1_000), c.agent(1_100), c.hangup(5_000)], ofcom2017, { dispositionWaitMs: 60_000 }, { at: T0 + 6_000 });
    expect(snapshot.status).toBe('done');
    expect(snapshot.output!.record.anomalies).toEqual([]);
  });

  it('close before any dial: output null (there is no record without a dial)', () => {
    const actor = createActor(createCallMachine()).start();
    actor.send(c.answer(0));
    actor.send({ type: 'close', at: T0 + 5 });
    expect(actor.getSnapshot().status).toBe('done');
    expect(actor.getSnapshot().output).toBeNull();
  });

  it('runCall closes a call whose events end before the hangup, at the latest event', () => {
    const r = runCall([c.dial(0), c.answer(1_000)]);
    expect(r.classified.record.anomalies).toEqual([expect.objectContaining({ kind: 'incomplete', at: T0 + 1_000 })]);
    expect(r.deadlines).toEqual([]);
  });
});

describe("createCallMachine(policy, { deadlines: 'ticks' }): the host's ticks instead of timers", () => {
  const ticking = createCallMachine(ofcom2017, { deadlines: 'ticks', dispositionWaitMs: 10_000 });

  it('sets no timer; a tick announces every deadline due by its time, in due order, each once', () => {
    const clock = new SimulatedClock();
    const actor = createActor(ticking, { clock }).start();
    const seen: DeadlineNotice[] = [];
    actor.on('deadline', (n) => void seen.push(n));
    actor.send(c.dial(0));
    actor.send(c.ringing(2_000));
    clock.set(100_000); // no timer runs on the clock
    expect(seen).toEqual([]);
    expect(nextTickAt(actor.getSnapshot())).toBe(T0 + 17_000);
    actor.send({ type: 'tick', at: T0 + 16_999 });
    expect(seen).toEqual([]);
    actor.send({ type: 'tick', at: T0 + 70_000 });
    expect(seen).toEqual([notice('minRingReached', 17_000), notice('maxRingReached', 62_000)]);
    expect(nextTickAt(actor.getSnapshot())).toBeNull();
    actor.send({ type: 'tick', at: T0 + 80_000 });
    expect(seen).toHaveLength(2);
  });

  it('a tick at the end of the disposition wait ends the call; one before does not', () => {
    const actor = createActor(ticking).start();
    for (const e of [c.dial(0), c.answer(1_000), c.agent(1_500), c.hangup(60_000, 'caller')]) actor.send(e);
    expect(actor.getSnapshot().value).toBe('wrapUp');
    expect(nextTickAt(actor.getSnapshot(), 10_000)).toBe(T0 + 70_000);
    actor.send({ type: 'tick', at: T0 + 69_999 });
    expect(actor.getSnapshot().value).toBe('wrapUp');
    actor.send({ type: 'tick', at: T0 + 70_000 });
    expect(actor.getSnapshot().status).toBe('done');
    expect(actor.getSnapshot().output?.category).toBe('live');
  });

  it('a machine with timers ignores ticks', () => {
    const { actor, notices } = drive([c.dial(0), c.answer(1_000)]);
    actor.send({ type: 'tick', at: T0 + 10_000 });
    expect(notices).toEqual([]);
    expect(actor.getSnapshot().context.deadlines.messageDueAt).toBe(T0 + 3_000);
  });

  it("rejects a deadlines option other than 'timers' or 'ticks'", () => {
    expect(() => createCallMachine(ofcom2017, { deadlines: 'clock' as 'ticks' })).toThrow(ValidationError);
  });
});

describe("createCallMachine(policy, { start: 'dialled' }): actors started from their dial", () => {
  const dial = c.dial(0, { amd: true }) as Extract<CallEvent, { type: 'dial' }>;

  it('starts in dialling with the dial applied and the ring deadlines armed (A2.15), as an idle actor is after the dial', () => {
    const dialled = createActor(createCallMachine(ofcom2017, { start: 'dialled' }), { clock: new SimulatedClock(), input: { dial } }).start();
    const idle = createActor(createCallMachine(ofcom2017), { clock: new SimulatedClock() }).start();
    idle.send(dial);
    expect(dialled.getSnapshot().value).toBe('dialling');
    expect(dialled.getSnapshot().context).toEqual(idle.getSnapshot().context);
    expect(dialled.getSnapshot().context.deadlines).toEqual({ minRingAt: T0 + 15_000, maxRingAt: T0 + 60_000, messageDueAt: null });
  });

  it('announces the ring deadlines on its clock and ends with the same output, with timers and with ticks', () => {
    const events = [dial, c.ringing(500), c.hangup(70_000, 'caller')];
    for (const deadlines of ['timers', 'ticks'] as const) {
      const run = drive(events, ofcom2017, { deadlines, start: 'dialled' });
      expect(run.notices.map((n) => n.notice)).toEqual([notice('minRingReached', 15_500), notice('maxRingReached', 60_500)]);
      expect(run.snapshot.output).toEqual(classify(foldEvents(events)));
    }
  });

  it('treats a second dial as a duplicate, as an idle actor does', () => {
    const run = drive([dial, c.dial(100), c.hangup(20_000)], ofcom2017, { deadlines: 'ticks', start: 'dialled' });
    expect(run.snapshot.output!.record.anomalies.map((a) => a.kind)).toEqual(['duplicateDial']);
  });

  it('fails the actor with a ValidationError when the dial is missing, or given to a machine started idle', () => {
    const errorOf = (machine: ReturnType<typeof createCallMachine>, input: { dial?: CallEvent }) => {
      let error: unknown;
      const actor = createActor(machine, { input: input as never });
      actor.subscribe({ error: (e) => void (error = e) });
      actor.start();
      return { error, status: actor.getSnapshot().status };
    };
    const missing = errorOf(createCallMachine(ofcom2017, { start: 'dialled' }), { callId: 'c9' } as never);
    expect(missing.status).toBe('error');
    expect(missing.error).toBeInstanceOf(ValidationError);
    expect(missing.error).toMatchObject({
      path: 'input.dial',
      callId: 'c9',
      received: 'undefined',
      message: "call c9: input.dial should be the call's dial event (the machine was created with start: 'dialled'), received undefined",
    });
    expect(errorOf(createCallMachine(ofcom2017, { start: 'dialled' }), {}).error).toMatchObject({ callId: null, message: expect.stringMatching(/^input: input\.dial should be/) });
    expect(errorOf(createCallMachine(ofcom2017, { start: 'dialled' }), undefined as never).error).toMatchObject({ path: 'input.dial', callId: null });
    const notADial = errorOf(createCallMachine(ofcom2017, { start: 'dialled' }), { dial: c.answer(0) });
    expect(notADial.error).toMatchObject({ path: 'input.dial.type', callId: 'c1', expected: "'dial'", received: 'answer' });
    const unexpected = errorOf(createCallMachine(ofcom2017), { dial });
    expect(unexpected.error).toMatchObject({
      path: 'input.dial',
      received: 'a dial event',
      expected: "absent (give it only to a machine created with start: 'dialled')",
    });
  });

  it("rejects a start option other than 'idle' or 'dialled'", () => {
    expect(() => createCallMachine(ofcom2017, { start: 'ringing' as 'idle' })).toThrow(ValidationError);
    expect(() => createCallMachine(ofcom2017, { start: 'ringing' as 'idle' })).toThrow("start should be 'idle' or 'dialled', received ringing");
    expect(() => createCallMachine(ofcom2017, { start: 'idle' })).not.toThrow();
  });
});

describe('createCallMachine and runCall: edges', () => {
  it('rejects an invalid dispositionWaitMs with a ValidationError', () => {
    expect(() => createCallMachine(ofcom2017, { dispositionWaitMs: -1 })).toThrow(ValidationError);
    expect(() => createCallMachine(ofcom2017, { dispositionWaitMs: Number.NaN })).toThrow(/dispositionWaitMs/);
  });

  it('runCall throws like foldEvents: no dial, or mixed calls', () => {
    expect(() => runCall([])).toThrow(MissingDialError);
    expect(() => runCall([c.answer(0)])).toThrow(MissingDialError);
    expect(() => runCall([c.dial(0), { ...c.answer(10), callId: 'c2' }])).toThrow(MixedCallsError);
  });

  it('runCall passes classify options through', () => {
    const events = [c.dial(0), c.answer(1_000), c.agent(1_100), c.recording(1_200, false), c.hangup(5_000)];
    expect(kinds(runCall(events).classified.flags)).toEqual(['recordingWithoutNotice']);
    expect(runCall(events, ofcom2017, { classify: { standingRecordingNotice: ['camp'] } }).classified.flags).toEqual([]);
  });

  it('the snapshot is plain data and its context survives JSON', () => {
    const { actor } = drive([c.dial(0), c.answer(1_000)]);
    const ctx = actor.getSnapshot().context;
    expect(JSON.parse(JSON.stringify(ctx))).toEqual(ctx);
  });
});

describe('the documented example', () => {
  it('works as written', () => {
    const machine = createCallMachine();
    const clock = new SimulatedClock();
    const actor = createActor(machine, { clock }).start();
    const log: string[] = [];
    actor.on('deadline', (n) => void log.push(`${n.kind} ${n.at}`));
    actor.send({ type: 'dial', callId: 'c1', at: 0, campaignId: 'k', callCentreId: 'cc', to: '01612345678', cli: '03001234567', agentGuaranteed: false, amd: false, messagePlanned: true });
    expect(actor.getSnapshot().context.deadlines).toEqual({ minRingAt: 15_000, maxRingAt: 60_000, messageDueAt: null });
    clock.set(15_000);
    expect(log).toEqual(['minRingReached 15000']);
    actor.send({ type: 'hangup', callId: 'c1', at: 15_000, by: 'caller' });
    expect(actor.getSnapshot().output?.category).toBe('unconnected');
  });

  it("README 'The call machine': with the clock kept at the events' pace (set to 4000 before the answer at 4000), messageDue fires at 6000", () => {
    const machine = createCallMachine();
    const clock = new SimulatedClock();
    const call = createActor(machine, { clock, input: { callId: 'c1' } }).start();
    const fired: [string, number, number][] = [];
    call.on('deadline', (n) => void fired.push([n.kind, n.at, clock.now()]));
    call.send({ type: 'dial', callId: 'c1', at: 0, campaignId: 'spring', callCentreId: 'leeds', to: '01134961234', cli: '01134961000', agentGuaranteed: false, amd: false, messagePlanned: true });
    clock.set(4_000);
    call.send({ type: 'answer', callId: 'c1', at: 4_000 });
    clock.set(5_999);
    expect(fired).toEqual([]);
    clock.set(6_000);
    expect(fired).toEqual([['messageDue', 6_000, 6_000]]);
    expect(call.getSnapshot().context.deadlines).toEqual({ minRingAt: null, maxRingAt: null, messageDueAt: null });
  });

  it("a clock behind the events' at fires a timer early: its delay runs from the event's time (the README's example sent the answer at 4000 with the clock at 0)", () => {
    const clock = new SimulatedClock();
    const call = createActor(createCallMachine(), { clock, input: { callId: 'c1' } }).start();
    const fired: [string, number, number][] = [];
    call.on('deadline', (n) => void fired.push([n.kind, n.at, clock.now()]));
    call.send({ type: 'dial', callId: 'c1', at: 0, campaignId: 'spring', callCentreId: 'leeds', to: '01134961234', cli: '01134961000', agentGuaranteed: false, amd: false, messagePlanned: true });
    call.send({ type: 'answer', callId: 'c1', at: 4_000 });
    clock.set(2_000);
    expect(fired).toEqual([['messageDue', 6_000, 2_000]]); // the notice's at is still exact: it is computed from the events
  });
});
