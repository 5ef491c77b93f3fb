/**
 * Classified calls as columns, to send them from a worker thread to the reading thread.
 *
 * Structured clone of the call objects themselves costs more than parsing the JSON again
 * (about 1.6 s for 100,000 calls against 0.4 s), so a worker sends each batch as a few
 * arrays: numbers (times) in a `Float64Array`, booleans in a `Uint8Array`, repeated
 * strings (campaign, call centre, CLI, zone, the enumerations) as indices into one
 * dictionary per batch, the strings of each call (call id, number called) as an array of
 * strings, and the parts that are objects or arrays (flags, rules not judged, message
 * content, anomalies, outcome…) as references into the batch's rare values, sent as one
 * JSON array, a value the same as one of the last few of its column not sent again (most
 * calls have none, the same message content as the call before, or one of a handful of
 * recorded outcomes); flags, which most of
 * a bad campaign's calls have, as columns of a flag table. The reading thread rebuilds
 * each `ClassifiedCall` with one object literal; the columns are written straight into
 * typed arrays, transferred, not copied.
 *
 * Every column is declared once, in `RECORD_COLUMNS` and `CALL_COLUMNS`, typed against
 * `CallRecord` and `ClassifiedCall`: a field added to either is a compile error here until
 * it is given a column, and the encoder and decoder are both generated from these lists.
 * The strings the reading thread gets are its own (structured clone makes fresh strings,
 * never slices of a batch), so a call id or number kept for 72 hours keeps nothing else alive.
 */
import type { AnyFlag, CallRecord, ClassifiedCall } from 'dialguard/internals';

/**
 * How a field travels: `text` a string per call; `label` a repeated string or `null`
 * (dictionary-encoded); `optionalLabel` the same, the field omitted when `null`; `time` a
 * number or `null`; `bool` a boolean; `maybeBool` a boolean or `null`; `rare` anything,
 * sent only when it is not `null` nor an empty array; `flags` a call's flags, each as
 * columns of the batch's flag table (about half the calls of a bad campaign have one, and
 * each flag's call id, time and detail would make it unique as JSON).
 */
type ColumnKind = 'text' | 'label' | 'optionalLabel' | 'time' | 'bool' | 'maybeBool' | 'rare' | 'flags';

/** The kinds a field of type `T` may take (`rare` fits anything). */
type KindOf<T> =
  | 'rare'
  | ([T] extends [readonly AnyFlag[]]
      ? 'flags'
      : [T] extends [number | null]
      ? 'time'
      : [T] extends [boolean]
        ? 'bool'
        : [T] extends [boolean | null]
          ? 'maybeBool'
          : [T] extends [string]
            ? 'text' | 'label' | 'optionalLabel'
            : [T] extends [string | null]
              ? 'label'
              : never);

/** A column for every field of `T`, no more, no fewer. */
type Columns<T> = { readonly [K in keyof Required<T>]-?: KindOf<Required<T>[K]> };

/** The columns of a `CallRecord`, in `parseCallRecord`'s key order. */
export const RECORD_COLUMNS = {
  callId: 'text',
  campaignId: 'label',
  callCentreId: 'label',
  to: 'text',
  cli: 'label',
  agentGuaranteed: 'bool',
  amd: 'bool',
  messagePlanned: 'bool',
  zone: 'label',
  dialAt: 'time',
  ringingAt: 'time',
  answerAt: 'time',
  salutationStartAt: 'time',
  salutationEndAt: 'time',
  amdResult: 'label',
  amdAt: 'time',
  agentAt: 'time',
  messageAt: 'time',
  messageContent: 'rare',
  recordingAt: 'time',
  recordingNotice: 'maybeBool',
  ivmAgentRequestedAt: 'time',
  ivmInfo: 'rare',
  ivmInfoAt: 'time',
  hangupAt: 'time',
  hangupBy: 'label',
  hangupCause: 'label',
  disposition: 'label',
  lastEventAt: 'time',
  anomalies: 'rare',
  outcome: 'rare',
  unknown: 'rare',
} as const satisfies Columns<CallRecord>;

/** The columns of a `ClassifiedCall` besides its record, in `classify`'s key order (`machine` only when there is one). */
export const CALL_COLUMNS = {
  category: 'label',
  answeredBy: 'label',
  flags: 'flags',
  notJudged: 'rare',
  machine: 'optionalLabel',
} as const satisfies Columns<Omit<ClassifiedCall, 'record'>>;

/** A batch of classified calls, as columns (row-major: call `i`'s values of one kind are together). */
export interface EncodedCalls {
  readonly count: number;
  /** The line of each call. */
  readonly lines: Float64Array;
  readonly texts: string[];
  /** Index into `dictionary`, −1 for `null`. */
  readonly labels: Int32Array;
  readonly dictionary: string[];
  /** `NaN` for `null` (a valid time is never `NaN`). */
  readonly times: Float64Array;
  /** 0 false, 1 true, 2 `null`. */
  readonly bools: Uint8Array;
  /**
   * A `rare` column: −1 `null`, −2 an empty array, −3 `undefined`, else an index into the
   * batch's rare values. A `flags` column: n ≥ 0, the call's n flags, next in the flag
   * table; else `asRare(ref)` = −7 − ref (≤ −4), a list not of the usual flags, sent as a
   * rare value.
   */
  readonly rareRefs: Int32Array;
  /** The flag table, 4 a flag: its kind and paragraph (indices into `dictionary`), call id (−1 `null`, −2 the call's own, else an index into `dictionary`), detail (a rare reference). */
  readonly flagLabels: Int32Array;
  /** Each flag's moment. */
  readonly flagTimes: Float64Array;
  /**
   * The batch's rare values (a value the same as one of the last `RECENT` of its column —
   * the same message content on call after call, a handful of recorded outcomes in turn —
   * is sent once and shared by the calls
   * decoded): as one JSON array when JSON keeps them exactly (no `undefined`, no `NaN`,
   * `±Infinity` or `-0`), which the reading thread parses several times faster than it
   * deserialises the objects; else as they are.
   */
  readonly rare: string | unknown[];
}

/** The buffers of `batch`, to transfer rather than copy. */
export function transferables(batch: EncodedCalls): ArrayBuffer[] {
  return [batch.lines, batch.labels, batch.times, batch.bools, batch.rareRefs, batch.flagLabels, batch.flagTimes].map((a) => a.buffer as ArrayBuffer);
}

interface Column {
  /** The property read, e.g. `r.callId` or `c.category`. */
  readonly access: string;
  readonly key: string;
  readonly kind: ColumnKind;
  /** Position among the columns of its storage (texts, labels, times, bools, rare). */
  readonly slot: number;
}

type Storage = 'texts' | 'labels' | 'times' | 'bools' | 'rare';
const STORAGE: Readonly<Record<ColumnKind, Storage>> = {
  text: 'texts',
  label: 'labels',
  optionalLabel: 'labels',
  time: 'times',
  bool: 'bools',
  maybeBool: 'bools',
  rare: 'rare',
  flags: 'rare',
};

function layout(): { record: Column[]; call: Column[]; width: Record<Storage, number> } {
  const width: Record<Storage, number> = { texts: 0, labels: 0, times: 0, bools: 0, rare: 0 };
  const columns = (fields: Readonly<Record<string, ColumnKind>>, owner: string): Column[] =>
    Object.entries(fields).map(([key, kind]) => ({ access: `${owner}[${JSON.stringify(key)}]`, key, kind, slot: width[STORAGE[kind]]++ }));
  const record = columns(RECORD_COLUMNS, 'r');
  const call = columns(CALL_COLUMNS, 'c');
  return { record, call, width };
}

const LAYOUT = layout();
const { texts: TEXTS, labels: LABELS, times: TIMES, bools: BOOLS, rare: RARE } = LAYOUT.width;
/** Where a call's own id is (flags name it by reference). */
const CALL_ID = LAYOUT.record.find((c) => c.key === 'callId')!;

/** The keys of a flag, in `flag()`'s order: a flag with exactly these goes in the flag table. */
const FLAG_KEYS = ['kind', 'callId', 'at', 'ref', 'detail'] as const satisfies readonly (keyof AnyFlag)[];
/** `asRare(ref)`: the flags reference of a list sent as a rare value, and back (the map is its own inverse). */
const AS_RARE = -7;
const asRare = (ref: number): number => AS_RARE - ref;

/** The shared value of every empty array decoded (nothing mutates a call's arrays). */
const EMPTY: readonly never[] = Object.freeze([]);

/** Collects classified calls into columns, one batch at a time. */
export interface CallEncoder {
  add(line: number, call: ClassifiedCall): void;
  /** The batch so far (the encoder is then empty again). */
  finish(): EncodedCalls;
}

/** The statement that stores column `col` of call `c` (record `r`), in generated code. */
function store(col: Column): string {
  switch (col.kind) {
    case 'text':
      return `texts[t + ${col.slot}] = ${col.access};`;
    case 'label':
    case 'optionalLabel':
      return `labels[l + ${col.slot}] = label(${col.access});`;
    case 'time':
      return `v = ${col.access}; times[m + ${col.slot}] = v === null ? NaN : v;`;
    case 'bool':
      return `bools[b + ${col.slot}] = ${col.access} ? 1 : 0;`;
    case 'maybeBool':
      return `v = ${col.access}; bools[b + ${col.slot}] = v === null ? 2 : v ? 1 : 0;`;
    case 'rare':
      return `refs[x + ${col.slot}] = rare(${col.access}, ${col.slot});`;
    case 'flags':
      return `refs[x + ${col.slot}] = flags(${col.access}, r[${JSON.stringify(CALL_ID.key)}]);`;
  }
}

/** The expression that reads column `col` of call `i`, in generated code. */
function load(col: Column): string {
  switch (col.kind) {
    case 'text':
      return `texts[t + ${col.slot}]`;
    case 'label':
    case 'optionalLabel':
      return `label(labels[l + ${col.slot}])`;
    case 'time':
      return `time(times[m + ${col.slot}])`;
    case 'bool':
      return `bools[b + ${col.slot}] === 1`;
    case 'maybeBool':
      return `maybe(bools[b + ${col.slot}])`;
    case 'rare':
      return `rare(refs[x + ${col.slot}])`;
    case 'flags':
      return `flags(refs[x + ${col.slot}], ${load(CALL_ID)})`;
  }
}

const OFFSETS = `const t = i * ${TEXTS}, l = i * ${LABELS}, m = i * ${TIMES}, b = i * ${BOOLS}, x = i * ${RARE};`;

type StoreCall = (
  c: ClassifiedCall,
  i: number,
  texts: string[],
  labels: Int32Array,
  times: Float64Array,
  bools: Uint8Array,
  refs: Int32Array,
  label: (s: string | null | undefined) => number,
  rare: (v: unknown, stream: number) => number,
  flags: (list: readonly AnyFlag[], callId: string) => number,
) => void;

/** Generated from the column lists: stores every column of one call (one site per field, no loop over keys). */
function generateStore(): StoreCall {
  return new Function(
    'c, i, texts, labels, times, bools, refs, label, rare, flags',
    `const r = c.record; let v;\n${OFFSETS}\n${[...LAYOUT.record, ...LAYOUT.call].map(store).join('\n')}`,
  ) as StoreCall;
}

/**
 * `true` when JSON gives `value` back as it is: plain objects and arrays of strings,
 * booleans, `null` and finite numbers other than `-0` (no `undefined`, `NaN`, `±Infinity`,
 * no object of a class, whose JSON would be its `toJSON` or its own fields only).
 */
function exactInJson(value: unknown): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value) && !Object.is(value, -0);
    case 'object': {
      if (value === null) return true;
      if (Array.isArray(value)) {
        for (const item of value as unknown[]) if (!exactInJson(item)) return false;
        return true;
      }
      if (Object.getPrototypeOf(value) !== Object.prototype) return false;
      for (const key in value) if (!exactInJson((value as Record<string, unknown>)[key])) return false;
      return true;
    }
    default:
      return false;
  }
}

/** How deep `sameValue` compares: a list of objects holding lists (the rules not judged, with their paragraphs) and no deeper. */
const SAME_DEPTH = 3;

/**
 * `b` is `a` again, to `depth` levels: the same primitive (`Object.is`), or an array of the
 * same length, or a plain object with the same keys in the same order, whose items are
 * the same in turn; anything deeper, or of a class, only when it is the same object. Two such values give the same JSON and the same structure, so calls can share
 * one decoded copy.
 */
function sameValue(a: unknown, b: unknown, depth: number): boolean {
  if (a === null || b === null) return a === b;
  // Primitives by `Object.is`: 0 and -0 are not the same (JSON would make one of the other).
  // Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent: a primitive met with an object falls to the class test below, which keeps them apart
  if (typeof a !== 'object' || typeof b !== 'object') return Object.is(a, b);
  // Stryker disable next-line all: equivalent: a shortcut; the same object has the same keys and values
  if (a === b) return true;
  const proto = Object.getPrototypeOf(a);
  // An object of a class (a `Date`, a `Map`…) only as itself: its own keys do not tell its content.
  if (depth === 0 || proto !== Object.getPrototypeOf(b) || (proto !== Object.prototype && proto !== Array.prototype)) return false;
  // Stryker disable next-line ConditionalExpression,BlockStatement: equivalent: a shortcut; a dense array's keys are its indices, in order
  if (Array.isArray(a)) {
    const list = b as unknown[];
    if (a.length !== list.length) return false;
    // Stryker disable next-line EqualityOperator: equivalent: one item past the end is undefined on both sides
    for (let i = 0; i < a.length; i++) if (!sameValue(a[i], list[i], depth - 1)) return false;
    return true;
  }
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  // Stryker disable next-line EqualityOperator: equivalent: one key past the end is undefined on both sides
  for (let i = 0; i < keysA.length; i++) {
    const key = keysA[i]!;
    if (key !== keysB[i] || !sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], depth - 1)) return false;
  }
  return true;
}

/**
 * Distinct values remembered per rare column (or flag kind) in a batch: a value the same as
 * one of them is sent once. A dialler's recorded outcome, or the facts its records cannot
 * show, take a handful of values that alternate from call to call.
 */
const RECENT = 8;

/** Calls (and flags) a new encoder has room for; each table doubles when full. */
const FIRST_CAPACITY = 1024;

/** The typed arrays columns are kept in. */
type ColumnArray = Float64Array | Int32Array | Uint8Array;
/** A new array of `length` like `old`, its first `keep` elements copied from it. */
function grown<A extends ColumnArray>(old: A, length: number, keep: number): A {
  const next = new (old.constructor as new (length: number) => A)(length);
  if (keep > 0) (next as ColumnArray).set(old.subarray(0, keep));
  return next;
}

/** A new, empty encoder. */
export function createCallEncoder(): CallEncoder {
  const { storeCall } = codec();
  let capacity = FIRST_CAPACITY;
  let count = 0;
  let lines = new Float64Array(capacity);
  let labels = new Int32Array(capacity * LABELS);
  let times = new Float64Array(capacity * TIMES);
  let bools = new Uint8Array(capacity * BOOLS);
  let refs = new Int32Array(capacity * RARE);
  let texts: string[] = [];
  let dictionary: string[] = [];
  let index = new Map<string, number>();
  /** The batch's rare values; a value the same as one of the last `RECENT` of its column (or flag kind) is not sent again. */
  let rareValues: unknown[] = [];
  /** Per column (or flag kind): its last `RECENT` values sent, newest last, and their references. */
  let recentValues: unknown[][] = [];
  let recentRefs: number[][] = [];
  let anyLossy = false;
  /** The flag table: `flagCount` flags so far, room for `flagCapacity`. */
  let flagCount = 0;
  let flagCapacity = FIRST_CAPACITY;
  let flagLabels = new Int32Array(flagCapacity * 4);
  let flagTimes = new Float64Array(flagCapacity);
  /** New columns for `capacity` calls, the first `keep` calls copied (0: a new batch's; the old ones are the batch sent). */
  const allocate = (keep: number): void => {
    lines = grown(lines, capacity, keep);
    labels = grown(labels, capacity * LABELS, keep * LABELS);
    times = grown(times, capacity * TIMES, keep * TIMES);
    bools = grown(bools, capacity * BOOLS, keep * BOOLS);
    refs = grown(refs, capacity * RARE, keep * RARE);
  };
  /** A new flag table for `flagCapacity` flags, the first `keep` copied. */
  const allocateFlags = (keep: number): void => {
    flagLabels = grown(flagLabels, flagCapacity * 4, keep * 4);
    flagTimes = grown(flagTimes, flagCapacity, keep);
  };
  const label = (s: string | null | undefined): number => {
    if (s === null || s === undefined) return -1;
    let k = index.get(s);
    if (k === undefined) {
      k = dictionary.length;
      dictionary.push(s);
      index.set(s, k);
    }
    return k;
  };
  /** The reference of rare value `v`, of column (or, past the columns, flag kind) `stream`. */
  const rare = (v: unknown, stream: number): number => {
    // Stryker disable next-line ConditionalExpression,UnaryOperator: equivalent: the three sent as rare values instead decode the same (an empty list as a list of its own)
    if (v === null) return -1;
    // Stryker disable next-line ConditionalExpression,UnaryOperator: equivalent: as above
    if (v === undefined) return -3;
    // Stryker disable next-line ConditionalExpression,UnaryOperator: equivalent: as above
    if (Array.isArray(v) && v.length === 0) return -2;
    const values = (recentValues[stream] ??= []);
    const refs = (recentRefs[stream] ??= []);
    // Stryker disable next-line ArithmeticOperator: equivalent: past the newest the slots are undefined, the same as no value
    for (let k = values.length - 1; k >= 0; k--) if (sameValue(values[k], v, SAME_DEPTH)) return refs[k]!;
    if (!exactInJson(v)) anyLossy = true;
    rareValues.push(v);
    if (values.length === RECENT) {
      values.shift();
      refs.shift();
    }
    values.push(v);
    refs.push(rareValues.length - 1);
    return rareValues.length - 1;
  };
  /** `true` for a flag as `flag()` makes it: these five keys, in this order, a string kind and paragraph, a number moment. */
  const isPlainFlag = (f: AnyFlag): boolean => {
    if (typeof f !== 'object' || f === null || typeof f.kind !== 'string' || typeof f.ref !== 'string' || typeof f.at !== 'number') return false;
    if (f.callId !== null && typeof f.callId !== 'string') return false;
    let k = 0;
    for (const key in f) if (key !== FLAG_KEYS[k++]) return false;
    return k === FLAG_KEYS.length;
  };
  const flags = (list: readonly AnyFlag[], callId: string): number => {
    if (!Array.isArray(list) || !list.every(isPlainFlag)) return asRare(rare(list, RARE));
    if (flagCount + list.length > flagCapacity) {
      while (flagCount + list.length > flagCapacity) flagCapacity *= 2;
      allocateFlags(flagCount);
    }
    for (const f of list) {
      const at = flagCount * 4;
      const kind = label(f.kind);
      flagLabels[at] = kind;
      flagLabels[at + 1] = label(f.ref);
      flagLabels[at + 2] = f.callId === null ? -1 : f.callId === callId ? -2 : label(f.callId);
      flagLabels[at + 3] = rare(f.detail, RARE + 1 + kind);
      flagTimes[flagCount] = f.at;
      flagCount += 1;
    }
    return list.length;
  };
  return {
    add(line, call) {
      if (count === capacity) {
        capacity *= 2;
        allocate(count);
      }
      storeCall(call, count, texts, labels, times, bools, refs, label, rare, flags);
      lines[count] = line;
      count += 1;
    },
    finish() {
      const batch: EncodedCalls = {
        count,
        lines: lines.subarray(0, count),
        texts,
        labels: labels.subarray(0, count * LABELS),
        dictionary,
        times: times.subarray(0, count * TIMES),
        bools: bools.subarray(0, count * BOOLS),
        rareRefs: refs.subarray(0, count * RARE),
        rare: anyLossy ? rareValues : JSON.stringify(rareValues),
        flagLabels: flagLabels.subarray(0, flagCount * 4),
        flagTimes: flagTimes.subarray(0, flagCount),
      };
      // New columns: the batch's are its own (and are transferred to the reading thread).
      count = 0;
      allocate(0);
      texts = [];
      dictionary = [];
      index = new Map();
      rareValues = [];
      recentValues = [];
      recentRefs = [];
      anyLossy = false;
      flagCount = 0;
      allocateFlags(0);
      return batch;
    },
  };
}

/** Rebuilds call `i` of a batch; calls are read in order (each call's flags are next in the flag table). */
export type CallDecoder = (i: number) => ClassifiedCall;

type DecoderFactory = (
  texts: string[],
  labels: Int32Array,
  dictionary: string[],
  times: Float64Array,
  bools: Uint8Array,
  refs: Int32Array,
  values: readonly unknown[],
  flagLabels: Int32Array,
  flagTimes: Float64Array,
  empty: readonly never[],
) => CallDecoder;

function literal(columns: readonly Column[], lead: string): string {
  return `{ ${[lead, ...columns.filter((c) => c.kind !== 'optionalLabel').map((c) => `${JSON.stringify(c.key)}: ${load(c)}`)].filter((s) => s !== '').join(', ')} }`;
}

/** Generated from the column lists: one object literal per record and per call, in the library's key order. */
function generateDecoder(): DecoderFactory {
  return new Function(
  'texts, labels, dictionary, times, bools, refs, values, flagLabels, flagTimes, empty',
  [
    'const label = (k) => (k < 0 ? null : dictionary[k]);',
    'const time = (v) => (v !== v ? null : v);',
    'const maybe = (v) => (v === 2 ? null : v === 1);',
    'const rare = (ref) => (ref >= 0 ? values[ref] : ref === -1 ? null : ref === -2 ? empty : undefined);',
    'let next = 0;',
    `const flags = (n, callId) => {
      if (n < 0) return rare(${AS_RARE} - n);
      if (n === 0) return empty;
      const list = new Array(n);
      for (let f = 0; f < n; f++, next++) {
        const at = next * 4, who = flagLabels[at + 2];
        list[f] = { ${FLAG_KEYS.map((k) => `${k}: ${{ kind: 'dictionary[flagLabels[at]]', callId: 'who === -1 ? null : who === -2 ? callId : dictionary[who]', at: 'flagTimes[next]', ref: 'dictionary[flagLabels[at + 1]]', detail: 'rare(flagLabels[at + 3])' }[k]}`).join(', ')} };
      }
      return list;
    };`,
    'return function decode(i) {',
    OFFSETS,
    `const record = ${literal(LAYOUT.record, '')};`,
    `const call = ${literal(LAYOUT.call, 'record')};`,
    ...LAYOUT.call.filter((c) => c.kind === 'optionalLabel').map((c) => `{ const v = ${load(c)}; if (v !== null) call[${JSON.stringify(c.key)}] = v; }`),
    'return call;',
    '};',
  ].join('\n'),
  ) as DecoderFactory;
}

let generated: { readonly storeCall: StoreCall; readonly decoderFactory: DecoderFactory } | null = null;

/** The generated encoder and decoder (made once). @throws EvalError where code generation is refused */
function codec(): { readonly storeCall: StoreCall; readonly decoderFactory: DecoderFactory } {
  return (generated ??= { storeCall: generateStore(), decoderFactory: generateDecoder() });
}

/**
 * `false` where this process refuses to generate code (`--disallow-code-generation-from-strings`):
 * the codec cannot be built, and the command then audits in one thread.
 */
export function codecAvailable(): boolean {
  try {
    codec();
    return true;
  } catch {
    return false;
  }
}

/** The decoder of `batch`. */
export function callDecoder(batch: EncodedCalls): CallDecoder {
  const values = typeof batch.rare === 'string' ? (JSON.parse(batch.rare) as unknown[]) : batch.rare;
  return codec().decoderFactory(batch.texts, batch.labels, batch.dictionary, batch.times, batch.bools, batch.rareRefs, values, batch.flagLabels, batch.flagTimes, EMPTY);
}
