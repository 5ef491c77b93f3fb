import { describe, expect, it } from 'vitest';
import { from, lastValueFrom, Subject, toArray } from 'rxjs';
import fc from 'fast-check';
import { callRecords, classified, classify, foldEvents, type CallEvent, type DeadlineNotice, type StreamAnomaly } from '../../src/index.js';
import { callEvents, T0 } from '../support/calls.js';

const byTime = (events: CallEvent[]): CallEvent[] => [...events].sort((a, b) => a.at - b.at);

describe('callRecords operator', () => {
  it('runs interleaved calls through one machine each and emits each record when its call ends', async () => {
    const a = callEvents('a', [['ringing', 100], ['answer', 5000], ['agent', 5500], ['hangup', 60_000, 'caller']]);
    const b = callEvents('b', [['ringing', 200], ['hangup', 19_000, 'caller']], { at: 1000 });
    const records = await lastValueFrom(from(byTime([...a, ...b])).pipe(callRecords(), toArray()));
    expect(records.map((r) => r.callId)).toEqual(['b', 'a']);
    expect(records[1]).toEqual(foldEvents(a));
    expect(records[0]).toEqual(foldEvents(b));
  });

  it('announces deadlines on the events clock, before the event that comes after them', async () => {
    const notices: DeadlineNotice[] = [];
    const late = callEvents('late', [['answer', 5000], ['message', 8000], ['hangup', 20_000, 'caller']]);
    const other = callEvents('other', [['ringing', 0], ['hangup', 30_000, 'caller']], { at: 100 });
    await lastValueFrom(from(byTime([...late, ...other])).pipe(callRecords({ onDeadline: (n) => notices.push(n) }), toArray()));
    expect(notices.map((n) => [n.callId, n.kind, n.at - T0])).toEqual([
      ['late', 'messageDue', 7000],
      ['other', 'minRingReached', 15_100],
    ]);
  });

  it('reports an event for a call that is not in flight, and keeps the other calls going', async () => {
    const anomalies: StreamAnomaly[] = [];
    const ok = callEvents('ok', [['answer', 5000], ['agent', 5500], ['hangup', 9000, 'caller']]);
    const stray: CallEvent = { type: 'agent', callId: 'ghost', at: T0 + 6000 };
    const records = await lastValueFrom(from(byTime([...ok, stray])).pipe(callRecords({ onAnomaly: (x) => anomalies.push(x) }), classified(), toArray()));
    expect(records.map((c) => c.category)).toEqual(['live']);
    expect(anomalies).toEqual([expect.objectContaining({ kind: 'unknownCall', callId: 'ghost', event: 'agent' })]);
  });

  it('a duplicate dial for a call in flight is an anomaly on that call, not a second call', async () => {
    const events = callEvents('d', [['answer', 5000], ['agent', 5500], ['hangup', 9000, 'caller']]);
    const dup = { ...events[0]!, at: T0 + 6000 };
    const records = await lastValueFrom(from(byTime([...events, dup])).pipe(callRecords(), toArray()));
    expect(records).toHaveLength(1);
    expect(records[0]!.anomalies.map((x) => x.kind)).toEqual(['duplicateDial']);
  });

  it('closes calls still in flight when the stream completes, marking them incomplete', async () => {
    const open = callEvents('open', [['answer', 5000], ['agent', 5500]]);
    const records = await lastValueFrom(from(open).pipe(callRecords(), toArray()));
    expect(records).toHaveLength(1);
    expect(records[0]!.anomalies.map((x) => x.kind)).toEqual(['incomplete']);
  });

  it('a call whose machine fails is reported and dropped; the other calls go on', async () => {
    const anomalies: StreamAnomaly[] = [];
    // Message content whose getter throws stands in for a defect inside a machine (the fold reads it).
    const content = Object.defineProperty({}, 'marketing', { get: () => { throw new Error('boom'); }, enumerable: true });
    const bad = callEvents('bad', [['answer', 5000], ['message', 5500, content], ['hangup', 9000, 'caller']]);
    const good = callEvents('good', [['answer', 5000], ['agent', 5500], ['hangup', 9500, 'caller']], { at: 10 });
    const records = await lastValueFrom(from(byTime([...bad, ...good])).pipe(callRecords({ onAnomaly: (x) => anomalies.push(x) }), toArray()));
    expect(records.map((r) => r.callId)).toEqual(['good']);
    // Named by the event it failed on, at that event's time; its hangup then is for a call not in flight.
    expect(anomalies).toEqual([
      expect.objectContaining({ kind: 'machineError', callId: 'bad', event: 'message', at: T0 + 5500, detail: expect.stringContaining('boom') }),
      expect.objectContaining({ kind: 'unknownCall', callId: 'bad', event: 'hangup' }),
    ]);
  });

  it('a call whose machine fails as it starts (its dial cannot be read) is reported and dropped; the other calls go on', async () => {
    const anomalies: StreamAnomaly[] = [];
    const [dial, ...rest] = callEvents('bad', [['answer', 5000], ['hangup', 9000, 'caller']]);
    const unreadable = Object.defineProperty({ ...dial! }, 'to', { get: () => { throw new Error('unreadable number'); }, enumerable: true });
    const good = callEvents('good', [['answer', 5000], ['agent', 5500], ['hangup', 9500, 'caller']], { at: 10 });
    const records = await lastValueFrom(from(byTime([unreadable as CallEvent, ...rest, ...good])).pipe(callRecords({ onAnomaly: (x) => anomalies.push(x) }), toArray()));
    expect(records.map((r) => r.callId)).toEqual(['good']);
    expect(anomalies.map((a) => [a.kind, a.callId])).toEqual([
      ['machineError', 'bad'],
      ['unknownCall', 'bad'], // its answer and hangup: the call was dropped
      ['unknownCall', 'bad'],
    ]);
    expect(anomalies[0]!.detail).toContain('unreadable number');
  });

  it('releases finished machines: nothing of a call remains after it ends', () => {
    const subject = new Subject<CallEvent>();
    const out: string[] = [];
    subject.pipe(callRecords()).subscribe((r) => out.push(r.callId));
    for (let i = 0; i < 2000; i++) for (const e of callEvents(`c${i}`, [['ringing', 100], ['hangup', 16_000, 'caller']], { at: i * 20_000 })) subject.next(e);
    expect(out).toHaveLength(2000);
    subject.complete();
  });

  it('property: for any interleaving of valid calls, each record equals foldEvents of its events', () => {
    const callArb = fc.record({
      start: fc.integer({ min: 0, max: 60_000 }),
      answer: fc.integer({ min: 1, max: 30_000 }),
      outcome: fc.constantFrom('agent', 'message', 'none', 'unanswered'),
      after: fc.integer({ min: 0, max: 10_000 }),
      by: fc.constantFrom('caller', 'recipient', 'network'),
    });
    fc.assert(
      fc.property(fc.array(callArb, { minLength: 1, maxLength: 12 }), (calls) => {
        const perCall = calls.map((c, i) => {
          const steps: Parameters<typeof callEvents>[1] =
            c.outcome === 'unanswered'
              ? [['ringing', 10], ['hangup', c.answer + 10, c.by as 'caller']]
              : [
                  ['answer', c.answer],
                  ...(c.outcome === 'agent' ? [['agent', c.answer + c.after] as const] : c.outcome === 'message' ? [['message', c.answer + c.after] as const] : []),
                  ['hangup', c.answer + c.after + 1, c.by as 'caller'],
                ];
          return callEvents(`k${i}`, steps, { at: c.start });
        });
        const emitted = new Map<string, unknown>();
        from(byTime(perCall.flat())).pipe(callRecords()).subscribe((r) => emitted.set(r.callId, classify(r)));
        perCall.forEach((events, i) => expect(emitted.get(`k${i}`)).toEqual(classify(foldEvents(events))));
      }),
      { numRuns: 200 },
    );
  });

  it('property: the records and their order are the same whether or not anyone listens for deadline notices', () => {
    const callArb = fc.record({
      start: fc.integer({ min: 0, max: 120_000 }),
      answer: fc.integer({ min: 1, max: 70_000 }),
      amd: fc.boolean(),
      outcome: fc.constantFrom('agent', 'message', 'none', 'unanswered', 'open'),
      after: fc.integer({ min: 0, max: 10_000 }),
      disposition: fc.option(fc.integer({ min: 0, max: 20_000 }), { nil: undefined }),
    });
    const options = fc.record({ dispositionWaitMs: fc.constantFrom(0, 5_000), maxCallAgeMs: fc.constantFrom(Infinity, 90_000) });
    fc.assert(
      fc.property(fc.array(callArb, { minLength: 1, maxLength: 10 }), options, (calls, opts) => {
        const events = calls.flatMap((c, i) => {
          if (c.outcome === 'unanswered') return callEvents(`k${i}`, [['ringing', 10], ['hangup', c.answer + 10, 'caller']], { at: c.start });
          const steps: Parameters<typeof callEvents>[1] = [
            ['ringing', 10],
            ['answer', c.answer],
            ...(c.amd ? [['salutation', c.answer + 300, 'start'] as const, ['amd', c.answer + 900, 'human'] as const] : []),
            ...(c.outcome === 'agent' ? [['agent', c.answer + c.after] as const] : c.outcome === 'message' ? [['message', c.answer + c.after] as const] : []),
            ...(c.outcome === 'open' ? [] : [['hangup', c.answer + c.after + 1, 'caller'] as const]),
            ...(c.disposition === undefined ? [] : [['disposition', c.answer + c.after + 1 + c.disposition, 'human'] as const]),
          ];
          return callEvents(`k${i}`, steps, { at: c.start, amd: c.amd });
        });
        const run = (listen: boolean): unknown[] => {
          const out: unknown[] = [];
          const ops = listen ? { ...opts, onDeadline: () => {} } : opts;
          from(byTime(events)).pipe(callRecords(ops)).subscribe((r) => out.push(r));
          return out;
        };
        expect(run(false)).toEqual(run(true));
      }),
      { numRuns: 200 },
    );
  });
});
