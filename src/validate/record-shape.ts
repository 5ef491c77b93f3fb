/**
 * The least a `CallRecord` built in code must hold for the engine to read it: the fields
 * that `classify`, the ACR ledger (Annex 3) and the cross-call rules (A1.21, A1.35, A2.9)
 * read as strings, lists or objects. A record that breaks its type in one of them (a field
 * missing, `null` where a string belongs) would make them throw a bare `TypeError`;
 * `audit()` checks each record with `recordShapeProblem` first and lists those that fail in
 * `rejected`, so the other calls are still counted. Untrusted rows go through
 * `parseCallRecord`, which checks every field; this checks only these, with plain `typeof`
 * tests (audits read millions of records).
 */
import { ValidationError } from '../errors.js';
import { ANOMALIES_EXPECTED } from './anomalies.js';
import { CLI_EXPECTED, OBJECT_EXPECTED, isObject } from './fields.js';
import { describeReceived } from './received.js';

/**
 * What is wrong with `record`'s shape: a `ValidationError` naming its first field that is
 * not of its type (`callId`, `campaignId`, `callCentreId`, `to`: strings; `cli`: a string or
 * `null`; `messageContent`: an object or `null`; `anomalies`: an array; `unknown`: an array
 * or absent), or `null` when the engine can read it.
 */
export function recordShapeProblem(record: unknown): ValidationError | null {
  if (!isObject(record)) return new ValidationError(null, '', OBJECT_EXPECTED, describeReceived(record));
  const r = record as Readonly<Record<string, unknown>>;
  // Each field read by name, not in a loop over names: audits call this on every record.
  if (
    typeof r.callId === 'string' &&
    typeof r.campaignId === 'string' &&
    typeof r.callCentreId === 'string' &&
    typeof r.to === 'string' &&
    (r.cli === null || typeof r.cli === 'string') &&
    (r.messageContent === null || isObject(r.messageContent)) &&
    Array.isArray(r.anomalies) &&
    (r.unknown === undefined || Array.isArray(r.unknown))
  ) {
    return null;
  }
  return firstProblem(r);
}

/** The `ValidationError` of the first field of `r` that is not of its type (`r` has one). */
function firstProblem(r: Readonly<Record<string, unknown>>): ValidationError {
  const callId = typeof r.callId === 'string' ? r.callId : null;
  const problem = (path: string, expected: string): ValidationError => new ValidationError(callId, path, expected, describeReceived(r[path]));
  for (const name of ['callId', 'campaignId', 'callCentreId', 'to']) if (typeof r[name] !== 'string') return problem(name, 'a string');
  if (r.cli !== null && typeof r.cli !== 'string') return problem('cli', CLI_EXPECTED);
  if (r.messageContent !== null && !isObject(r.messageContent)) return problem('messageContent', 'an object, or null');
  if (!Array.isArray(r.anomalies)) return problem('anomalies', ANOMALIES_EXPECTED);
  return problem('unknown', 'an array of unknown facts, or absent');
}
