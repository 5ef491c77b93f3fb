/**
 * Where the live path's time goes, for `npm run bench`: dialguard's call machine driven by
 * the least host loop (an actor per call started at its dial, every event sent to it,
 * released when it ends: what `bench/bare-actor.ts` does, without its `after` timer), with
 * its own guards and actions, and with them made trivial (every guard true, every action a
 * no-op: only the state chart's transitions, XState's own work). Each is reported as a
 * ratio to the bare actor in the same run, so the figures say how much of the gap to the
 * bare actor is the state chart's transitions, which dialguard cannot remove without
 * removing states, and how much is dialguard's logic in them.
 */
import { assign, createActor, type AnyStateMachine } from 'xstate';
import type { CallEvent } from '../src/index.js';

/**
 * Sends each call's events to an actor of `machine` started at its dial; returns how many
 * calls ended. `dialled`: the machine was created with `start: 'dialled'`, so the dial is
 * the actor's input (as `callRecords` does), not its first event.
 */
export function runMachine(machine: AnyStateMachine, events: readonly CallEvent[], dialled = false): number {
  const inFlight = new Map<string, ReturnType<typeof createActor>>();
  let ended = 0;
  for (const event of events) {
    let actor = inFlight.get(event.callId);
    if (actor === undefined) {
      if (event.type !== 'dial') continue;
      const callId = event.callId;
      actor = createActor(machine, { input: dialled ? { dial: event } : { callId } });
      actor.subscribe({
        complete: () => {
          inFlight.delete(callId);
          ended += 1;
        },
      });
      inFlight.set(callId, actor);
      actor.start();
      if (dialled) continue;
    }
    actor.send(event);
  }
  for (const actor of inFlight.values()) actor.stop();
  return ended;
}

/** The same machine with every guard it names true and every action it names doing nothing (the record stays as dialled). */
export function transitionsOnly<M extends AnyStateMachine>(machine: M): M {
  const keep = assign(({ context }) => context);
  return machine.provide({
    guards: Object.fromEntries(Object.keys(machine.implementations.guards).map((g) => [g, () => true])),
    actions: Object.fromEntries(Object.keys(machine.implementations.actions).map((a) => [a, keep])),
  }) as M;
}
