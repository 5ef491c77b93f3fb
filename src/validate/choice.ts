/**
 * Enumerations from untrusted input: a field whose value must be one of a fixed set of
 * strings. Each set is declared as a `Record<Union, true>`, so adding a member to the
 * union in `events.ts` or `anomaly.ts` without adding it here is a compile error.
 */
import type { AnomalyKind } from '../anomaly.js';
import { ValidationError } from '../errors.js';
import type { AmdResult, CallEventType, HangupBy, HangupCause } from '../events.js';
import type { Disposition } from '../record.js';
import { describeReceived } from './received.js';

/** The allowed values of one enumerated field, and the `expected` text listing them. */
export interface Choice<T extends string> {
  /** The allowed values. */
  readonly values: ReadonlySet<string>;
  /** `one of "a" | "b" | …`, for `ValidationError.expected`. */
  readonly expected: string;
  /** Phantom: the union the values make up. */
  readonly _type?: T;
}

/** Builds a `Choice` from an object whose keys are exactly the members of `T`. */
/* @__NO_SIDE_EFFECTS__ */
export function choice<T extends string>(members: Readonly<Record<T, true>>): Choice<T> {
  const keys = Object.keys(members);
  return { values: new Set(keys), expected: `one of ${keys.map((k) => JSON.stringify(k)).join(' | ')}` };
}

/**
 * A required enumerated value.
 * @throws ValidationError naming `path`, listing the allowed values, for anything else
 */
export function readChoice<T extends string>(value: unknown, allowed: Choice<T>, callId: string | null, path: string): T {
  if (typeof value === 'string' && allowed.values.has(value)) return value as T;
  throw new ValidationError(callId, path, allowed.expected, describeReceived(value));
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
export const EVENT_TYPES = choice<CallEventType>({
  dial: true,
  ringing: true,
  answer: true,
  salutation: true,
  amd: true,
  agent: true,
  message: true,
  recording: true,
  ivm: true,
  hangup: true,
  disposition: true,
});

/** `salutation.phase`. */
export const SALUTATION_PHASES = choice<'start' | 'end'>({ start: true, end: true });

/** AMD verdicts (`amd.result`, `CallRecord.amdResult`). */
export const AMD_RESULTS = choice<AmdResult>({ human: true, machine: true, unknown: true });

/** `ivm.action`. */
export const IVM_ACTIONS = choice<'agentRequested' | 'queueInfo'>({ agentRequested: true, queueInfo: true });

/** Who hung up (`hangup.by`, `CallRecord.hangupBy`). */
export const HANGUP_BY = choice<HangupBy>({ caller: true, recipient: true, network: true });

/** Why the call ended (`hangup.cause`, `CallRecord.hangupCause`). */
export const HANGUP_CAUSES = choice<HangupCause>({
  busy: true,
  noAnswer: true,
  rejected: true,
  invalidNumber: true,
  failed: true,
});

/** Who answered, in the agent's verdict (`disposition.verdict`, `CallRecord.disposition`). */
export const VERDICTS = choice<Disposition>({ human: true, machine: true });

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
  invalidTime: true,
  machineError: true,
});
