/**
 * Stored call records from untrusted input (CDR rows as JSON, or CSV rows mapped to
 * objects): checked field by field and for consistency, and rebuilt as a complete
 * `CallRecord`, so an audit of stored calls runs on exactly what a live dialler produces.
 */
import { ValidationError } from '../errors.js';
import type { CallRecord } from '../record.js';
import { parseAnomalies } from './anomalies.js';
import { parseRecordedOutcome, parseUnknownFacts } from './evidence.js';
import { AMD_RESULTS, HANGUP_BY, HANGUP_CAUSES, VERDICTS, readOptionalChoice } from './choice.js';
import { parseMessageContent, parseQueueInformation } from './content.js';
import { OBJECT_EXPECTED, isObject, readBoolean, readCli, readOptionalBoolean, readString } from './fields.js';
import { describeReceived } from './received.js';
import { toValidationError, type SafeParseResult } from './result.js';
import { parseOptionalTimestamp, parseTimestamp, validTimeOf, type ParseOptions } from './timestamp.js';
import { readZone } from './zone.js';

/** Throws unless the optional timestamp `at` of field `path` is at or after the dial. */
function checkNotBeforeDial(at: number | null, dialAt: number, callId: string, path: string): void {
  if (at !== null && at < dialAt) {
    throw new ValidationError(callId, path, `a time at or after dialAt (${dialAt})`, String(at));
  }
}

/**
 * Throws unless the call was answered, when `field` (a fact that needs an answer) is set:
 * `answered` is `true` when the record has an answer time, or its answer time is unknown
 * (the source cannot show it, so a fact after pickup is no contradiction).
 */
function checkAnswered(set: boolean, answered: boolean, rawAnswerAt: unknown, callId: string, field: string): void {
  if (set && !answered) {
    throw new ValidationError(
      callId,
      'answerAt',
      `a timestamp, because ${field} is set and needs the call to have been answered`,
      describeReceived(rawAnswerAt),
    );
  }
}

/**
 * Throws unless the call hung up, when `field` (a fact about the hangup) is set: `hungUp` is
 * `true` when the record has a hang-up time, or its hang-up time is unknown.
 */
function checkHungUp(set: boolean, hungUp: boolean, rawHangupAt: unknown, callId: string, field: string): void {
  if (set && !hungUp) {
    throw new ValidationError(
      callId,
      'hangupAt',
      `a timestamp, because ${field} is set and describes the hangup`,
      describeReceived(rawHangupAt),
    );
  }
}

/** The times of a record after its dial, in the order they are checked; the given `lastEventAt` last. */
const TIME_FIELDS = ['ringingAt', 'answerAt', 'salutationStartAt', 'salutationEndAt', 'amdAt', 'agentAt', 'messageAt', 'recordingAt', 'ivmAgentRequestedAt', 'ivmInfoAt', 'hangupAt', 'lastEventAt'] as const;
/** The facts that need a pickup, in the order they are checked. */
const AFTER_PICKUP_FIELDS = ['salutationStartAt', 'salutationEndAt', 'amdResult', 'amdAt', 'agentAt', 'messageAt', 'ivmAgentRequestedAt', 'ivmInfoAt', 'disposition'] as const;

/**
 * Parses one stored call record from untrusted input into a complete `CallRecord`
 * (every field present, `null` where absent).
 *
 * 1. The input must be an object.
 * 2. Required: `callId`, `campaignId`, `callCentreId`, `to` (non-empty strings); `cli`
 *    (string, or `null`/`''` when withheld); `agentGuaranteed`, `amd`, `messagePlanned`
 *    (booleans, CSV strings accepted as in `parseCallEvent`); `dialAt` (a timestamp:
 *    epoch ms or an ISO-8601 date-time with a zone, within the valid time range,
 *    `options.validTime`, default 2000–2100 UTC; so is every other timestamp).
 * 3. Optional, `null` when absent (`undefined`, `null` or `''`): `zone` (IANA zone);
 *    every other timestamp (`ringingAt`, `answerAt`, `salutationStartAt`,
 *    `salutationEndAt`, `amdAt`, `agentAt`, `messageAt`, `recordingAt`,
 *    `ivmAgentRequestedAt`, `ivmInfoAt`, `hangupAt`); `amdResult`, `hangupBy`,
 *    `hangupCause`, `disposition` (their enums); `recordingNotice` (boolean);
 *    `messageContent` and `ivmInfo` (objects, see `parseMessageContent` and
 *    `parseQueueInformation`); `outcome` (the dialler's recorded outcome, see
 *    `parseRecordedOutcome`); `unknown` (facts the source could not show, see
 *    `parseUnknownFacts`, default none). `anomalies` defaults to `[]`
 *    (see `parseAnomalies`); `lastEventAt` to the latest timestamp present.
 * 4. Consistency, the way folding events would have left the record (errors, not
 *    anomalies: a stored record that breaks these cannot be trusted):
 *    - no timestamp (nor `lastEventAt`) precedes `dialAt` — the error names that field;
 *    - `salutationStartAt`, `salutationEndAt`, `amdResult`, `amdAt`, `agentAt`,
 *      `messageAt`, `ivmAgentRequestedAt`, `ivmInfoAt` and `disposition` need `answerAt`,
 *      or `answerAt` listed in `unknown` (the source cannot show the answer, but shows what
 *      followed it);
 *    - `hangupBy` and `hangupCause` need `hangupAt`, or `hangupAt` listed in `unknown`;
 *    - `hangupAt` is not before `answerAt`;
 *    - a given `lastEventAt` is not before any timestamp of the record.
 * Unknown fields (`__proto__`, `constructor`, `prototype` included) are dropped; the
 * input is never mutated.
 *
 * @throws ValidationError naming the field (`path`) and the call (`callId`, when readable)
 * @throws RangeError for a bad `options.validTime`
 */
export function parseCallRecord(input: unknown, options?: ParseOptions): CallRecord {
  const validTime = validTimeOf(options);
  if (!isObject(input)) throw new ValidationError(null, '', OBJECT_EXPECTED, describeReceived(input));
  const callId = readString(input.callId, null, 'callId');
  const campaignId = readString(input.campaignId, callId, 'campaignId');
  const callCentreId = readString(input.callCentreId, callId, 'callCentreId');
  const to = readString(input.to, callId, 'to');
  const cli = readCli(input.cli, callId, 'cli');
  const agentGuaranteed = readBoolean(input.agentGuaranteed, callId, 'agentGuaranteed');
  const amd = readBoolean(input.amd, callId, 'amd');
  const messagePlanned = readBoolean(input.messagePlanned, callId, 'messagePlanned');
  const zone = readZone(input.zone, callId, 'zone');
  const dialAt = parseTimestamp(input.dialAt, callId, 'dialAt', validTime);
  const ringingAt = parseOptionalTimestamp(input.ringingAt, callId, 'ringingAt', validTime);
  const rawAnswerAt = input.answerAt;
  const answerAt = parseOptionalTimestamp(rawAnswerAt, callId, 'answerAt', validTime);
  const salutationStartAt = parseOptionalTimestamp(input.salutationStartAt, callId, 'salutationStartAt', validTime);
  const salutationEndAt = parseOptionalTimestamp(input.salutationEndAt, callId, 'salutationEndAt', validTime);
  const amdResult = readOptionalChoice(input.amdResult, AMD_RESULTS, callId, 'amdResult');
  const amdAt = parseOptionalTimestamp(input.amdAt, callId, 'amdAt', validTime);
  const agentAt = parseOptionalTimestamp(input.agentAt, callId, 'agentAt', validTime);
  const messageAt = parseOptionalTimestamp(input.messageAt, callId, 'messageAt', validTime);
  const rawContent = input.messageContent;
  const messageContent =
    rawContent === undefined || rawContent === null || rawContent === '' ? null : parseMessageContent(rawContent, callId, 'messageContent');
  const recordingAt = parseOptionalTimestamp(input.recordingAt, callId, 'recordingAt', validTime);
  const recordingNotice = readOptionalBoolean(input.recordingNotice, callId, 'recordingNotice') ?? null;
  const ivmAgentRequestedAt = parseOptionalTimestamp(input.ivmAgentRequestedAt, callId, 'ivmAgentRequestedAt', validTime);
  const rawInfo = input.ivmInfo;
  const ivmInfo = rawInfo === undefined || rawInfo === null || rawInfo === '' ? null : parseQueueInformation(rawInfo, callId, 'ivmInfo');
  const ivmInfoAt = parseOptionalTimestamp(input.ivmInfoAt, callId, 'ivmInfoAt', validTime);
  const rawHangupAt = input.hangupAt;
  const hangupAt = parseOptionalTimestamp(rawHangupAt, callId, 'hangupAt', validTime);
  const hangupBy = readOptionalChoice(input.hangupBy, HANGUP_BY, callId, 'hangupBy');
  const hangupCause = readOptionalChoice(input.hangupCause, HANGUP_CAUSES, callId, 'hangupCause');
  const disposition = readOptionalChoice(input.disposition, VERDICTS, callId, 'disposition');
  const givenLastEventAt = parseOptionalTimestamp(input.lastEventAt, callId, 'lastEventAt', validTime);
  const anomalies = parseAnomalies(input.anomalies, callId, 'anomalies', validTime);
  const outcome = parseRecordedOutcome(input.outcome, callId, 'outcome');
  const unknown = parseUnknownFacts(input.unknown, callId, 'unknown');

  // Nothing happens before the dial.
  // One list of values beside constant field names (no pair allocated per field and row).
  const times: readonly (number | null)[] = [ringingAt, answerAt, salutationStartAt, salutationEndAt, amdAt, agentAt, messageAt, recordingAt, ivmAgentRequestedAt, ivmInfoAt, hangupAt, givenLastEventAt];
  for (let i = 0; i < times.length; i++) checkNotBeforeDial(times[i]!, dialAt, callId, TIME_FIELDS[i]!);

  // What happens after pickup needs a pickup (or a source that cannot show the pickup).
  const answered = answerAt !== null || unknown.includes('answerAt');
  const afterPickup: readonly unknown[] = [salutationStartAt, salutationEndAt, amdResult, amdAt, agentAt, messageAt, ivmAgentRequestedAt, ivmInfoAt, disposition];
  for (let i = 0; i < afterPickup.length; i++) checkAnswered(afterPickup[i] !== null, answered, rawAnswerAt, callId, AFTER_PICKUP_FIELDS[i]!);

  // Who hung up and why need a hangup (or a source that cannot show its time), which comes after the pickup.
  const hungUp = hangupAt !== null || unknown.includes('hangupAt');
  checkHungUp(hangupBy !== null, hungUp, rawHangupAt, callId, 'hangupBy');
  checkHungUp(hangupCause !== null, hungUp, rawHangupAt, callId, 'hangupCause');
  if (hangupAt !== null && answerAt !== null && hangupAt < answerAt) {
    throw new ValidationError(callId, 'hangupAt', `a time at or after answerAt (${answerAt})`, String(hangupAt));
  }

  // The latest event: given, it must not be earlier than any fact; absent, it is the latest fact.
  let latest = dialAt;
  let latestField = 'dialAt';
  for (let i = 0; i < times.length - 1; i++) {
    const at = times[i]!; // every fact but the given lastEventAt (the last entry)
    if (at !== null && at > latest) {
      latest = at;
      latestField = TIME_FIELDS[i]!;
    }
  }
  if (givenLastEventAt !== null && givenLastEventAt < latest) {
    throw new ValidationError(
      callId,
      'lastEventAt',
      `a time at or after the record's latest timestamp, ${latestField} (${latest})`,
      String(givenLastEventAt),
    );
  }

  return {
    callId,
    campaignId,
    callCentreId,
    to,
    cli,
    agentGuaranteed,
    amd,
    messagePlanned,
    zone,
    dialAt,
    ringingAt,
    answerAt,
    salutationStartAt,
    salutationEndAt,
    amdResult,
    amdAt,
    agentAt,
    messageAt,
    messageContent,
    recordingAt,
    recordingNotice,
    ivmAgentRequestedAt,
    ivmInfo,
    ivmInfoAt,
    hangupAt,
    hangupBy,
    hangupCause,
    disposition,
    lastEventAt: givenLastEventAt ?? latest,
    anomalies,
    outcome,
    unknown,
  };
}

/**
 * `parseCallRecord` that never throws for any input: `{ ok: true, value }` for a valid
 * record, `{ ok: false, error }` with the `ValidationError` otherwise. (A bad
 * `options.validTime` still throws `RangeError`: a programming error, not bad input.)
 */
export function safeParseCallRecord(input: unknown, options?: ParseOptions): SafeParseResult<CallRecord> {
  validTimeOf(options);
  try {
    return { ok: true, value: parseCallRecord(input, options) };
  } catch (thrown) {
    return { ok: false, error: toValidationError(thrown) };
  }
}
