import { PolicyError } from '../errors.js';
import { assertTimeZone } from '../time/zoned-day.js';
import type { CallingWindow, Policy } from './policy.js';

type Changes<T> = { readonly [K in keyof T]?: T[K] extends readonly unknown[] ? T[K] : T[K] extends object ? Partial<T[K]> : T[K] };

/** Changes to a policy: any top-level field, and any field of its nested groups. */
export type PolicyChanges = Changes<Policy>;

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

function duration(name: string, value: number): void {
  if (!Number.isFinite(value) || value < 0) throw new PolicyError(`${name} should be a duration in ms, 0 or more; received ${value}`);
}

function window(day: number, w: CallingWindow | null): void {
  if (w === null) return;
  if (!HHMM.test(w.start) || !HHMM.test(w.end) || w.start >= w.end) {
    throw new PolicyError(`callingHours[${day}] should be { start: 'HH:MM', end: 'HH:MM' } with start before end; received ${JSON.stringify(w)}`);
  }
}

/**
 * Checks a policy and returns it: durations are non-negative, rates within 0–1, the ACR
 * alert's sample (`acr.alertMinCalls`) a whole number, the zone
 * is a real IANA zone, calling windows are `HH:MM` with start before end, seven of them.
 * @throws PolicyError naming the field to fix.
 */
export function validatePolicy(policy: Policy): Policy {
  assertTimeZone(policy.timeZone);
  duration('ring.minMs', policy.ring.minMs);
  duration('ring.maxMs', policy.ring.maxMs);
  duration('ring.ringCycleMs', policy.ring.ringCycleMs);
  if (policy.ring.ringCycleMs === 0) throw new PolicyError('ring.ringCycleMs should be more than 0');
  duration('message.deadlineMs', policy.message.deadlineMs);
  duration('repeat.windowMs', policy.repeat.windowMs);
  if (policy.connection.deadlineMs !== null) duration('connection.deadlineMs', policy.connection.deadlineMs);
  duration('ivm.maxWaitMs', policy.ivm.maxWaitMs);
  duration('ivm.maxWaitWithoutInfoMs', policy.ivm.maxWaitWithoutInfoMs);
  duration('scanning.maxRingMs', policy.scanning.maxRingMs);
  const alert = policy.acr.alertRate;
  if (alert !== null && !(alert >= 0 && alert <= 1)) throw new PolicyError(`acr.alertRate should be a fraction 0–1 or null; received ${alert}`);
  const minCalls = policy.acr.alertMinCalls;
  if (!Number.isInteger(minCalls) || minCalls < 0) throw new PolicyError(`acr.alertMinCalls should be a whole number of calls, 0 or more; received ${minCalls}`);
  if (policy.callingHours.length !== 7) throw new PolicyError(`callingHours should list 7 days, Sunday first; received ${policy.callingHours.length}`);
  policy.callingHours.forEach((w, day) => window(day, w));
  if (!(policy.retentionMonths > 0)) throw new PolicyError(`retentionMonths should be more than 0; received ${policy.retentionMonths}`);
  return policy;
}

const hasOwn = (o: object, key: string): boolean => Object.prototype.hasOwnProperty.call(o, key);

const isGroup = (v: unknown): v is Readonly<Record<string, unknown>> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * A policy made from `base` with `changes` (nested groups are merged field by field), checked
 * by `validatePolicy`. Use it to set the thresholds the regulator leaves open, e.g.
 * `definePolicy(ofcom2017, { acr: { alertRate: 0.01 }, ring: { maxMs: 45_000 } })`.
 *
 * `changes` may come from JSON (a config file), so only the fields `base` has are read:
 * a key `base` does not have — at the top or in a group, `__proto__`, `constructor` and
 * `prototype` included — is refused, and nothing is ever written to a prototype.
 * @throws PolicyError naming the field to fix (an unknown field included).
 */
export function definePolicy(base: Policy, changes: PolicyChanges = {}): Policy {
  const current = base as unknown as Readonly<Record<string, unknown>>;
  const merged: Record<string, unknown> = { ...current };
  if (!isGroup(changes)) throw new PolicyError(`policy changes should be an object of policy fields; received ${JSON.stringify(changes) ?? String(changes)}`);
  for (const key of Object.keys(changes)) {
    const value = (changes as Readonly<Record<string, unknown>>)[key];
    if (value === undefined) continue;
    if (!hasOwn(current, key)) throw new PolicyError(`unknown policy field '${key}': a policy has ${Object.keys(current).join(', ')}`);
    const group = current[key];
    if (isGroup(value) && isGroup(group)) {
      const mergedGroup: Record<string, unknown> = { ...group };
      for (const field of Object.keys(value)) {
        if (!hasOwn(group, field)) throw new PolicyError(`unknown policy field '${key}.${field}': ${key} has ${Object.keys(group).join(', ')}`);
        mergedGroup[field] = value[field];
      }
      merged[key] = mergedGroup;
    } else if (isGroup(group)) {
      throw new PolicyError(`${key} should be an object of ${Object.keys(group).join(', ')}; received ${JSON.stringify(value) ?? String(value)}`);
    } else {
      merged[key] = value;
    }
  }
  return validatePolicy(merged as unknown as Policy);
}
