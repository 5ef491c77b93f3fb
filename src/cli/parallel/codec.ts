/**
 * Classified calls as columns, to send them from a worker thread to the reading thread.
 *
 * Structured clone of the call objects themselves costs more than parsing the JSON again
 * (about 1.6 s for 100,000 calls against 0.4 s), so a worker sends each batch as a few
 * arrays: numbers (times) in a `Float64Array`, booleans in a `Uint8Array`, repeated strings
 * (campaign, call centre, CLI, zone, the enumerations) as indices into one dictionary per
 * batch, the strings of each call (call id, number called) as an array of strings, and the
 * parts most calls lack (flags, rules not judged, message content, anomalies, outcome…) as
 * a sparse side list. The reading thread rebuilds each `ClassifiedCall` with one object
 * literal.
 *
 * Every column is declared once, in `RECORD_COLUMNS` and `CALL_COLUMNS`, typed against
 * `CallRecord` and `ClassifiedCall`: a field added to either is a compile error here until
 * it is given a column, and the encoder and decoder are both generated from these lists.
 * The strings the reading thread gets are its own (structured clone makes fresh strings,
 * never slices of a batch), so a call id or number kept for 72 hours keeps nothing else alive.
 */
import type { CallRecord, ClassifiedCall } from 'dialguard/internals';

/**
 * How a field travels: `text` a string per call; `label` a repeated string or `null`
 * (dictionary-encoded); `optionalLabel` the same, the field omitted when `null`; `time` a
 * number or `null`; `bool` a boolean; `maybeBool` a boolean or `null`; `rare` anything,
 * sent only when it is not `null` nor an empty array.
 */
type ColumnKind = 'text' | 'label' | 'optionalLabel' | 'time' | 'bool' | 'maybeBool' | 'rare';

/** The kinds a field of type `T` may take (`rare` fits anything). */
type KindOf<T> =
  | 'rare'
  | ([T] extends [number | null]
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
  flags: 'rare',
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
  /** 0 `null`, 1 an empty array, 2 the next value of `rare`, 3 `undefined`. */
  readonly rareTags: Uint8Array;
  /**
   * The rare values, in order: as JSON text when JSON keeps them exactly (no `undefined`,
   * no `NaN`, `±Infinity` or `-0`), which the reading thread parses several times faster
   * than it deserialises the objects; else as they are.
   */
  readonly rare: string | unknown[];
}

/** The buffers of `batch`, to transfer rather than copy. */
export function transferables(batch: EncodedCalls): ArrayBuffer[] {
  return [batch.lines, batch.labels, batch.times, batch.bools, batch.rareTags].map((a) => a.buffer as ArrayBuffer);
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
      return `tags[x + ${col.slot}] = rare(${col.access});`;
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
      return `rare(tags[x + ${col.slot}])`;
  }
}

const OFFSETS = `const t = i * ${TEXTS}, l = i * ${LABELS}, m = i * ${TIMES}, b = i * ${BOOLS}, x = i * ${RARE};`;

type StoreCall = (c: ClassifiedCall, i: number, texts: string[], labels: number[], times: number[], bools: number[], tags: number[], label: (s: string | null | undefined) => number, rare: (v: unknown) => number) => void;

/** Generated from the column lists: stores every column of one call (one site per field, no loop over keys). */
function generateStore(): StoreCall {
  return new Function(
    'c, i, texts, labels, times, bools, tags, label, rare',
    `const r = c.record; let v;\n${OFFSETS}\n${[...LAYOUT.record, ...LAYOUT.call].map(store).join('\n')}`,
  ) as StoreCall;
}

let lossy = false;
/** `JSON.stringify` replacer that notes (in `lossy`) any value JSON would not give back as it is. */
function keepsExactly(_key: string, value: unknown): unknown {
  if (value === undefined || (typeof value === 'number' && (!Number.isFinite(value) || Object.is(value, -0)))) lossy = true;
  return value;
}

/** A new, empty encoder. */
export function createCallEncoder(): CallEncoder {
  const { storeCall } = codec();
  let lines: number[] = [];
  let texts: string[] = [];
  let labels: number[] = [];
  let times: number[] = [];
  let bools: number[] = [];
  let tags: number[] = [];
  let side: unknown[] = [];
  let dictionary: string[] = [];
  let index = new Map<string, number>();
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
  const rare = (v: unknown): number => {
    if (v === null) return 0;
    if (v === undefined) return 3;
    if (Array.isArray(v) && v.length === 0) return 1;
    side.push(v);
    return 2;
  };
  return {
    add(line, call) {
      storeCall(call, lines.length, texts, labels, times, bools, tags, label, rare);
      lines.push(line);
    },
    finish() {
      lossy = false;
      const json = JSON.stringify(side, keepsExactly);
      const batch: EncodedCalls = {
        count: lines.length,
        lines: Float64Array.from(lines),
        texts,
        labels: Int32Array.from(labels),
        dictionary,
        times: Float64Array.from(times),
        bools: Uint8Array.from(bools),
        rareTags: Uint8Array.from(tags),
        rare: lossy ? side : json,
      };
      lines = [];
      texts = [];
      labels = [];
      times = [];
      bools = [];
      tags = [];
      side = [];
      dictionary = [];
      index = new Map();
      return batch;
    },
  };
}

/** Rebuilds call `i` of a batch; calls must be read in order (the side list is read as it goes). */
export type CallDecoder = (i: number) => ClassifiedCall;

type DecoderFactory = (
  texts: string[],
  labels: Int32Array,
  dictionary: string[],
  times: Float64Array,
  bools: Uint8Array,
  tags: Uint8Array,
  side: readonly unknown[],
  empty: readonly never[],
) => CallDecoder;

function literal(columns: readonly Column[], lead: string): string {
  return `{ ${[lead, ...columns.filter((c) => c.kind !== 'optionalLabel').map((c) => `${JSON.stringify(c.key)}: ${load(c)}`)].filter((s) => s !== '').join(', ')} }`;
}

/** Generated from the column lists: one object literal per record and per call, in the library's key order. */
function generateDecoder(): DecoderFactory {
  return new Function(
  'texts, labels, dictionary, times, bools, tags, side, empty',
  [
    'let cursor = 0;',
    'const label = (k) => (k < 0 ? null : dictionary[k]);',
    'const time = (v) => (v !== v ? null : v);',
    'const maybe = (v) => (v === 2 ? null : v === 1);',
    'const rare = (tag) => (tag === 0 ? null : tag === 1 ? empty : tag === 2 ? side[cursor++] : undefined);',
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
  return codec().decoderFactory(batch.texts, batch.labels, batch.dictionary, batch.times, batch.bools, batch.rareTags, typeof batch.rare === 'string' ? (JSON.parse(batch.rare) as unknown[]) : batch.rare, EMPTY);
}
