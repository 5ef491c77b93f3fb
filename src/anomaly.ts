/**
 * Anomalies: events that could not be applied to a call as they came. They are recorded on
 * the call's record (and raised as a `recordAnomaly` flag, A2.23–A2.25: records must show
 * what happened), never thrown from inside a running call, so one bad event never loses
 * the state of this call or any other.
 */
import type { CallEventType } from './events.js';

/** What was wrong with an event. */
export type AnomalyKind =
  /** An event arrived for a call that has not been dialled (the dial is missing or late). */
  | 'beforeDial'
  /** A second `dial` for a call id already in progress: a duplicate call id. */
  | 'duplicateDial'
  /** An event whose `at` is earlier than an event already applied to the call. */
  | 'outOfOrder'
  /** An event that needs the call answered (agent, message, AMD, …) before `answer`. */
  | 'beforeAnswer'
  /** An event that may happen once (answer, AMD verdict, agent, hangup, …) came again. */
  | 'repeated'
  /** An event other than a disposition after the call had ended. */
  | 'afterHangup'
  /** A disposition for a call nobody answered. */
  | 'dispositionUnanswered'
  /** The stream ended (or the host closed the call) before the call hung up. */
  | 'incomplete'
  /** An event for a call that has already been finished and released. */
  | 'unknownCall'
  /** An event whose `type` is not a call event (JavaScript callers, unvalidated input). */
  | 'unknownEvent'
  /** An event whose `at` is not a finite number of epoch milliseconds. */
  | 'invalidTime'
  /**
   * A record whose dial time has no calendar day (outside 0001-01-02 to 9999-12-30 UTC,
   * e.g. 8.64e15): it is classified but counted on no day (ACR cells, per-day rules,
   * report days). Only records built in code get here: the parsers refuse times outside
   * the valid time range (default 2000–2100).
   */
  | 'timeOutOfRange'
  /** The call's machine failed (a defect in dialguard, never expected): the call was dropped and reported, the others went on. */
  | 'machineError';

/** One anomaly: which event, when, and what was wrong with it. The event was not applied. */
export interface Anomaly {
  readonly kind: AnomalyKind;
  /** The type of the event that was not applied (`hangup` for `incomplete`); for `unknownEvent`, the type as received. */
  readonly event: CallEventType | (string & {});
  /** The event's own `at` (for `incomplete`, the moment the call was closed). */
  readonly at: number;
  /** A sentence a person can act on. */
  readonly detail: string;
}
