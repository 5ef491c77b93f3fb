/**
 * A call in flight sent the same stray event over and over (a dialler re-sending `ringing`
 * for a stuck call) keeps a bounded record: the first `MAX_ANOMALIES` anomalies in full,
 * then one summary anomaly counting the rest (src/anomaly.ts `addAnomaly`, reached from the
 * shared fold's `withAnomaly`), at a bounded cost per event.
 */
import { Subject } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { callRecords, classify, foldEvents, MAX_ANOMALIES, parseCallRecord, runCall, type CallEvent, type CallRecord } from '../../src/internals.js';
import { closeRecord } from '../../src/machine/index.js';
import { heapUsed, MB, T0 } from '../support/heap.js';

const DIAL = { type: 'dial', callId: 'stuck', at: T0, campaignId: 'spring', callCentreId: 'leeds', to: '01134960001', cli: '01134961000', agentGuaranteed: false, amd: false, messagePlanned: true } as const;
const ringing = (i: number): CallEvent => ({ type: 'ringing', callId: 'stuck', at: T0 + 1 + i });

describe('callRecords: one call in flight with many stray events', () => {
  it('12,000 repeated ringing events on one call in flight leave < 0.5 MB held by that call', () => {
    const events = new Subject<CallEvent | { type: 'tick'; at: number }>();
    const out: CallRecord[] = [];
    const sub = events.pipe(callRecords()).subscribe((r) => out.push(r));
    // Warm up (code compiled on first use is not the call's): one call, with stray events, ended.
    events.next({ ...DIAL, callId: 'warm' });
    for (let i = 0; i < 300; i++) events.next({ ...ringing(i), callId: 'warm' });
    events.next({ type: 'hangup', callId: 'warm', at: T0 + 60_000, by: 'caller' });
    const before = heapUsed();
    events.next(DIAL);
    for (let i = 0; i < 12_000; i++) events.next(ringing(i));
    const held = (heapUsed() - before) / MB;
    events.complete();
    sub.unsubscribe();
    expect(out.map((r) => r.callId)).toEqual(['warm', 'stuck']);
    expect(held).toBeLessThan(0.5); // before the fix ~4 MB: 11,999 `repeated` anomalies kept on the record in flight
  }, 30_000);

  it('20,000 stray events take linear time (< 3 s; before the fix 6 s, quadratic), and the record keeps the first 100 and one summary', () => {
    const events = new Subject<CallEvent>();
    const out: CallRecord[] = [];
    const sub = events.pipe(callRecords()).subscribe((r) => out.push(r));
    const started = performance.now();
    events.next(DIAL);
    for (let i = 0; i < 20_000; i++) events.next(ringing(i));
    events.next({ type: 'hangup', callId: 'stuck', at: T0 + 60_000, by: 'caller', cause: 'noAnswer' });
    const elapsed = performance.now() - started;
    sub.unsubscribe();
    expect(elapsed).toBeLessThan(3000);
    const anomalies = out[0]!.anomalies;
    expect(anomalies).toHaveLength(MAX_ANOMALIES + 1);
    expect(anomalies.slice(0, MAX_ANOMALIES).every((a) => a.kind === 'repeated' && a.detail.startsWith('a second ringing'))).toBe(true);
    expect(anomalies[MAX_ANOMALIES]).toEqual({
      kind: 'repeated',
      event: 'ringing',
      at: T0 + 1 + MAX_ANOMALIES + 1, // the first one not kept in full (the first ringing was applied)
      detail: `${20_000 - 1 - MAX_ANOMALIES} anomalies from this one on were not kept in full (a record keeps its first ${MAX_ANOMALIES}), the last at ${T0 + 20_000}; the first: a second ringing for call stuck at ${T0 + 1 + MAX_ANOMALIES + 1}; only the first counts, this one was ignored`,
    });
  }, 30_000);
});

describe('the bounded anomalies in the shared fold', () => {
  const events = (n: number, tail: CallEvent[] = []): CallEvent[] => [
    ...Array.from({ length: 150 }, (_, i): CallEvent => ({ type: 'answer', callId: 'stuck', at: T0 - 150 + i })), // before the dial: beforeDial
    DIAL,
    ...Array.from({ length: n }, (_, i) => ringing(i)),
    ...tail,
  ];

  it('the call machine gives classify(foldEvents(events)) (closed at its last accepted event when it never hung up), beforeDial anomalies bounded as well', () => {
    for (const tail of [[], [{ type: 'hangup', callId: 'stuck', at: T0 + 60_000, by: 'caller' } as CallEvent]]) {
      const list = events(500, tail);
      const folded = foldEvents(list);
      expect(runCall(list).classified).toEqual(classify(closeRecord(folded, T0 + 1)));
      expect(folded.anomalies).toHaveLength(MAX_ANOMALIES + 1);
      expect(folded.anomalies.slice(0, MAX_ANOMALIES).every((a) => a.kind === 'beforeDial')).toBe(true);
      expect(folded.anomalies[MAX_ANOMALIES]!.detail).toMatch(/^549 anomalies from this one on/); // 50 more beforeDial, and the 500 ringing less the one applied
    }
  });

  it('the summary raises one recordAnomaly flag (A2.23), and the record parses back as it is', () => {
    const record = foldEvents(events(300, [{ type: 'hangup', callId: 'stuck', at: T0 + 60_000, by: 'caller' } as CallEvent]));
    const flags = classify(record).flags.filter((f) => f.kind === 'recordAnomaly');
    expect(flags).toHaveLength(MAX_ANOMALIES + 1);
    expect(flags.filter((f) => /^\d+ anomalies from this one on/.test((f.detail as { message: string }).message))).toHaveLength(1);
    expect(parseCallRecord(JSON.parse(JSON.stringify(record))).anomalies).toEqual(record.anomalies);
  });

  it('a hang-up of invalid time and a close (incomplete) past the cap are kept, so the category is what every anomaly would give', () => {
    const bad: CallEvent = { type: 'hangup', callId: 'stuck', at: Number.NaN, by: 'caller' };
    const record = foldEvents(events(200, [bad, ringing(10_000), bad]));
    expect(record.anomalies.filter((a) => a.kind === 'invalidTime' && a.event === 'hangup')).toHaveLength(1);
    expect(record.anomalies).toHaveLength(MAX_ANOMALIES + 2);
    expect(record.anomalies[MAX_ANOMALIES]!.detail).toMatch(/^251 anomalies/); // 50 beforeDial + 199 ringing, then 1 ringing and the second bad hang-up
    const closed = closeRecord(foldEvents(events(200)), T0 + 20_000);
    expect(closed.anomalies).toHaveLength(MAX_ANOMALIES + 2);
    expect(closed.anomalies.at(-1)).toMatchObject({ kind: 'incomplete', at: T0 + 20_000 });
    expect(classify(closed).category).toBe(classify({ ...closed, anomalies: [closed.anomalies.at(-1)!] }).category);
  });
});
