/**
 * The nested objects of events and records: what an information message said
 * (`MessageContent`, A2.17) and what an IVM told a waiting recipient
 * (`QueueInformation`, A1.29). Read from the same declarations as the events'
 * `content` and `info` (`MESSAGE_CONTENT_FIELDS`, `QUEUE_INFORMATION_FIELDS`): known
 * fields are copied; unknown ones (`__proto__` included) are dropped.
 */
import { MESSAGE_CONTENT_FIELDS, QUEUE_INFORMATION_FIELDS, type MessageContent, type QueueInformation } from '../events.js';
import { field } from './field.js';
import { DEFAULT_VALID_TIME } from './timestamp.js';

const MESSAGE_CONTENT = /* @__PURE__ */ (() => field.object(MESSAGE_CONTENT_FIELDS))();
const QUEUE_INFORMATION = /* @__PURE__ */ (() => field.object(QUEUE_INFORMATION_FIELDS))();

/**
 * Reads a `MessageContent` at `path` (e.g. `content` or `messageContent`): an object
 * whose fields are all optional — `onBehalfOf` and `optOutNumber` string or `null`,
 * `explainsAttempt`, `marketing` and `automatedOptOut` booleans (CSV strings accepted,
 * see `readBoolean`; `null` read as absent). Absent fields are omitted from the result.
 * @throws ValidationError naming `path` or `path.field`
 */
export function parseMessageContent(value: unknown, callId: string | null, path: string): MessageContent {
  return MESSAGE_CONTENT.read(value, callId, path, DEFAULT_VALID_TIME);
}

/**
 * Reads a `QueueInformation` at `path` (e.g. `info` or `ivmInfo`): an object of optional
 * booleans `identity`, `purpose`, `position`, `expectedWait` (CSV strings accepted;
 * `null` read as absent). Absent fields are omitted from the result.
 * @throws ValidationError naming `path` or `path.field`
 */
export function parseQueueInformation(value: unknown, callId: string | null, path: string): QueueInformation {
  return QUEUE_INFORMATION.read(value, callId, path, DEFAULT_VALID_TIME);
}
