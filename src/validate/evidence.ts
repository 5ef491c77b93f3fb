/**
 * The evidence fields of a stored record: the outcome the dialler recorded (its status
 * code, mapped) and the facts its source could not show. Read from untrusted input.
 */
import { ValidationError } from '../errors.js';
import { ALL_FACTS_KNOWN, UNKNOWN_FACTS, type RecordedOutcome, type UnknownFact } from '../record.js';
import type { MachineKind } from '../rules/category/index.js';
import { choice, choiceOf, readChoice, readOptionalChoice } from './choice.js';
import { isObject, readString } from './fields.js';
import { describeReceived } from './received.js';

const OUTCOME_CATEGORIES = /* @__PURE__ */ choice<RecordedOutcome['category']>({
  live: true,
  abandoned: true,
  silent: true,
  unconnected: true,
  answerMachine: true,
});

const MACHINE_KINDS = /* @__PURE__ */ choice<MachineKind>({ disconnectedByAmd: true, falseNegative: true, abandoned: true });

/** The fact names of `UNKNOWN_FACTS`, as the set `readChoice` checks against. */
const FACTS = /* @__PURE__ */ choiceOf<UnknownFact>(UNKNOWN_FACTS);

/**
 * An optional recorded outcome: absent (`undefined`, `null`, `''`) is `null`; otherwise an
 * object `{ status, category, machine? }` — `status` a non-empty string, `category` one of
 * the five categories, `machine` (answer machines only) one of the three kinds.
 * @throws ValidationError naming the field under `path`
 */
export function parseRecordedOutcome(value: unknown, callId: string | null, path: string): RecordedOutcome | null {
  if (value === undefined || value === null || value === '') return null;
  if (!isObject(value)) throw new ValidationError(callId, path, 'an object { status, category, machine? }', describeReceived(value));
  const status = readString(value.status, callId, `${path}.status`);
  const category = readChoice(value.category, OUTCOME_CATEGORIES, callId, `${path}.category`);
  const machine = readOptionalChoice(value.machine, MACHINE_KINDS, callId, `${path}.machine`);
  if (machine !== null && category !== 'answerMachine') {
    throw new ValidationError(callId, `${path}.machine`, 'no machine kind unless category is "answerMachine"', describeReceived(machine));
  }
  return { status, category, machine };
}

/**
 * An optional list of unknown facts: absent is none; otherwise an array of fact names
 * (see `UnknownFact`), duplicates dropped, in record order.
 * @throws ValidationError naming `path[i]` for a name that is not a fact
 */
export function parseUnknownFacts(value: unknown, callId: string | null, path: string): readonly UnknownFact[] {
  if (value === undefined || value === null || value === '') return ALL_FACTS_KNOWN;
  if (!Array.isArray(value)) throw new ValidationError(callId, path, `an array of ${FACTS.expected}`, describeReceived(value));
  let mask = 0;
  // `readChoice` refuses anything but a fact's name (`__proto__` and non-strings included), with its message; every fact has its bit.
  for (let i = 0; i < value.length; i++) mask |= FACT_BIT.get(readChoice(value[i], FACTS, callId, `${path}[${i}]`))!;
  return factsOf(mask);
}

/** Each fact's bit, in record order (12 facts: a mask fits an int). */
const FACT_BIT: ReadonlyMap<string, number> = /* @__PURE__ */ new Map(UNKNOWN_FACTS.map((fact, i) => [fact, 1 << i]));
/** The frozen list of the facts of each mask met so far (at most 2^12): records with the same unknown facts share one list. */
const FACT_LISTS: (readonly UnknownFact[] | undefined)[] = [];

/** The facts of `mask`, in record order, as one shared frozen list (no fact: `ALL_FACTS_KNOWN`). */
function factsOf(mask: number): readonly UnknownFact[] {
  // Stryker disable next-line ConditionalExpression: equivalent: the empty list made once for mask 0 is shared as well
  if (mask === 0) return ALL_FACTS_KNOWN;
  return (FACT_LISTS[mask] ??= Object.freeze(UNKNOWN_FACTS.filter((_, i) => (mask & (1 << i)) !== 0)));
}
