/**
 * Types of the call machine: what it accepts, what it emits, what its snapshot holds and
 * what it outputs. Plain readonly data, so a host can log or store any of it.
 */
import type { Anomaly } from '../anomaly.js';
import type { ClassifiedCall, ClassifyOptions } from '../classify.js';
import { CALL_EVENT_TYPES, type CallEvent } from '../events.js';
import type { CallRecord } from '../record.js';

/**
 * The host closes a call: the dialler released it, or the stream of its events ended.
 * The machine ends at once; a call that had not hung up gets an `incomplete` anomaly
 * (A2.23: records must show what happened), dated `at`.
 */
export interface CloseEvent {
  readonly type: 'close';
  /** When the call was closed, epoch milliseconds. */
  readonly at: number;
  /** Why the host closed it, added to the `incomplete` anomaly's detail (e.g. a limit of `callRecords`). */
  readonly reason?: string | undefined;
}

/**
 * The host's time: it is now `at` (epoch ms, read by the host from its own clock, never by
 * dialguard). A machine created with `deadlines: 'ticks'` has no timers: a tick announces
 * every deadline due by `at` (A2.15, A2.19), in due order, and ends a disposition wait that
 * is over. `callRecords` accepts ticks too, to move its clock between events. A machine
 * with timers (the default) ignores ticks.
 */
export interface TickEvent {
  readonly type: 'tick';
  /** The host's time, epoch ms. */
  readonly at: number;
}

/**
 * A dialler's event whose type is not a call event type (`CALL_EVENT_TYPES`): one of the
 * machine's own (`close`, `tick`, `foreign`), one in XState's namespace (`xstate.stop`,
 * `xstate.after.…`), any other, or none at all (`type` missing or not a string). Handed to
 * the machine as the call event it is: folded like any event of an unknown type (an
 * `unknownEvent` anomaly, as `foldEvents` records it), never taken for the host's or for
 * XState's own — XState acts on an `xstate.*` event before any guard (`xstate.stop` stops
 * the actor) and fails on a `type` that is not a string. `callRecords` and `runCall` wrap
 * such events so; a host sending a dialler's events to an actor itself must too.
 */
export interface ForeignEvent {
  readonly type: 'foreign';
  /** The dialler's event, as received. */
  readonly event: CallEvent;
}

/** The machine's own event types (a dialler's event of one of these, as of any type not a call event's, must come wrapped in a `ForeignEvent`). */
export const HOST_EVENT_TYPES: ReadonlySet<string> = /* @__PURE__ */ new Set(['close', 'tick', 'foreign']);

/** The call event types, the only ones a dialler's event may reach the machine with unwrapped. */
const CALL_TYPES: ReadonlySet<unknown> = /* @__PURE__ */ (() => new Set<unknown>(CALL_EVENT_TYPES))();

/**
 * A dialler's event as the call machine is to receive it: as it is when its type is a call
 * event type (`CALL_EVENT_TYPES`), else wrapped in a `ForeignEvent` (see there).
 */
export function asMachineEvent(event: CallEvent): CallEvent | ForeignEvent {
  return CALL_TYPES.has(event.type) ? event : { type: 'foreign', event };
}

/** Everything a call machine accepts: the dialler's call events (of any type: an unknown one becomes an anomaly), the host's `close`, ticks, and foreign events. */
export type CallMachineEvent = CallEvent | CloseEvent | TickEvent | ForeignEvent;

/** Which deadline a notice is about. */
export type DeadlineKind =
  /** A2.15: the call has rung the minimum time; from now the caller may give up without a short ring. */
  | 'minRingReached'
  /** A2.15: the call has rung the policy's maximum; ringing on is "left ringing for extended periods". */
  | 'maxRingReached'
  /** A2.19: the information message is due now; starting it any later makes it late. */
  | 'messageDue';

/**
 * A deadline notice, emitted by a running call machine (`actor.on('deadline', …)`) at the
 * moment the deadline comes, so a dialler can act before it breaks a rule. Emitted at
 * most once per deadline; a deadline that moves (ringing after the dial, start of
 * salutation after pickup) is announced at its new moment.
 */
export interface DeadlineNotice {
  readonly type: 'deadline';
  readonly kind: DeadlineKind;
  readonly callId: string;
  /** The deadline itself, epoch ms (computed from the call's events, not read from a clock). */
  readonly at: number;
  /** The paragraph of the rule whose deadline it is (A2.15 ring, A2.19 message). */
  readonly ref: string;
}

/**
 * The deadlines the machine is waiting for, as epoch ms, `null` when none is armed. A
 * deadline is armed while its rule can still bite and becomes `null` once its notice has
 * been emitted or the rule no longer applies:
 * - `minRingAt`, `maxRingAt`: ring start + `policy.ring.minMs` / `maxMs`, while the call
 *   is dialling or ringing (A2.15);
 * - `messageDueAt`: the end of the message clock (`messageClock(record).deadlineAt`,
 *   A2.19) while the call is answered with no agent and no message yet.
 */
export interface Deadlines {
  readonly minRingAt: number | null;
  readonly maxRingAt: number | null;
  readonly messageDueAt: number | null;
}

/** Options of `createCallMachine`. */
export interface CallMachineOptions {
  /**
   * After an answered call hangs up, wait this long (ms) for the agent's `disposition`
   * (A2.24, A3.5) before ending; `0` (the default) ends the call at its hangup, and a later
   * disposition is then not seen by the machine. The wait is measured from the hangup; a
   * disposition at exactly hangup + `dispositionWaitMs` arrives too late (timers fire
   * before events of the same millisecond). At most 2^31 − 1 ms (the longest timer; a
   * longer wait is a `ValidationError`).
   */
  readonly dispositionWaitMs?: number | undefined;
  /** Passed to `classify` for the final output. */
  readonly classify?: ClassifyOptions | undefined;
  /**
   * What drives the deadlines (A2.15, A2.19) and the disposition wait:
   * - `'timers'` (the default): XState `after` timers on the actor's clock
   *   (`createActor(machine, { clock })`); the machine announces each deadline itself;
   * - `'ticks'`: no timers; the host sends `{ type: 'tick', at }` when its clock reaches a
   *   deadline (`nextTickAt(snapshot, dispositionWaitMs)` says when), and the machine
   *   announces every deadline due by then. `callRecords` uses this: one entry per call in
   *   its own deadline queue instead of 3–5 XState timers.
   * The states, guards, folding and notices are the same in both.
   */
  readonly deadlines?: 'timers' | 'ticks' | undefined;
  /**
   * Where an actor starts:
   * - `'idle'` (the default): awaiting the dial, which comes as its first event (events
   *   before it become `beforeDial` anomalies); start it with `{ input: { callId } }` or
   *   no input;
   * - `'dialled'`: already dialled, in `dialling`, from the dial given as
   *   `createActor(machine, { input: { dial } })`, with its record and ring deadlines
   *   (A2.15) set as the dial event would set them. One transition fewer per call, for a
   *   host that starts an actor when a dial arrives (`callRecords` does). Starting it
   *   without `input.dial` fails the actor with a `ValidationError`.
   * The states after the dial, the folding and the output are the same.
   */
  readonly start?: 'idle' | 'dialled' | undefined;
}

/** What a call machine's snapshot holds (`snapshot.context`). */
export interface CallMachineContext {
  /** The call's id: taken from the first event received. Events of other calls are ignored. */
  readonly callId: string | null;
  /**
   * The record being folded, by `applyEvent` only, exactly as `foldEvents` would fold the
   * same events; `null` until the dial arrives.
   */
  readonly record: CallRecord | null;
  /** `beforeDial` anomalies of events that came before the dial; attached to the record when it comes. */
  readonly early: readonly Anomaly[];
  /** The deadlines armed now (see `Deadlines`). */
  readonly deadlines: Deadlines;
}

/**
 * The machine's output when it ends: the call classified by `classify(record, policy,
 * options.classify)` (its `record` is the folded record). `null` only when the call was
 * closed before any dial arrived: without a dial there is no record (for the same events
 * `foldEvents` throws `MissingDialError`).
 */
export type CallMachineOutput = ClassifiedCall | null;
