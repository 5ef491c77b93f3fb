/**
 * `callRecords()` against a plain model: `applyEvent` per call, routing by call id, one
 * clock moved by ticks and by the events their call accepts (`eventProblem`) — unless the
 * event is at or past its own call's age limit while the clock is not (ignored), the
 * disposition wait, `maxCallAgeMs` (from the clock for a dial with no valid time),
 * `maxInFlight`, the window of ended call ids (`dedupeWindow`: a dial for one of them starts
 * no call), and closing at completion — on streams of three interleaved calls with
 * out-of-order, repeated, early and late events, second dials and dials after the end,
 * dials missing a field, unknown types (a dialler's `close`, `tick`, `xstate.stop` among
 * them), inputs that are not events, and times that are no times.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Subject } from 'rxjs';
import { callRecords, type CallEvent, type CallRecord, type TickEvent } from 'dialguard';
import { applyEvent, eventProblem, recordFromDial } from '../../src/fold.js';
import { closeRecord } from '../../src/machine/close.js';
import { DEFAULT_DEDUPE_WINDOW } from '../../src/operators/call-records.js';

const T0 = 1_700_000_000_000;
const IDS = ['a', 'b', 'c'];

type Input = CallEvent | TickEvent;

const evArb = (): fc.Arbitrary<(base: number) => Input> =>
  fc.oneof(
    fc.record({ id: fc.constantFrom(...IDS), dt: fc.integer({ min: -3000, max: 40_000 }), amd: fc.boolean(), bad: fc.integer({ min: 0, max: 9 }) }).map(({ id, dt, amd, bad }) => (b: number) => ({
      type: 'dial', callId: id, at: b + dt, campaignId: bad === 0 ? undefined : 'k', callCentreId: 'cc', to: '01612345678', cli: '03001234567', agentGuaranteed: false, amd, messagePlanned: true,
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
    fc.record({ id: fc.constantFrom(...IDS), dt: fc.integer({ min: -3000, max: 6 * 3_600_000 }), t: fc.constantFrom('transfer', 'close', 'foreign', 'tick', 'xstate.stop') }).map(
      ({ id, dt, t }) => (b: number) => ({ type: t, callId: id, at: b + dt }) as unknown as CallEvent,
    ),
    fc.constant(() => null as unknown as Input),
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
    const input = out[k]!;
    if (input !== null) out[k] = { ...input, at: v === -1 ? input.at : v } as Input;
  }
  return out;
});

interface MCall { record: CallRecord; closeAt: number; order: number; undated: boolean }

function model(inputs: readonly Input[], waitMs: number, maxAge: number, maxInFlight: number, window: number): CallRecord[] {
  let now = -Infinity;
  const inFlight = new Map<string, MCall>();
  const out: CallRecord[] = [];
  const ended: string[] = []; // the latest `window` ids ended
  const wrapUpDue = (c: MCall): number | null => {
    const r = c.record;
    if (r.hangupAt === null) return null;
    return r.hangupAt + waitMs;
  };
  const end = (id: string, rec: CallRecord) => {
    inFlight.delete(id);
    out.push(rec);
    ended.push(id);
    if (ended.length > window) ended.shift();
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
  const advance = (at: number) => {
    if (!(at > now && Number.isFinite(at))) return;
    // a dial with no valid time before the clock had one ages from the clock's first time
    if (now === -Infinity) for (const c of inFlight.values()) if (c.undated) c.closeAt = at + maxAge;
    now = at;
    flush();
  };
  let order = 0;
  for (const input of inputs) {
    if (input === null) continue; // not an event: reported, ignored
    if (input.type === 'tick' && (input as { callId?: string }).callId === undefined) {
      advance(input.at);
      continue;
    }
    const event = input as CallEvent; // a dialler's event (one of type 'tick' included)
    const c = inFlight.get(event.callId);
    if (c) {
      const accepted = eventProblem(c.record, event) === null;
      if (accepted && event.at >= c.closeAt && c.closeAt > now) continue; // past its own call's age limit, the clock not: ignored
      if (accepted) advance(event.at);
      if (!inFlight.has(event.callId)) continue;
      c.record = applyEvent(c.record, event);
      const r = c.record;
      if (r.hangupAt !== null && (waitMs === 0 || r.answerAt === null || r.disposition !== null)) end(event.callId, r);
      flush();
    } else if (event.type === 'dial' && !ended.includes(event.callId) && typeof event.campaignId === 'string') {
      while (inFlight.size >= maxInFlight) {
        const [oid, oc] = [...inFlight.entries()].sort((x, y) => x[1].order - y[1].order)[0]!;
        end(oid, closeRecord(oc.record, Math.max(now, oc.record.lastEventAt)));
      }
      const dated = Number.isFinite(event.at);
      const closeAt = dated ? event.at + maxAge : now === -Infinity ? Infinity : now + maxAge;
      inFlight.set(event.callId, { record: recordFromDial(event), closeAt, order: order++, undated: !dated && now === -Infinity });
      flush();
    }
  }
  for (const [id, c] of [...inFlight]) end(id, closeRecord(c.record, Math.max(now, c.record.lastEventAt)));
  return out;
}

function actual(inputs: readonly Input[], opts: { dispositionWaitMs: number; maxCallAgeMs: number; maxInFlight: number; dedupeWindow: number; listen: boolean }): CallRecord[] {
  const out: CallRecord[] = [];
  const s = new Subject<Input>();
  const { listen, ...options } = opts;
  s.pipe(callRecords({ ...options, ...(listen ? { onDeadline: () => {} } : {}) })).subscribe((r) => out.push(r));
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
        fc.constantFrom(DEFAULT_DEDUPE_WINDOW, 1, 0),
        fc.boolean(),
        (inputs, waitMs, maxAge, maxInFlight, dedupeWindow, listen) => {
          const exp = model(inputs, waitMs, maxAge, maxInFlight, dedupeWindow);
          const got = actual(inputs, { dispositionWaitMs: waitMs, maxCallAgeMs: maxAge, maxInFlight, dedupeWindow, listen });
          expect(got.map(norm)).toEqual(exp.map(norm));
        },
      ),
      { numRuns: 500 },
    );
  });
});
