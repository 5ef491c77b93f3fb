/**
 * callRecords' bounded state (issue 11 item 4): calls that never hang up are closed when
 * they reach `maxCallAgeMs`, or, oldest first, when `maxInFlight` would be exceeded — each
 * with an `incomplete` anomaly, and emitted: nothing is dropped silently. A dial whose `at`
 * is no time ages from the operator's clock.
 */
import { describe, expect, it } from 'vitest';
import { from, lastValueFrom, Subject, toArray } from 'rxjs';
import fc from 'fast-check';
import {
  callRecords,
  classify,
  DEFAULT_MAX_CALL_AGE_MS,
  DEFAULT_MAX_IN_FLIGHT,
  ValidationError,
  type CallEvent,
  type CallRecord,
  type StreamAnomaly,
  type TickEvent,
} from '../../src/internals.js';
import { callEvents, dial, T0 } from '../support/calls.js';

const tick = (ms: number): TickEvent => ({ type: 'tick', at: T0 + ms });
const HOUR = 60 * 60 * 1000;

describe('callRecords: maxCallAgeMs', () => {
  it('defaults to 4 hours and 100,000 calls', () => {
    expect(DEFAULT_MAX_CALL_AGE_MS).toBe(4 * HOUR);
    expect(DEFAULT_MAX_IN_FLIGHT).toBe(100_000);
  });

  it('closes a call still in flight 4 h after its dial, at that moment, with an incomplete anomaly naming the limit, and emits it', () => {
    const out: CallRecord[] = [];
    const input = new Subject<CallEvent | TickEvent>();
    input.pipe(callRecords()).subscribe((r) => out.push(r));
    for (const e of callEvents('stuck', [['answer', 1_000], ['agent', 1_500]])) input.next(e);
    input.next(tick(4 * HOUR - 1));
    expect(out).toEqual([]);
    input.next(tick(4 * HOUR + 30_000));
    expect(out.map((r) => r.callId)).toEqual(['stuck']);
    expect(out[0]!.anomalies).toEqual([
      expect.objectContaining({ kind: 'incomplete', at: T0 + 4 * HOUR, detail: expect.stringContaining('maxCallAgeMs') }),
    ]);
    // its later events are for a call no longer in flight
    const anomalies: StreamAnomaly[] = [];
    const again = new Subject<CallEvent | TickEvent>();
    again.pipe(callRecords({ maxCallAgeMs: 10_000, onAnomaly: (a) => anomalies.push(a) })).subscribe();
    again.next(dial('x'));
    again.next({ type: 'hangup', callId: 'x', at: T0 + 10_000, by: 'caller' });
    expect(anomalies).toEqual([expect.objectContaining({ kind: 'unknownCall', callId: 'x', event: 'hangup' })]);
  });

  it('property: a call is closed when the clock reaches dial + maxCallAgeMs, not a millisecond before', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 * HOUR }), fc.integer({ min: -3, max: 3 }), fc.integer({ min: 0, max: 60_000 }), (maxCallAgeMs, offset, dialAt) => {
        const out: CallRecord[] = [];
        const input = new Subject<CallEvent | TickEvent>();
        input.pipe(callRecords({ maxCallAgeMs })).subscribe((r) => out.push(r));
        input.next(dial('a', dialAt));
        input.next(tick(dialAt + maxCallAgeMs + offset));
        expect(out.length).toBe(offset >= 0 ? 1 : 0);
        if (offset >= 0) expect(out[0]!.anomalies).toEqual([expect.objectContaining({ kind: 'incomplete', at: T0 + dialAt + maxCallAgeMs })]);
      }),
      { numRuns: 200 },
    );
  });

  it('an event of a call in flight moves the clock too, closing the calls that reached their age', () => {
    const events = [dial('old', 0), dial('young', 50_000), { type: 'ringing', callId: 'young', at: T0 + 70_001 } as CallEvent];
    const records: CallRecord[] = [];
    from(events).pipe(callRecords({ maxCallAgeMs: 70_000 })).subscribe((r) => records.push(r));
    expect(records.map((r) => [r.callId, r.anomalies[0]?.at])).toEqual([
      ['old', T0 + 70_000],
      ['young', T0 + 70_001], // closed when the stream completed
    ]);
  });
});

describe('callRecords: maxInFlight', () => {
  it('a dial beyond the limit closes the oldest call in flight first and emits it; the others go on', async () => {
    const a = callEvents('a', [['answer', 1_000]]);
    const b = callEvents('b', [['answer', 1_000], ['agent', 1_200], ['hangup', 9_000, 'caller']], { at: 100 });
    const c = callEvents('c', [['ringing', 100], ['hangup', 20_000, 'caller']], { at: 200 });
    const events = [...a, ...b, ...c].sort((x, y) => x.at - y.at);
    const records = await lastValueFrom(from(events).pipe(callRecords({ maxInFlight: 2 }), toArray()));
    expect(records.map((r) => [r.callId, r.anomalies.map((x) => x.kind)])).toEqual([
      ['a', ['incomplete']],
      ['b', []],
      ['c', []],
    ]);
    expect(records[0]!.anomalies[0]!.detail).toContain('maxInFlight');
  });

  it('10,000 calls that never hang up: never more than 1,000 in flight; every call is emitted, none dropped', () => {
    const out: CallRecord[] = [];
    const input = new Subject<CallEvent | TickEvent>();
    input.pipe(callRecords({ maxInFlight: 1_000 })).subscribe((r) => out.push(r));
    for (let i = 0; i < 10_000; i++) {
      input.next(dial(`n${i}`, i * 10));
      // in flight = dialled - emitted
      expect(i + 1 - out.length).toBeLessThanOrEqual(1_000);
    }
    expect(out).toHaveLength(9_000);
    expect(out.map((r) => r.callId)).toEqual(Array.from({ length: 9_000 }, (_, i) => `n${i}`));
    input.complete();
    expect(out).toHaveLength(10_000);
    expect(out.every((r) => r.anomalies.length === 1 && r.anomalies[0]!.kind === 'incomplete')).toBe(true);
  });
});

describe('callRecords: limit options', () => {
  it('rejects a limit that is not above 0 (or a fractional number of calls) with a ValidationError', () => {
    for (const maxCallAgeMs of [0, -1, Number.NaN]) expect(() => callRecords({ maxCallAgeMs }), String(maxCallAgeMs)).toThrow(ValidationError);
    for (const maxInFlight of [0, -5, 1.5, Number.NaN]) expect(() => callRecords({ maxInFlight }), String(maxInFlight)).toThrow(/maxInFlight/);
    expect(() => callRecords({ maxCallAgeMs: Infinity, maxInFlight: Infinity })).not.toThrow();
  });
});

describe('callRecords: maxCallAgeMs of a dial whose at is no time (NaN)', () => {
  const at = (callId: string, type: 'answer' | 'agent', ms: number): CallEvent => ({ type, callId, at: T0 + ms });
  const hangup = (callId: string, ms: number): CallEvent => ({ type: 'hangup', callId, at: T0 + ms, by: 'caller' });
  const nanDial: CallEvent = { ...dial('a'), at: Number.NaN };

  /** Runs inputs, not completing the stream unless asked; records and stream anomalies. */
  const run = (inputs: readonly (CallEvent | TickEvent)[], options: Parameters<typeof callRecords>[0] = {}, complete = false) => {
    const records: CallRecord[] = [];
    const anomalies: StreamAnomaly[] = [];
    const s = new Subject<CallEvent | TickEvent>();
    s.pipe(callRecords({ ...options, onDeadline: () => {}, onAnomaly: (x) => void anomalies.push(x) })).subscribe((r) => void records.push(r));
    for (const i of inputs) s.next(i);
    if (complete) s.complete();
    return { records, anomalies };
  };

  it('ages from the clock when it came: closed (incomplete, maxCallAgeMs) once the clock is maxCallAgeMs past that (it was never closed)', () => {
    const { records } = run([dial('b'), at('b', 'answer', 1_000), nanDial, { type: 'tick', at: T0 + 10_999 }], { maxCallAgeMs: 10_000 });
    expect(records.map((r) => r.callId)).toEqual(['b']); // b dialled at 0: closed at 10 s; a came with the clock at 1 s
    const later = run([dial('b'), at('b', 'answer', 1_000), nanDial, { type: 'tick', at: T0 + 3_600_000 }], { maxCallAgeMs: 10_000 });
    expect(later.records.map((r) => [r.callId, r.anomalies.at(-1)?.kind, r.anomalies.at(-1)?.at])).toEqual([
      ['b', 'incomplete', T0 + 10_000],
      ['a', 'incomplete', T0 + 11_000],
    ]);
    expect(later.records[1]!.anomalies.at(-1)!.detail).toContain('maxCallAgeMs');
  });

  it('before the clock has a time, from the first time it gets', () => {
    const { records } = run([nanDial, { type: 'tick', at: T0 + 5_000 }, { type: 'tick', at: T0 + 14_999 }], { maxCallAgeMs: 10_000 });
    expect(records).toEqual([]);
    const later = run([nanDial, { type: 'tick', at: T0 + 5_000 }, { type: 'tick', at: T0 + 15_000 }], { maxCallAgeMs: 10_000 });
    expect(later.records.map((r) => [r.callId, r.anomalies.at(-1)?.at])).toEqual([['a', T0 + 15_000]]);
  });

  it('its event with a stray at 5 h ahead is past its age limit: ignored, the clock unmoved (it closed b, which hangs up normally at 60 s)', () => {
    const { records, anomalies } = run([dial('b'), at('b', 'answer', 1_000), nanDial, at('a', 'answer', 1_500), hangup('a', 5 * HOUR), at('b', 'agent', 2_000), hangup('b', 60_000)], {}, true);
    expect(anomalies.map((x) => [x.kind, x.callId, x.event])).toEqual([['unknownCall', 'a', 'hangup']]);
    const got = new Map(records.map((r) => [r.callId, r]));
    expect(got.get('b')!.anomalies).toEqual([]);
    expect(got.get('b')!.hangupAt).toBe(T0 + 60_000);
    expect(classify(got.get('b')!).category).toBe('live');
  });
});
