/**
 * Typed errors. Each names the call and what to fix. They are thrown only at the edges
 * (validating untrusted input, folding a batch); a running call machine or operator
 * records anomalies instead of throwing, so one bad call never loses another's state.
 */

/** Base class of every error dialguard throws; `code` is stable and machine-readable. */
export class DialguardError extends Error {
  readonly code: string;
  /** The call the error is about, when known. */
  readonly callId: string | null;
  constructor(code: string, message: string, callId: string | null) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.callId = callId;
  }
}

/** Untrusted input (JSON from a dialler or a file) is not a valid event or record: `path` names the field. */
export class ValidationError extends DialguardError {
  /** Dotted path of the offending field, e.g. `content.optOutNumber`; `''` for the whole value. */
  readonly path: string;
  /** What the field should be. */
  readonly expected: string;
  /** What was received, as text. */
  readonly received: string;
  constructor(callId: string | null, path: string, expected: string, received: string) {
    super(
      'INVALID_INPUT',
      `${callId === null ? 'input' : `call ${callId}`}: ${path || 'value'} should be ${expected}, received ${received}`,
      callId,
    );
    this.path = path;
    this.expected = expected;
    this.received = received;
  }
}

/** A call's events have no `dial`, so it has no campaign, call centre or number. */
export class MissingDialError extends DialguardError {
  constructor(callId: string | null) {
    super('MISSING_DIAL', `call ${callId ?? '(no events)'} has no dial event; a record needs the dial's campaign, call centre and number`, callId);
  }
}

/** `foldEvents` was given events of more than one call. */
export class MixedCallsError extends DialguardError {
  constructor(expected: string, received: string) {
    super('MIXED_CALLS', `events of call ${received} were mixed into call ${expected}; fold each call's events separately (or use callRecords())`, received);
  }
}

/** The same call id appears twice in a batch of records: the second would be counted twice. */
export class DuplicateCallError extends DialguardError {
  constructor(callId: string) {
    super('DUPLICATE_CALL', `call ${callId} appears more than once; each call id must be unique within a batch`, callId);
  }
}

/** A policy value is unusable (negative duration, unknown time zone, …). */
export class PolicyError extends DialguardError {
  constructor(message: string) {
    super('INVALID_POLICY', message, null);
  }
}
