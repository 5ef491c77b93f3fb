/**
 * README "Bad input": "Nothing in a running call machine or operator throws because of one
 * call's data … and never loses the other calls' state". `callRecords` takes unvalidated
 * events (JavaScript callers): a dial whose fields the engine reads are not of their type
 * (`recordShapeProblem`), or an input that is not an object, is reported to `onAnomaly`
 * (`invalidEvent`) and starts no call. Before, such a dial made a record with the field
 * `undefined`, on which `acr()` and `misuse()` threw a TypeError that ended the stream; a
 * `null` ended it inside `callRecords`, dropping every call in flight.
 */
import { describe, expect, it } from 'vitest';
import { from, Subject } from 'rxjs';
import { acr, callRecords, classified, misuse, type AcrUpdate, type CallEvent, type CallRecord, type MisuseUpdate, type StreamAnomaly, type TickEvent } from '../../src/index.js';
import { call, T0 } from '../machine/calls.js';

const a = call('a');
const b = call('b');
/** a's dial without `field`. */
function without(field: string): CallEvent {
  const dial = { ...a.dial(0) } as Record<string, unknown>;
  delete dial[field];
  return dial as unknown as CallEvent;
}
const stream = (dialA: CallEvent) => [dialA, b.dial(0), a.answer(1_000), a.agent(1_500), a.hangup(9_000), b.answer(1_000), b.agent(1_200), b.hangup(9_500)];

function run(inputs: readonly unknown[]) {
  const records: CallRecord[] = [];
  const anomalies: StreamAnomaly[] = [];
  const end: { error?: unknown; completed: boolean } = { completed: false };
  const s = new Subject<CallEvent | TickEvent>();
  s.pipe(callRecords({ onAnomaly: (x) => void anomalies.push(x) })).subscribe({
    next: (r) => void records.push(r),
    error: (e: unknown) => void (end.error = e),
    complete: () => void (end.completed = true),
  });
  for (const i of inputs) s.next(i as CallEvent);
  s.complete();
  return { records, anomalies, end };
}

describe('callRecords: a dial missing campaignId, callCentreId or to', () => {
  for (const field of ['campaignId', 'callCentreId']) {
    it(`→ classified → acr(): a dial with no ${field} does not end the stream (a TypeError did); call b is counted`, () => {
      const got: AcrUpdate[] = [];
      let error: unknown;
      from(stream(without(field))).pipe(callRecords(), classified(), acr()).subscribe({ next: (u) => void got.push(u), error: (e) => (error = e) });
      expect(error).toBeUndefined();
      expect(got.map((u) => u.call.record.callId)).toEqual(['b']);
    });
  }
  for (const field of ['campaignId', 'to']) {
    it(`→ classified → misuse(): a dial with no ${field} does not end the stream (a TypeError did); call b is emitted`, () => {
      const got: MisuseUpdate[] = [];
      let error: unknown;
      from(stream(without(field))).pipe(callRecords(), classified(), misuse()).subscribe({ next: (u) => void got.push(u), error: (e) => (error = e) });
      expect(error).toBeUndefined();
      expect(got.map((u) => u.call.record.callId)).toEqual(['b']);
    });
  }

  it('is reported (invalidEvent, naming the field) and starts no call: its later events are unknownCall', () => {
    const { records, anomalies, end } = run(stream(without('callCentreId')));
    expect(end).toEqual({ completed: true });
    expect(records.map((r) => r.callId)).toEqual(['b']);
    expect(anomalies.map((x) => [x.kind, x.callId, x.event])).toEqual([
      ['invalidEvent', 'a', 'dial'],
      ['unknownCall', 'a', 'answer'],
      ['unknownCall', 'a', 'agent'],
      ['unknownCall', 'a', 'hangup'],
    ]);
    expect(anomalies[0]).toMatchObject({ at: T0, detail: expect.stringContaining('callCentreId should be a string, received undefined') });
  });

  it('so is a dial whose call id, cli or number is not of its type; the call id is then given as ""', () => {
    const bad = [
      { ...a.dial(0), callId: 7 },
      { ...a.dial(0), cli: 44 },
      { ...a.dial(0), to: null },
    ];
    const { records, anomalies } = run([...bad, b.dial(0), b.hangup(20_000)]);
    expect(records.map((r) => r.callId)).toEqual(['b']);
    expect(anomalies.map((x) => [x.kind, x.callId, x.detail.match(/: (\w+) should be/)?.[1]])).toEqual([
      ['invalidEvent', '', 'callId'],
      ['invalidEvent', 'a', 'cli'],
      ['invalidEvent', 'a', 'to'],
    ]);
  });
});

describe('callRecords: an input that is not an event', () => {
  it('null, a string or a number is reported (invalidEvent) and skipped: the stream goes on, the call in flight is emitted (a TypeError dropped it)', () => {
    const { records, anomalies, end } = run([a.dial(0), null, a.answer(1_000), 'answer', 42, undefined, a.agent(1_500), a.hangup(9_000)]);
    expect(end).toEqual({ completed: true });
    expect(records.map((r) => [r.callId, r.anomalies])).toEqual([['a', []]]);
    expect(anomalies.map((x) => [x.kind, x.callId, x.event])).toEqual([
      ['invalidEvent', '', 'null'],
      ['invalidEvent', '', '"answer"'],
      ['invalidEvent', '', '42'],
      ['invalidEvent', '', 'undefined'],
    ]);
  });
});
