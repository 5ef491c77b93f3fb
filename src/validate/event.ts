/**
 * Call events from untrusted input: a JSON object from a dialler, or a CSV row already
 * mapped to an object, checked field by field and rebuilt as a typed `CallEvent`. The
 * fields of each type are not listed here: they are read from `CALL_EVENT_FIELDS`
 * (`events.ts`), the one declaration the event types are also derived from.
 */
import { ValidationError } from '../errors.js';
import { CALL_EVENT_BASE_FIELDS, CALL_EVENT_FIELDS, type CallEvent, type CallEventType } from '../events.js';
import { EVENT_TYPES } from './choice.js';
import { readChoice, shapeReader, type ShapeReader } from './field.js';
import { OBJECT_EXPECTED, isObject } from './fields.js';
import { describeReceived } from './received.js';
import { toValidationError, type SafeParseResult } from './result.js';
import { validTimeOf, type ParseOptions, type TimeRange } from './timestamp.js';

/** The reader of each event type's fields, built once from `CALL_EVENT_FIELDS` (a `Map`: an input `type` such as `__proto__` finds nothing). */
const READERS: ReadonlyMap<string, ShapeReader> = /* @__PURE__ */ (
  () => new Map(Object.keys(CALL_EVENT_FIELDS).map((type) => [type, shapeReader(CALL_EVENT_FIELDS[type as CallEventType], ['type', 'callId', 'at'], '')]))
)();

const CALL_ID = /* @__PURE__ */ (() => CALL_EVENT_BASE_FIELDS.callId.read)();
const AT = /* @__PURE__ */ (() => CALL_EVENT_BASE_FIELDS.at.read)();

/** Parses a checked object: `type` first (so the error names the call when it can), then `callId`, `at` and the type's fields. */
function parseEventObject(input: Readonly<Record<string, unknown>>, validTime: TimeRange): CallEvent {
  const rawId = input.callId;
  const errorId = typeof rawId === 'string' && rawId !== '' ? rawId : null;
  const type = input.type;
  // One lookup both checks the type and finds its reader.
  const read = typeof type === 'string' ? READERS.get(type) : undefined;
  if (read === undefined) readChoice(type, EVENT_TYPES, errorId, 'type'); // throws, listing the types
  const callId = CALL_ID(rawId, null, 'callId', validTime);
  const at = AT(input.at, callId, 'at', validTime);
  return read!(input, callId, '', validTime, type, callId, at) as unknown as CallEvent;
}

/**
 * Parses one call event from untrusted input.
 *
 * 1. The input must be an object (not `null`, not an array).
 * 2. `type` must be one of the `CALL_EVENT_TYPES`; `callId` a non-empty string; `at` a
 *    finite number of epoch milliseconds or an ISO-8601 date-time with `Z` or an offset
 *    (converted to epoch ms; a time without a zone is refused as ambiguous), within the
 *    valid time range (`options.validTime`, default 2000-01-01T00:00Z inclusive to
 *    2100-01-01T00:00Z exclusive).
 * 3. The fields of that type, as declared in `CALL_EVENT_FIELDS` (see `events.ts`), are checked:
 *    - `dial`: `campaignId`, `callCentreId`, `to` non-empty strings; `cli` a string or
 *      `null` (`''` read as `null`, withheld); `agentGuaranteed`, `amd`, `messagePlanned`
 *      booleans; `zone` optional, an IANA zone `Intl` knows (see `isTimeZone`: Java's
 *      legacy ids such as `BST`, which `Intl` reads as Dhaka, are refused).
 *    - `salutation`: `phase` `start` | `end`. `amd`: `result` `human` | `machine` | `unknown`.
 *    - `message`: `content` optional object (`MESSAGE_CONTENT_FIELDS`).
 *    - `recording`: `noticeGiven` boolean.
 *    - `ivm`: `action` `agentRequested` | `queueInfo`; `info` optional object (`QUEUE_INFORMATION_FIELDS`).
 *    - `hangup`: `by` `caller` | `recipient` | `network`; `cause` optional
 *      `busy` | `noAnswer` | `rejected` | `invalidNumber` | `failed`.
 *    - `disposition`: `verdict` `human` | `machine`.
 * 4. A new object is returned with only the declared fields: unknown fields (`__proto__`,
 *    `constructor` and `prototype` included) are dropped, optional fields that are absent
 *    are omitted. The input is never mutated.
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
 * @throws RangeError for a bad `options.validTime` (see `validTimeOf`)
 */
export function parseCallEvent(input: unknown, options?: ParseOptions): CallEvent {
  const validTime = validTimeOf(options);
  if (!isObject(input)) throw new ValidationError(null, '', OBJECT_EXPECTED, describeReceived(input));
  return parseEventObject(input, validTime);
}

/**
 * `parseCallEvent` that never throws for any input: `{ ok: true, value }` for a valid
 * event, `{ ok: false, error }` with the `ValidationError` otherwise — even for an input
 * whose getters throw. (A bad `options.validTime` still throws `RangeError`: it is a
 * programming error, not bad input.)
 */
export function safeParseCallEvent(input: unknown, options?: ParseOptions): SafeParseResult<CallEvent> {
  const validTime = validTimeOf(options);
  try {
    if (!isObject(input)) throw new ValidationError(null, '', OBJECT_EXPECTED, describeReceived(input));
    return { ok: true, value: parseEventObject(input, validTime) };
  } catch (thrown) {
    return { ok: false, error: toValidationError(thrown) };
  }
}
