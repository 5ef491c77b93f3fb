/**
 * An error thrown by a host callback goes to the subscriber, at once, and tears down as a
 * source error does: never an uncaught exception later on a timer (XState's and RxJS's
 * `reportUnhandledError`), which would end a Node process. `callRecords`' `onDeadline` and
 * `onAnomaly`, and `guard`'s `isBarred` and `onRefused`.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Subject } from 'rxjs';
import { callRecords, createDialGuard, guard, ofcom2017, type CallEvent, type CallRecord, type DialRequest, type TickEvent } from '../../src/index.js';
import { callEvents, T0 } from '../support/calls.js';

beforeEach(() => {
  vi.useFakeTimers(); // a re-throw on a timer is then counted, not a crash of the run
});
afterEach(() => {
  vi.clearAllTimers();
  vi.useRealTimers();
});

function harness(options: Parameters<typeof callRecords>[0]) {
  const input = new Subject<CallEvent | TickEvent>();
  const records: CallRecord[] = [];
  const errors: unknown[] = [];
  input.pipe(callRecords(options)).subscribe({ next: (r) => void records.push(r), error: (e) => void errors.push(e) });
  return { input, records, errors };
}

describe('callRecords: an error thrown by a host callback', () => {
  it('onDeadline throws: the error reaches the subscriber in the same next, nothing on a timer, the source is left', () => {
    const boom = new Error('dialler.act failed');
    let calls = 0;
    const { input, records, errors } = harness({
      onDeadline: () => {
        calls++;
        throw boom;
      },
    });
    for (const e of callEvents('other', [['ringing', 0]], { at: 0, to: '01632960009' })) input.next(e);
    // a call that rings 20 s unanswered: minRingReached at ring + 15 s, delivered when the hangup moves the clock
    for (const e of callEvents('a', [['ringing', 0], ['hangup', 20_000, 'caller']])) input.next(e);
    expect(vi.getTimerCount()).toBe(0);
    expect(errors).toEqual([boom]);
    expect(calls).toBe(1); // the other call's notice, due too, is not delivered after the failure
    expect(records).toEqual([]); // the hangup is not handled after the failure, nor the other call emitted
    expect(input.observed).toBe(false);
  });

  it('onDeadline throws on a tick: the same', () => {
    const boom = new Error('dialler.act failed');
    const { input, errors } = harness({ onDeadline: () => { throw boom; } });
    for (const e of callEvents('a', [['ringing', 0]])) input.next(e);
    input.next({ type: 'tick', at: T0 + 60_000 });
    expect(vi.getTimerCount()).toBe(0);
    expect(errors).toEqual([boom]);
    expect(input.observed).toBe(false);
  });

  it('onAnomaly throws: the error reaches the subscriber, nothing on a timer, the source is left', () => {
    const boom = new Error('anomaly sink failed');
    const { input, errors } = harness({ onAnomaly: () => { throw boom; } });
    input.next({ type: 'agent', callId: 'ghost', at: T0 }); // not in flight: unknownCall
    expect(vi.getTimerCount()).toBe(0);
    expect(errors).toEqual([boom]);
    expect(input.observed).toBe(false);
  });

  it('a callback that does not throw: the stream goes on (no change)', () => {
    const seen: string[] = [];
    const { input, records, errors } = harness({ onAnomaly: (a) => void seen.push(a.kind), onDeadline: (n) => void seen.push(n.kind) });
    input.next({ type: 'agent', callId: 'ghost', at: T0 });
    for (const e of callEvents('a', [['ringing', 0], ['hangup', 20_000, 'caller']])) input.next(e);
    expect(seen).toEqual(['unknownCall', 'minRingReached']);
    expect(records.map((r) => r.callId)).toEqual(['a']);
    expect(errors).toEqual([]);
    input.complete();
  });
});

describe('guard: an error thrown by the host goes to the subscriber (consistent with callRecords)', () => {
  const request = (i: number): DialRequest => ({ to: `0163296000${i}`, cli: '01134961000', campaignId: 'spring', at: T0 + i * 1000, agentGuaranteed: false });

  it('isBarred throws: error at once, nothing on a timer, the source is left', () => {
    const boom = new Error('TPS lookup failed');
    const input = new Subject<DialRequest>();
    const errors: unknown[] = [];
    input.pipe(guard(createDialGuard(ofcom2017, { isBarred: () => { throw boom; } }))).subscribe({ error: (e) => void errors.push(e) });
    input.next(request(0));
    expect(vi.getTimerCount()).toBe(0);
    expect(errors).toEqual([boom]);
    expect(input.observed).toBe(false);
  });

  it('onRefused throws: the same', () => {
    const boom = new Error('refusal log failed');
    const input = new Subject<DialRequest>();
    const errors: unknown[] = [];
    input.pipe(guard(createDialGuard(ofcom2017, { isBarred: () => true }), { onRefused: () => { throw boom; } })).subscribe({ error: (e) => void errors.push(e) });
    input.next(request(0));
    expect(vi.getTimerCount()).toBe(0);
    expect(errors).toEqual([boom]);
    expect(input.observed).toBe(false);
  });
});
