import { describe, expect, it } from 'vitest';
import { from, lastValueFrom, map, throwError, toArray } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { classified, definePolicy, foldEvents, ofcom2017 } from '../../src/index.js';
import { misuseAll } from '../../src/misuse/misuse-all.js';
import { misuse } from '../../src/operators/misuse.js';
import { callEvents } from '../support/calls.js';
import { callAt, GOOD_CLI, HOUR, OUTCOME, WINDOW } from './helpers.js';

describe('misuse operator', () => {
  it('emits each call with its cross-call flags, and every flag it raised (marble test)', () => {
    const scheduler = new TestScheduler((a, b) => expect(a).toEqual(b));
    scheduler.run(({ cold, expectObservable }) => {
      const calls = cold('a-b-c-d|', {
        a: callAt('s1', 0, 'silent'),
        b: callAt('r1', HOUR, 'silent'),
        c: callAt('r2', WINDOW, 'live'), // a live repeat is not misuse (footnote 37)
        d: callAt('a1', WINDOW + HOUR, 'abandoned', { to: '0113 496 7777' }),
      });
      const repeat = (callId: string) => expect.objectContaining({ kind: 'repeatWithin72h', callId, ref: 'A2.9' });
      expectObservable(calls.pipe(misuse(definePolicy(ofcom2017, { acr: { alertMinCalls: 0 } }), { scopes: ['all'] }), map((u) => u.raised.map((f) => f.kind)))).toBe('a-b-c-d|', {
        a: ['silentCall'],
        b: ['silentCall', 'repeatWithin72h'],
        c: [],
        d: ['abandonedCall', 'acrAlert'],
      });
      expectObservable(calls.pipe(misuse(ofcom2017, { alertRate: null }), map((u) => u.call.flags.filter((f) => f.kind === 'repeatWithin72h')))).toBe('a-b-c-d|', {
        a: [],
        b: [repeat('r1')],
        c: [],
        d: [],
      });
    });
  });

  it('gives the same updates as misuseAll, from records through classified()', async () => {
    const records = [foldEvents(callEvents('s1', OUTCOME.silent, { cli: GOOD_CLI })), foldEvents(callEvents('r1', OUTCOME.live, { cli: GOOD_CLI, at: HOUR }))];
    const streamed = await lastValueFrom(from(records).pipe(classified(), misuse(), toArray()));
    const batch = misuseAll(records.map((r) => callAt(r.callId, r.dialAt - records[0]!.dialAt, r.callId === 's1' ? 'silent' : 'live')));
    expect(streamed.map((u) => u.raised)).toEqual(batch.map((u) => u.raised));
  });

  it('each subscription has its own state', async () => {
    const source = from([callAt('s1', 0, 'silent'), callAt('r1', HOUR, 'live')]).pipe(misuse(ofcom2017, { alertRate: null }));
    const first = await lastValueFrom(source.pipe(toArray()));
    const second = await lastValueFrom(source.pipe(toArray()));
    expect(second.map((u) => u.raised.map((f) => f.kind))).toEqual(first.map((u) => u.raised.map((f) => f.kind)));
  });

  it('an error upstream reaches the subscriber', async () => {
    await expect(lastValueFrom(throwError(() => new Error('boom')).pipe(misuse()))).rejects.toThrow('boom');
  });
});
