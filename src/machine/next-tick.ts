/**
 * When a tick-driven call machine (`deadlines: 'ticks'`) needs its next tick.
 */
import { earliestDeadline } from './deadlines.js';
import type { CallMachineContext } from './types.js';

/**
 * The moment, epoch ms, a call machine created with `deadlines: 'ticks'` next needs a
 * `{ type: 'tick', at }`: its earliest armed deadline (A2.15 ring time, A2.19 message
 * deadline), or, while it waits for the agent's disposition (`wrapUp`), the end of that
 * wait (hangup + `dispositionWaitMs`). `null` when no tick is needed: the call moves only
 * on its own events. Read it after every event and tick sent to the actor.
 *
 * @example
 * ```ts
 * const due = nextTickAt(actor.getSnapshot(), 0);
 * if (due !== null && due <= hostNow) actor.send({ type: 'tick', at: due });
 * ```
 */
export function nextTickAt(snapshot: { readonly value: unknown; readonly context: CallMachineContext }, dispositionWaitMs = 0): number | null {
  return waitTickAt(snapshot, dispositionWaitMs) ?? earliestDeadline(snapshot.context.deadlines);
}

/**
 * The one tick a call machine created with `deadlines: 'ticks'` needs when nobody listens
 * for its deadline notices: the end of the wait for the agent's disposition (`wrapUp`:
 * hangup + `dispositionWaitMs`), which ends the call; `null` in every other state. The
 * deadline ticks only announce notices, so skipping them leaves the record unchanged.
 */
export function waitTickAt(snapshot: { readonly value: unknown; readonly context: CallMachineContext }, dispositionWaitMs = 0): number | null {
  const record = snapshot.context.record;
  return snapshot.value === 'wrapUp' && record !== null ? (record.hangupAt ?? record.lastEventAt) + dispositionWaitMs : null;
}
