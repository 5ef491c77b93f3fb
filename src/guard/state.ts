import { DialguardError } from '../errors.js';
import { numberKey } from '../misuse/number-key.js';
import { hasCalendarDay } from '../time/zoned-day.js';
import { describeReceived } from '../validate/received.js';

/**
 * One call the guard remembers for the repeat rule (A2.9): number key (`numberKey`), call
 * id, dial time (epoch ms), category — silent or abandoned (footnote 37), or undetermined
 * (it may have been either). States saved before undetermined calls were remembered load
 * as they are.
 */
export type GuardCallEntry = readonly [key: string, callId: string, at: number, category: GuardCallCategory];

/** The categories the guard remembers (A2.9, footnote 37): misuse, and calls that may have been misuse. */
export type GuardCallCategory = 'silent' | 'abandoned' | 'undetermined';

/**
 * The guard's state as plain JSON (`JSON.stringify(guard)` gives it; `createDialGuard(policy,
 * { state })` takes it back): only what the repeat rule (A2.9) needs — the silent,
 * abandoned and undetermined calls still inside the repeat window plus the lateness
 * allowance, in the order they were recorded (a guard restored from a state holds them
 * oldest dial first). A state may list them in any order.
 */
export interface DialGuardState {
  /** Format version: 1. */
  readonly version: 1;
  /** The `id` of the policy the guard ran under (information: the calls are facts whatever the policy). */
  readonly policyId: string;
  /** The latest dial time the guard has recorded, epoch ms (checks do not move it); `null` before any. */
  readonly latest: number | null;
  readonly calls: readonly GuardCallEntry[];
}

/** A guard state (the A2.9 history) given to `createDialGuard` is not a `DialGuardState`: `path` names the bad field. */
export class GuardStateError extends DialguardError {
  readonly path: string;
  constructor(path: string, expected: string, received: unknown) {
    super('INVALID_GUARD_STATE', `dial guard state: ${path} should be ${expected}; received ${describeReceived(received)}. Pass the value guard.toJSON() gave`, null);
    this.path = path;
  }
}

/**
 * Checks an untrusted guard state (the A2.9 history) (e.g. parsed from storage) and returns
 * it typed, as a new object holding only the state's own fields (`version`, `policyId`,
 * `latest`, `calls`, each call a new 4-tuple): other keys — `__proto__`, `constructor`,
 * `prototype` included — are dropped, and nothing from the input reaches a prototype.
 * `latest` and each call's dial time must have a calendar day (`hasCalendarDay`: a time
 * beyond it would make the guard forget every call, A2.9); each number is re-keyed with
 * `numberKey`, so a state written by hand with `+44 1632 960001` matches `check`.
 * @throws GuardStateError naming the first bad field (a hole in `calls` included).
 */
export function parseGuardState(value: unknown): DialGuardState {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new GuardStateError('state', 'an object', value);
  const v = value as Record<string, unknown>;
  if (v.version !== 1) throw new GuardStateError('version', '1', v.version);
  if (typeof v.policyId !== 'string') throw new GuardStateError('policyId', 'a string', v.policyId);
  const latest = v.latest;
  if (latest !== null && !(typeof latest === 'number' && hasCalendarDay(latest))) throw new GuardStateError('latest', 'epoch ms within the calendar range, or null', latest);
  const input = v.calls;
  if (!Array.isArray(input)) throw new GuardStateError('calls', 'an array', input);
  const calls: GuardCallEntry[] = [];
  // An index loop, not `map`: `map` skips the holes of a sparse array, which must be refused.
  for (let i = 0; i < input.length; i++) {
    const c: unknown = input[i];
    const ok =
      Array.isArray(c) &&
      c.length === 4 &&
      typeof c[0] === 'string' &&
      typeof c[1] === 'string' &&
      typeof c[2] === 'number' &&
      hasCalendarDay(c[2]) &&
      (c[3] === 'silent' || c[3] === 'abandoned' || c[3] === 'undetermined');
    if (!ok) throw new GuardStateError(`calls[${i}]`, "[numberKey, callId, dialAt (epoch ms within the calendar range), 'silent' | 'abandoned' | 'undetermined']", c);
    calls.push([numberKey(c[0] as string), c[1] as string, c[2] as number, c[3] as GuardCallCategory]);
  }
  return { version: 1, policyId: v.policyId, latest: latest as number | null, calls };
}
