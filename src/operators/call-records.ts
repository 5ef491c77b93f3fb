import { Observable, type OperatorFunction } from 'rxjs';
import { createActor, type Actor } from 'xstate';
import type { Anomaly } from '../anomaly.js';
import { ValidationError } from '../errors.js';
import type { CallEvent, DialEvent } from '../events.js';
import { eventProblem } from '../fold.js';
import { createCallMachine, type CallMachine } from '../machine/call-machine.js';
import { nextTickAt, waitTickAt } from '../machine/next-tick.js';
import { asMachineEvent, type CallMachineOptions, type DeadlineNotice, type TickEvent } from '../machine/types.js';
import { ofcom2017 } from '../policy/ofcom2017.js';
import type { Policy } from '../policy/policy.js';
import type { CallRecord } from '../record.js';
import { createDeadlineQueue, type QueueEntry } from '../time/deadline-queue.js';
import { linkedSubscriber } from './linked-subscriber.js';

/** An event `callRecords` could not give to any call: it is reported here, never thrown. */
export interface StreamAnomaly extends Anomaly {
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

/** Options for `callRecords`. */
export interface CallRecordsOptions extends Omit<CallMachineOptions, 'deadlines'> {
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
   * Receives events that belong to no call in flight — an event for a call never dialled
   * or already finished and released, or one whose `at` is at or past its own call's age
   * limit while the stream's clock is not (`unknownCall`; it moves no clock, so one wrong
   * `at` cannot close every other call) — and a call whose machine failed
   * (`machineError`, a defect: that call is dropped, the others go on). Anomalies of a
   * call in flight go on its record instead. An error it throws goes to the subscriber
   * (`error`) at once, and tears down as a source error does (see `callRecords`), as for
   * `onDeadline`.
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
}

type CallActor = Actor<CallMachine>;

/** A call in flight: its actor, and its one entry in the deadline queue. */
interface InFlightCall extends QueueEntry {
  readonly callId: string;
  readonly actor: CallActor;
  /** Dial + `maxCallAgeMs`: when the call is closed if it is still in flight. */
  readonly closeAt: number;
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

/**
 * Turns a stream of call events (many calls interleaved, in time order), and the host's
 * ticks, into a stream of call records, one per call, emitted when the call ends.
 *
 * Algorithm:
 * 1. one clock for the stream, which only moves forward (to finite times), and only on
 *    - a tick `{ type: 'tick', at }`: the host's time, merged in from a timer the host owns
 *      (the library never reads a clock), so deadlines are delivered at their moment
 *      and not with the next event;
 *    - an event of a call in flight that the call accepts (`eventProblem` finds nothing):
 *      the clock moves to its `at` before the event is given to the call.
 *    A dial does not move it (any call id can bring a dial, as any can bring a stray
 *    event), nor does an event for a call not in flight, nor one its call records as an
 *    anomaly (a second dial, a repeat, an unknown type, an event after the hangup): a
 *    wrong `at` three hours ahead cannot fire the other calls' deadlines or close them;
 * 2. a `dial` for a new call id starts a call machine (`createCallMachine` with
 *    `deadlines: 'ticks'`: no XState timers); every other event goes to its call's machine,
 *    which folds it or records it as an anomaly (a second dial for a call in flight is a
 *    `duplicateDial` anomaly);
 * 3. each call has one entry in a deadline queue: its machine's next deadline
 *    (`nextTickAt`; without `onDeadline`, only the end of a disposition wait, `waitTickAt`,
 *    as the other deadlines would only announce notices) or its age limit, whichever is first. Whenever the clock moves, every
 *    entry due by then is taken in due order: the machine gets a tick at the deadline and
 *    announces it; `onDeadline` receives the notice with `lateByMs` (the clock minus the
 *    deadline). A deadline of the same millisecond as an event comes before the event;
 * 4. an event for no call in flight goes to `onAnomaly` as `unknownCall`;
 * 5. when a machine ends (hangup, or the disposition wait), its record is emitted and
 *    the machine is released: memory holds only the calls in flight;
 * 6. bounded state: a call in flight for `maxCallAgeMs` after its dial is closed at that
 *    moment, and a dial that would exceed `maxInFlight` first closes the oldest call in
 *    flight; each gets an `incomplete` anomaly saying which limit, and is emitted;
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
 * @throws ValidationError when `maxCallAgeMs` or `maxInFlight` is not above 0, or for a bad `dispositionWaitMs`.
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
  const waitMs = options.dispositionWaitMs ?? 0;
  const machine = createCallMachine(policy, { dispositionWaitMs: options.dispositionWaitMs, classify: options.classify, deadlines: 'ticks', start: 'dialled' });
  const { onDeadline, onAnomaly } = options;
  // Deadline ticks only announce notices: with no one to receive them, only the disposition wait needs ticks.
  const tickAt = onDeadline === undefined ? waitTickAt : nextTickAt;
  return (source) =>
    new Observable<CallRecord>((subscriber) => {
      let now = -Infinity;
      let dialled = 0;
      const inFlight = new Map<string, InFlightCall>();
      const queue = createDeadlineQueue<InFlightCall>();
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
        queue.schedule(call, call.tickAt === null || call.tickAt > call.closeAt ? call.closeAt : call.tickAt);
      };
      const close = (call: InFlightCall, at: number, reason?: string): void => {
        call.actor.send({ type: 'close', at, reason });
      };
      /** Closes calls at their limit of age, and ticks machines, for every entry due by the clock. */
      const flush = (): void => {
        for (let call = queue.peek(); call !== undefined && call.due <= now && !stopped(); call = queue.peek()) {
          const due = call.due;
          if (call.tickAt !== null && call.tickAt <= due) call.actor.send({ type: 'tick', at: due });
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
          flush();
        }
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
        const actor = createActor(machine, { input: { dial } });
        const call: InFlightCall = {
          callId,
          actor,
          closeAt: Number.isFinite(dial.at) ? dial.at + maxCallAgeMs : Infinity,
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
            const output = actor.getSnapshot().output;
            if (output && failure === undefined) subscriber.next(output.record);
          },
          // A failing machine would be a defect; it loses only its own call, reported, never the stream.
          error: (err: unknown) => {
            release(call);
            anomaly?.({
              kind: 'machineError',
              callId,
              event: 'hangup',
              at: now,
              detail: `the machine of call ${callId} failed (${err instanceof Error ? err.message : String(err)}); the call was dropped`,
            });
          },
        });
        inFlight.set(callId, call);
        actor.start();
        reschedule(call);
      };

      /** One event or tick of the source. */
      const step = (input: CallEvent | TickEvent): void => {
        if (input.type === 'tick') {
          advance(input.at);
          return;
        }
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
          // A dialler's event named as one of the machine's own goes wrapped, to be folded as the unknown event it is.
          call.actor.send(asMachineEvent(input));
          reschedule(call);
        } else if (input.type === 'dial') {
          makeRoom();
          if (stopped()) return;
          start(input);
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
