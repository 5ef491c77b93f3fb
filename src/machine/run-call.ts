/**
 * Replaying one call through a call machine on a simulated clock.
 */
import { createActor, SimulatedClock } from 'xstate';
import type { ClassifiedCall } from '../classify.js';
import { MissingDialError, MixedCallsError } from '../errors.js';
import type { CallEvent } from '../events.js';
import { ofcom2017 } from '../policy/ofcom2017.js';
import type { Policy } from '../policy/policy.js';
import { createCallMachine, type CallMachine } from './call-machine.js';
import type { CallMachineOptions, DeadlineNotice } from './types.js';

/** What `runCall` returns. */
export interface RunCallResult {
  /** The machine's output: the call classified. */
  readonly classified: ClassifiedCall;
  /** Every deadline notice the machine emitted, in order. */
  readonly deadlines: readonly DeadlineNotice[];
}

// One machine definition per policy and options, reused across calls.
const machines = new WeakMap<Policy, Map<number, CallMachine>>();

function machineFor(policy: Policy, options: CallMachineOptions): CallMachine {
  if (options.classify !== undefined) return createCallMachine(policy, options);
  const waitMs = options.dispositionWaitMs ?? 0;
  let byWait = machines.get(policy);
  if (byWait === undefined) machines.set(policy, (byWait = new Map()));
  let machine = byWait.get(waitMs);
  if (machine === undefined) byWait.set(waitMs, (machine = createCallMachine(policy, options)));
  return machine;
}

/**
 * Replays one call's events through a call machine on a `SimulatedClock`, and returns its
 * classification and the deadline notices it emitted.
 *
 * 1. Checks the events are one call's and include a dial (else throws, as `foldEvents`).
 * 2. Starts an actor on a fresh `SimulatedClock` whose 0 is the dial's `at`.
 * 3. For each event in the order given: advances the clock to the event's `at` (never
 *    back: an out-of-order event is sent at the current clock time), firing every timer
 *    due by then — so deadlines fire before an event of the same millisecond — then sends
 *    the event.
 * 4. If the call has not ended, sends `close` at the latest `at` seen (an `incomplete`
 *    anomaly when it never hung up; a call waiting for its disposition just ends).
 *
 * @throws MissingDialError when there is no `dial` event.
 * @throws MixedCallsError when the events belong to more than one call.
 * @example
 * ```ts
 * import { runCall } from 'dialguard';
 * const { classified, deadlines } = runCall(events);
 * classified.category; // 'abandoned'
 * deadlines.map((d) => d.kind); // ['messageDue']
 * ```
 */
export function runCall(events: Iterable<CallEvent>, policy: Policy = ofcom2017, options: CallMachineOptions = {}): RunCallResult {
  const list = [...events];
  const first = list[0];
  if (first === undefined) throw new MissingDialError(null);
  const dial = list.find((e) => e.type === 'dial');
  for (const e of list) if (e.callId !== first.callId) throw new MixedCallsError(first.callId, e.callId);
  if (dial === undefined) throw new MissingDialError(first.callId);

  const clock = new SimulatedClock();
  const actor = createActor(machineFor(policy, options), { clock, input: { callId: first.callId } });
  const deadlines: DeadlineNotice[] = [];
  actor.on('deadline', (notice) => void deadlines.push(notice));
  actor.start();
  const origin = dial.at;
  let latest = -Infinity;
  for (const event of list) {
    if (actor.getSnapshot().status !== 'active') break;
    latest = Math.max(latest, event.at);
    clock.set(Math.max(clock.now(), event.at - origin));
    if (actor.getSnapshot().status !== 'active') break;
    actor.send(event);
  }
  if (actor.getSnapshot().status === 'active') actor.send({ type: 'close', at: latest });
  const classified = actor.getSnapshot().output;
  actor.stop();
  // A dial was sent to the actor, so the output is a classified call.
  return { classified: classified as ClassifiedCall, deadlines };
}
