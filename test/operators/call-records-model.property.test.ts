/**
 * `callRecords()` against a plain model: `applyEvent` per call, routing by call id, one
 * clock moved by ticks and by the events their call accepts (`eventProblem`) — unless the
 * event is at or past its own call's age limit while the clock is not (ignored), the
 * disposition wait, `maxCallAgeMs`, `maxInFlight`, and closing at completion — on streams
 * of three interleaved calls with out-of-order, repeated, early and late events, second
 * dials, unknown types (a dialler's `close` among them) and times that are no times.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Subject } from 'rxjs';
import { callRecords, type CallEvent, type CallRecord, type TickEvent } from 'dialguard';
import { applyEvent, eventProblem, recordFromDial } from '../../src/fold.js';
import { closeRecord } from '../../src/machine/close.js';

const T0 = 1_700_000_000_000;
const IDS = ['a', 'b', 'c'];

type Input = CallEvent | TickEvent;

const evArb = (): fc.Arbitrary<(base: number) => Input> =>
  fc.oneof(
    fc.record({ id: fc.constantFrom(...IDS), dt: fc.integer({ min: -3000, max: 40_000 }), amd: fc.boolean() }).map(({ id, dt, amd }) => (b: number) => ({
      type: 'dial', callId: id, at: b + dt, campaignId: 'k', callCentreId: 'cc', to: '01612345678', cli: '03001234567', agentGuaranteed: false, amd, messagePlanned: true,
    }) as CallEvent),
    fc.record({
      id: fc.constantFrom(...IDS),
      dt: fc.integer({ min: -3000, max: 40_000 }),
      t: fc.constantFrom('ringing', 'answer', 'salutation', 'amd', 'agent', 'message', 'hangup', 'disposition', 'recording'),
    }).map(({ id, dt, t }) => (b: number) => {
      const at = b + dt;
      switch (t) {
        case 'salutation': return { type: 'salutation', callId: id, at, phase: 'start' } as CallEvent;
        case 'amd': return { type: 'amd', callId: id, at, result: 'human' } as CallEvent;
        case 'hangup': return { type: 'hangup', callId: id, at, by: 'caller' } as CallEvent;
        case 'disposition': return { type: 'disposition', callId: id, at, verdict: 'machine' } as CallEvent;
        case 'recording': return { type: 'recording', callId: id, at, noticeGiven: true } as CallEvent;
        default: return { type: t, callId: id, at } as CallEvent;
      }
    }),
    fc.integer({ min: -3000, max: 40_000 }).map((dt) => (b: number) => ({ type: 'tick', at: b + dt }) as TickEvent),
    fc.record({ id: fc.constantFrom(...IDS), dt: fc.integer({ min: -3000, max: 6 * 3_600_000 }), t: fc.constantFrom('transfer', 'close', 'foreign') }).map(
      ({ id, dt, t }) => (b: number) => ({ type: t, callId: id, at: b + dt }) as unknown as CallEvent,
    ),
  );

/** inputs: base time advances by a random step, each input offset from base */
const streamArb = fc.array(fc.tuple(fc.integer({ min: 0, max: 20_000 }), evArb()), { minLength: 1, maxLength: 40 }).map((xs) => {
  let base = T0;
  return xs.map(([step, mk]) => {
    base += step;
    return mk(base);
  });
});
const weirdArb = fc.tuple(streamArb, fc.array(fc.tuple(fc.nat(), fc.constantFrom(NaN, Infinity, -Infinity, 1e308, -1)), { maxLength: 3 })).map(([xs, ws]) => {
  const out = [...xs];
  for (const [i, v] of ws) {
    const k = i % out.length;
    out[k] = { ...out[k]!, at: v === -1 ? out[k]!.at : v } as Input;
  }
  return out;
});

interface MCall { record: CallRecord; closeAt: number; order: number }

function model(inputs: readonly Input[], waitMs: number, maxAge: number, maxInFlight: number): CallRecord[] {
  let now = -Infinity;
  const inFlight = new Map<string, MCall>();
  const out: CallRecord[] = [];
  const wrapUpDue = (c: MCall): number | null => {
    const r = c.record;
    if (r.hangupAt === null) return null;
    return r.hangupAt + waitMs;
  };
  const end = (id: string, rec: CallRecord) => {
    inFlight.delete(id);
    out.push(rec);
  };
  // process due entries in order (due, then dial order)
  const flush = () => {
    for (;;) {
      let best: [string, MCall, number] | null = null;
      for (const [id, c] of inFlight) {
        const w = wrapUpDue(c);
        const due = Math.min(w ?? Infinity, c.closeAt);
        if (!(due <= now)) continue;
        if (best === null || due < best[2] || (due === best[2] && c.order < best[1].order)) best = [id, c, due];
      }
      if (best === null) return;
      const [id, c, due] = best;
      const w = wrapUpDue(c);
      if (w !== null && w <= due) end(id, c.record);
      else end(id, closeRecord(c.record, c.closeAt));
    }
  };
  let order = 0;
  for (const input of inputs) {
    if (input.type === 'tick') {
      if (input.at > now && Number.isFinite(input.at)) { now = input.at; flush(); }
      continue;
    }
    const c = inFlight.get(input.callId);
    if (c) {
      const accepted = eventProblem(c.record, input) === null;
      if (accepted && input.at >= c.closeAt && c.closeAt > now) continue; // past its own call's age limit, the clock not: ignored
      if (accepted && input.at > now && Number.isFinite(input.at)) { now = input.at; flush(); }
      if (!inFlight.has(input.callId)) continue;
      c.record = applyEvent(c.record, input);
      const r = c.record;
      if (r.hangupAt !== null && (waitMs === 0 || r.answerAt === null || r.disposition !== null)) end(input.callId, r);
      flush();
    } else if (input.type === 'dial') {
      while (inFlight.size >= maxInFlight) {
        const [oid, oc] = [...inFlight.entries()].sort((x, y) => x[1].order - y[1].order)[0]!;
        end(oid, closeRecord(oc.record, Math.max(now, oc.record.lastEventAt)));
      }
      inFlight.set(input.callId, { record: recordFromDial(input), closeAt: Number.isFinite(input.at) ? input.at + maxAge : Infinity, order: order++ });
      flush();
    }
  }
  for (const [id, c] of [...inFlight]) end(id, closeRecord(c.record, Math.max(now, c.record.lastEventAt)));
  return out;
}

function actual(inputs: readonly Input[], opts: { dispositionWaitMs: number; maxCallAgeMs: number; maxInFlight: number; listen: boolean }): CallRecord[] {
  const out: CallRecord[] = [];
  const s = new Subject<Input>();
  s.pipe(callRecords({ dispositionWaitMs: opts.dispositionWaitMs, maxCallAgeMs: opts.maxCallAgeMs, maxInFlight: opts.maxInFlight, ...(opts.listen ? { onDeadline: () => {} } : {}) })).subscribe((r) => out.push(r));
  for (const i of inputs) s.next(i);
  s.complete();
  return out;
}

const norm = (r: CallRecord) => ({ ...r, anomalies: r.anomalies.map((a) => (a.kind === 'incomplete' ? { ...a, detail: '' } : a)) });

describe('callRecords against a model of its rules', () => {
  it('gives the same records in the same order', () => {
    fc.assert(
      fc.property(
        weirdArb,
        fc.constantFrom(0, 5_000),
        fc.constantFrom(Infinity, 60_000),
        fc.constantFrom(Infinity, 2),
        fc.boolean(),
        (inputs, waitMs, maxAge, maxInFlight, listen) => {
          const exp = model(inputs, waitMs, maxAge, maxInFlight);
          const got = actual(inputs, { dispositionWaitMs: waitMs, maxCallAgeMs: maxAge, maxInFlight, listen });
          expect(got.map(norm)).toEqual(exp.map(norm));
        },
      ),
      { numRuns: 500 },
    );
  });
});
