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
  // Each field read by name, once, in the order the problem is named: audits call this on every record.
  const r = record as Readonly<Record<string, unknown>>;
  if (typeof r.callId !== 'string') return problem(r, 'callId', 'a string');
  if (typeof r.campaignId !== 'string') return problem(r, 'campaignId', 'a string');
  if (typeof r.callCentreId !== 'string') return problem(r, 'callCentreId', 'a string');
  if (typeof r.to !== 'string') return problem(r, 'to', 'a string');
  if (r.cli !== null && typeof r.cli !== 'string') return problem(r, 'cli', CLI_EXPECTED);
  if (r.messageContent !== null && !isObject(r.messageContent)) return problem(r, 'messageContent', 'an object, or null');
  if (!Array.isArray(r.anomalies)) return problem(r, 'anomalies', ANOMALIES_EXPECTED);
  if (r.unknown !== undefined && !Array.isArray(r.unknown)) return problem(r, 'unknown', 'an array of unknown facts, or absent');
  return null;
}

/** The `ValidationError` of field `path` of `r`, naming its call when it has a call id. */
function problem(r: Readonly<Record<string, unknown>>, path: string, expected: string): ValidationError {
  return new ValidationError(typeof r.callId === 'string' ? r.callId : null, path, expected, describeReceived(r[path]));
}
