/**
 * Call events from untrusted input: a JSON object from a dialler, or a CSV row already
 * mapped to an object, checked field by field and rebuilt as a typed `CallEvent`.
 */
import { ValidationError } from '../errors.js';
import type { CallEvent, DialEvent, HangupEvent, IvmEvent, MessageEvent } from '../events.js';
import { AMD_RESULTS, EVENT_TYPES, HANGUP_BY, HANGUP_CAUSES, IVM_ACTIONS, SALUTATION_PHASES, VERDICTS, readChoice, readOptionalChoice } from './choice.js';
import { parseMessageContent, parseQueueInformation } from './content.js';
import { OBJECT_EXPECTED, isObject, readBoolean, readCli, readString } from './fields.js';
import { describeReceived } from './received.js';
import { toValidationError, type SafeParseResult } from './result.js';
import { parseTimestamp } from './timestamp.js';
import { readZone } from './zone.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Parses one call event from untrusted input.
 *
 * 1. The input must be an object (not `null`, not an array).
 * 2. `type` must be one of the `CALL_EVENT_TYPES`; `callId` a non-empty string; `at` a
 *    finite number of epoch milliseconds or an ISO-8601 date-time with `Z` or an offset
 *    (converted to epoch ms; a time without a zone is refused as ambiguous).
 * 3. The fields of that type are checked (see `events.ts` for each):
 *    - `dial`: `campaignId`, `callCentreId`, `to` non-empty strings; `cli` a string or
 *      `null` (`''` read as `null`, withheld); `agentGuaranteed`, `amd`, `messagePlanned`
 *      booleans; `zone` optional, an IANA zone `Intl` knows (see `isTimeZone`: Java's
 *      legacy ids such as `BST`, which `Intl` reads as Dhaka, are refused).
 *    - `salutation`: `phase` `start` | `end`. `amd`: `result` `human` | `machine` | `unknown`.
 *    - `message`: `content` optional object (see `parseMessageContent`).
 *    - `recording`: `noticeGiven` boolean.
 *    - `ivm`: `action` `agentRequested` | `queueInfo`; `info` optional object (see `parseQueueInformation`).
 *    - `hangup`: `by` `caller` | `recipient` | `network`; `cause` optional
 *      `busy` | `noAnswer` | `rejected` | `invalidNumber` | `failed`.
 *    - `disposition`: `verdict` `human` | `machine`.
 * 4. A new object is returned with only the known fields: unknown fields are dropped,
 *    optional fields that are absent are omitted. The input is never mutated.
 *
 * Lenient where rows from CSV need it, and nowhere else: booleans also as `'true'`,
 * `'false'`, `'1'`, `'0'`; an optional field that is `null` or `''` counts as absent
 * (but `content.onBehalfOf` and `content.optOutNumber`, which may be `null`, keep
 * `null` and `''` as given).
 *
 * @example
 * ```ts
 * import { parseCallEvent } from 'dialguard';
 * const event = parseCallEvent(JSON.parse('{"type":"answer","callId":"c1","at":"2024-03-01T09:30:02Z"}'));
 * // { type: 'answer', callId: 'c1', at: 1709285402000 }
 * ```
 * @throws ValidationError naming the field (`path`, e.g. `type`, `at`, `content.marketing`)
 *   and the call (`callId`, when the input has a readable one; otherwise `null`)
 */
export function parseCallEvent(input: unknown): CallEvent {
  if (!isObject(input)) throw new ValidationError(null, '', OBJECT_EXPECTED, describeReceived(input));
  const rawId = input.callId;
  const errorId = typeof rawId === 'string' && rawId !== '' ? rawId : null;
  const type = readChoice(input.type, EVENT_TYPES, errorId, 'type');
  const callId = readString(rawId, null, 'callId');
  const at = parseTimestamp(input.at, callId, 'at');
  switch (type) {
    case 'dial': {
      const event: Mutable<DialEvent> = {
        type,
        callId,
        at,
        campaignId: readString(input.campaignId, callId, 'campaignId'),
        callCentreId: readString(input.callCentreId, callId, 'callCentreId'),
        to: readString(input.to, callId, 'to'),
        cli: readCli(input.cli, callId, 'cli'),
        agentGuaranteed: readBoolean(input.agentGuaranteed, callId, 'agentGuaranteed'),
        amd: readBoolean(input.amd, callId, 'amd'),
        messagePlanned: readBoolean(input.messagePlanned, callId, 'messagePlanned'),
      };
      const zone = readZone(input.zone, callId, 'zone');
      if (zone !== null) event.zone = zone;
      return event;
    }
    case 'ringing':
    case 'answer':
    case 'agent':
      return { type, callId, at };
    case 'salutation':
      return { type, callId, at, phase: readChoice(input.phase, SALUTATION_PHASES, callId, 'phase') };
    case 'amd':
      return { type, callId, at, result: readChoice(input.result, AMD_RESULTS, callId, 'result') };
    case 'message': {
      const event: Mutable<MessageEvent> = { type, callId, at };
      const content = input.content;
      if (content !== undefined && content !== null && content !== '') event.content = parseMessageContent(content, callId, 'content');
      return event;
    }
    case 'recording':
      return { type, callId, at, noticeGiven: readBoolean(input.noticeGiven, callId, 'noticeGiven') };
    case 'ivm': {
      const event: Mutable<IvmEvent> = { type, callId, at, action: readChoice(input.action, IVM_ACTIONS, callId, 'action') };
      const info = input.info;
      if (info !== undefined && info !== null && info !== '') event.info = parseQueueInformation(info, callId, 'info');
      return event;
    }
    case 'hangup': {
      const event: Mutable<HangupEvent> = { type, callId, at, by: readChoice(input.by, HANGUP_BY, callId, 'by') };
      const cause = readOptionalChoice(input.cause, HANGUP_CAUSES, callId, 'cause');
      if (cause !== null) event.cause = cause;
      return event;
    }
    case 'disposition':
      return { type, callId, at, verdict: readChoice(input.verdict, VERDICTS, callId, 'verdict') };
  }
}

/**
 * `parseCallEvent` that never throws: `{ ok: true, value }` for a valid event,
 * `{ ok: false, error }` with the `ValidationError` otherwise — whatever the input,
 * even one whose getters throw.
 */
export function safeParseCallEvent(input: unknown): SafeParseResult<CallEvent> {
  try {
    return { ok: true, value: parseCallEvent(input) };
  } catch (thrown) {
    return { ok: false, error: toValidationError(thrown) };
  }
}
