/**
 * The live path's baseline for `npm run bench`: the least a host can do with one XState v5
 * actor per call — the same event stream, an actor started at each dial on an event-time
 * clock, every event of the call sent to it, one `after` timer per call, the actor
 * released when the call hangs up — and nothing else (no record, no rules, no ACR).
 * `callRecords()` → `classified()` → `acr()` is reported as a ratio to this, measured in
 * the same run, so the figure says what dialguard costs over XState itself.
 */
import { Observable, from } from 'rxjs';
import { createActor, setup, type Actor } from 'xstate';
import { createEventClock, type CallEvent } from '../src/internals.js';

/** One state, one `after` timer (the maximum ring), final on the hangup. */
const bareMachine = setup({
  types: { events: {} as CallEvent },
  delays: { maxRing: 60_000 },
}).createMachine({
  id: 'bare',
  initial: 'live',
  states: {
    live: {
      after: { maxRing: { actions: [] } },
      on: { hangup: { target: 'ended' } },
    },
    ended: { type: 'final' },
  },
});

type BareActor = Actor<typeof bareMachine>;

/** Runs the events through one bare actor per call; emits each call's id when its actor ends. */
export function bareActors(events: readonly CallEvent[]): Observable<string> {
  return new Observable<string>((subscriber) => {
    const clock = createEventClock();
    const inFlight = new Map<string, BareActor>();
    const sub = from(events).subscribe({
      next(event) {
        clock.set(event.at);
        let actor = inFlight.get(event.callId);
        if (actor === undefined) {
          if (event.type !== 'dial') return;
          const callId = event.callId;
          const started = createActor(bareMachine, { clock });
          started.subscribe({
            complete: () => {
              inFlight.delete(callId);
              subscriber.next(callId);
            },
          });
          inFlight.set(callId, started);
          started.start();
          actor = started;
        }
        actor.send(event);
      },
      complete() {
        for (const actor of inFlight.values()) actor.stop();
        subscriber.complete();
      },
    });
    return () => sub.unsubscribe();
  });
}
