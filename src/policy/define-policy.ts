import { PolicyError } from '../errors.js';
import { MAX_DELAY_MS } from '../machine/deadlines.js';
import { assertTimeZone } from '../time/zoned-day.js';
import { describeReceived } from '../validate/received.js';
import type { CallingWindow, DeadlineMoment, MessageElement, Policy } from './policy.js';

/** A field changed whole (a list, a value) or, for a group, field by field. */
type Change<V, Depth extends unknown[]> = V extends readonly unknown[] ? V : V extends object ? (Depth extends [unknown, unknown] ? V : Changes<V, [...Depth, unknown]>) : V;
type Changes<T, Depth extends unknown[] = []> = { readonly [K in keyof T]?: Change<T[K], Depth> };

/** Changes to a policy: any top-level field, any field of its groups, and either moment of `message.deadlineFrom`. */
export type PolicyChanges = Changes<Policy>;

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

function duration(name: string, value: number): void {
  if (!Number.isFinite(value) || value < 0) throw new PolicyError(`${name} should be a duration in ms, 0 or more; received ${value}`);
}

/**
 * A duration the call machine waits out with a timer (A2.15 ring times, A2.19 message
 * deadline): at most `MAX_DELAY_MS` (2^31 − 1 ms, about 24.8 days, the longest timer; a
 * longer one would fire early, and the timers and ticks variants would disagree).
 */
function timerDuration(name: string, value: number): void {
  duration(name, value);
  if (value > MAX_DELAY_MS) throw new PolicyError(`${name} should be at most ${MAX_DELAY_MS} ms (2^31 − 1, the longest timer the call machine can set); received ${value}`);
}

/** A received value in a message (`describeReceived`). */
const shown = (value: unknown): string => describeReceived(value);

/** A whole number from `min` to `max` (`what`: what it counts, for the message). */
function whole(name: string, value: unknown, min: number, what: string, max = Number.MAX_SAFE_INTEGER): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new PolicyError(`${name} should be a whole number of ${what}, ${max === Number.MAX_SAFE_INTEGER ? `${min} or more` : `from ${min} to ${max}`}; received ${shown(value)}`);
  }
}

/** The longest record retention and persistence period a policy may set: 100 years (the report's dates stay within the calendar). */
const MAX_MONTHS = 1200;
const MAX_WEEKS = 5200;

/** One of `allowed` (the values the rules know: any other would be read as none of them). */
function oneOf(name: string, value: unknown, allowed: readonly string[]): void {
  if (typeof value !== 'string' || !allowed.includes(value)) throw new PolicyError(`${name} should be one of ${allowed.map((a) => `'${a}'`).join(', ')}; received ${shown(value)}`);
}

/** Every value of each enumerated field (a `Record` so that a value added to the type must be added here). */
const DEADLINE_MOMENTS: readonly string[] = /* @__PURE__ */ Object.keys({ pickup: 1, salutationStart: 1, salutationEnd: 1 } satisfies Record<DeadlineMoment, 1>);
const MESSAGE_ELEMENTS: readonly string[] = /* @__PURE__ */ Object.keys({
  identifiesCaller: 1,
  explainsAttempt: 1,
  basicRateOptOutNumber: 1,
  noMarketing: 1,
  automatedOptOut: 1,
} satisfies Record<MessageElement, 1>);
const ACR_WINDOWS: readonly string[] = /* @__PURE__ */ Object.keys({ calendarDay: 1, trailing30Days: 1 } satisfies Record<Policy['acr']['window'], 1>);
const NUMBERING_PLANS: readonly string[] = /* @__PURE__ */ Object.keys({ uk: 1, none: 1 } satisfies Record<Policy['cli']['numberingPlan'], 1>);

function window(day: number, w: CallingWindow | null): void {
  if (w === null) return;
  if (!isGroup(w) || typeof w.start !== 'string' || typeof w.end !== 'string' || !HHMM.test(w.start) || !HHMM.test(w.end) || w.start >= w.end) {
    throw new PolicyError(`callingHours[${day}] should be { start: 'HH:MM', end: 'HH:MM' } with start before end; received ${JSON.stringify(w)}`);
  }
}

/** The message fields (A2.17, A2.19): each `deadlineFrom` moment and each required element one the rules know. */
function message(m: Policy['message']): void {
  timerDuration('message.deadlineMs', m.deadlineMs);
  if (!isGroup(m.deadlineFrom)) throw new PolicyError(`message.deadlineFrom should be { withAmd, withoutAmd }; received ${shown(m.deadlineFrom)}`);
  oneOf('message.deadlineFrom.withAmd', m.deadlineFrom.withAmd, DEADLINE_MOMENTS);
  oneOf('message.deadlineFrom.withoutAmd', m.deadlineFrom.withoutAmd, DEADLINE_MOMENTS);
  if (!Array.isArray(m.requiredContent)) throw new PolicyError(`message.requiredContent should be an array of message elements; received ${shown(m.requiredContent)}`);
  m.requiredContent.forEach((e, i) => oneOf(`message.requiredContent[${i}]`, e, MESSAGE_ELEMENTS));
}

/** The calling hours (A2.11): seven days, each a window or `null` (a hole or a string is neither). */
function callingHours(hours: Policy['callingHours']): void {
  if (!Array.isArray(hours)) throw new PolicyError(`callingHours should be an array of 7 days, Sunday first, each { start, end } or null; received ${shown(hours)}`);
  if (hours.length !== 7) throw new PolicyError(`callingHours should list 7 days, Sunday first; received ${hours.length}`);
  for (let day = 0; day < 7; day++) window(day, hours[day] as CallingWindow | null);
}

/**
 * Checks a policy and returns it: durations are non-negative (`ring.minMs`, `ring.maxMs`
 * and `message.deadlineMs`, which the call machine waits out with timers, at most 2^31 − 1
 * ms), the minimum ring no longer than the maximum, rates within 0–1, counts whole numbers (`ring.minRings` null or from 1,
 * `acr.alertMinCalls` from 0, `cli.maxDistinctPerCampaignDay` and `scanning.minCalls` from 1,
 * `retentionMonths` 1–1,200, `persistenceWeeks` 1–5,200), every enumerated value one the rules know (`acr.window`,
 * `message.deadlineFrom`, `message.requiredContent`, `cli.numberingPlan`), the zone a real
 * IANA zone, calling windows `HH:MM` with start before end or `null`, seven of them.
 * @throws PolicyError naming the field to fix.
 */
export function validatePolicy(policy: Policy): Policy {
  assertTimeZone(policy.timeZone);
  timerDuration('ring.minMs', policy.ring.minMs);
  timerDuration('ring.maxMs', policy.ring.maxMs);
  if (policy.ring.minMs > policy.ring.maxMs) throw new PolicyError(`ring.minMs (${policy.ring.minMs}) should be at most ring.maxMs (${policy.ring.maxMs}): a ring cannot be both too short and too long`);
  if (policy.ring.minRings !== null) whole('ring.minRings', policy.ring.minRings, 1, 'rings (or null)');
  duration('ring.ringCycleMs', policy.ring.ringCycleMs);
  if (policy.ring.ringCycleMs === 0) throw new PolicyError('ring.ringCycleMs should be more than 0');
  message(policy.message);
  duration('repeat.windowMs', policy.repeat.windowMs);
  if (policy.connection.deadlineMs !== null) duration('connection.deadlineMs', policy.connection.deadlineMs);
  duration('ivm.maxWaitMs', policy.ivm.maxWaitMs);
  duration('ivm.maxWaitWithoutInfoMs', policy.ivm.maxWaitWithoutInfoMs);
  duration('scanning.maxRingMs', policy.scanning.maxRingMs);
  oneOf('acr.window', policy.acr.window, ACR_WINDOWS);
  const alert = policy.acr.alertRate;
  if (alert !== null && !(typeof alert === 'number' && alert >= 0 && alert <= 1)) throw new PolicyError(`acr.alertRate should be a fraction 0–1 or null; received ${shown(alert)}`);
  const minCalls = policy.acr.alertMinCalls;
  if (!Number.isInteger(minCalls) || minCalls < 0) throw new PolicyError(`acr.alertMinCalls should be a whole number of calls, 0 or more; received ${shown(minCalls)}`);
  whole('cli.maxDistinctPerCampaignDay', policy.cli.maxDistinctPerCampaignDay, 1, 'CLIs');
  oneOf('cli.numberingPlan', policy.cli.numberingPlan, NUMBERING_PLANS);
  whole('scanning.minCalls', policy.scanning.minCalls, 1, 'calls');
  callingHours(policy.callingHours);
  whole('retentionMonths', policy.retentionMonths, 1, 'months', MAX_MONTHS);
  whole('persistenceWeeks', policy.persistenceWeeks, 1, 'weeks', MAX_WEEKS);
  return policy;
}

const hasOwn = (o: object, key: string): boolean => Object.prototype.hasOwnProperty.call(o, key);

const isGroup = (v: unknown): v is Readonly<Record<string, unknown>> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * A group's field changed: a group inside the group (`message.deadlineFrom`) is merged field
 * by field too, so a change giving one moment keeps the other; any other value replaces it.
 * @throws PolicyError for a key the inner group does not have
 */
function mergedField(name: string, current: unknown, value: unknown): unknown {
  if (!isGroup(current) || !isGroup(value)) return value;
  const out: Record<string, unknown> = { ...current };
  for (const field of Object.keys(value)) {
    if (!hasOwn(current, field)) throw new PolicyError(`unknown policy field '${name}.${field}': ${name} has ${Object.keys(current).join(', ')}`);
    if (value[field] !== undefined) out[field] = value[field];
  }
  return out;
}

/**
 * A policy made from `base` with `changes` (nested groups are merged field by field, and
 * `message.deadlineFrom` within its group), checked
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
        mergedGroup[field] = mergedField(`${key}.${field}`, group[field], value[field]);
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
