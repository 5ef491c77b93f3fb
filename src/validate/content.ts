/**
 * The nested objects of events and records: what an information message said
 * (`MessageContent`, A2.17) and what an IVM told a waiting recipient
 * (`QueueInformation`, A1.29). Known fields are copied; unknown ones are dropped.
 */
import type { MessageContent, QueueInformation } from '../events.js';
import { readObject, readNullableString, readOptionalBoolean } from './fields.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Reads a `MessageContent` at `path` (e.g. `content` or `messageContent`): an object
 * whose fields are all optional — `onBehalfOf` and `optOutNumber` string or `null`,
 * `explainsAttempt`, `marketing` and `automatedOptOut` booleans (CSV strings accepted,
 * see `readBoolean`; `null` read as absent). Absent fields are omitted from the result.
 * @throws ValidationError naming `path` or `path.field`
 */
export function parseMessageContent(value: unknown, callId: string | null, path: string): MessageContent {
  const input = readObject(value, callId, path);
  const out: Mutable<MessageContent> = {};
  const onBehalfOf = readNullableString(input.onBehalfOf, callId, `${path}.onBehalfOf`);
  if (onBehalfOf !== undefined) out.onBehalfOf = onBehalfOf;
  const explainsAttempt = readOptionalBoolean(input.explainsAttempt, callId, `${path}.explainsAttempt`);
  if (explainsAttempt !== undefined) out.explainsAttempt = explainsAttempt;
  const optOutNumber = readNullableString(input.optOutNumber, callId, `${path}.optOutNumber`);
  if (optOutNumber !== undefined) out.optOutNumber = optOutNumber;
  const marketing = readOptionalBoolean(input.marketing, callId, `${path}.marketing`);
  if (marketing !== undefined) out.marketing = marketing;
  const automatedOptOut = readOptionalBoolean(input.automatedOptOut, callId, `${path}.automatedOptOut`);
  if (automatedOptOut !== undefined) out.automatedOptOut = automatedOptOut;
  return out;
}

/**
 * Reads a `QueueInformation` at `path` (e.g. `info` or `ivmInfo`): an object of optional
 * booleans `identity`, `purpose`, `position`, `expectedWait` (CSV strings accepted;
 * `null` read as absent). Absent fields are omitted from the result.
 * @throws ValidationError naming `path` or `path.field`
 */
export function parseQueueInformation(value: unknown, callId: string | null, path: string): QueueInformation {
  const input = readObject(value, callId, path);
  const out: Mutable<QueueInformation> = {};
  const identity = readOptionalBoolean(input.identity, callId, `${path}.identity`);
  if (identity !== undefined) out.identity = identity;
  const purpose = readOptionalBoolean(input.purpose, callId, `${path}.purpose`);
  if (purpose !== undefined) out.purpose = purpose;
  const position = readOptionalBoolean(input.position, callId, `${path}.position`);
  if (position !== undefined) out.position = position;
  const expectedWait = readOptionalBoolean(input.expectedWait, callId, `${path}.expectedWait`);
  if (expectedWait !== undefined) out.expectedWait = expectedWait;
  return out;
}
