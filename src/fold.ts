/**
 * Folding events into a CallRecord. The call machine and batch audits use these same
 * functions, so a call classified live and the same call classified from its stored
 * events can never disagree.
 */
import { addAnomaly, type Anomaly, type AnomalyKind } from './anomaly.js';
import { CALL_EVENT_TYPES, MESSAGE_CONTENT_FIELDS, QUEUE_INFORMATION_FIELDS, type CallEvent, type DialEvent, type MessageContent, type QueueInformation } from './events.js';
import { MissingDialError, MixedCallsError } from './errors.js';
import { copyRecord, newRecord, type CallRecord } from './record.js';

/** Starts a record from a `dial` event. */
/* @__NO_SIDE_EFFECTS__ */
export function recordFromDial(dial: DialEvent): CallRecord {
  return newRecord({
    callId: dial.callId,
    campaignId: dial.campaignId,
    callCentreId: dial.callCentreId,
    to: dial.to,
    cli: dial.cli,
    agentGuaranteed: dial.agentGuaranteed,
    amd: dial.amd,
    messagePlanned: dial.messagePlanned,
    dialAt: dial.at,
    zone: dial.zone,
  });
}

/** The event types `CALL_EVENT_FIELDS` declares; anything else is an `unknownEvent` anomaly. */
const KNOWN_TYPES: ReadonlySet<string> = /* @__PURE__ */ (() => new Set(CALL_EVENT_TYPES))();

const QUEUE_KEYS = /* @__PURE__ */ Object.keys(QUEUE_INFORMATION_FIELDS) as (keyof QueueInformation)[];
const CONTENT_KEYS = /* @__PURE__ */ Object.keys(MESSAGE_CONTENT_FIELDS) as (keyof MessageContent)[];

/**
 * The declared fields of `from` (own properties only) laid over `base`'s, into a new
 * object: events built in code are not validated, so other keys (`__proto__`,
 * `constructor`, …) are never copied into the record.
 */
function overlay<T extends object>(keys: readonly (keyof T)[], base: T | null | undefined, from: T | null | undefined): T {
  const out: Partial<Record<keyof T, unknown>> = {};
  for (const key of keys) {
    if (from != null && Object.prototype.hasOwnProperty.call(from, key)) out[key] = from[key];
    else if (base != null && Object.prototype.hasOwnProperty.call(base, key)) out[key] = base[key];
  }
  return out as T;
}

/** Builds an anomaly for an event that was not applied. */
export function anomalyOf(kind: AnomalyKind, event: CallEvent, detail: string): Anomaly {
  return { kind, event: event.type, at: event.at, detail };
}

/** The record with these anomalies instead of its own (the record is not otherwise changed). */
export function withAnomalies(record: CallRecord, anomalies: readonly Anomaly[]): CallRecord {
  const next = copyRecord(record);
  next.anomalies = anomalies;
  return next;
}

/**
 * The record with one more anomaly (the record is not otherwise changed): past
 * `MAX_ANOMALIES`, counted in one summary anomaly instead (`addAnomaly`, A2.23), so a call
 * sent one stray event over and over keeps a bounded record, at a bounded cost per event.
 */
export function withAnomaly(record: CallRecord, anomaly: Anomaly): CallRecord {
  return withAnomalies(record, addAnomaly(record.anomalies, anomaly));
}

/**
 * Why `event` cannot be applied to `record` as it stands, or `null` when it can.
 * The order rules: nothing goes back in time; answer-dependent events need an answer;
 * once-only events happen once; after the hangup only a disposition is accepted.
 */
export function eventProblem(record: CallRecord, event: CallEvent): Anomaly | null {
  const id = record.callId;
  if (!KNOWN_TYPES.has(event.type)) {
    return { kind: 'unknownEvent', event: String(event.type), at: Number.isFinite(event.at) ? event.at : record.lastEventAt, detail: `an event of unknown type '${String(event.type)}' for call ${id}; it was ignored` };
  }
  if (typeof event.at !== 'number' || !Number.isFinite(event.at)) {
    return { kind: 'invalidTime', event: event.type, at: record.lastEventAt, detail: `${event.type} for call ${id} has no valid time (at = ${String(event.at)}); it was ignored` };
  }
  if (event.type === 'dial') {
    return anomalyOf('duplicateDial', event, `call ${id} was already dialled at ${record.dialAt}; a second dial with the same call id was ignored`);
  }
  if (event.at < record.lastEventAt) {
    return anomalyOf('outOfOrder', event, `${event.type} at ${event.at} is earlier than the call's previous event at ${record.lastEventAt}; it was ignored`);
  }
  if (event.type === 'disposition') {
    if (record.answerAt === null) {
      return anomalyOf('dispositionUnanswered', event, `disposition '${event.verdict}' for call ${id}, which was never answered; it was ignored`);
    }
    return record.disposition === null ? null : repeated(event, id);
  }
  if (record.hangupAt !== null) {
    return anomalyOf('afterHangup', event, `${event.type} at ${event.at} came after call ${id} hung up at ${record.hangupAt}; it was ignored`);
  }
  switch (event.type) {
    case 'ringing':
      if (record.answerAt !== null) return anomalyOf('outOfOrder', event, `ringing after call ${id} was answered; it was ignored`);
      return record.ringingAt === null ? null : repeated(event, id);
    case 'answer':
      return record.answerAt === null ? null : repeated(event, id);
    case 'recording':
      return record.recordingAt === null ? null : repeated(event, id);
    case 'hangup':
      return null;
    default:
      break;
  }
  if (record.answerAt === null) {
    return anomalyOf('beforeAnswer', event, `${event.type} at ${event.at} for call ${id}, which has not been answered; it was ignored`);
  }
  switch (event.type) {
    case 'salutation':
      if (event.phase === 'start') return record.salutationStartAt === null ? null : repeated(event, id);
      return record.salutationEndAt === null ? null : repeated(event, id);
    case 'amd':
      return record.amdResult === null ? null : repeated(event, id);
    case 'agent':
      return record.agentAt === null ? null : repeated(event, id);
    case 'message':
      return record.messageAt === null ? null : repeated(event, id);
    case 'ivm':
      return event.action === 'agentRequested' && record.ivmAgentRequestedAt !== null ? repeated(event, id) : null;
    default:
      return null;
  }
}

function repeated(event: CallEvent, id: string): Anomaly {
  return anomalyOf('repeated', event, `a second ${event.type} for call ${id} at ${event.at}; only the first counts, this one was ignored`);
}

/**
 * Applies one event to a record: the record with the event's facts, or with an anomaly
 * when the event cannot be applied (see `eventProblem`). Never throws, never mutates.
 */
export function applyEvent(record: CallRecord, event: CallEvent): CallRecord {
  const problem = eventProblem(record, event);
  return problem ? withAnomaly(record, problem) : applyAcceptedEvent(record, event);
}

/**
 * Applies one event `eventProblem` has already accepted (`eventProblem(record, event) ===
 * null`): the record with the event's facts, without checking again. The call machine
 * uses it on the transitions its `eventAccepted` guard took; anything else calls
 * `applyEvent`. Never mutates.
 */
export function applyAcceptedEvent(record: CallRecord, event: CallEvent): CallRecord {
  // One copy of the record in one shape (`copyRecord`), then the event's facts set on it.
  const next = copyRecord(record);
  next.lastEventAt = event.at;
  // A dial is never accepted (`eventProblem`: `duplicateDial`), so it has no case.
  switch (event.type) {
    case 'ringing':
      next.ringingAt = event.at;
      break;
    case 'answer':
      next.answerAt = event.at;
      break;
    case 'salutation':
      if (event.phase === 'start') next.salutationStartAt = event.at;
      else next.salutationEndAt = event.at;
      break;
    case 'amd':
      next.amdResult = event.result;
      next.amdAt = event.at;
      break;
    case 'agent':
      next.agentAt = event.at;
      break;
    case 'message':
      next.messageAt = event.at;
      next.messageContent = event.content == null ? null : overlay(CONTENT_KEYS, null, event.content);
      break;
    case 'recording':
      next.recordingAt = event.at;
      next.recordingNotice = event.noticeGiven;
      break;
    case 'ivm':
      if (event.action === 'agentRequested') {
        next.ivmAgentRequestedAt = event.at;
      } else {
        next.ivmInfo = overlay(QUEUE_KEYS, record.ivmInfo, event.info);
        next.ivmInfoAt = record.ivmInfoAt ?? event.at;
      }
      break;
    case 'hangup':
      next.hangupAt = event.at;
      next.hangupBy = event.by;
      next.hangupCause = event.cause ?? null;
      break;
    case 'disposition':
      next.disposition = event.verdict;
      break;
  }
  return next;
}

/** The anomaly for an event that came before its call's dial. */
export function beforeDialAnomaly(event: CallEvent): Anomaly {
  return anomalyOf('beforeDial', event, `${event.type} at ${event.at} for call ${event.callId} came before the call was dialled; it was ignored`);
}

/**
 * Folds one call's events, in the order given, into its record. Events before the dial,
 * out of order or repeated become anomalies on the record (never thrown); past
 * `MAX_ANOMALIES`, they are counted in one summary anomaly (`addAnomaly`).
 * @throws MissingDialError when there is no `dial` event at all: without it the call has no campaign.
 * @throws MixedCallsError when the events belong to more than one call.
 */
export function foldEvents(events: Iterable<CallEvent>): CallRecord {
  let record: CallRecord | null = null;
  let early: readonly Anomaly[] = [];
  let callId: string | undefined;
  for (const event of events) {
    callId ??= event.callId;
    if (event.callId !== callId) throw new MixedCallsError(callId, event.callId);
    if (record === null) {
      if (event.type === 'dial') {
        record = recordFromDial(event);
        if (early.length > 0) record = withAnomalies(record, early);
      } else {
        early = addAnomaly(early, beforeDialAnomaly(event)); // bounded as on the record, as the call machine keeps them
      }
    } else {
      record = applyEvent(record, event);
    }
  }
  if (record === null) throw new MissingDialError(callId ?? null);
  return record;
}
