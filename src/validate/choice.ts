/**
 * Enumerations from untrusted input: a field whose value must be one of a fixed set of
 * strings. The sets of event fields are derived from the value lists declared once in
 * `events.ts`; anomaly kinds are a `Record<AnomalyKind, true>`, so adding a kind to the
 * union in `anomaly.ts` without adding it here is a compile error.
 */
import type { AnomalyKind } from '../anomaly.js';
import { AMD_RESULTS as AMD_RESULT_VALUES, CALL_EVENT_TYPES, HANGUP_CAUSES as HANGUP_CAUSE_VALUES, HANGUP_PARTIES, IVM_ACTIONS as IVM_ACTION_VALUES, SALUTATION_PHASES as SALUTATION_PHASE_VALUES, VERDICTS as VERDICT_VALUES } from '../events.js';
import { choiceOf, readChoice, type Choice } from './field.js';

export { choiceOf, readChoice, type Choice };

/** Builds a `Choice` from an object whose keys are exactly the members of `T` (a compile error when one is missing). */
/* @__NO_SIDE_EFFECTS__ */
export function choice<T extends string>(members: Readonly<Record<T, true>>): Choice<T> {
  return choiceOf(Object.keys(members) as T[]);
}

/**
 * An optional enumerated value: `undefined`, `null` and `''` (an empty CSV cell) are
 * absent (`null`); anything else must pass `readChoice`.
 * @throws ValidationError naming `path` for a present value outside the set
 */
export function readOptionalChoice<T extends string>(
  value: unknown,
  allowed: Choice<T>,
  callId: string | null,
  path: string,
): T | null {
  if (value === undefined || value === null || value === '') return null;
  return readChoice(value, allowed, callId, path);
}

/** Every call event type, in `CALL_EVENT_TYPES` order. */
export const EVENT_TYPES = choiceOf(CALL_EVENT_TYPES);

/** `salutation.phase`. */
export const SALUTATION_PHASES = choiceOf(SALUTATION_PHASE_VALUES);

/** AMD verdicts (`amd.result`, `CallRecord.amdResult`). */
export const AMD_RESULTS = choiceOf(AMD_RESULT_VALUES);

/** `ivm.action`. */
export const IVM_ACTIONS = choiceOf(IVM_ACTION_VALUES);

/** Who hung up (`hangup.by`, `CallRecord.hangupBy`). */
export const HANGUP_BY = choiceOf(HANGUP_PARTIES);

/** Why the call ended (`hangup.cause`, `CallRecord.hangupCause`). */
export const HANGUP_CAUSES = choiceOf(HANGUP_CAUSE_VALUES);

/** Who answered, in the agent's verdict (`disposition.verdict`, `CallRecord.disposition`). */
export const VERDICTS = choiceOf(VERDICT_VALUES);

/** Anomaly kinds (`CallRecord.anomalies[].kind`). */
export const ANOMALY_KINDS = choice<AnomalyKind>({
  beforeDial: true,
  duplicateDial: true,
  outOfOrder: true,
  beforeAnswer: true,
  repeated: true,
  afterHangup: true,
  dispositionUnanswered: true,
  incomplete: true,
  unknownCall: true,
  unknownEvent: true,
  invalidEvent: true,
  invalidTime: true,
  timeOutOfRange: true,
  machineError: true,
});
