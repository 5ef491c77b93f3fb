/**
 * Replaying one call through a call machine on a simulated clock.
 */
import { createActor, SimulatedClock } from 'xstate';
import type { ClassifiedCall } from '../classify.js';
import { MissingDialError, MixedCallsError, ValidationError } from '../errors.js';
import type { CallEvent } from '../events.js';
import { eventProblem } from '../fold.js';
import { ofcom2017 } from '../policy/ofcom2017.js';
import type { Policy } from '../policy/policy.js';
import { createCallMachine, type CallMachine } from './call-machine.js';
import { asMachineEvent, type CallMachineOptions, type DeadlineNotice } from './types.js';

/** What `runCall` returns. */
export interface RunCallResult {
  /** The machine's output: the call classified. */
  readonly classified: ClassifiedCall;
  /** Every deadline notice the machine emitted, in order. */
  readonly deadlines: readonly DeadlineNotice[];
}

// One machine definition per policy and disposition wait, reused across calls (always timers, started idle).
const machines = new WeakMap<Policy, Map<number, CallMachine>>();

function machineFor(policy: Policy, options: CallMachineOptions): CallMachine {
  if (options.deadlines !== undefined && options.deadlines !== 'timers') {
    throw new ValidationError(null, 'deadlines', "'timers' or absent (runCall replays the call on a simulated clock, with timers)", String(options.deadlines));
  }
  if (options.start !== undefined && options.start !== 'idle') {
    throw new ValidationError(null, 'start', "'idle' or absent (runCall sends the call's events from the first, dial included)", String(options.start));
  }
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
 * 3. For each event in the order given: if it is the dial, or an event the record
 *    accepts (`eventProblem` finds nothing), advances the clock to its `at` (never back),
 *    firing every timer due by then — so deadlines fire before an event of the same
 *    millisecond; then sends the event. An event the record will keep as an anomaly (a
 *    second dial, a repeat, an event before the dial, a time that is no time) moves no
 *    clock. A dialler's event whose type is not a call event type (`close`, `tick`,
 *    `xstate.stop`, none at all) is sent wrapped, `{ type: 'foreign', event }`, and folded
 *    as an unknown event.
 * 4. If the call has not ended, sends `close` at the latest `at` seen (an `incomplete`
 *    anomaly when it never hung up; a call waiting for its disposition just ends).
 *
 * @throws MissingDialError when there is no `dial` event.
 * @throws MixedCallsError when the events belong to more than one call.
 * @throws ValidationError for `options.deadlines` other than `'timers'` or `options.start` other than `'idle'`.
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
    const record = actor.getSnapshot().context.record;
    const accepted = record === null ? event === dial : eventProblem(record, event) === null;
    if (accepted && Number.isFinite(event.at - origin)) {
      latest = Math.max(latest, event.at);
      clock.set(Math.max(clock.now(), event.at - origin));
      if (actor.getSnapshot().status !== 'active') break;
    }
    actor.send(asMachineEvent(event));
  }
  if (actor.getSnapshot().status === 'active') actor.send({ type: 'close', at: Number.isFinite(latest) ? latest : origin });
  const classified = actor.getSnapshot().output;
  actor.stop();
  // A dial was sent to the actor, so the output is a classified call.
  return { classified: classified as ClassifiedCall, deadlines };
}
