import { Observable, type OperatorFunction } from 'rxjs';
import { createActor, type Actor } from 'xstate';
import type { Anomaly } from '../anomaly.js';
import type { CallEvent } from '../events.js';
import { createCallMachine, type CallMachine } from '../machine/call-machine.js';
import type { CallMachineOptions, DeadlineNotice } from '../machine/types.js';
import { ofcom2017 } from '../policy/ofcom2017.js';
import type { Policy } from '../policy/policy.js';
import type { CallRecord } from '../record.js';
import { createEventClock } from '../time/event-clock.js';

/** An event `callRecords` could not give to any call: it is reported here, never thrown. */
export interface StreamAnomaly extends Anomaly {
  readonly callId: string;
}

/** Options for `callRecords`. */
export interface CallRecordsOptions extends CallMachineOptions {
  /** The policy whose deadlines the machines announce (A2.15, A2.19); default `ofcom2017`. */
  readonly policy?: Policy;
  /** Receives every deadline notice of every call, at its moment on the events' clock. */
  readonly onDeadline?: (notice: DeadlineNotice) => void;
  /**
   * Receives events that belong to no call in flight — an event for a call never dialled
   * or already finished and released (`unknownCall`) — and a call whose machine failed
   * (`machineError`, a defect: that call is dropped, the others go on). Anomalies of a
   * call in flight go on its record instead.
   */
  readonly onAnomaly?: (anomaly: StreamAnomaly) => void;
}

type CallActor = Actor<CallMachine>;

/**
 * Turns a stream of call events (many calls interleaved, in time order) into a stream
 * of call records, one per call, emitted when the call ends.
 *
 * Algorithm:
 * 1. one clock for the stream, kept at the time of the latest event (`at`): before each
 *    event it is moved forward to that event's `at`, firing every deadline due by then
 *    (notices go to `onDeadline`) — so the library never reads the host's clock;
 * 2. a `dial` for a new call id starts a call machine (`createCallMachine`) on that clock;
 *    every other event goes to its call's machine, which folds it or records it as an
 *    anomaly (a second dial for a call in flight is a `duplicateDial` anomaly);
 * 3. an event for no call in flight goes to `onAnomaly` as `unknownCall`;
 * 4. when a machine ends (hangup, or the disposition wait), its record is emitted and
 *    the machine is released: memory holds only the calls in flight;
 * 5. when the source completes, calls still in flight are closed at the latest event's
 *    time (an `incomplete` anomaly on each), emitted, and the stream completes.
 *
 * @example
 * ```ts
 * import { classified, acr, callRecords } from 'dialguard';
 * dialler$.pipe(callRecords({ onDeadline: (n) => dialler.act(n) }), classified(), acr())
 *   .subscribe(({ rows }) => dashboard.show(rows));
 * ```
 */
export function callRecords(options: CallRecordsOptions = {}): OperatorFunction<CallEvent, CallRecord> {
  const policy = options.policy ?? ofcom2017;
  const machine = createCallMachine(policy, options);
  return (source) =>
    new Observable<CallRecord>((subscriber) => {
      const clock = createEventClock();
      const inFlight = new Map<string, CallActor>();
      let latest = -Infinity;
      const report = (kind: StreamAnomaly['kind'], event: CallEvent): void =>
        options.onAnomaly?.({
          kind,
          callId: event.callId,
          event: event.type,
          at: event.at,
          detail: `${event.type} at ${event.at} for call ${event.callId}, which is not in flight (never dialled, or already ended); it was ignored`,
        });
      const start = (callId: string): CallActor => {
        const actor = createActor(machine, { clock, input: { callId } });
        if (options.onDeadline) actor.on('deadline', options.onDeadline);
        actor.subscribe({
          complete: () => {
            inFlight.delete(callId);
            const output = actor.getSnapshot().output;
            if (output) subscriber.next(output.record);
          },
          // A failing machine would be a defect; it loses only its own call, reported, never the stream.
          error: (err: unknown) => {
            inFlight.delete(callId);
            options.onAnomaly?.({
              kind: 'machineError',
              callId,
              event: 'hangup',
              at: latest,
              detail: `the machine of call ${callId} failed (${err instanceof Error ? err.message : String(err)}); the call was dropped`,
            });
          },
        });
        inFlight.set(callId, actor);
        actor.start();
        return actor;
      };
      const subscription = source.subscribe({
        next(event) {
          if (event.at > latest) {
            latest = event.at;
            clock.set(event.at);
          }
          const actor = inFlight.get(event.callId);
          if (actor) actor.send(event);
          else if (event.type === 'dial') start(event.callId).send(event);
          else report('unknownCall', event);
        },
        error: (e: unknown) => subscriber.error(e),
        complete() {
          for (const actor of [...inFlight.values()]) actor.send({ type: 'close', at: latest });
          subscriber.complete();
        },
      });
      return () => {
        subscription.unsubscribe();
        for (const actor of inFlight.values()) actor.stop();
        inFlight.clear();
      };
    });
}
