/**
 * The boundary where the simulator drives dialguard, as a real dialler would: call events
 * in, deadline notices out, the classified call back when a machine ends — on a simulated
 * clock.
 *
 * - Every call is an actor of one `createCallMachine(policy, …)` definition, on its own
 *   xstate `SimulatedClock`, which is set to the simulated time before the call is sent an
 *   event ("event-time driving": a dialler's wall clock and its event stamps agree). One
 *   clock per call keeps `SimulatedClock.set` cheap — it sorts the timers it holds on every
 *   set — while every clock reads the same simulated time whenever it matters.
 * - After every event the boundary reads the machine's armed deadlines
 *   (`snapshot.context.deadlines`) and queues a wake-up at the next one, so the call's
 *   clock reaches the deadline's exact millisecond and the machine emits its notice then
 *   (`actor.on('deadline', …)`); the notice goes to the dialler (`onNotice`).
 * - When a machine ends, its output (`snapshot.output`, a `ClassifiedCall`) goes to
 *   `onEnded`: the dialler's list manager and dialguard's operators (`operators.ts`).
 */
import { createActor, SimulatedClock } from 'xstate';
import { createCallMachine, type CallEvent, type Policy } from 'dialguard';
import type { LibraryState, MachineHandle, Sim, SimCall, WakeEvent } from '../sim.js';

/** The boundary's state for a run: one machine definition for every call. */
export function createLibraryState(policy: Policy, dispositionWaitMs: number, handlers: Pick<LibraryState, 'onNotice' | 'onEnded'>): LibraryState {
  return {
    machine: createCallMachine(policy, { dispositionWaitMs }),
    events: 0,
    notices: { minRingReached: 0, maxRingReached: 0, messageDue: 0 },
    unread: [],
    ...handlers,
  };
}

/** A machine for call `id`, its clock at the simulated time; not started (see `startMachine`). */
export function newMachine(sim: Sim, id: string): MachineHandle {
  const clock = new SimulatedClock();
  clock.set(sim.now);
  const actor = createActor(sim.library.machine, { clock, input: { callId: id } });
  return { actor, clock, finished: false, wakeAt: NaN, waitUntil: NaN };
}

/** Starts the call's machine, its deadline notices kept for the dialler. */
export function startMachine(sim: Sim, call: SimCall): void {
  call.machine.actor.on('deadline', (notice) => void sim.library.unread.push([call, notice]));
  call.machine.actor.start();
}

/** Sends one call event to the call's machine, at the simulated time (and to `config.onEvent`). */
export function send(sim: Sim, call: SimCall, event: CallEvent): void {
  const m = call.machine;
  if (m.finished) return;
  sim.library.events += 1;
  sim.config.onEvent?.(event);
  m.actor.send(event);
  // An answered call's machine waits for the disposition after the hangup.
  if (event.type === 'hangup' && m.actor.getSnapshot().status !== 'done') m.waitUntil = sim.now + sim.config.dispositionWaitMs;
  armWake(sim, call);
  takeOutput(sim, call);
}

/** Brings the call's clock to now: its due timers fire, and their notices are acted on. */
export function sync(sim: Sim, call: SimCall): void {
  if (call.machine.finished) return;
  call.machine.clock.set(sim.now); // fires the timers due by now (at the same instant too: a delay of 0 is due)
  readNotices(sim);
  takeOutput(sim, call);
  armWake(sim, call);
}

/** A wake-up: brings the call's clock to now unless the wake-up is stale (the deadline moved or went). */
export function wake(sim: Sim, e: WakeEvent): void {
  const m = e.call.machine;
  if (e.at !== m.wakeAt) return;
  m.wakeAt = NaN;
  sync(sim, e.call);
}

/**
 * Queues a wake-up at the machine's next timer: its earliest armed deadline (the maximum
 * ring only once the minimum ring has passed — the machine times one ring phase at a time)
 * or the end of its wait for a disposition. One wake-up per call at a time.
 */
function armWake(sim: Sim, call: SimCall): void {
  const m = call.machine;
  if (m.finished) return;
  const d = m.actor.getSnapshot().context.deadlines;
  let next = d.minRingAt ?? d.maxRingAt ?? Infinity;
  if (d.messageDueAt !== null && d.messageDueAt < next) next = d.messageDueAt;
  if (m.waitUntil < next) next = m.waitUntil;
  if (next === Infinity) {
    m.wakeAt = NaN;
    return;
  }
  if (next === m.wakeAt) return;
  m.wakeAt = Math.max(next, sim.now);
  sim.queue.push({ at: m.wakeAt, kind: 'wake', call });
}

/** Once the machine has ended: its classified call to `onEnded`. */
function takeOutput(sim: Sim, call: SimCall): void {
  const m = call.machine;
  if (m.finished) return;
  const snapshot = m.actor.getSnapshot();
  if (snapshot.status !== 'done') return;
  m.finished = true;
  const output = snapshot.output;
  if (output !== null && output !== undefined) sim.library.onEnded(sim, call, output);
}

/** The notices emitted so far, to the dialler, in order. */
function readNotices(sim: Sim): void {
  const unread = sim.library.unread;
  while (unread.length > 0) {
    const [call, notice] = unread.shift() as [SimCall, (typeof unread)[number][1]];
    sim.library.notices[notice.kind] += 1;
    sim.library.onNotice(sim, call, notice);
  }
}
