/**
 * The `anomalies` of a stored record: what was wrong with the events that made it.
 */
import type { Anomaly } from '../anomaly.js';
import { ValidationError } from '../errors.js';
import { ANOMALY_KINDS, EVENT_TYPES, readChoice } from './choice.js';
import { readObject } from './fields.js';
import { describeReceived } from './received.js';
import { DEFAULT_VALID_TIME, parseTimestamp, type TimeRange } from './timestamp.js';

/** `expected` text for the `anomalies` field. */
export const ANOMALIES_EXPECTED = 'an array of anomalies ({ kind, event, at, detail })';

/**
 * Reads a record's `anomalies` at `path`: absent (`undefined` or `null`) is `[]`;
 * otherwise an array whose items are objects with `kind` (an `AnomalyKind`), `event`
 * (a call event type), `at` (a timestamp in `validTime`, see `parseTimestamp`; it may precede the dial)
 * and `detail` (a string). Returns new objects with only those fields.
 * @throws ValidationError naming `path` or `path.<index>.<field>`
 */
export function parseAnomalies(value: unknown, callId: string | null, path: string, validTime: TimeRange = DEFAULT_VALID_TIME): readonly Anomaly[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new ValidationError(callId, path, ANOMALIES_EXPECTED, describeReceived(value));
  const out: Anomaly[] = [];
  for (let i = 0; i < value.length; i++) {
    const itemPath = `${path}.${i}`;
    const item = readObject(value[i], callId, itemPath);
    const kind = readChoice(item.kind, ANOMALY_KINDS, callId, `${itemPath}.kind`);
    // An `unknownEvent` anomaly names the type as received; every other kind names a call event type.
    const event =
      kind === 'unknownEvent' && typeof item.event === 'string' ? item.event : readChoice(item.event, EVENT_TYPES, callId, `${itemPath}.event`);
    const at = parseTimestamp(item.at, callId, `${itemPath}.at`, validTime);
    const detail = item.detail;
    if (typeof detail !== 'string') {
      throw new ValidationError(callId, `${itemPath}.detail`, 'a string', describeReceived(detail));
    }
    out.push({ kind, event, at, detail });
  }
  return out;
}
