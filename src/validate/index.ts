/**
 * Validation of untrusted input: call events and stored call records from JSON or CSV,
 * parsed into typed values or rejected with a `ValidationError` that names the call and
 * the field.
 */
export { parseCallEvent, safeParseCallEvent } from './event.js';
export { parseCallRecord, safeParseCallRecord } from './record.js';
export { recordShapeProblem } from './record-shape.js';
export { parseTimestamp, parseOptionalTimestamp, isoToEpochMs, DEFAULT_VALID_TIME, type ParseOptions, type TimeRange } from './timestamp.js';
export { isTimeZone } from './zone.js';
export type { SafeParseResult } from './result.js';
