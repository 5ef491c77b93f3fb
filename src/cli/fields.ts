/**
 * The field paths a CSV column may feed: the fields of `CallRecord` and of every
 * `CallEvent`, and the nested fields of their message content and queue information. Only
 * these are ever written into a row object, so no header or `--columns` entry can reach a
 * prototype (`__proto__.disposition`, `constructor.prototype.x`) or invent a field. The
 * lists are checked against the library's types at compile time: a field added there is a
 * compile error here until listed.
 */
import type { CallEvent, CallRecord, MessageContent, QueueInformation, RecordedOutcome } from 'dialguard/internals';

/** The facts a dial brings: fields of both a record and the `dial` event. */
const DIAL_FIELDS = ['campaignId', 'callCentreId', 'to', 'cli', 'agentGuaranteed', 'amd', 'messagePlanned', 'zone'] as const;

const RECORD_FIELDS = [
  'callId',
  ...DIAL_FIELDS,
  'dialAt',
  'ringingAt',
  'answerAt',
  'salutationStartAt',
  'salutationEndAt',
  'amdResult',
  'amdAt',
  'agentAt',
  'messageAt',
  'messageContent',
  'recordingAt',
  'recordingNotice',
  'ivmAgentRequestedAt',
  'ivmInfo',
  'ivmInfoAt',
  'hangupAt',
  'hangupBy',
  'hangupCause',
  'disposition',
  'lastEventAt',
  'anomalies',
  'outcome',
  'unknown',
] as const satisfies readonly (keyof CallRecord)[];

/** Keys of any member of the `CallEvent` union. */
type EventKey = CallEvent extends infer E ? (E extends unknown ? keyof E : never) : never;

const EVENT_FIELDS = [
  'type',
  'callId',
  'at',
  ...DIAL_FIELDS,
  'phase',
  'result',
  'content',
  'noticeGiven',
  'by',
  'cause',
  'verdict',
  'action',
  'info',
] as const satisfies readonly EventKey[];

const CONTENT_FIELDS = ['onBehalfOf', 'explainsAttempt', 'optOutNumber', 'marketing', 'automatedOptOut'] as const satisfies readonly (keyof MessageContent)[];
const QUEUE_FIELDS = ['identity', 'purpose', 'position', 'expectedWait'] as const satisfies readonly (keyof QueueInformation)[];
const OUTCOME_FIELDS = ['status', 'category', 'machine'] as const satisfies readonly (keyof RecordedOutcome)[];

/** Compile-time check that a list names every key of its type. */
type Exhaustive<Listed, All> = [Exclude<All, Listed>] extends [never] ? true : { missing: Exclude<All, Listed> };
const exhaustive: [
  Exhaustive<(typeof RECORD_FIELDS)[number], keyof CallRecord>,
  Exhaustive<(typeof EVENT_FIELDS)[number], EventKey>,
  Exhaustive<(typeof CONTENT_FIELDS)[number], keyof MessageContent>,
  Exhaustive<(typeof QUEUE_FIELDS)[number], keyof QueueInformation>,
  Exhaustive<(typeof OUTCOME_FIELDS)[number], keyof RecordedOutcome>,
] = [true, true, true, true, true];
void exhaustive;

/** The object fields with nested fields of their own, and those nested fields. */
const NESTED: ReadonlyMap<string, readonly string[]> = new Map<string, readonly string[]>([
  ['messageContent', CONTENT_FIELDS],
  ['content', CONTENT_FIELDS],
  ['ivmInfo', QUEUE_FIELDS],
  ['info', QUEUE_FIELDS],
  ['outcome', OUTCOME_FIELDS],
]);

/** Every top-level field of a call record or event. */
export const TOP_LEVEL_FIELDS: ReadonlySet<string> = new Set<string>([...RECORD_FIELDS, ...EVENT_FIELDS]);

/** Fields whose whole value may be one JSON cell (an object or an array). */
export const JSON_FIELDS: ReadonlySet<string> = new Set(['messageContent', 'content', 'ivmInfo', 'info', 'anomalies', 'outcome', 'unknown']);

/** Every path a column may feed: the top-level fields and the nested ones (`content.optOutNumber`). */
export const FIELD_PATHS: ReadonlySet<string> = new Set<string>([
  ...TOP_LEVEL_FIELDS,
  ...[...NESTED].flatMap(([field, subs]) => subs.map((sub) => `${field}.${sub}`)),
]);

/** A path segment that names a prototype, never a field. */
const PROTOTYPE_SEGMENT = /(^|\.)\s*(__proto__|constructor|prototype)\s*($|\.)/;

/** `true` when `path` is a field dialguard reads. */
export function isFieldPath(path: string): boolean {
  return FIELD_PATHS.has(path);
}

/**
 * `true` when `path` is not a field but looks meant as one: a path under a field
 * (`content.optout`, `callId.x`) or naming a prototype anywhere (`__proto__.x`,
 * `constructor`). Other names (`agent_name`, `agent.name`) are columns dialguard does not read.
 */
export function looksLikeFieldPath(path: string): boolean {
  const dot = path.indexOf('.');
  return PROTOTYPE_SEGMENT.test(path) || (dot > 0 && TOP_LEVEL_FIELDS.has(path.slice(0, dot).trim()));
}

/** What a user may write, for an error message: the nested fields of `field`, or the top-level ones. */
export function fieldHint(path: string): string {
  const dot = path.indexOf('.');
  const subs = dot > 0 ? NESTED.get(path.slice(0, dot)) : undefined;
  if (subs !== undefined) return `the fields of ${path.slice(0, dot)} are ${subs.join(', ')}`;
  return `fields are those of a call record or event (callId, dialAt, type, at, …), nested ones dotted: ${[...NESTED.keys()].map((f) => `${f}.*`).join(', ')}`;
}
