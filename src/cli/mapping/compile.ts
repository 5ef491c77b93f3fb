/**
 * A mapping file checked and compiled, before any row is read: every problem with the
 * mapping and the options (`--set`, `--input-tz`, `--epoch`) is reported at once, and
 * every required field that nothing supplies is named in one message. Then, given the
 * first row, `start` decides whether it is a header (never silently: a row that is
 * partly column names is an error) and returns the row reader the CSV reader uses.
 */
import { isTimeZone } from 'dialguard/internals';
import { CellError, type ColumnMapping } from '../columns.js';
import { UsageError } from '../exit-codes.js';
import { BOOLEAN_SPELLINGS, readBooleanCell, type EpochUnit } from './cells.js';
import { delimiterHint } from './delimiter.js';
import { BOOLEAN_FIELDS, closest, MAPPABLE_RECORD_FIELDS, REQUIRED_RECORD_FIELDS, TIME_FIELDS } from './fields.js';
import { timeReader, type TimeReader } from './time-cell.js';
import { createStatusTally, type StatusTally } from './status-tally.js';
import type { FieldSource, MappingFile, OutcomeSpec, RecordedOutcome, TimeFormat, UnknownFact } from './types.js';

/** Every fact a record may mark unknown (as `CallRecord.unknown`). */
export const UNKNOWN_FACT_NAMES: readonly UnknownFact[] = [
  'ringingAt', 'answerAt', 'salutationStartAt', 'amdResult', 'agentAt', 'messageAt', 'messageContent',
  'recordingAt', 'ivmAgentRequestedAt', 'hangupAt', 'hangupBy', 'disposition',
];

const CATEGORIES = ['live', 'abandoned', 'silent', 'unconnected', 'answerMachine'] as const;
const MACHINES = ['disconnectedByAmd', 'falseNegative', 'abandoned'] as const;

/** The options that change a mapping. */
export interface MappingOptions {
  /** `--set field=value`: the value of a field on rows that have none. */
  readonly set: ReadonlyMap<string, string>;
  /** `--input-tz`. */
  readonly inputTz: string | undefined;
  /** `--epoch`. */
  readonly epoch: EpochUnit | undefined;
  /** `--no-header` → `false`; `undefined`: the mapping's own `header`. */
  readonly header: boolean | undefined;
  /** `--delimiter`, when given. */
  readonly delimiter: string | undefined;
  /** Distinct statuses the outcome table does not know that are counted; default `MAX_UNMAPPED_STATUSES` (`Infinity`: a worker thread's mapping, whose tally is taken after each batch). */
  readonly unmappedCap?: number;
}

/** A mapping ready to read rows. */
export interface CompiledMapping {
  /** For messages: the preset's name or the file's path. */
  readonly name: string;
  readonly delimiter: string;
  /** Facts unknown on every row. */
  readonly unknown: readonly UnknownFact[];
  /** The mapping has a status → outcome table. */
  readonly hasOutcome: boolean;
  /** Reads the first row: a header (then it is not a call) or data. @throws UsageError when it is neither, or the header lacks columns the mapping needs */
  start(first: readonly string[]): { readonly mapping: ColumnMapping; readonly header: boolean };
  /** The file's first row is a header whatever it holds (`"header": true`); with `"auto"` or `false`, `start` decides from its cells. */
  readonly headerAlways: boolean;
  /** Statuses seen that the outcome table does not know, with their rows (at most 100 distinct). */
  unmappedStatuses(): readonly { readonly status: string; readonly rows: number }[];
  /** Those statuses: the tally the rows read with this mapping add to (`status-tally.ts`). */
  readonly unmapped: StatusTally;
}

/** A compiled field: how to get its text from a row, given column positions. */
type TextGetter = (row: readonly string[]) => string;
type Binder = (indexOf: (column: string) => number) => TextGetter;

interface CompiledField {
  readonly field: string;
  readonly bind: Binder;
  readonly values: ReadonlyMap<string, unknown> | null;
  readonly fallback: unknown;
  readonly time: TimeFormat;
  /** The field's own epoch unit (the mapping's `fields.X.epoch`), unless `--epoch` was given. */
  readonly epoch: EpochUnit | undefined;
  readonly unknownWhenEmpty: boolean;
}

const TEMPLATE_PART = /\{([^{}]+)\}/g;

class Problems {
  readonly list: string[] = [];
  add(message: string): void {
    this.list.push(message);
  }
}

function describeList(items: readonly string[]): string {
  return items.map((i) => JSON.stringify(i)).join(', ');
}

/**
 * Checks and compiles `file` (already merged with the preset it extends) with `options`.
 * @throws UsageError listing every problem found
 */
export function compileMapping(name: string, file: MappingFile, options: MappingOptions): CompiledMapping {
  const problems = new Problems();
  const where = (path: string): string => `${name}: ${path}`;
  const columns = Array.isArray(file.columns) ? file.columns.map(String) : [];
  if (columns.length === 0) problems.add(where('"columns" should list the columns of the file, in order'));
  const columnSet = new Set(columns);
  const optional = new Set((file.optionalColumns ?? []).map(String));
  for (const c of optional) if (!columnSet.has(c)) problems.add(where(`optionalColumns names "${c}", which is not in "columns"`));
  const minWidth = columns.length - optional.size;
  for (let i = minWidth; i < columns.length; i++) if (!optional.has(columns[i]!)) problems.add(where('optionalColumns should be the last columns'));

  const checkColumn = (column: string, path: string): void => {
    if (!columnSet.has(column)) {
      const guess = closest(column, columns);
      problems.add(where(`${path} names column "${column}", which is not in "columns"${guess ? ` (did you mean "${guess}"?)` : ''}`));
    }
  };
  const templateColumns = (template: string): string[] => [...template.matchAll(TEMPLATE_PART)].map((m) => m[1]!);
  const templateBinder = (template: string, path: string): Binder => {
    const parts = template.split(TEMPLATE_PART); // literal, column, literal, column, …
    for (const c of templateColumns(template)) checkColumn(c, path);
    return (indexOf) => {
      const idx = parts.map((p, i) => (i % 2 === 1 ? indexOf(p) : -1));
      return (row) => {
        let out = '';
        for (let i = 0; i < parts.length; i++) {
          if (i % 2 === 0) out += parts[i];
          else {
            const cell = (idx[i]! < 0 ? '' : (row[idx[i]!] ?? '')).trim();
            if (cell === '') return '';
            out += cell;
          }
        }
        return out;
      };
    };
  };

  const epoch = options.epoch ?? (file.epoch === 's' || file.epoch === 'ms' ? file.epoch : undefined);
  if (file.epoch != null && file.epoch !== 's' && file.epoch !== 'ms') problems.add(where('"epoch" should be "s" or "ms"'));
  const inputTz = options.inputTz ?? (typeof file.inputTz === 'string' ? file.inputTz : undefined);
  if (inputTz !== undefined && !isTimeZone(inputTz)) problems.add(`--input-tz should be an IANA time zone such as Europe/London; received "${inputTz}"`);

  // Fields.
  const compiled: CompiledField[] = [];
  const fields = file.fields ?? {};
  const sourceBinder = (source: FieldSource, path: string): { bind: Binder; match: RegExp | null } | null => {
    if (typeof source === 'string') {
      return { bind: source.includes('{') ? templateBinder(source, path) : columnBinder(source, path), match: null };
    }
    if (typeof source !== 'object' || source === null || Array.isArray(source)) {
      problems.add(where(`${path} should be a column name, a "{template}" or an object`));
      return null;
    }
    let bind: Binder | null = null;
    if (source.first !== undefined) {
      if (!Array.isArray(source.first) || source.first.length === 0) {
        problems.add(where(`${path}.first should list sources`));
        return null;
      }
      const binders = source.first.map((s, i) => sourceBinder(s, `${path}.first[${i}]`)).filter((b) => b !== null);
      bind = (indexOf) => {
        const getters = binders.map((b) => withMatch(b.bind(indexOf), b.match));
        return (row) => {
          for (const g of getters) {
            const t = g(row);
            if (t !== '') return t;
          }
          return '';
        };
      };
    } else if (source.column !== undefined) bind = columnBinder(String(source.column), `${path}.column`);
    else if (source.template !== undefined) bind = templateBinder(String(source.template), `${path}.template`);
    else if (source.value !== undefined) {
      const v = source.value === null ? '' : String(source.value);
      bind = () => () => v;
    } else {
      problems.add(where(`${path} should have "column", "template", "value" or "first"`));
      return null;
    }
    let match: RegExp | null = null;
    if (source.match !== undefined) {
      try {
        match = new RegExp(String(source.match), 'i');
      } catch (e) {
        problems.add(where(`${path}.match is not a regular expression: ${e instanceof Error ? e.message : String(e)}`));
      }
    }
    return { bind, match };
  };
  function columnBinder(column: string, path: string): Binder {
    checkColumn(column, path);
    return (indexOf) => {
      const i = indexOf(column);
      return i < 0 ? () => '' : (row) => row[i] ?? '';
    };
  }
  const withMatch = (get: TextGetter, match: RegExp | null): TextGetter => {
    if (match === null) return (row) => get(row).trim();
    return (row) => {
      const m = match.exec(get(row));
      return m === null ? '' : (m[1] ?? m[0]).trim();
    };
  };

  const unknownFacts = new Set<UnknownFact>();
  for (const [i, fact] of (file.unknown ?? []).entries()) {
    if ((UNKNOWN_FACT_NAMES as readonly string[]).includes(fact)) unknownFacts.add(fact as UnknownFact);
    else {
      const guess = closest(String(fact), UNKNOWN_FACT_NAMES);
      problems.add(where(`unknown[${i}] "${fact}" is not a fact a record can leave unknown${guess ? ` (did you mean "${guess}"?)` : ''}; the facts are ${UNKNOWN_FACT_NAMES.join(', ')}`));
    }
  }

  const setValues = new Map<string, unknown>();
  for (const [field, text] of options.set) {
    if (!MAPPABLE_RECORD_FIELDS.has(field)) {
      const guess = closest(field, MAPPABLE_RECORD_FIELDS);
      problems.add(`--set ${field}=…: not a field of a call record${guess ? ` (did you mean ${guess}?)` : ''}`);
      continue;
    }
    if (BOOLEAN_FIELDS.has(field)) {
      const b = readBooleanCell(text);
      if (b === undefined || b === null) problems.add(`--set ${field} should be ${BOOLEAN_SPELLINGS}; received "${text}"`);
      else setValues.set(field, b);
    } else if (TIME_FIELDS.has(field)) {
      try {
        setValues.set(field, timeReader(field, 'iso', { epoch, inputTz })(text));
      } catch (e) {
        problems.add(`--set ${e instanceof Error ? e.message : String(e)}`);
      }
    } else setValues.set(field, text);
  }

  const zoneless: string[] = [];
  for (const [field, source] of Object.entries(fields)) {
    const path = `fields.${field}`;
    if (!MAPPABLE_RECORD_FIELDS.has(field)) {
      const guess = closest(field, MAPPABLE_RECORD_FIELDS);
      problems.add(where(`${path}: "${field}" is not a field of a call record${guess ? ` (did you mean "${guess}"?)` : ''}`));
      continue;
    }
    if (unknownFacts.has(field as UnknownFact)) problems.add(where(`${path}: ${field} is mapped and also listed as unknown`));
    const b = sourceBinder(source, path);
    if (b === null) continue;
    const object = typeof source === 'object' && source !== null ? source : null;
    let values: Map<string, unknown> | null = null;
    if (object?.values !== undefined) {
      if (typeof object.values !== 'object' || object.values === null) problems.add(where(`${path}.values should be an object`));
      else {
        values = new Map();
        for (const [k, v] of Object.entries(object.values)) values.set(k === '*' ? '*' : k.toUpperCase(), v);
      }
    }
    let time: TimeFormat = 'iso';
    if (object?.time !== undefined) {
      if (object.time === 'local' || object.time === 'epoch' || object.time === 'iso') time = object.time;
      else problems.add(where(`${path}.time should be "local", "epoch" or "iso"`));
    }
    if (object?.time !== undefined && !TIME_FIELDS.has(field)) problems.add(where(`${path}.time: ${field} is not a time`));
    if (time === 'local' && inputTz === undefined) zoneless.push(field);
    if (object?.epoch !== undefined && object.epoch !== 's' && object.epoch !== 'ms') problems.add(where(`${path}.epoch should be "s" or "ms"`));
    const fieldEpoch = object?.epoch ?? epoch;
    if (time === 'epoch' && options.epoch === undefined && fieldEpoch === undefined) {
      problems.add(`${field} is read from an epoch number: say its unit with --epoch s or --epoch ms, or "epoch" in the mapping`);
    }
    const unknownWhenEmpty = object?.unknownWhenEmpty === true;
    if (unknownWhenEmpty && !(UNKNOWN_FACT_NAMES as readonly string[]).includes(field)) problems.add(where(`${path}.unknownWhenEmpty: ${field} cannot be unknown`));
    compiled.push({
      field,
      bind: (indexOf) => withMatch(b.bind(indexOf), b.match),
      values,
      fallback: setValues.get(field),
      time,
      epoch: options.epoch === undefined ? object?.epoch : undefined,
      unknownWhenEmpty,
    });
  }

  if (zoneless.length > 0) {
    problems.add(`${zoneless.join(', ')} ${zoneless.length === 1 ? 'is a' : 'are'} zoneless local time${zoneless.length === 1 ? '' : 's'}: give the zone the file was written in with --input-tz (e.g. --input-tz Europe/London; --tz sets only the calendar days), or "inputTz" in the mapping`);
  }

  // Fields only --set supplies.
  const setOnly = [...setValues].filter(([f]) => !Object.hasOwn(fields, f));

  // Every required field must come from somewhere.
  const missing = REQUIRED_RECORD_FIELDS.filter((f) => !Object.hasOwn(fields, f) && !setValues.has(f));
  if (missing.length > 0) {
    const examples: Record<string, string> = { callCentreId: 'leeds', cli: '01132345678', agentGuaranteed: 'false', amd: 'true', messagePlanned: 'true', campaignId: 'spring' };
    problems.add(
      `${name} gives no value for ${missing.join(', ')}: the file does not hold ${missing.length === 1 ? 'it' : 'them'}. ` +
        `Give ${missing.length === 1 ? 'it' : 'each'} for every row with --set, e.g. ${missing.map((f) => `--set ${f}=${examples[f] ?? '…'}`).join(' ')}` +
        ` (or map ${missing.length === 1 ? 'it' : 'them'} to a column in a mapping file: --mapping FILE.json)`,
    );
  }

  // The outcome table.
  const outcome = file.outcome ?? null;
  let statusBinder: Binder | null = null;
  const table = new Map<string, Omit<RecordedOutcome, 'status'>>();
  const rules: { when: [string, RegExp][]; outcome: Omit<RecordedOutcome, 'status'> }[] = [];
  const parseOutcome = (spec: OutcomeSpec, path: string): Omit<RecordedOutcome, 'status'> | null => {
    const [category, machine] = typeof spec === 'string' ? spec.split(':') : [spec?.category, spec?.machine ?? undefined];
    if (!(CATEGORIES as readonly (string | undefined)[]).includes(category)) {
      problems.add(where(`${path} should be one of ${CATEGORIES.join(', ')} (answer machines: answerMachine:${MACHINES.join('|')}); received ${JSON.stringify(spec)}`));
      return null;
    }
    if (machine !== undefined && machine !== null && (category !== 'answerMachine' || !(MACHINES as readonly string[]).includes(machine))) {
      problems.add(where(`${path}: a machine kind (${MACHINES.join(', ')}) goes only with answerMachine; received ${JSON.stringify(spec)}`));
      return null;
    }
    return { category: category as RecordedOutcome['category'], machine: (machine ?? null) as RecordedOutcome['machine'] };
  };
  if (outcome !== null) {
    if (typeof outcome.status !== 'string' || outcome.status === '') problems.add(where('outcome.status should be a template of columns, e.g. "{status}"'));
    else statusBinder = templateBinder(outcome.status, 'outcome.status');
    for (const [status, spec] of Object.entries(outcome.table ?? {})) {
      const o = parseOutcome(spec, `outcome.table["${status}"]`);
      if (o !== null) table.set(status.toUpperCase(), o);
    }
    for (const [i, rule] of (outcome.rules ?? []).entries()) {
      const when: [string, RegExp][] = [];
      for (const [column, pattern] of Object.entries(rule?.when ?? {})) {
        checkColumn(column, `outcome.rules[${i}].when`);
        try {
          when.push([column, new RegExp(`^(?:${pattern})$`, 'i')]);
        } catch (e) {
          problems.add(where(`outcome.rules[${i}].when.${column} is not a regular expression: ${e instanceof Error ? e.message : String(e)}`));
        }
      }
      const o = parseOutcome(rule?.outcome, `outcome.rules[${i}].outcome`);
      if (o !== null) rules.push({ when, outcome: o });
    }
  }

  if (file.header !== undefined && file.header !== 'auto' && file.header !== true && file.header !== false) problems.add(where('"header" should be "auto", true or false'));
  const delimiter = options.delimiter ?? (typeof file.delimiter === 'string' && file.delimiter !== '' ? file.delimiter : ',');
  if (problems.list.length > 0) {
    throw new UsageError(problems.list.length === 1 ? problems.list[0]! : `the mapping cannot be used:\n  - ${problems.list.join('\n  - ')}`);
  }

  const unmapped = createStatusTally(options.unmappedCap);
  const staticUnknown = UNKNOWN_FACT_NAMES.filter((f) => unknownFacts.has(f));
  const headerMode = options.header ?? file.header ?? 'auto';

  const readers = new Map<string, TimeReader>();
  for (const f of compiled) {
    if (!TIME_FIELDS.has(f.field)) continue;
    readers.set(f.field, timeReader(f.field, f.time, { epoch: f.epoch ?? epoch, inputTz }));
  }

  const bindRow = (indexOf: (column: string) => number, width: number, min: number): ColumnMapping => {
    const getters = compiled.map((f) => f.bind(indexOf));
    const status = statusBinder?.(indexOf) ?? null;
    const ruleCells = rules.map((r) => ({ outcome: r.outcome, when: r.when.map(([c, re]) => [indexOf(c), re] as const) }));
    const fieldsRead = [...compiled.map((f) => f.field), ...setOnly.map(([f]) => f)];
    return {
      width,
      minWidth: min,
      fields: fieldsRead,
      toObject(row) {
        const out: Record<string, unknown> = {};
        let rowUnknown: UnknownFact[] | null = null;
        for (let i = 0; i < compiled.length; i++) {
          const f = compiled[i]!;
          let text = getters[i]!(row);
          let value: unknown = text;
          if (f.values !== null && text !== '') {
            const key = text.toUpperCase();
            value = f.values.has(key) ? f.values.get(key) : f.values.has('*') ? f.values.get('*') : undefined;
            if (value === undefined) {
              throw new CellError(f.field, `${f.field}: "${text}" is not in the mapping's values for it (${[...f.values.keys()].map((k) => JSON.stringify(k)).join(', ')})`);
            }
            if (value === null) value = '';
            text = typeof value === 'string' ? value : '';
          }
          if (value === '') {
            if (f.fallback !== undefined) {
              assign(out, f.field, f.fallback);
              continue;
            }
            if (f.unknownWhenEmpty) {
              (rowUnknown ??= [...staticUnknown]).push(f.field as UnknownFact);
              continue;
            }
            if (f.field === 'cli') assign(out, 'cli', null); // an empty CLI is withheld
            continue;
          }
          if (typeof value === 'string') {
            if (BOOLEAN_FIELDS.has(f.field)) {
              const b = readBooleanCell(value);
              if (b === undefined) throw new CellError(f.field, `${f.field} should be ${BOOLEAN_SPELLINGS}; received "${value}"`);
              value = b;
            } else if (TIME_FIELDS.has(f.field)) value = readers.get(f.field)!(value);
          }
          assign(out, f.field, value);
        }
        for (const [field, value] of setOnly) assign(out, field, value);
        out.unknown = rowUnknown ?? staticUnknown;
        if (status !== null) {
          const code = status(row);
          let found = code === '' ? undefined : table.get(code.toUpperCase());
          if (found === undefined) {
            for (const r of ruleCells) {
              if (r.when.every(([i, re]) => re.test((i < 0 ? '' : (row[i] ?? '')).trim()))) {
                found = r.outcome;
                break;
              }
            }
          }
          if (found !== undefined) out.outcome = { status: code, category: found.category, machine: found.machine };
          else if (code !== '') unmapped.add(code, 1);
        }
        return out;
      },
    };
  };

  return {
    name,
    delimiter,
    unknown: staticUnknown,
    hasOutcome: statusBinder !== null,
    headerAlways: headerMode === true,
    start(first) {
      const hint = delimiterHint(first, delimiter);
      if (hint !== null) throw new UsageError(hint);
      const cells = first.map((c) => c.trim());
      const named = cells.filter((c) => columnSet.has(c));
      const nonEmpty = cells.filter((c) => c !== '');
      let header: boolean;
      if (headerMode === true) header = true;
      else if (headerMode === false) header = false;
      else if (named.length === 0) header = false;
      else if (named.length === nonEmpty.length) header = true;
      else {
        const strangers = cells.filter((c) => c !== '' && !columnSet.has(c));
        throw new UsageError(
          `the first row of the file names some of ${name}'s columns (${describeList(named.slice(0, 5))}) but not others (${describeList(strangers.slice(0, 5))}): ` +
            'it is neither a header of this format nor a call. Is it another format? Copy the mapping and edit its "columns" (--mapping FILE.json).',
        );
      }
      if (header) {
        const position = new Map(cells.map((c, i) => [c, i] as const));
        const read = [...new Set([...compiled.flatMap((f) => referenced(f)), ...(outcome ? templateColumns(outcome.status) : []), ...rules.flatMap((r) => r.when.map(([c]) => c))])];
        const absent = read.filter((c) => !position.has(c) && !optional.has(c));
        if (absent.length > 0) {
          throw new UsageError(`the header of the file lacks columns ${name} reads: ${absent.join(', ')}; it has ${describeList(cells)}`);
        }
        // A column read that the header names twice: which the file meant cannot be known, so neither is guessed.
        const twice = read.filter((c) => cells.indexOf(c) !== position.get(c));
        if (twice.length > 0) {
          throw new UsageError(`the header of the file names columns ${name} reads more than once: ${twice.join(', ')}; keep one of each`);
        }
        return { mapping: bindRow((c) => position.get(c) ?? -1, cells.length, cells.length), header: true };
      }
      if (first.length < minWidth || first.length > columns.length) {
        throw new UsageError(
          `the first row of the file has ${first.length} column${first.length === 1 ? '' : 's'}; ${name} expects ${minWidth === columns.length ? columns.length : `${minWidth}–${columns.length}`} ` +
            `(${columns.join(', ')}). Is it another format${delimiter === ',' ? '' : ', or is the delimiter wrong'}?`,
        );
      }
      const index = new Map(columns.map((c, i) => [c, i] as const));
      return { mapping: bindRow((c) => index.get(c) ?? -1, columns.length, minWidth), header: false };
    },
    unmappedStatuses: () => unmapped.list(),
    unmapped,
  };

  function referenced(f: CompiledField): string[] {
    const source = fields[f.field];
    const out: string[] = [];
    const walk = (s: FieldSource | undefined): void => {
      if (s === undefined) return;
      if (typeof s === 'string') {
        if (s.includes('{')) out.push(...templateColumns(s));
        else out.push(s);
      } else if (typeof s === 'object' && s !== null) {
        if (s.column !== undefined) out.push(String(s.column));
        if (s.template !== undefined) out.push(...templateColumns(String(s.template)));
        for (const x of s.first ?? []) walk(x);
      }
    };
    walk(source);
    return out;
  }
}

/** Sets `path` (one dot at most) on `out`. */
function assign(out: Record<string, unknown>, path: string, value: unknown): void {
  const dot = path.indexOf('.');
  if (dot < 0) {
    out[path] = value;
    return;
  }
  const head = path.slice(0, dot);
  let object = out[head];
  if (typeof object !== 'object' || object === null) out[head] = object = {};
  (object as Record<string, unknown>)[path.slice(dot + 1)] = value;
}
