import { describe, expect, it } from 'vitest';
import { from, lastValueFrom, Subject, toArray } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { ofcom2017 } from '../../src/index.js';
import { createDialGuard } from '../../src/guard/dial-guard.js';
import type { DialRequest } from '../../src/guard/types.js';
import { guard, type RefusedDial } from '../../src/operators/guard.js';
import { call, HOUR, request, T0, WINDOW } from './helpers.js';

interface MyRequest extends DialRequest {
  readonly leadId: number;
}

describe('guard operator', () => {
  it('emits allowed requests and hands refused ones, with reasons, to the callback (marble test)', () => {
    const scheduler = new TestScheduler((a, b) => expect(a).toEqual(b));
    scheduler.run(({ cold, expectObservable }) => {
      const dialGuard = createDialGuard(ofcom2017);
      dialGuard.record(call('a1', T0, 'abandoned', { to: '01632960002' }));
      const refused: RefusedDial<MyRequest>[] = [];
      const a: MyRequest = { ...request(T0 + HOUR, { to: '01632960001' }), leadId: 1 };
      const b: MyRequest = { ...request(T0 + HOUR, { to: '01632960002' }), leadId: 2 };
      const c: MyRequest = { ...request(T0 + HOUR, { to: '01632960003', cli: null }), leadId: 3 };
      const d: MyRequest = { ...request(T0 + 2 * HOUR, { to: '01632960004' }), leadId: 4 };
      const requests = cold('a-b-c-d|', { a, b, c, d });
      expectObservable(requests.pipe(guard(dialGuard, { onRefused: (r) => refused.push(r) }))).toBe('a-----d|', { a, d });
      scheduler.flush();
      expect(refused).toEqual([
        { request: b, reasons: [expect.objectContaining({ kind: 'repeatWithin72h', until: T0 + WINDOW })], retryAt: T0 + WINDOW },
        { request: c, reasons: [{ kind: 'cliWithheld', ref: 'A1.20', detail: { cli: null } }] },
      ]);
    });
  });

  it('the side channel can be a Subject; it is not completed when the stream completes', async () => {
    const dialGuard = createDialGuard();
    const refused = new Subject<RefusedDial>();
    const seen: RefusedDial[] = [];
    let completed = false;
    refused.subscribe({ next: (r) => seen.push(r), complete: () => (completed = true) });
    const out = await lastValueFrom(from([request(T0), request(T0 + 12 * HOUR), request(T0 + 1)]).pipe(guard(dialGuard, { onRefused: refused }), toArray()));
    expect(out.map((r) => r.at)).toEqual([T0, T0 + 1]);
    expect(seen.map((r) => r.reasons[0]?.kind)).toEqual(['unsociableHours']);
    expect(completed).toBe(false);
  });

  it('without a side channel, refused requests are dropped', async () => {
    const out = await lastValueFrom(from([request(T0, { cli: null }), request(T0)]).pipe(guard(createDialGuard()), toArray()));
    expect(out).toHaveLength(1);
  });

  it('sees what the host records while the stream runs', () => {
    const dialGuard = createDialGuard();
    const requests = new Subject<DialRequest>();
    const allowed: DialRequest[] = [];
    requests.pipe(guard(dialGuard)).subscribe((r) => allowed.push(r));
    requests.next(request(T0));
    dialGuard.observe(call('s1', T0, 'silent'));
    requests.next(request(T0 + HOUR));
    expect(allowed.map((r) => r.at)).toEqual([T0]);
  });

  it('an error thrown by the host’s isBarred goes to the subscriber', async () => {
    const dialGuard = createDialGuard(ofcom2017, {
      isBarred: () => {
        throw new Error('list unavailable');
      },
    });
    await expect(lastValueFrom(from([request(T0)]).pipe(guard(dialGuard)))).rejects.toThrow('list unavailable');
  });

  it('an error upstream reaches the subscriber', async () => {
    const { throwError } = await import('rxjs');
    await expect(lastValueFrom(throwError(() => new Error('boom')).pipe(guard(createDialGuard())))).rejects.toThrow('boom');
  });
});
