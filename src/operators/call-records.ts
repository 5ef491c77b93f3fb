import { Observable, type OperatorFunction } from 'rxjs';
import { createActor, type Actor } from 'xstate';
import type { Anomaly } from '../anomaly.js';
import { ValidationError } from '../errors.js';
import type { CallEvent, DialEvent } from '../events.js';
import { eventProblem } from '../fold.js';
import { createCallMachine, type CallMachine } from '../machine/call-machine.js';
import { nextTickAt, waitTickAt } from '../machine/next-tick.js';
import { asMachineEvent, type CallMachineOptions, type CloseEvent, type DeadlineNotice, type TickEvent } from '../machine/types.js';
import { ofcom2017 } from '../policy/ofcom2017.js';
import type { Policy } from '../policy/policy.js';
import type { CallRecord } from '../record.js';
import { createDeadlineQueue, type QueueEntry } from '../time/deadline-queue.js';
import { describeReceived } from '../validate/received.js';
import { recordShapeProblem } from '../validate/record-shape.js';
import { linkedSubscriber } from './linked-subscriber.js';

/** An event `callRecords` could not give to any call: it is reported here, never thrown. */
export interface StreamAnomaly extends Anomaly {
  /** The event's call id; `''` when it has none that is a string (an input that is not an object, a dial whose `callId` is not a string). */
  readonly callId: string;
}

/**
 * A deadline notice (A2.15, A2.19) as `callRecords` delivers it: at the moment its clock
 * reaches the deadline, saying how late that was.
 */
export interface LiveDeadlineNotice extends DeadlineNotice {
  /**
   * The operator's clock when the notice was delivered minus the deadline (`at`), ms; 0
   * when delivered on time. It is above 0 when nothing (no tick, no event of a call in
   * flight) moved the clock for a while: tick more often to bring it down.
   */
  readonly lateByMs: number;
}

/** Default `maxCallAgeMs`: 4 hours. */
export const DEFAULT_MAX_CALL_AGE_MS = 4 * 60 * 60 * 1000;
/** Default `maxInFlight`: 100,000 calls. */
export const DEFAULT_MAX_IN_FLIGHT = 100_000;
/** Default `dedupeWindow`: the ids of the latest 100,000 calls ended. */
export const DEFAULT_DEDUPE_WINDOW = 100_000;

/**
 * Options for `callRecords`. Of the machine's options only `dispositionWaitMs` applies: the
 * operator drives its machines by ticks, starts them dialled and emits records, not
 * classified calls (`classified()` classifies them).
 */
export interface CallRecordsOptions extends Omit<CallMachineOptions, 'deadlines' | 'start' | 'classify'> {
  /** The policy whose deadlines the machines announce (A2.15, A2.19); default `ofcom2017`. */
  readonly policy?: Policy;
  /**
   * Receives every deadline notice of every call when the operator's clock reaches it,
   * with `lateByMs` (see `callRecords` on the clock and on ticks). An error it throws goes
   * to the subscriber (`error`) at once, within the source's `next` that moved the clock,
   * and tears down as a source error does (see `callRecords`): no callback is called and
   * no record emitted after it.
   */
  readonly onDeadline?: (notice: LiveDeadlineNotice) => void;
  /**
   * Receives, and the operator otherwise ignores:
   * - an event for no call in flight — a call never dialled or already finished and
   *   released, or an event whose `at` is at or past its own call's age limit while the
   *   stream's clock is not (`unknownCall`; it moves no clock, so one wrong `at` cannot
   *   close every other call);
   * - a dial for one of the latest calls ended (`dedupeWindow`): a call redelivered after
   *   its end (`duplicateDial`; no second call is started, and its later events are
   *   `unknownCall`);
   * - an input that is not an event (`null`, a string: `invalidEvent`, `callId` `''`), and
   *   a dial whose fields the engine reads are not of their type (`callId`, `campaignId`,
   *   `callCentreId`, `to` strings, `cli` a string or `null`: `invalidEvent` naming the
   *   field; no call is started, and its later events are `unknownCall`);
   * - a call whose machine failed (`machineError`, a defect: that call is dropped, the
   *   others go on; `event` and `at` are those of the input it failed on).
   * Anomalies of a call in flight go on its record instead. An error it throws goes to the
   * subscriber (`error`) at once, and tears down as a source error does (see
   * `callRecords`), as for `onDeadline`.
   */
  readonly onAnomaly?: (anomaly: StreamAnomaly) => void;
  /**
   * A call still in flight this long after its dial (ms, on the operator's clock) is closed
   * with an `incomplete` anomaly and emitted (A2.23: its record shows it never ended).
   * Default `DEFAULT_MAX_CALL_AGE_MS` (4 h); `Infinity`: no limit.
   */
  readonly maxCallAgeMs?: number;
  /**
   * At most this many calls in flight: a dial beyond it first closes the oldest call in
   * flight (the earliest dialled) with an `incomplete` anomaly and emits it. Default
   * `DEFAULT_MAX_IN_FLIGHT` (100,000); `Infinity`: no limit.
   */
  readonly maxInFlight?: number;
  /**
   * How many ids of ended calls are remembered (the latest ended), so that a call
   * redelivered after its end (at-least-once delivery) is not emitted, and counted, twice:
   * a dial for one of them starts no call and goes to `onAnomaly` (`duplicateDial`).
   * Default `DEFAULT_DEDUPE_WINDOW` (100,000); `0`: none (every dial of an id not in flight
   * starts a call); `Infinity`: every id ever ended (memory grows with the stream).
   */
  readonly dedupeWindow?: number;
}

type CallActor = Actor<CallMachine>;

/** A call in flight: its actor, and its one entry in the deadline queue. */
interface InFlightCall extends QueueEntry {
  readonly callId: string;
  readonly actor: CallActor;
  /**
   * Dial + `maxCallAgeMs`: when the call is closed if it is still in flight. For a dial
   * whose `at` is not a finite time, the operator's clock when it came (or the first clock
   * after it: `Infinity` until then) + `maxCallAgeMs`.
   */
  closeAt: number;
  /** The machine's next tick (`nextTickAt`), or `null`. */
  tickAt: number | null;
  /** The actor has ended (or failed) and the call was released. */
  done: boolean;
}

/** A limit option: a number > 0, `Infinity` for none, or the default. */
function limitOption(name: 'maxCallAgeMs' | 'maxInFlight', value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || Number.isNaN(value) || value <= 0 || (name === 'maxInFlight' && Number.isFinite(value) && !Number.isInteger(value))) {
    const what = name === 'maxInFlight' ? 'a whole number of calls, 1 or more (Infinity: no limit)' : 'a number of milliseconds greater than 0 (Infinity: no limit)';
    throw new ValidationError(null, name, what, String(value));
  }
  return value;
}

/** `dedupeWindow`: a whole number of calls from 0, `Infinity` for no limit, or the default. */
function dedupeWindowOption(value: number | undefined): number {
  if (value === undefined) return DEFAULT_DEDUPE_WINDOW;
  if (typeof value !== 'number' || !(value >= 0) || (Number.isFinite(value) && !Number.isInteger(value))) {
    throw new ValidationError(null, 'dedupeWindow', 'a whole number of calls, 0 or more (0: none; Infinity: no limit)', String(value));
  }
  return value;
}

/** The ids of the latest `size` calls ended (a ring over a set): one `add` per call ended, one `has` per dial. */
interface EndedIds {
  add(callId: string): void;
  has(callId: unknown): boolean;
}

/** An empty `EndedIds` of `size` ids (`0`: remembers none; `Infinity`: all). */
function createEndedIds(size: number): EndedIds {
  if (size === 0) return { add: () => {}, has: () => false };
  const ids = new Set<unknown>();
  const ring: string[] = [];
  let oldest = 0;
  return {
    add(callId) {
      if (ring.length < size) ring.push(callId);
      else {
        ids.delete(ring[oldest]);
        ring[oldest] = callId;
        oldest = (oldest + 1) % size;
      }
      ids.add(callId);
    },
    has: (callId) => ids.has(callId),
  };
}

/**
 * Turns a stream of call events (many calls interleaved, in time order), and the host's
 * ticks, into a stream of call records, one per call, emitted when the call ends.
 *
 * Algorithm:
 * 1. one clock for the stream, which only moves forward (to finite times), and only on
 *    - a tick `{ type: 'tick', at }` with no `callId`: the host's time, merged in from a
 *      timer the host owns (the library never reads a clock), so deadlines are delivered
 *      at their moment and not with the next event (a dialler's event of type `tick`, with
 *      a `callId`, goes to its call, wrapped, as an event of unknown type);
 *    - an event of a call in flight that the call accepts (`eventProblem` finds nothing):
 *      the clock moves to its `at` before the event is given to the call.
 *    A dial does not move it (any call id can bring a dial, as any can bring a stray
 *    event), nor does an event for a call not in flight, nor one its call records as an
 *    anomaly (a second dial, a repeat, an unknown type, an event after the hangup): a
 *    wrong `at` three hours ahead cannot fire the other calls' deadlines or close them;
 * 2. a `dial` for a new call id starts a call machine (`createCallMachine` with
 *    `deadlines: 'ticks'`: no XState timers); every other event goes to its call's machine,
 *    which folds it or records it as an anomaly (a second dial for a call in flight is a
 *    `duplicateDial` anomaly); an event whose type is not a call event type goes wrapped
 *    (`{ type: 'foreign', event }`), so neither the machine nor XState takes it for its own.
 *    No call is started for a dial whose fields the engine reads are not of their type
 *    (`recordShapeProblem`: `invalidEvent`), nor for one of the latest `dedupeWindow` calls
 *    ended (a call redelivered after its end: `duplicateDial`); both go to `onAnomaly`, as
 *    does an input that is not an object (`invalidEvent`);
 * 3. each call has one entry in a deadline queue: its machine's next deadline
 *    (`nextTickAt`; without `onDeadline`, only the end of a disposition wait, `waitTickAt`,
 *    as the other deadlines would only announce notices) or its age limit, whichever is first. Whenever the clock moves, every
 *    entry due by then is taken in due order: the machine gets a tick at the deadline and
 *    announces it; `onDeadline` receives the notice with `lateByMs` (the clock minus the
 *    deadline). A deadline of the same millisecond as an event comes before the event;
 * 4. an event for no call in flight goes to `onAnomaly` as `unknownCall`;
 * 5. when a machine ends (hangup, or the disposition wait), its record is emitted and
 *    the machine is released: memory holds only the calls in flight (and the ids of the
 *    latest calls ended, step 6);
 * 6. bounded state: a call in flight for `maxCallAgeMs` after its dial is closed at that
 *    moment (a dial whose `at` is no time: after the clock when it came, or the first
 *    clock after it), and a dial that would exceed `maxInFlight` first closes the oldest
 *    call in flight; each gets an `incomplete` anomaly saying which limit, and is emitted.
 *    The ids of the latest `dedupeWindow` calls ended are kept (see step 2);
 * 7. when the source completes, calls still in flight are closed at the clock's time (or
 *    their last event's, if later), each with an `incomplete` anomaly, emitted, and the
 *    stream completes.
 *
 * Errors: an error from the source, or thrown by `onDeadline` or `onAnomaly`, goes to the
 * subscriber, and the calls still in flight are dropped — not closed, not emitted, no
 * record of them (their machines are stopped); the operator unsubscribes from its source.
 * A host that must account for every call completes the source instead (step 7).
 * Unsubscribing stops the source at once, even a synchronous one (`from(array)` under
 * `take(1)`), and drops the calls in flight the same way: no callback is called after it.
 *
 * @throws ValidationError when `maxCallAgeMs` or `maxInFlight` is not above 0, `dedupeWindow` is not a whole number from 0, or for a bad `dispositionWaitMs`.
 * @example
 * ```ts
 * import { interval, map, merge } from 'rxjs';
 * import { classified, acr, callRecords } from 'dialguard';
 * const ticks = interval(100).pipe(map(() => ({ type: 'tick' as const, at: Date.now() })));
 * merge(dialler$, ticks)
 *   .pipe(callRecords({ onDeadline: (n) => dialler.act(n) }), classified(), acr())
 *   .subscribe(({ rows }) => dashboard.show(rows));
 * ```
 */
export function callRecords(options: CallRecordsOptions = {}): OperatorFunction<CallEvent | TickEvent, CallRecord> {
  const policy = options.policy ?? ofcom2017;
  const maxCallAgeMs = limitOption('maxCallAgeMs', options.maxCallAgeMs, DEFAULT_MAX_CALL_AGE_MS);
  const maxInFlight = limitOption('maxInFlight', options.maxInFlight, DEFAULT_MAX_IN_FLIGHT);
  const dedupeWindow = dedupeWindowOption(options.dedupeWindow);
  const waitMs = options.dispositionWaitMs ?? 0;
  const machine = createCallMachine(policy, { dispositionWaitMs: options.dispositionWaitMs, deadlines: 'ticks', start: 'dialled' });
  const { onDeadline, onAnomaly } = options;
  // Deadline ticks only announce notices: with no one to receive them, only the disposition wait needs ticks.
  const tickAt = onDeadline === undefined ? waitTickAt : nextTickAt;
  return (source) =>
    new Observable<CallRecord>((subscriber) => {
      let now = -Infinity;
      let dialled = 0;
      const inFlight = new Map<string, InFlightCall>();
      const queue = createDeadlineQueue<InFlightCall>();
      const ended = createEndedIds(dedupeWindow);
      /** Calls dialled with no valid time before the clock first moved: their age runs from the first clock. */
      let undated: InFlightCall[] = [];
      /** The input being given to a machine (for a `machineError`: the event it failed on). */
      let delivering: { readonly type: unknown; readonly at: number } = { type: 'dial', at: Number.NaN };
      /** The first error a host callback threw: the step that called it stops, and it goes to the subscriber. */
      let failure: { readonly error: unknown } | undefined;
      /** Calls a host callback; what it throws is kept in `failure`, never thrown into XState or the source. */
      const host = <A>(callback: (arg: A) => void, arg: A): void => {
        if (failure !== undefined) return;
        try {
          callback(arg);
        } catch (error: unknown) {
          failure = { error };
        }
      };
      const anomaly = onAnomaly === undefined ? undefined : (a: StreamAnomaly): void => host(onAnomaly, a);
      /** Nothing more is done: a host callback failed, or the consumer left (a record emitted can end the subscription). */
      const stopped = (): boolean => failure !== undefined || subscriber.closed;

      const release = (call: InFlightCall): void => {
        call.done = true;
        inFlight.delete(call.callId);
        queue.remove(call);
      };
      /** After the actor took an event: its next entry in the queue. */
      const reschedule = (call: InFlightCall): void => {
        if (call.done) return;
        call.tickAt = tickAt(call.actor.getSnapshot(), waitMs);
        const t = call.tickAt;
        // A deadline that is no time (NaN, -Infinity: from a dial with none) never comes; the age limit does.
        queue.schedule(call, t !== null && t > -Infinity && t <= call.closeAt ? t : call.closeAt);
      };
      const close = (call: InFlightCall, at: number, reason?: string): void => {
        const event: CloseEvent = { type: 'close', at, reason };
        delivering = event;
        call.actor.send(event);
      };
      /** Closes calls at their limit of age, and ticks machines, for every entry due by the clock. */
      const flush = (): void => {
        for (let call = queue.peek(); call !== undefined && call.due <= now && !stopped(); call = queue.peek()) {
          const due = call.due;
          if (call.tickAt !== null && call.tickAt <= due) {
            const tick: TickEvent = { type: 'tick', at: due };
            delivering = tick;
            call.actor.send(tick);
          }
          if (!call.done && call.closeAt <= due) {
            close(call, call.closeAt, `still in flight ${maxCallAgeMs} ms after its dial: callRecords' maxCallAgeMs`);
          }
          reschedule(call);
          // Each entry handled moves on to a later moment; one that does not would loop forever (a defect): leave it out.
          if (!call.done && call.due <= due) queue.remove(call);
        }
      };
      const advance = (at: number): void => {
        // never back, and never to a time that is not one (NaN, Infinity: the event's anomaly, not the clock's)
        if (at > now && Number.isFinite(at)) {
          now = at;
          if (undated.length > 0) dateUndated();
          flush();
        }
      };
      /** The clock has a time at last: the calls dialled with no valid time before it age from now. */
      const dateUndated = (): void => {
        for (const call of undated) {
          call.closeAt = now + maxCallAgeMs;
          reschedule(call); // nothing for one that has ended
        }
        undated = [];
      };
      const report = (event: CallEvent): void =>
        anomaly?.({
          kind: 'unknownCall',
          callId: event.callId,
          event: event.type,
          at: event.at,
          detail: `${event.type} at ${event.at} for call ${event.callId}, which is not in flight (never dialled, or already ended); it was ignored and did not move the clock`,
        });
      const reportBeyondAge = (event: CallEvent, closeAt: number): void =>
        anomaly?.({
          kind: 'unknownCall',
          callId: event.callId,
          event: event.type,
          at: event.at,
          detail: `${event.type} at ${event.at} for call ${event.callId} is at or past the call's age limit (maxCallAgeMs after its dial: ${closeAt}) while the stream's clock is not; it was ignored and did not move the clock, and the call goes on`,
        });
      const reportInvalid = (input: unknown): void =>
        anomaly?.({
          kind: 'invalidEvent',
          callId: '',
          event: describeReceived(input),
          at: Number.NaN,
          detail: `${describeReceived(input)} came in the event stream, which is not an event (an object with a type); it was ignored`,
        });
      /** A dial that starts no call; its fields are shown as received (it may be anything). */
      const reportDial = (dial: DialEvent, kind: 'invalidEvent' | 'duplicateDial', why: string): void =>
        anomaly?.({
          kind,
          callId: typeof dial.callId === 'string' ? dial.callId : '',
          event: 'dial',
          at: typeof dial.at === 'number' ? dial.at : Number.NaN,
          detail: `dial at ${describeReceived(dial.at)} for call ${describeReceived(dial.callId)}: ${why}; no call was started, and the call's later events are reported as for a call not in flight`,
        });
      /** When a call still in flight is closed by the host side: the clock, or its last event if later. */
      const closingTime = (call: InFlightCall): number => {
        const record = call.actor.getSnapshot().context.record;
        return record === null ? now : Math.max(now, record.lastEventAt);
      };
      const makeRoom = (): void => {
        while (inFlight.size >= maxInFlight) {
          const oldest = inFlight.values().next().value as InFlightCall;
          close(oldest, closingTime(oldest), `more than ${maxInFlight} calls in flight: callRecords' maxInFlight closes the oldest first`);
          if (!oldest.done) release(oldest); // a close always ends the machine; never loop on one that did not
        }
      };
      const start = (dial: DialEvent): void => {
        const callId = dial.callId;
        if (ended.has(callId)) {
          reportDial(dial, 'duplicateDial', `the call ended already (one of the latest ${dedupeWindow} calls ended): redelivered after its end`);
          return;
        }
        const actor = createActor(machine, { input: { dial } });
        // A dial whose fields the engine reads are not of their type would make a record that
        // breaks every operator downstream; an actor that fails here is a machineError (below).
        const snapshot = actor.getSnapshot();
        const problem = snapshot.status === 'active' ? recordShapeProblem(snapshot.context.record) : null;
        if (problem !== null) {
          reportDial(dial, 'invalidEvent', problem.message);
          return;
        }
        makeRoom();
        if (stopped()) return;
        const dated = Number.isFinite(dial.at);
        const call: InFlightCall = {
          callId,
          actor,
          // With no valid time: from the clock now, or (`undated`) from its first time.
          closeAt: dated ? dial.at + maxCallAgeMs : now === -Infinity ? Infinity : now + maxCallAgeMs,
          tickAt: null,
          done: false,
          due: Infinity,
          index: -1,
          order: dialled++,
        };
        if (onDeadline) actor.on('deadline', (notice) => host(onDeadline, { ...notice, lateByMs: now - notice.at }));
        actor.subscribe({
          complete: () => {
            release(call);
            ended.add(callId);
            const output = actor.getSnapshot().output;
            if (output && failure === undefined) subscriber.next(output.record);
          },
          // A failing machine would be a defect; it loses only its own call, reported, never the stream.
          error: (err: unknown) => {
            release(call);
            anomaly?.({
              kind: 'machineError',
              callId,
              event: String(delivering.type),
              at: delivering.at,
              detail: `the machine of call ${callId} failed (${err instanceof Error ? err.message : String(err)}); the call was dropped`,
            });
          },
        });
        inFlight.set(callId, call);
        if (!dated && now === -Infinity) undated.push(call);
        delivering = dial;
        actor.start();
        reschedule(call);
      };

      /** One event or tick of the source. */
      const step = (received: CallEvent | TickEvent): void => {
        if (typeof received !== 'object' || received === null) {
          reportInvalid(received);
          return;
        }
        // The host's tick has no call id; a dialler's event of type 'tick' goes to its call.
        if (received.type === 'tick' && (received as { readonly callId?: unknown }).callId === undefined) {
          advance(received.at);
          return;
        }
        const input = received as CallEvent;
        const call = inFlight.get(input.callId);
        if (call !== undefined) {
          // Only an event its call accepts moves the clock: one the call records as an anomaly
          // (a second dial, a repeat, an unknown type, a time that is no time) cannot fire the
          // other calls' deadlines or close them.
          const record = call.actor.getSnapshot().context.record;
          const accepted = record !== null && eventProblem(record, input) === null;
          if (accepted && input.at >= call.closeAt && call.closeAt > now) {
            // At or past its own call's age limit while the clock is not: one event whose `at` is
            // wrong (hours ahead) would close every call in flight. Ignored, the clock unmoved;
            // the call goes on (its age limit still closes it when the clock gets there).
            reportBeyondAge(input, call.closeAt);
            return;
          }
          if (accepted) advance(input.at);
          if (stopped()) return;
          if (call.done) {
            // its age limit closed it just now: the event comes after its end
            report(input);
            return;
          }
          // A dialler's event of a type that is not a call event's goes wrapped, to be folded as the unknown event it is.
          delivering = input;
          call.actor.send(asMachineEvent(input));
          reschedule(call);
        } else if (input.type === 'dial') {
          start(input);
          if (stopped()) return;
        } else {
          report(input);
          return;
        }
        // A late event can arm a deadline the clock has already passed: deliver it now.
        flush();
      };

      source.subscribe(
        linkedSubscriber<CallEvent | TickEvent>(subscriber, {
          next(input) {
            step(input);
            if (failure !== undefined) subscriber.error(failure.error);
          },
          complete() {
            for (const call of [...inFlight.values()]) {
              if (stopped()) break;
              close(call, closingTime(call));
            }
            if (failure !== undefined) subscriber.error(failure.error);
            else subscriber.complete();
          },
        }),
      );
      // After the source's own teardown (linkedSubscriber): the calls in flight are dropped.
      return () => {
        for (const call of inFlight.values()) call.actor.stop();
        inFlight.clear();
      };
    });
}
