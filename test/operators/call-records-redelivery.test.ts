/**
 * A call redelivered after it ended (at-least-once delivery): `callRecords` keeps the ids of
 * the latest calls ended (`dedupeWindow`, default `DEFAULT_DEDUPE_WINDOW`); a dial for one of
 * them starts no call and is reported (`duplicateDial`), its later events are `unknownCall`.
 * Before, it started a second call with the same id, silently: one call emitted, and
 * counted by `acr()`, twice.
 */
import { describe, expect, it } from 'vitest';
import { from, Subject } from 'rxjs';
import { acr, callRecords, classified, ValidationError, type AcrUpdate, type CallEvent, type CallRecord, type StreamAnomaly } from '../../src/index.js';
import { DEFAULT_DEDUPE_WINDOW } from '../../src/operators/call-records.js';
import { call, T0 } from '../machine/calls.js';

const a = call('a');
const once = [a.dial(0), a.answer(1_000), a.message(1_500), a.hangup(9_000)];

function run(inputs: readonly CallEvent[], options: Parameters<typeof callRecords>[0] = {}) {
  const records: CallRecord[] = [];
  const anomalies: StreamAnomaly[] = [];
  const s = new Subject<CallEvent>();
  s.pipe(callRecords({ ...options, onAnomaly: (x) => void anomalies.push(x) })).subscribe((r) => void records.push(r));
  for (const i of inputs) s.next(i);
  s.complete();
  return { records, anomalies };
}

describe('callRecords: a call redelivered after it ended', () => {
  it('is emitted once; its dial is reported as duplicateDial, its other events as unknownCall', () => {
    const { records, anomalies } = run([...once, ...once]);
    expect(records.map((r) => r.callId)).toEqual(['a']);
    expect(anomalies.map((x) => [x.kind, x.callId, x.event, x.at])).toEqual([
      ['duplicateDial', 'a', 'dial', T0],
      ['unknownCall', 'a', 'answer', T0 + 1_000],
      ['unknownCall', 'a', 'message', T0 + 1_500],
      ['unknownCall', 'a', 'hangup', T0 + 9_000],
    ]);
    expect(anomalies[0]!.detail).toContain('ended already');
  });

  it('→ classified → acr(): one abandoned call is counted once (it was counted twice)', () => {
    const updates: AcrUpdate[] = [];
    from([...once, ...once]).pipe(callRecords(), classified(), acr({ scopes: ['all'] })).subscribe((u) => void updates.push(u));
    expect(updates).toHaveLength(1);
    expect(updates.at(-1)!.rows[0]!.counts.calls).toBe(1);
  });

  it('also after its call was closed by a limit (maxInFlight), and whatever the time of the redelivery', () => {
    const b = call('b');
    const { records, anomalies } = run([a.dial(0), b.dial(100), a.dial(0), { ...a.dial(0), at: T0 + 10 * 86_400_000 }], { maxInFlight: 1 });
    expect(records.map((r) => [r.callId, r.anomalies.map((x) => x.kind)])).toEqual([
      ['a', ['incomplete']],
      ['b', ['incomplete']],
    ]);
    expect(anomalies.map((x) => [x.kind, x.callId])).toEqual([
      ['duplicateDial', 'a'],
      ['duplicateDial', 'a'],
    ]);
  });
});

describe('callRecords: dedupeWindow, the ids of the latest calls ended', () => {
  const calls = (ids: readonly string[]) => ids.flatMap((id, i) => [call(id).dial(i * 100), call(id).hangup(i * 100 + 20_000)]);

  it('defaults to 100,000 ids', () => {
    expect(DEFAULT_DEDUPE_WINDOW).toBe(100_000);
  });

  it('is bounded: an id ended before the latest `dedupeWindow` is forgotten, and its dial starts a call again', () => {
    const events = [...calls(['a', 'b', 'c']), ...calls(['b', 'a'])];
    // When the redeliveries come, a window of 2 holds b and c: b's dial is a duplicate, a's starts a call again.
    const two = run(events, { dedupeWindow: 2 });
    expect(two.records.map((r) => r.callId)).toEqual(['a', 'b', 'c', 'a']);
    expect(two.anomalies.filter((x) => x.kind === 'duplicateDial').map((x) => x.callId)).toEqual(['b']);
    const all = run(events, { dedupeWindow: 3 });
    expect(all.records.map((r) => r.callId)).toEqual(['a', 'b', 'c']);
  });

  it('0 turns it off (every dial for an id not in flight starts a call); a number that is not a whole one from 0 is a ValidationError', () => {
    expect(run([...once, ...once], { dedupeWindow: 0 }).records.map((r) => r.callId)).toEqual(['a', 'a']);
    for (const dedupeWindow of [-1, 1.5, Number.NaN]) expect(() => callRecords({ dedupeWindow }), String(dedupeWindow)).toThrow(ValidationError);
    expect(() => callRecords({ dedupeWindow: Infinity })).not.toThrow();
  });
});
