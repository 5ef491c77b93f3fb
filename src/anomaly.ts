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
  /**
   * A second `dial` for a call id already in progress: a duplicate call id. From
   * `callRecords` (`onAnomaly`), also a dial for one of the latest calls ended (its
   * `dedupeWindow`): a call redelivered after its end, not started again.
   */
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
  /**
   * From `callRecords` (`onAnomaly`), unvalidated input it could not take: an input that is
   * not an event (`null`, a string), or a dial whose fields the engine reads are not of their
   * type (`recordShapeProblem`: a missing `campaignId`, …). Ignored; no call was started.
   */
  | 'invalidEvent'
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

/**
 * Anomalies a record keeps in full (A2.23): the first 100 of its events that could not be
 * applied. The rest are counted in one summary anomaly (see `addAnomaly`), so a call sent
 * the same stray event over and over holds a bounded record.
 */
export const MAX_ANOMALIES = 100;

/** A hang-up whose time could not be read (`invalidTime` of `hangup`): the call ended, when is not known (the classifier and the IVM rule read it). */
export function isInvalidHangup(a: Anomaly): boolean {
  return a.kind === 'invalidTime' && a.event === 'hangup';
}

/** The count a summary anomaly's detail starts with (no other anomaly's detail starts with a number). */
const SUMMARY_COUNT = /^(\d+) anomal/;
/** What precedes the first anomaly's detail in a summary's. */
const FIRST = '; the first: ';

/** The summary of `n` anomalies not kept from `first` on, the last at `lastAt`. */
function summaryOf(first: Anomaly, n: number, lastAt: number): Anomaly {
  return {
    kind: first.kind,
    event: first.event,
    at: first.at,
    detail: `${n} ${n === 1 ? 'anomaly' : 'anomalies'} from this one on were not kept in full (a record keeps its first ${MAX_ANOMALIES}), the last at ${lastAt}${FIRST}${first.detail}`,
  };
}

/**
 * The list `anomalies` with `anomaly` added (a new array; the input is not changed), so
 * that a record's anomalies stay bounded (A2.23: the records still show that, and how
 * often, events went wrong):
 * 1. while fewer than `MAX_ANOMALIES` are held, it is appended;
 * 2. after that, an anomaly the classifier reads to decide the category is still appended:
 *    an `incomplete` (the host closed the call; how far it was seen), and the first
 *    `invalidTime` of a hang-up (the call ended), so the category is what it would be with
 *    every anomaly kept;
 * 3. any other is counted in one summary anomaly, appended at the first such: it has the
 *    kind, event and moment of the first anomaly not kept, and its detail gives the count
 *    (it starts with it), the moment of the last, and the first one's detail. It raises one
 *    `recordAnomaly` flag, as any anomaly does.
 * A record therefore holds at most `MAX_ANOMALIES` + 2 anomalies from its events (one
 * summary, one hang-up of invalid time), and the `incomplete` of its close; each call costs
 * O(`MAX_ANOMALIES`), never a copy of everything sent before.
 */
export function addAnomaly(anomalies: readonly Anomaly[], anomaly: Anomaly): readonly Anomaly[] {
  if (anomalies.length < MAX_ANOMALIES) return [...anomalies, anomaly];
  if (anomaly.kind === 'incomplete' || (isInvalidHangup(anomaly) && !anomalies.some(isInvalidHangup))) return [...anomalies, anomaly];
  // Past the first MAX_ANOMALIES: the anomalies the classifier reads, and the summary.
  for (let i = MAX_ANOMALIES; i < anomalies.length; i++) {
    const summary = anomalies[i]!;
    if (!SUMMARY_COUNT.test(summary.detail)) continue;
    const next = anomalies.slice();
    next[i] = summaryOf(firstOf(summary), countOf(summary) + 1, anomaly.at);
    return next;
  }
  return [...anomalies, summaryOf(anomaly, 1, anomaly.at)];
}

/** How many anomalies a summary counts (1 for one that does not say: not made by `addAnomaly`). */
function countOf(summary: Anomaly): number {
  const m = SUMMARY_COUNT.exec(summary.detail);
  return m === null ? 1 : Number(m[1]);
}

/** The first anomaly a summary counts: its own kind, event and moment, with the first one's detail. */
function firstOf(summary: Anomaly): Anomaly {
  const at = summary.detail.indexOf(FIRST);
  return at < 0 ? summary : { ...summary, detail: summary.detail.slice(at + FIRST.length) };
}
