/**
 * The call machine: one XState actor per outbound call. It folds the call's events into
 * a CallRecord with the shared `applyEvent`, announces the deadlines of A2.15 and A2.19
 * as they come, and outputs the call classified by the shared `classify`.
 */
import { and, assign, emit, enqueueActions, setup } from 'xstate';
import { addAnomaly, type Anomaly } from '../anomaly.js';
import { classify } from '../classify.js';
import { ValidationError } from '../errors.js';
import { CALL_EVENT_TYPES, type CallEvent, type CallEventType, type DialEvent } from '../events.js';
import { applyAcceptedEvent, applyEvent, beforeDialAnomaly, eventProblem, recordFromDial, withAnomalies } from '../fold.js';
import { ofcom2017 } from '../policy/ofcom2017.js';
import type { Policy } from '../policy/policy.js';
import type { CallRecord } from '../record.js';
import { maxRingEndsAt, minRingEndsAt } from '../rules/ring-time/index.js';
import { closeRecord } from './close.js';
import {
  deadlineNotice,
  delayUntil,
  dueDeadlines,
  earliestDeadline,
  MAX_DELAY_MS,
  messageDeadlines,
  messageDueAt,
  NO_DEADLINES,
  ringDeadlines,
  settleDue,
} from './deadlines.js';
import {
  HOST_EVENT_TYPES,
  type CallMachineContext,
  type CallMachineEvent,
  type CallMachineOptions,
  type CallMachineOutput,
  type DeadlineKind,
  type DeadlineNotice,
  type Deadlines,
} from './types.js';

/**
 * The same transition for every call event type (`CALL_EVENT_TYPES`, from the one event
 * declaration): a new event type is folded in every state without editing the machine.
 */
function onEveryEvent<T>(transition: T): { readonly [K in CallEventType]: T } {
  return Object.fromEntries(CALL_EVENT_TYPES.map((type) => [type, transition])) as { readonly [K in CallEventType]: T };
}
/** What a call actor may be started with: `createActor(machine, { input: { callId } })`, or `{ input: { dial } }`. */
export interface CallMachineInput {
  /**
   * The call this actor is for. Events of other calls are ignored. Without it the first
   * event received fixes the call id (as in `foldEvents`). Not needed with `dial`.
   */
  readonly callId?: string | undefined;
  /**
   * The call's dial, for a machine created with `start: 'dialled'` (and only then): the
   * actor starts in `dialling` with this dial's record and ring deadlines, as if the dial
   * had been its first event.
   */
  readonly dial?: DialEvent | undefined;
}

/** The `deadlines` field each notice kind settles. */
const FIELD: Readonly<Record<DeadlineKind, keyof Deadlines>> = {
  minRingReached: 'minRingAt',
  maxRingReached: 'maxRingAt',
  messageDue: 'messageDueAt',
};

/** A context, always built in the same shape (it keeps XState's context merge monomorphic). */
function contextOf(
  callId: string | null,
  record: CallRecord | null,
  early: readonly Anomaly[],
  deadlines: Deadlines,
): CallMachineContext {
  return { callId, record, early, deadlines };
}

/** The context once the dial is in: the record it starts (with the anomalies of any earlier events) and the ring deadlines (A2.15). */
function dialledContext(dial: DialEvent, early: readonly Anomaly[], policy: Policy): CallMachineContext {
  const dialled = recordFromDial(dial);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent: with no early anomaly the copy would only set the same empty list
  const record = early.length > 0 ? withAnomalies(dialled, early) : dialled;
  return contextOf(dial.callId, record, early, ringDeadlines(record, policy));
}

/**
 * The context an actor starts with: awaiting the dial (`start: 'idle'`), or already
 * dialled with `input.dial` (`start: 'dialled'`).
 * @throws ValidationError when `input.dial` is missing with `start: 'dialled'`, or given with `start: 'idle'`.
 */
function initialContext(input: CallMachineInput | void, dialled: boolean, policy: Policy): CallMachineContext {
  const dial = input?.dial;
  if (dialled !== (dial != null)) {
    throw new ValidationError(
      input?.callId ?? null,
      'input.dial',
      dialled ? "the call's dial event (the machine was created with start: 'dialled')" : "absent (give it only to a machine created with start: 'dialled')",
      dial == null ? String(dial) : 'a dial event',
    );
  }
  if (dial != null && dial.type !== 'dial') throw new ValidationError(dial.callId ?? null, 'input.dial.type', "'dial'", String(dial.type));
  return dial == null ? contextOf(input?.callId ?? null, null, [], NO_DEADLINES) : dialledContext(dial, [], policy);
}

/** Which deadlines the state an event leads to arms: ring (A2.15), message (A2.19), or none. */
type Arm = 'ring' | 'message' | 'none';

/** The deadlines armed in the state an event leads to. */
function deadlinesFor(record: CallRecord, params: { policy: Policy; arm: Arm }): Deadlines {
  switch (params.arm) {
    case 'ring':
      return ringDeadlines(record, params.policy);
    case 'message':
      return messageDeadlines(record, params.policy);
    default:
      return NO_DEADLINES;
  }
}

/** The event as a call event (the host's `close` and `tick` are not; a foreign event is the call event it wraps), or `null`. */
function callEventOf(event: CallMachineEvent): CallEvent | null {
  if (event.type === 'foreign') return event.event;
  return event.type === 'close' || event.type === 'tick' ? null : event;
}

/** A dialler's event of a type the machine has no transition for (not a call event type, nor the host's): `foldEvents` records it as an `unknownEvent` anomaly, and so does the machine. */
function isUnknownType(event: CallMachineEvent): boolean {
  const type: unknown = event.type;
  return typeof type !== 'string' || (!KNOWN_EVENT_TYPES.has(type) && !type.startsWith('xstate.'));
}

/** The types the machine has transitions for: the call events' and the host's. */
const KNOWN_EVENT_TYPES: ReadonlySet<string> = /* @__PURE__ */ (() => new Set<string>([...CALL_EVENT_TYPES, ...HOST_EVENT_TYPES]))();

/** The record being folded. Only `idle` has none, and nothing past `idle` asks for it then. */
function recordOf(context: CallMachineContext): CallRecord {
  if (context.record === null) throw new Error('dialguard: call machine reached a dialled state without a record (internal error)');
  return context.record;
}

/** The event belongs to this actor's call (always true for the host's `close` and `tick`). */
function isSameCall(context: CallMachineContext, event: CallMachineEvent): boolean {
  const e = callEventOf(event);
  return e === null || context.callId === null || e.callId === context.callId;
}

/**
 * `eventProblem(record, event) === null`: the event is the call's and `applyEvent` will
 * apply it, not record it as an anomaly. The same rule as `foldEvents`, so states move
 * only on events the record accepts.
 */
function isAccepted(context: CallMachineContext, event: CallMachineEvent): boolean {
  const e = callEventOf(event);
  return e !== null && context.record !== null && isSameCall(context, event) && eventProblem(context.record, e) === null;
}

/**
 * Creates the call machine for one policy: an XState v5 machine built with `setup()`.
 * Create it once per policy (and options) and start one actor per call from it
 * (`createActor(machine, { clock })`): the definition is shared, only the actor is per call.
 *
 * States: `idle` (awaiting the dial; skipped with `start: 'dialled'`) → `dialling` → `ringing` → `answered` (awaiting AMD,
 * agent or message; the message deadline runs) → `agentConnected` | `messagePlaying` (a
 * message, or an IVM event) → `wrapUp` (only with `dispositionWaitMs > 0`, after the hangup of an answered call with
 * no disposition yet) → `ended` (final). A `close` ends the call from any state.
 *
 * Folding: every call event updates `context.record` only through `applyEvent` (events
 * before the dial become `beforeDial` anomalies attached when the dial arrives, as in
 * `foldEvents`), and states move only on events `eventProblem` accepts, so the output
 * always equals `classify(foldEvents(events))` for the events the machine received.
 * Events that cannot be applied (out of order, before the answer, repeated, after the
 * hangup, a second dial, a type that is not a `CallEventType`) are recorded as anomalies,
 * as `foldEvents` records them, never thrown. A dialler's event whose type is not a call
 * event type (`CALL_EVENT_TYPES`) must come wrapped, `{ type: 'foreign', event }`, to be
 * folded so (`callRecords` and `runCall` wrap them): sent bare, one of the machine's own
 * types (`close`, `tick`) is taken for the host's, XState acts on one of its own
 * (`xstate.stop` stops the actor, `xstate.after.…` fires a timer early) before any guard,
 * and a `type` that is not a string fails the actor. Events of another call are ignored.
 * Events sent after the actor ended are dropped by XState
 * (its development build warns). An event's `at` must be a finite number of ms.
 *
 * Deadlines: emits `DeadlineNotice`s (`actor.on('deadline', …)`) — `minRingReached` and
 * `maxRingReached` at ring start + `policy.ring.minMs` / `maxMs` while unanswered (A2.15),
 * `messageDue` at the end of the message clock while answered with no agent, no message
 * and no IVM event (A2.19; footnote 44: an IVM's interactive message is one), moved when the start of salutation moves the clock. The armed
 * deadlines are in `snapshot.context.deadlines`. Timers are set on the actor's clock
 * (`createActor(machine, { clock })`), relative to the latest event applied
 * (`record.lastEventAt`; a deadline already passed fires at once), so the machine never
 * reads the host's time. On a clock that keeps pace with the events' `at`, a deadline
 * fires at its exact millisecond, before any event of the same millisecond; such an event
 * is still on time (a message at exactly pickup + 2 s is not late, and a hangup at exactly
 * 15 s of ringing is not a short ring). A notice's `at` is always computed from the
 * events, so it is exact even when the clock jumps (`SimulatedClock.set`).
 *
 * Ticks instead of timers (`options.deadlines: 'ticks'`): the same machine with no
 * `after` timers. The host sends `{ type: 'tick', at }` when its own clock reaches
 * `nextTickAt(snapshot, dispositionWaitMs)`; the tick announces every deadline due by
 * `at`, in due order, and ends a disposition wait that is over. Only the deadline
 * transitions differ between the two; `callRecords` uses ticks.
 *
 * Starting dialled (`options.start: 'dialled'`): the actor starts in `dialling` from
 * `createActor(machine, { input: { dial } })`, exactly as an idle actor is after that dial
 * (`callRecords` starts its actors so: one transition fewer per call).
 *
 * Output: `classify(record, policy, options.classify)` (`null` if closed before a dial).
 *
 * @throws ValidationError when `options.dispositionWaitMs` is not a number of ms from 0 to 2^31 − 1, `options.deadlines` is neither `'timers'` nor `'ticks'`, or `options.start` is neither `'idle'` nor `'dialled'`.
 * @example
 * ```ts
 * import { createActor, SimulatedClock } from 'xstate';
 * import { createCallMachine } from 'dialguard';
 * const machine = createCallMachine();          // once
 * const clock = new SimulatedClock();
 * const call = createActor(machine, { clock }).start();  // per call
 * call.on('deadline', (n) => console.log(n.kind, n.at));
 * call.send({ type: 'dial', callId: 'c1', at: 0, campaignId: 'k', callCentreId: 'cc', to: '01612345678',
 *             cli: '03001234567', agentGuaranteed: false, amd: false, messagePlanned: true });
 * call.getSnapshot().context.deadlines;          // { minRingAt: 15000, maxRingAt: 60000, messageDueAt: null }
 * clock.set(15_000);                             // logs: minRingReached 15000
 * call.send({ type: 'hangup', callId: 'c1', at: 15_000, by: 'caller' });
 * call.getSnapshot().output?.category;           // 'unconnected'
 * ```
 */
/* @__NO_SIDE_EFFECTS__ */
export function createCallMachine(policy: Policy = ofcom2017, options: CallMachineOptions = {}) {
  const waitMs = options.dispositionWaitMs ?? 0;
  if (typeof waitMs !== 'number' || !Number.isFinite(waitMs) || waitMs < 0 || waitMs > MAX_DELAY_MS) {
    throw new ValidationError(null, 'dispositionWaitMs', `a number of milliseconds from 0 to ${MAX_DELAY_MS} (2^31 − 1, the longest timer)`, String(waitMs));
  }
  const classifyOptions = options.classify ?? {};
  const ticks = options.deadlines === 'ticks';
  if (options.deadlines !== undefined && options.deadlines !== 'timers' && !ticks) {
    throw new ValidationError(null, 'deadlines', "'timers' or 'ticks'", String(options.deadlines));
  }
  const dialled = options.start === 'dialled';
  if (options.start !== undefined && options.start !== 'idle' && !dialled) {
    throw new ValidationError(null, 'start', "'idle' or 'dialled'", String(options.start));
  }
  // An event no state moves on: its facts, or its anomaly.
  const fold = { type: 'fold' } as const;
  // An event the transition's guard accepted: its facts, and the deadlines of the state it leads to.
  const toRinging = { type: 'apply', params: { policy, arm: 'ring' } } as const;
  const toAnswered = { type: 'apply', params: { policy, arm: 'message' } } as const;
  const toUntimed = { type: 'apply', params: { policy, arm: 'none' } } as const;
  const toWrapUp = {
    guard: and(['eventAccepted', { type: 'awaitsDisposition', params: { waitMs } }]),
    target: '#call.wrapUp',
    actions: toUntimed,
  } as const;
  const toEnded = { guard: 'eventAccepted', target: '#call.ended', actions: toUntimed } as const;
  // With no disposition wait, a hangup always ends the call: the wrap-up branch (never taken) is left out.
  const hangup = waitMs > 0 ? ([toWrapUp, toEnded] as const) : ([toEnded] as const);

  const calls = setup({
    types: {
      context: {} as CallMachineContext,
      events: {} as CallMachineEvent,
      input: {} as CallMachineInput | void,
      emitted: {} as DeadlineNotice,
      output: {} as CallMachineOutput,
    },
    guards: {
      /** The event belongs to this actor's call. */
      sameCall: ({ context, event }) => isSameCall(context, event),
      /** A dialler's event of this call, of a type no transition names (`isUnknownType`). */
      unknownType: ({ context, event }) => isUnknownType(event) && isSameCall(context, event),
      /** `eventProblem(record, event) === null` (see `isAccepted`). */
      eventAccepted: ({ context, event }) => isAccepted(context, event),
      /** An answered call, with no disposition yet, and the machine waits for one (A2.24, A3.5). */
      awaitsDisposition: ({ context }, params: { waitMs: number }) =>
        params.waitMs > 0 && context.record !== null && context.record.answerAt !== null && context.record.disposition === null,
      /** A tick at or after the earliest armed deadline (`deadlines: 'ticks'`). */
      deadlineDue: ({ context, event }) => {
        if (event.type !== 'tick') return false;
        const earliest = earliestDeadline(context.deadlines);
        return earliest !== null && earliest <= event.at;
      },
      /** A tick at or after the end of the disposition wait (`deadlines: 'ticks'`). */
      waitOver: ({ context, event }, params: { waitMs: number }) => {
        if (event.type !== 'tick') return false;
        const record = recordOf(context);
        return (record.hangupAt ?? record.lastEventAt) + params.waitMs <= event.at;
      },
      /** A2.19: applying the event moves the end of the message clock (start of salutation with AMD). */
      messageDeadlineMoves: ({ context, event }, params: { policy: Policy }) => {
        const e = callEventOf(event);
        if (e === null || !isAccepted(context, event)) return false;
        const record = recordOf(context);
        return messageDueAt(applyAcceptedEvent(record, e), params.policy) !== messageDueAt(record, params.policy);
      },
    },
    actions: {
      /** Before the dial: keep a `beforeDial` anomaly for the record (as `foldEvents` does). */
      keepEarly: assign(({ context, event }) => {
        const e = callEventOf(event);
        if (e === null) return context;
        const early = addAnomaly(context.early, beforeDialAnomaly(e)); // bounded, as `foldEvents` keeps them
        return contextOf(context.callId ?? e.callId, context.record, early, context.deadlines);
      }),
      /** The dial: start the record, with the anomalies of the events that came before it, and arm the ring deadlines. */
      startRecord: assign(({ context, event }, params: { policy: Policy }) =>
        // Stryker disable next-line ConditionalExpression: equivalent: only the dial's transition runs it (the check narrows the event's type)
        event.type === 'dial' ? dialledContext(event, context.early, params.policy) : context,
      ),
      /**
       * A call event the transition's `eventAccepted` guard accepted: its facts
       * (`applyAcceptedEvent`, without checking it again), and the deadlines of the state
       * the call is going to (`arm`): the ring deadlines (A2.15), the message deadline
       * (A2.19), or none. One assign per event (XState rebuilds the snapshot for each),
       * returning the whole context in one shape.
       */
      apply: assign(({ context, event }, params: { policy: Policy; arm: Arm }) => {
        const e = callEventOf(event);
        // Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent: the guard accepted a call event of a dialled call, so neither is null here (the check narrows the types)
        if (e === null || context.record === null) return context;
        const record = applyAcceptedEvent(context.record, e);
        return contextOf(context.callId, record, context.early, deadlinesFor(record, params));
      }),
      /** A call event of this call no state moves on: `applyEvent` (its facts, or an anomaly); the deadlines stay. */
      fold: assign(({ context, event }) => {
        const e = callEventOf(event);
        // Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent: only call events reach it, and only past `idle` (whose own handlers take every call event), so neither is null here (the check narrows the types)
        if (e === null || context.record === null) return context;
        return contextOf(context.callId, applyEvent(context.record, e), context.early, context.deadlines);
      }),
      /** The host's close: an `incomplete` anomaly unless the call hung up; no deadline any more. */
      close: assign(({ context, event }) => {
        const record = event.type === 'close' && context.record !== null ? closeRecord(context.record, event.at, event.reason) : context.record;
        return contextOf(context.callId, record, context.early, NO_DEADLINES);
      }),
      /** Emit the notice of a deadline that has come. */
      announce: emit(({ context }, params: { kind: DeadlineKind }) =>
        deadlineNotice(params.kind, recordOf(context).callId, context.deadlines[FIELD[params.kind]] ?? recordOf(context).lastEventAt),
      ),
      /** A tick: emit the notice of every deadline due by its time, in due order, and settle them. */
      announceDue: enqueueActions(({ context, event, enqueue }) => {
        if (event.type !== 'tick' || context.record === null) return;
        const callId = context.record.callId;
        for (const due of dueDeadlines(context.deadlines, event.at)) enqueue.emit(deadlineNotice(due.kind, callId, due.at));
        enqueue.assign(contextOf(context.callId, context.record, context.early, settleDue(context.deadlines, event.at)));
      }),
      /** The deadline has been announced: it is no longer upcoming. */
      settle: assign(({ context }, params: { kind: DeadlineKind }) =>
        contextOf(context.callId, context.record, context.early, { ...context.deadlines, [FIELD[params.kind]]: null }),
      ),
    },
    delays: {
      /** A2.15: until ring start + `policy.ring.minMs`. */
      minRing: ({ context }) => {
        const record = recordOf(context);
        return delayUntil(minRingEndsAt(record, policy), record.lastEventAt);
      },
      /** A2.15: until ring start + `policy.ring.maxMs`. */
      maxRing: ({ context }) => {
        const record = recordOf(context);
        return delayUntil(maxRingEndsAt(record, policy), record.lastEventAt);
      },
      /** A2.19: until the end of the message clock. */
      messageDeadline: ({ context }) => {
        const record = recordOf(context);
        return delayUntil(messageDueAt(record, policy), record.lastEventAt);
      },
      /** Until hangup + `dispositionWaitMs`. */
      dispositionWait: ({ context }) => {
        const record = recordOf(context);
        return delayUntil((record.hangupAt ?? record.lastEventAt) + waitMs, record.lastEventAt);
      },
    },
  });

  /**
   * The deadline transitions, the one part that differs between the two variants: with
   * timers, `after` entries on the actor's clock; with ticks, none (`undefined`), and a
   * `tick` transition instead (`onTick`).
   */
  const timers = <T,>(after: T): T | undefined => (ticks ? undefined : after);
  const onTick = <T,>(transition: T): { tick: T } | Record<never, never> => (ticks ? { tick: transition } : {});
  /** With ticks: announce the deadlines due by the tick's time. */
  const announceOnTick = onTick({ guard: 'deadlineDue', actions: 'announceDue' } as const);

  /** A2.15: the ring deadlines of an unanswered call, both set when ringing starts (or moves). */
  const ringDeadlineTimers = () =>
    timers({
      minRing: {
        actions: [
          { type: 'announce', params: { kind: 'minRingReached' } },
          { type: 'settle', params: { kind: 'minRingReached' } },
        ],
      },
      maxRing: {
        actions: [
          { type: 'announce', params: { kind: 'maxRingReached' } },
          { type: 'settle', params: { kind: 'maxRingReached' } },
        ],
      },
    } as const);

  return calls.createMachine({
    id: 'call',
    context: ({ input }) => initialContext(input, dialled, policy),
    initial: dialled ? 'dialling' : 'idle',
    on: {
      // The host may close the call at any moment.
      close: { target: '.ended', actions: 'close' },
      // Any call event no state moves on is still folded: its facts, or its anomaly.
      ...onEveryEvent({ guard: 'sameCall', actions: fold }),
      // A dialler's event named as one of the host's, wrapped; and one of a type no transition names: an `unknownEvent` anomaly.
      foreign: { guard: 'sameCall', actions: fold },
      '*': { guard: 'unknownType', actions: fold },
    },
    states: {
      /** Awaiting the dial; anything earlier becomes a `beforeDial` anomaly. */
      idle: {
        on: {
          ...onEveryEvent({ guard: 'sameCall', actions: 'keepEarly' } as const),
          foreign: { guard: 'sameCall', actions: 'keepEarly' },
          '*': { guard: 'unknownType', actions: 'keepEarly' },
          dial: { guard: 'sameCall', target: 'dialling', actions: { type: 'startRecord', params: { policy } } },
        },
      },
      /** Dialled, no ringing reported: the ring time runs from the dial (A2.15). */
      dialling: {
        after: ringDeadlineTimers(),
        on: {
          ...announceOnTick,
          ringing: { guard: 'eventAccepted', target: 'ringing', actions: toRinging },
          answer: { guard: 'eventAccepted', target: 'answered', actions: toAnswered },
          hangup: [...hangup],
        },
      },
      /** Alerting: the ring time runs from the ringing (A2.15). */
      ringing: {
        after: ringDeadlineTimers(),
        on: {
          ...announceOnTick,
          answer: { guard: 'eventAccepted', target: 'answered', actions: toAnswered },
          hangup: [...hangup],
        },
      },
      /** Picked up, awaiting AMD, an agent or the message: the message clock runs (A2.19). */
      answered: {
        after: timers({
          messageDeadline: {
            actions: [
              { type: 'announce', params: { kind: 'messageDue' } },
              { type: 'settle', params: { kind: 'messageDue' } },
            ],
          },
        } as const),
        on: {
          ...announceOnTick,
          agent: { guard: 'eventAccepted', target: 'agentConnected', actions: toUntimed },
          message: { guard: 'eventAccepted', target: 'messagePlaying', actions: toUntimed },
          // An IVM event: the IVM's interactive message was playing to the recipient (A2.19 footnote 44), so no message is due any more.
          ivm: { guard: 'eventAccepted', target: 'messagePlaying', actions: toUntimed },
          // The start of salutation moves the message clock: with timers, re-entering restarts the timer; with ticks, the new deadline is all there is to set.
          salutation: ticks
            ? { guard: { type: 'messageDeadlineMoves', params: { policy } }, actions: toAnswered }
            : { guard: { type: 'messageDeadlineMoves', params: { policy } }, target: 'answered', reenter: true, actions: toAnswered },
          hangup: [...hangup],
        },
      },
      /** A live agent took the call (A3.3). */
      agentConnected: {
        on: { hangup: [...hangup] },
      },
      /** The information message started (A1.9), or an IVM's (A2.19 footnote 44); an agent may still take the call. */
      messagePlaying: {
        on: {
          agent: { guard: 'eventAccepted', target: 'agentConnected', actions: toUntimed },
          hangup: [...hangup],
        },
      },
      /** Hung up after an answer: waiting up to `dispositionWaitMs` for the agent's verdict. */
      wrapUp: {
        after: timers({ dispositionWait: { target: 'ended' } } as const),
        on: {
          ...onTick({ guard: { type: 'waitOver', params: { waitMs } }, target: 'ended' } as const),
          disposition: { guard: 'eventAccepted', target: 'ended', actions: toUntimed },
        },
      },
      /** The call is over; the output is its classification. */
      ended: { type: 'final' },
    },
    output: ({ context }) => (context.record === null ? null : classify(context.record, policy, classifyOptions)),
  });
}

/** A call machine (the definition; start one actor per call). */
export type CallMachine = ReturnType<typeof createCallMachine>;
