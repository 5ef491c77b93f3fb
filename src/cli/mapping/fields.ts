/**
 * What the command knows about the fields of a `CallRecord` and a `CallEvent`: which are
 * required, which are times and which are booleans — to check a header or a mapping
 * before any row is read, and to read cells as the user wrote them.
 */
import { UNKNOWN_FACTS } from 'dialguard/internals';
import type { UnknownFact } from './types.js';

/** Fields every stored record needs (`parseCallRecord`); `cli` may be empty (withheld). */
export const REQUIRED_RECORD_FIELDS: readonly string[] = ['callId', 'campaignId', 'callCentreId', 'to', 'cli', 'agentGuaranteed', 'amd', 'messagePlanned', 'dialAt'];

/** Fields every event needs (`parseCallEvent`); a dial needs more, checked per row. */
export const REQUIRED_EVENT_FIELDS: readonly string[] = ['type', 'callId', 'at'];

/** Time fields of a record, and an event's `at`. */
export const TIME_FIELDS: ReadonlySet<string> = new Set([
  'dialAt', 'ringingAt', 'answerAt', 'salutationStartAt', 'salutationEndAt', 'amdAt', 'agentAt', 'messageAt',
  'recordingAt', 'ivmAgentRequestedAt', 'ivmInfoAt', 'hangupAt', 'lastEventAt', 'at',
]);

/** Boolean fields (nested ones dotted). */
export const BOOLEAN_FIELDS: ReadonlySet<string> = new Set([
  'agentGuaranteed', 'amd', 'messagePlanned', 'recordingNotice', 'noticeGiven', 'agentRequested',
  'messageContent.explainsAttempt', 'messageContent.marketing', 'messageContent.automatedOptOut',
  'content.explainsAttempt', 'content.marketing', 'content.automatedOptOut',
  'ivmInfo.identity', 'ivmInfo.purpose', 'ivmInfo.position', 'ivmInfo.expectedWait',
  'info.identity', 'info.purpose', 'info.position', 'info.expectedWait',
]);

/** Every field name a record or event row may carry (a header naming none of them is not a dialguard header). */
export const KNOWN_FIELDS: ReadonlySet<string> = new Set([
  ...REQUIRED_RECORD_FIELDS, ...REQUIRED_EVENT_FIELDS, ...TIME_FIELDS, ...BOOLEAN_FIELDS,
  'zone', 'amdResult', 'messageContent', 'messageContent.onBehalfOf', 'messageContent.optOutNumber', 'ivmInfo', 'hangupBy', 'hangupCause',
  'disposition', 'anomalies', 'outcome', 'unknown', 'content', 'content.onBehalfOf', 'content.optOutNumber', 'info', 'result', 'by', 'cause',
  'verdict', 'phase', 'kind', 'to', 'cli',
]);

/** Record fields a mapping may fill (`outcome` and `unknown` come from the mapping's own sections). */
export const MAPPABLE_RECORD_FIELDS: ReadonlySet<string> = new Set([
  ...REQUIRED_RECORD_FIELDS, 'zone', 'ringingAt', 'answerAt', 'salutationStartAt', 'salutationEndAt', 'amdResult', 'amdAt', 'agentAt', 'messageAt',
  'messageContent.onBehalfOf', 'messageContent.explainsAttempt', 'messageContent.optOutNumber', 'messageContent.marketing', 'messageContent.automatedOptOut',
  'recordingAt', 'recordingNotice', 'ivmAgentRequestedAt', 'ivmInfo.identity', 'ivmInfo.purpose', 'ivmInfo.position', 'ivmInfo.expectedWait', 'ivmInfoAt',
  'hangupAt', 'hangupBy', 'hangupCause', 'disposition', 'lastEventAt',
]);

/** Every fact a record may mark unknown (as `CallRecord.unknown`), in record order: the library's one list. */
export const UNKNOWN_FACT_NAMES: readonly UnknownFact[] = UNKNOWN_FACTS;

/**
 * The facts none of `fields` (record field paths read from a file: a header's columns, a
 * mapping's fields, `--set`) can show, in record order: a fact is shown by its own field, or
 * by a field of it (`messageContent.optOutNumber` shows `messageContent`). With no field for
 * it, the file cannot show the fact on any row: it is unknown, not absent.
 */
export function factsNotShown(fields: Iterable<string>): UnknownFact[] {
  const shown = new Set<string>();
  for (const field of fields) {
    const dot = field.indexOf('.');
    shown.add(dot < 0 ? field : field.slice(0, dot));
  }
  return UNKNOWN_FACT_NAMES.filter((fact) => !shown.has(fact));
}

/** The field among `candidates` closest to `name` (edit distance ≤ 2, or a case-insensitive match), for "did you mean". */
export function closest(name: string, candidates: Iterable<string>): string | null {
  let best: string | null = null;
  let bestDistance = 3;
  const lower = name.toLowerCase();
  for (const c of candidates) {
    if (c.toLowerCase() === lower) return c;
    const d = editDistance(lower, c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

/** Levenshtein distance (small strings only). */
export function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return 99;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur.push(Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    prev = cur;
  }
  return prev[b.length]!;
}
