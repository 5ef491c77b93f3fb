/**
 * Unsubscribing stops the source at once, as RxJS's own operators do: every operator links
 * its source's subscriber to its own before subscribing (`linkedSubscriber`), so `take(1)`
 * downstream of a synchronous source pulls no more than it needs, an endless synchronous
 * source ends, and no host callback is called after the consumer left.
 */
import { describe, expect, it } from 'vitest';
import { from, Subject, take, throwError, concat, type Observable } from 'rxjs';
import {
  acr,
  acrCounters,
  callRecords,
  classified,
  classify,
  createDialGuard,
  foldEvents,
  guard,
  misuse,
  ofcom2017,
  pacing,
  type CallEvent,
  type CallRecord,
  type ClassifiedCall,
  type DialRequest,
  type LiveDeadlineNotice,
  type TickEvent,
} from '../../src/index.js';
import { callEvents, T0 } from '../support/calls.js';

/** A synchronous source that counts how many items were pulled from it; endless when `cycle`. */
function counted<T>(items: readonly T[], cycle = false): { source: Observable<T>; pulled: () => number } {
  let n = 0;
  function* gen(): Generator<T> {
    do {
      for (const item of items) {
        n++;
        yield item;
      }
    } while (cycle);
  }
  return { source: from(gen()), pulled: () => n };
}

/** Five calls, one after the other, each ringing 20 s unanswered (a minRingReached notice each). */
const events: CallEvent[] = Array.from({ length: 5 }, (_, i) =>
  callEvents(`c${i}`, [['ringing', 0], ['hangup', 20_000, 'caller']], { at: i * 60_000, to: `0163296000${i}` }),
).flat();
const calls: ClassifiedCall[] = [0, 3, 6, 9, 12].map((at) => classify(foldEvents(events.slice(at, at + 3))));
const requests: DialRequest[] = Array.from({ length: 5 }, (_, i) => ({
  to: `0163296000${i}`,
  cli: '01134961000',
  campaignId: 'spring',
  at: T0 + i * 1000,
  agentGuaranteed: false,
}));

describe('operators: unsubscribing from a synchronous source stops it at once', () => {
  it('callRecords + take(1): the source stops at the event that ended the first call; no notice after the consumer left', () => {
    const { source, pulled } = counted(events);
    const notices: LiveDeadlineNotice[] = [];
    let noticesAtComplete = -1;
    source.pipe(callRecords({ onDeadline: (n) => void notices.push(n) }), take(1)).subscribe({ complete: () => void (noticesAtComplete = notices.length) });
    expect(noticesAtComplete).toBe(1);
    expect(notices.length).toBe(1);
    expect(pulled()).toBe(3);
  });

  it.each([
    ['acr', acr()],
    ['misuse', misuse()],
    ['pacing', pacing(ofcom2017, { targetAcr: 0.025 })],
  ] as const)('%s + take(1): one call pulled', (_, operator) => {
    const { source, pulled } = counted(calls);
    source.pipe(operator as ReturnType<typeof acr>, take(1)).subscribe();
    expect(pulled()).toBe(1);
  });

  it('acrCounters (emits at completion): unsubscribing leaves the source unobserved', () => {
    const input = new Subject<ClassifiedCall>();
    const sub = input.pipe(acrCounters()).subscribe();
    input.next(calls[0]!);
    sub.unsubscribe();
    expect(input.observed).toBe(false);
  });

  it('guard + take(1): one request pulled', () => {
    const { source, pulled } = counted(requests);
    source.pipe(guard(createDialGuard()), take(1)).subscribe();
    expect(pulled()).toBe(1);
  });

  it('the whole live chain (callRecords → classified → acr) stops', () => {
    const { source, pulled } = counted(events);
    source.pipe(callRecords(), classified(), acr(), take(1)).subscribe();
    expect(pulled()).toBe(3);
  });

  it('an endless synchronous source ends under take(n), through every operator', () => {
    const live = counted(events, true);
    const records: CallRecord[] = [];
    // The same five call ids again and again: with no dedupe window each round's are new calls, not redeliveries.
    live.source.pipe(callRecords({ dedupeWindow: 0 }), take(7)).subscribe((r) => void records.push(r));
    expect(records).toHaveLength(7);
    expect(live.pulled()).toBe(21);
    for (const operator of [acr(), misuse(), pacing(ofcom2017, { targetAcr: 0.025 })] as const) {
      const endless = counted(calls, true);
      let n = 0;
      endless.source.pipe(operator as ReturnType<typeof acr>, take(12)).subscribe(() => void n++);
      expect([n, endless.pulled()]).toEqual([12, 12]);
    }
    const endless = counted(requests, true);
    endless.source.pipe(guard(createDialGuard()), take(3)).subscribe();
    expect(endless.pulled()).toBe(3);
  });

  it('an error thrown by a malformed call stops a synchronous source at once (misuse)', () => {
    const { source, pulled } = counted([calls[0]!, { ...calls[1]!, record: null } as unknown as ClassifiedCall, calls[2]!, calls[3]!]);
    const errors: unknown[] = [];
    source.pipe(misuse()).subscribe({ error: (e) => void errors.push(e) });
    expect(errors).toHaveLength(1);
    expect(pulled()).toBe(2);
  });
});

describe('callRecords: the consumer leaving, or the source failing, drops the calls in flight', () => {
  it('unsubscribing from a live source: the source loses its subscriber, and no callback comes after', () => {
    const input = new Subject<CallEvent | TickEvent>();
    const notices: LiveDeadlineNotice[] = [];
    const anomalies: unknown[] = [];
    const sub = input.pipe(callRecords({ onDeadline: (n) => void notices.push(n), onAnomaly: (a) => void anomalies.push(a) })).subscribe();
    for (const e of callEvents('a', [['ringing', 0]])) input.next(e);
    expect(input.observed).toBe(true);
    sub.unsubscribe();
    expect(input.observed).toBe(false);
    input.next({ type: 'tick', at: T0 + 60_000 });
    input.next({ type: 'agent', callId: 'ghost', at: T0 + 60_000 });
    expect([notices, anomalies]).toEqual([[], []]);
  });

  it('a source error: the error goes to the subscriber; calls in flight are not emitted', () => {
    const boom = new Error('dialler link lost');
    const records: CallRecord[] = [];
    const errors: unknown[] = [];
    const notices: LiveDeadlineNotice[] = [];
    const firstCall = events.slice(0, 3);
    const inFlight = callEvents('open', [['ringing', 0]], { at: 120_000 });
    concat(from([...firstCall, ...inFlight]), throwError(() => boom))
      .pipe(callRecords({ onDeadline: (n) => void notices.push(n) }))
      .subscribe({ next: (r) => void records.push(r), error: (e) => void errors.push(e) });
    expect(records.map((r) => r.callId)).toEqual(['c0']);
    expect(errors).toEqual([boom]);
    expect(notices).toHaveLength(1); // c0's only: the open call's deadlines never come
  });
});
