/**
 * callRecords' clock (issue 11 item 5): the host's ticks deliver each deadline notice at
 * its moment, not with the next event; each notice says how late it was; and an event for
 * a call not in flight (or a dial) cannot move the clock.
 */
import { describe, expect, it } from 'vitest';
import { Subject } from 'rxjs';
import fc from 'fast-check';
import { callRecords, type CallEvent, type CallRecord, type LiveDeadlineNotice, type StreamAnomaly, type TickEvent } from '../../src/index.js';
import { callEvents, T0 } from '../support/calls.js';

const tick = (ms: number): TickEvent => ({ type: 'tick', at: T0 + ms });

/** Feeds inputs into callRecords and logs, in order, what came out: notices, records and anomalies. */
function run(inputs: readonly (CallEvent | TickEvent)[], options: Parameters<typeof callRecords>[0] = {}) {
  const log: (
    | { readonly what: 'notice'; readonly notice: LiveDeadlineNotice; readonly after: number }
    | { readonly what: 'record'; readonly record: CallRecord; readonly after: number }
    | { readonly what: 'anomaly'; readonly anomaly: StreamAnomaly; readonly after: number }
  )[] = [];
  let after = -1; // index of the input being handled
  const subject = new Subject<CallEvent | TickEvent>();
  subject
    .pipe(
      callRecords({
        ...options,
        onDeadline: (notice) => void log.push({ what: 'notice', notice, after }),
        onAnomaly: (anomaly) => void log.push({ what: 'anomaly', anomaly, after }),
      }),
    )
    .subscribe((record) => void log.push({ what: 'record', record, after }));
  inputs.forEach((input, i) => {
    after = i;
    subject.next(input);
  });
  after = inputs.length;
  subject.complete();
  return log;
}

const byTime = (inputs: readonly (CallEvent | TickEvent)[]) => [...inputs].sort((a, b) => a.at - b.at);
const ticksEvery = (stepMs: number, fromMs: number, toMs: number) => {
  const out: TickEvent[] = [];
  for (let t = fromMs; t <= toMs; t += stepMs) out.push(tick(t));
  return out;
};

describe('callRecords: ticks deliver deadlines at their moment', () => {
  // The README's Quick start: answered at 6 s, no agent, no message, the caller hangs up at 9.5 s.
  const quickStart = callEvents('c1', [['answer', 6_000], ['hangup', 9_500, 'caller']], { amd: true });

  it('without ticks, messageDue (due at pickup + 2 s) comes only with the hangup, and says it is 1.5 s late', () => {
    const log = run(quickStart);
    const notice = log.find((x) => x.what === 'notice');
    expect(notice).toMatchObject({ notice: { kind: 'messageDue', at: T0 + 8_000, lateByMs: 1_500 }, after: 2 });
  });

  it('with ticks every 100 ms, messageDue comes on the tick at 8 s, on time, before the hangup', () => {
    const inputs = byTime([...quickStart, ...ticksEvery(100, 0, 9_400)]);
    const log = run(inputs);
    const notice = log.find((x) => x.what === 'notice')!;
    expect(notice).toMatchObject({ notice: { kind: 'messageDue', callId: 'c1', at: T0 + 8_000, ref: 'A2.19', lateByMs: 0 } });
    expect(inputs[notice.after]).toEqual(tick(8_000));
    expect(log.map((x) => x.what)).toEqual(['notice', 'record']);
  });

  it('ticks off the deadline: delivered on the first tick after it, late by the gap', () => {
    const log = run(byTime([...quickStart, ...ticksEvery(250, 130, 9_400)]));
    // ticks at 130, 380, …, 7880, 8130: the deadline at 8000 is delivered at 8130
    expect(log[0]).toMatchObject({ what: 'notice', notice: { at: T0 + 8_000, lateByMs: 130 } });
  });

  it('ticks going back, repeated or not a finite number do not move the clock; nor does an event with no valid time', () => {
    const log = run([
      ...quickStart.slice(0, 2),
      tick(7_999),
      tick(5_000),
      tick(7_999),
      { type: 'tick', at: Number.NaN },
      { type: 'tick', at: Infinity },
      { type: 'hangup', callId: 'c1', at: Infinity, by: 'caller' },
      tick(8_001),
    ]);
    expect(log[0]).toMatchObject({ what: 'notice', notice: { lateByMs: 1 }, after: 8 });
  });

  it('property: every notice comes on the first tick or event of a call in flight at or after its deadline, in deadline order', () => {
    const callArb = fc.record({
      start: fc.integer({ min: 0, max: 30_000 }),
      answer: fc.integer({ min: 1, max: 40_000 }),
      outcome: fc.constantFrom('agent', 'message', 'none', 'unanswered'),
      after: fc.integer({ min: 0, max: 5_000 }),
    });
    let delivered = 0;
    fc.assert(
      fc.property(fc.array(callArb, { minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 3_000 }), fc.integer({ min: 0, max: 2_999 }), (calls, step, phase) => {
        const events = calls.flatMap((c, i) =>
          callEvents(
            `k${i}`,
            c.outcome === 'unanswered'
              ? [['ringing', 10], ['hangup', c.answer + 10, 'caller']]
              : [
                  ['answer', c.answer],
                  ...(c.outcome === 'agent' ? [['agent', c.answer + c.after] as const] : c.outcome === 'message' ? [['message', c.answer + c.after] as const] : []),
                  ['hangup', c.answer + c.after + 1, 'caller'],
                ],
            { at: c.start },
          ),
        );
        const end = Math.max(...events.map((e) => e.at)) - T0;
        const inputs = byTime([...events, ...ticksEvery(step, phase % step, end + step)]);
        const log = run(inputs);
        const notices = log.flatMap((x) => (x.what === 'notice' ? [{ ...x.notice, input: inputs[x.after]! }] : []));
        delivered += notices.length;
        for (const n of notices) {
          expect(n.lateByMs).toBe(n.input.at - n.at);
          // delivered by the first tick or event of a call in flight (not a dial) at or after the deadline
          const first = inputs.find((x) => x.type !== 'dial' && x.at >= n.at)!;
          expect(n.input.at).toBe(first.at);
          expect(n.lateByMs).toBeGreaterThanOrEqual(0);
          expect(n.lateByMs).toBeLessThan(step);
        }
        const ats = notices.map((n) => n.at);
        expect(ats).toEqual([...ats].sort((a, b) => a - b));
      }),
      { numRuns: 100 },
    );
    expect(delivered).toBeGreaterThan(50); // not vacuous
  });
});

describe('callRecords: a host that acts on a notice at once', () => {
  it('may push the call\'s next event from inside onDeadline (the message on messageDue); it is on time', () => {
    const subject = new Subject<CallEvent | TickEvent>();
    const records: CallRecord[] = [];
    const notices: LiveDeadlineNotice[] = [];
    subject
      .pipe(
        callRecords({
          onDeadline: (n) => {
            notices.push(n);
            if (n.kind === 'messageDue') subject.next({ type: 'message', callId: n.callId, at: n.at });
          },
        }),
      )
      .subscribe((r) => records.push(r));
    for (const e of callEvents('m', [['answer', 1_000]])) subject.next(e);
    for (const e of callEvents('n', [['ringing', 100]], { at: 500 })) subject.next(e);
    subject.next(tick(20_000)); // m's messageDue (3 s), then n's minRingReached (15.6 s)
    subject.next({ type: 'hangup', callId: 'm', at: T0 + 21_000, by: 'caller' });
    expect(notices.map((n) => [n.callId, n.kind, n.at - T0, n.lateByMs])).toEqual([
      ['m', 'messageDue', 3_000, 17_000],
      ['n', 'minRingReached', 15_600, 4_400],
    ]);
    expect(records.map((r) => [r.callId, r.messageAt === null ? null : r.messageAt - T0, r.anomalies])).toEqual([['m', 3_000, []]]);
  });
});

describe('callRecords: a stranger cannot push the clock', () => {
  const THREE_HOURS = 3 * 60 * 60 * 1000;

  it('an event for a call not in flight, three hours ahead, goes to onAnomaly; the next call still gets its messageDue on time', () => {
    const first = callEvents('a', [['answer', 1_000], ['agent', 1_500], ['hangup', 5_000, 'caller']]);
    const stray: CallEvent = { type: 'answer', callId: 'ghost', at: T0 + THREE_HOURS };
    const next = callEvents('b', [['answer', 2_000], ['message', 4_500], ['hangup', 9_000, 'caller']], { at: 6_000 });
    const inputs = [...first, stray, ...byTime([...next, ...ticksEvery(100, 5_100, 15_000)])];
    const log = run(inputs);
    expect(log.filter((x) => x.what === 'anomaly').map((x) => x.anomaly)).toEqual([
      expect.objectContaining({ kind: 'unknownCall', callId: 'ghost', event: 'answer', at: T0 + THREE_HOURS }),
    ]);
    const notice = log.find((x) => x.what === 'notice')!;
    expect(notice).toMatchObject({ notice: { kind: 'messageDue', callId: 'b', at: T0 + 10_000, lateByMs: 0 } });
    expect(inputs[notice.after]).toEqual(tick(10_000));
    expect(log.filter((x) => x.what === 'record').map((x) => x.record.anomalies)).toEqual([[], []]);
  });

  it('a dial three hours ahead does not move the clock either: the other calls keep their deadlines and are not closed', () => {
    const ringing = callEvents('r', [['ringing', 100], ['hangup', 20_000, 'caller']]);
    const farDial = callEvents('far', [], { at: THREE_HOURS })[0]!;
    const log = run([ringing[0]!, ringing[1]!, farDial, ...ticksEvery(1_000, 1_000, 19_000), ringing[2]!], { maxCallAgeMs: 60 * 60 * 1000 });
    const notices = log.flatMap((x) => (x.what === 'notice' ? [x.notice] : []));
    expect(notices).toEqual([expect.objectContaining({ callId: 'r', kind: 'minRingReached', at: T0 + 15_100, lateByMs: 900 })]);
    const records = log.flatMap((x) => (x.what === 'record' ? [x.record] : []));
    // 'r' hung up normally; 'far' was still in flight at the end and is closed then
    expect(records.map((r) => [r.callId, r.anomalies.map((a) => a.kind)])).toEqual([
      ['r', []],
      ['far', ['incomplete']],
    ]);
  });
});
