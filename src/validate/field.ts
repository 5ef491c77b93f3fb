/**
 * Field descriptors: a small schema language, so each call event's fields are declared
 * once (`events.ts`) and the TypeScript type, the parser and the allowed values are all
 * derived from that one declaration. A descriptor is plain readonly data plus a `read`
 * function: the single-field readers of `fields.ts`, `timestamp.ts` and `zone.ts`, and
 * `readChoice` here. The record parser uses the same readers, so every parser reports a
 * bad field the same way: a `ValidationError` with the call, the `path`, what was
 * `expected` and what was `received`.
 */
import { ValidationError } from '../errors.js';
import { NULLABLE_STRING_EXPECTED, OBJECT_EXPECTED, isObject, readBoolean, readCli, readNullableString, readString, BOOLEAN_EXPECTED, CLI_EXPECTED, STRING_EXPECTED } from './fields.js';
import { describeReceived } from './received.js';
import { TIMESTAMP_EXPECTED, parseTimestamp, type TimeRange } from './timestamp.js';
import { ZONE_EXPECTED, readZone } from './zone.js';

/**
 * Reads one field from untrusted input: returns it typed (`undefined` for an optional
 * field that is absent) or throws a `ValidationError` naming `callId` and `path`.
 * `validTime` bounds timestamps (see `parseTimestamp`).
 */
export type FieldReader<T> = (value: unknown, callId: string | null, path: string, validTime: TimeRange) => T;

/** One field of a schema: how to read it, and what it accepts. */
export interface Field<T, Optional extends boolean = boolean> {
  /** What the field holds: `string`, `boolean`, `timestamp`, `cli`, `zone`, `choice`, `nullableString` or `object`. */
  readonly kind: FieldKind;
  /** An optional field may be absent from the input; absent, it is omitted from the result. */
  readonly optional: Optional;
  /** `ValidationError.expected` for a bad value. */
  readonly expected: string;
  /** Reads the field (see `FieldReader`). */
  readonly read: FieldReader<T | (Optional extends true ? undefined : never)>;
}

/** The kinds of field a schema can declare. */
export type FieldKind = 'string' | 'boolean' | 'timestamp' | 'cli' | 'zone' | 'choice' | 'nullableString' | 'object';

/** A field whose value is one of a fixed list of strings; `values` is that list. */
export interface ChoiceField<V extends string> extends Field<V, false> {
  readonly kind: 'choice';
  /** The allowed values, in declaration order. */
  readonly values: readonly V[];
  /** The same values, for `readChoice`. */
  readonly choice: Choice<V>;
}

/** The fields of an object, by name. */
export type Shape = { readonly [name: string]: Field<unknown> };

/** A nested object field (e.g. `content`), read key by key from its `shape`: unknown keys are dropped. */
export interface ObjectField<S extends Shape> extends Field<Infer<S>, false> {
  readonly kind: 'object';
  readonly shape: S;
}

/** The value type a field reads to (without `undefined` for an optional field). */
export type ValueOf<F> = F extends Field<infer T, boolean> ? T : never;

type OptionalKeys<S extends Shape> = { [K in keyof S]: S[K] extends Field<unknown, true> ? K : never }[keyof S];
type RequiredKeys<S extends Shape> = Exclude<keyof S, OptionalKeys<S>>;
type Values<S extends Shape> = { readonly [K in keyof S]: ValueOf<S[K]> };
type OptionalValues<S extends Shape> = { readonly [K in keyof S]?: ValueOf<S[K]> | undefined };
type Flatten<T> = { [K in keyof T]: T[K] };

/**
 * The object type a shape reads to: required fields as their value type, optional
 * fields as `?: T | undefined`. The doc comments written on the shape's keys carry over.
 */
export type Infer<S extends Shape> = Flatten<Pick<Values<S>, RequiredKeys<S>> & Pick<OptionalValues<S>, OptionalKeys<S>>>;

/**
 * Reads the fields of a shape from `input` into a new object whose first keys are
 * `lead` (given, e.g. an event's `type`, `callId`, `at`), then the shape's fields in
 * declaration order; an absent optional field is omitted. Each field's error path is
 * `prefix` + its key.
 */
export type ShapeReader = (
  input: Readonly<Record<string, unknown>>,
  callId: string | null,
  prefix: string,
  validTime: TimeRange,
  lead0?: unknown,
  lead1?: unknown,
  lead2?: unknown,
) => Record<string, unknown>;

/**
 * Builds the `ShapeReader` of `shape`. Only the shape's own keys are ever read from the
 * input or written to the result, so keys such as `__proto__`, `constructor` or
 * `prototype` in the input never reach the result or a prototype.
 *
 * Audits read millions of rows, and a loop over the keys (`input[key]`) is about twice
 * as slow as code that names each key, because every load goes through one megamorphic
 * site. So, as ajv and zod 4 do, the reader is generated once per shape with
 * `new Function`, from the schema's own keys only (never from input), and calls each
 * field's reader from its own call site. Where code generation is not allowed (a
 * Content-Security-Policy without `unsafe-eval`, `--disallow-code-generation-from-strings`)
 * the same reading is done by a loop: same results, same errors.
 * @param lead the keys of the values passed as `lead0…lead2`, at most three
 * @param fixedPrefix when every call passes this `prefix` (e.g. `''` for top-level
 *   fields), the paths are built in (no string concatenation per row)
 * @param generate `false` to use the loop (tests compare the two)
 */
/* @__NO_SIDE_EFFECTS__ */
export function shapeReader(shape: Shape, lead: readonly string[] = [], fixedPrefix: string | null = null, generate = true): ShapeReader {
  const keys = Object.keys(shape);
  const readers = keys.map((key) => shape[key]!.read);
  if (generate) {
    try {
      return generatedReader(keys, readers, keys.map((key) => shape[key]!.optional), lead, fixedPrefix);
    } catch {
      // code generation refused: fall back to the loop
    }
  }
  return loopReader(keys, readers, lead);
}

function generatedReader(
  keys: readonly string[],
  readers: readonly FieldReader<unknown>[],
  optional: readonly boolean[],
  lead: readonly string[],
  fixedPrefix: string | null,
): ShapeReader {
  const q = (key: string): string => JSON.stringify(key);
  const path = (key: string): string => (fixedPrefix === null ? `prefix + ${q(key)}` : q(fixedPrefix + key));
  const call = (i: number): string => `r${i}(input[${q(keys[i]!)}], callId, ${path(keys[i]!)}, validTime)`;
  // Fields up to the first optional one go in the object literal; the rest are assigned
  // in order, so the fields are read (and errors found) in declaration order.
  const first = optional.indexOf(true);
  const inLiteral = first === -1 ? keys.length : first;
  const literal = [
    ...lead.map((key, i) => `${q(key)}: lead${i}`),
    ...keys.slice(0, inLiteral).map((key, i) => `${q(key)}: ${call(i)}`),
  ];
  const rest: string[] = [];
  for (let i = inLiteral; i < keys.length; i++) {
    rest.push(`v = ${call(i)};`, `if (v !== undefined) out[${q(keys[i]!)}] = v;`);
  }
  const body = [
    `return function readShape(input, callId, prefix, validTime, lead0, lead1, lead2) {`,
    `  const out = { ${literal.join(', ')} };`,
    rest.length > 0 ? `  let v;\n  ${rest.join('\n  ')}` : '',
    `  return out;`,
    `};`,
  ].join('\n');
  const params = readers.map((_, i) => `r${i}`);
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- keys are the schema's own, never input
  return new Function(...params, body)(...readers) as ShapeReader;
}

function loopReader(keys: readonly string[], readers: readonly FieldReader<unknown>[], lead: readonly string[]): ShapeReader {
  return (input, callId, prefix, validTime, lead0, lead1, lead2) => {
    const out: Record<string, unknown> = {};
    const leads = [lead0, lead1, lead2];
    for (let i = 0; i < lead.length; i++) out[lead[i]!] = leads[i];
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      const value = readers[i]!(input[key], callId, prefix + key, validTime);
      if (value !== undefined) out[key] = value;
    }
    return out;
  };
}

/** `true` when an optional field's value counts as absent: `undefined`, `null` or `''` (an empty CSV cell). */
function absent(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

/** Field descriptors, to declare a schema with: `{ to: field.string(), zone: field.optional(field.zone()) }`. */
export const field = {
  /** A required non-empty string (see `readString`). */
  string: (): Field<string, false> => ({ kind: 'string', optional: false, expected: STRING_EXPECTED, read: readString }),
  /** A required boolean; from CSV also `'true'`, `'false'`, `'1'`, `'0'` (see `readBoolean`). */
  boolean: (): Field<boolean, false> => ({ kind: 'boolean', optional: false, expected: BOOLEAN_EXPECTED, read: readBoolean }),
  /** A required timestamp: epoch ms, or ISO-8601 with a zone; within the valid time range (see `parseTimestamp`). */
  timestamp: (): Field<number, false> => ({ kind: 'timestamp', optional: false, expected: TIMESTAMP_EXPECTED, read: parseTimestamp }),
  /** A presented CLI: a string, or `null` (or `''`) when withheld; required (see `readCli`). */
  cli: (): Field<string | null, false> => ({ kind: 'cli', optional: false, expected: CLI_EXPECTED, read: readCli }),
  /** An optional IANA time zone this runtime knows (see `readZone`); absent when `undefined`, `null` or `''`. */
  zone: (): Field<string, true> => ({
    kind: 'zone',
    optional: true,
    expected: ZONE_EXPECTED,
    read: (value, callId, path) => readZone(value, callId, path) ?? undefined,
  }),
  /** An optional string that may be `null`: `undefined` is absent; `null` and strings (even `''`) are kept (see `readNullableString`). */
  nullableString: (): Field<string | null, true> => ({
    kind: 'nullableString',
    optional: true,
    expected: NULLABLE_STRING_EXPECTED,
    read: readNullableString,
  }),
  /** A required value from `values`, e.g. `field.choice(['human', 'machine', 'unknown'])`. */
  choice: <const V extends string>(values: readonly V[]): ChoiceField<V> => {
    const choice = choiceOf(values);
    return { kind: 'choice', optional: false, expected: choice.expected, values, choice, read: (value, callId, path) => readChoice(value, choice, callId, path) };
  },
  /** A required nested object, read key by key from `shape` (unknown keys dropped). */
  object: <const S extends Shape>(shape: S): ObjectField<S> => {
    const readShape = shapeReader(shape);
    return {
      kind: 'object',
      optional: false,
      expected: OBJECT_EXPECTED,
      shape,
      read: (value, callId, path, validTime) => {
        if (!isObject(value)) throw new ValidationError(callId, path, OBJECT_EXPECTED, describeReceived(value));
        return readShape(value, callId, `${path}.`, validTime) as Infer<S>;
      },
    };
  },
  /**
   * The same field, optional: `undefined`, `null` and `''` (an empty CSV cell) are absent;
   * anything else must pass the field's own reader.
   */
  optional: <T>(inner: Field<T, false>): Field<T, true> => ({
    kind: inner.kind,
    optional: true,
    expected: inner.expected,
    read: (value, callId, path, validTime) => (absent(value) ? undefined : inner.read(value, callId, path, validTime)),
  }),
} as const;

/** The allowed values of one enumerated field, and the `expected` text listing them. */
export interface Choice<T extends string> {
  /** The allowed values. */
  readonly values: ReadonlySet<string>;
  /** `one of "a" | "b" | …`, for `ValidationError.expected`. */
  readonly expected: string;
  /** Phantom: the union the values make up. */
  readonly _type?: T;
}

/** The `Choice` of a list of values: the set to test membership with, and the `expected` text listing them. */
/* @__NO_SIDE_EFFECTS__ */
export function choiceOf<V extends string>(values: readonly V[]): Choice<V> {
  return { values: new Set<string>(values), expected: `one of ${values.map((v) => JSON.stringify(v)).join(' | ')}` };
}

/**
 * A required enumerated value (a `Set` lookup: `__proto__` or `constructor` are just
 * strings outside the set).
 * @throws ValidationError naming `path`, listing the allowed values, for anything else
 */
export function readChoice<T extends string>(value: unknown, allowed: Choice<T>, callId: string | null, path: string): T {
  if (typeof value === 'string' && allowed.values.has(value)) return value as T;
  throw new ValidationError(callId, path, allowed.expected, describeReceived(value));
}
