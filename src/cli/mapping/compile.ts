/**
 * A mapping file checked and compiled, before any row is read: every problem with the
 * mapping and the options (`--set`, `--input-tz`, `--epoch`) is reported at once, and
 * every required field that nothing supplies is named in one message. Then, given the
 * first row, `start` decides whether it is a header (never silently: a row that is
 * partly column names is an error) and returns the row reader the CSV reader uses.
 */
import { isObject, isTimeZone, printable } from 'dialguard/internals';
import { CellError, type ColumnMapping } from '../columns.js';
import { UsageError } from '../exit-codes.js';
import { BOOLEAN_SPELLINGS, readBooleanCell, type EpochUnit } from './cells.js';
import { delimiterHint } from './delimiter.js';
import { jsonType } from './json-type.js';
import { BOOLEAN_FIELDS, closest, factsNotShown, MAPPABLE_RECORD_FIELDS, REQUIRED_RECORD_FIELDS, TIME_FIELDS, UNKNOWN_FACT_NAMES } from './fields.js';
import { laterTimeReader, timeReader, type TimeReader } from './time-cell.js';
import { createStatusTally, type StatusTally } from './status-tally.js';
import type { FieldSource, MappingFile, OutcomeMapping, OutcomeSpec, RecordedOutcome, TimeFormat, UnknownFact } from './types.js';

export { UNKNOWN_FACT_NAMES } from './fields.js';

const CATEGORIES = ['live', 'abandoned', 'silent', 'unconnected', 'answerMachine'] as const;
const MACHINES = ['disconnectedByAmd', 'falseNegative', 'abandoned'] as const;

/**
 * The longest text a mapping's regular expression (`match`, `outcome.rules`, `columnForms`)
 * is run on. A pattern can take time quadratic in its text (or worse), and a CSV cell may
 * be a megabyte long; every cell of the dialler formats known is far shorter (Asterisk's
 * longest, `userfield`, holds 256 characters; VICIdial's `comments` 255). A longer text
 * rejects its row (`match`, `outcome.rules`), or fits no form (`columnForms`).
 */
export const MAX_PATTERN_TEXT = 1024;

/** Fields whose value is usually the same on every row of a file, so `--set` can give it. */
const SETTABLE_EVERYWHERE: ReadonlySet<string> = new Set(['campaignId', 'callCentreId', 'agentGuaranteed', 'amd', 'messagePlanned']);

/** Most optional columns `columnForms` tells apart (the readings of a row are tried one by one). */
const MAX_FORMED_OPTIONAL = 8;

/**
 * A `UsageError` of several lines (a heading, then one problem a line): the command prints
 * each line escaped on its own (`printableMessage`), so the list reads as a list and a value
 * quoted in a problem still cannot start a line.
 */
export class UsageLinesError extends UsageError {
  constructor(readonly lines: readonly string[]) {
    super(lines.join('\n'));
  }
}

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
  /** Facts unknown on every row: those the mapping lists as unknown, and those it has no source for (`undeclared`). */
  readonly unknown: readonly UnknownFact[];
  /**
   * Facts the mapping neither maps (nor `--set` gives) nor lists as unknown, in record order:
   * the file cannot show them, so they are unknown on every row too (never read as absent).
   */
  readonly undeclared: readonly UnknownFact[];
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

/** Header cells quoted in a message: at most `MAX_LISTED` of them, each escaped and cut (`shown`), then how many more. */
function describeList(items: readonly string[]): string {
  const listed = items.slice(0, MAX_LISTED).map(shown).join(', ');
  return items.length > MAX_LISTED ? `${listed} and ${(items.length - MAX_LISTED).toLocaleString('en-GB')} more` : listed;
}

/** Most header cells a message quotes: a header may have any number of cells. */
const MAX_LISTED = 20;

/**
 * A mapping's value read as text: a string, or a number or boolean written as one; `null`
 * for anything else (an object, an array, `null`), which the mapping's checks report. Never
 * `String(value)` on an object: a JSON object may carry its own `toString` (`{"toString": 5}`).
 */
function asText(value: unknown): string | null {
  return typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : null;
}


/** The field a source at `path` (`fields.callId.first[0]`) fills. */
function fieldOf(path: string): string {
  return path.slice('fields.'.length).replace(/\.first\[\d+\].*$/, '');
}

/** Why a text is not given to a mapping's regular expression. */
function tooLongForPattern(what: string, text: string): string {
  return `${what}: the text is ${text.length.toLocaleString('en-GB')} characters long; a mapping's pattern reads at most ${MAX_PATTERN_TEXT.toLocaleString('en-GB')} (is it the right column?)`;
}

/** A cell quoted in a message: escaped, and cut with `…` when long (only its start is escaped: a cell may be a megabyte). */
const shown = (cell: string): string => `"${printable(cell.slice(0, 41), 40)}"`;

/** `1st`, `2nd`, `17th`: a column's place, for messages. */
function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/**
 * Checks and compiles `file` (already merged with the preset it extends) with `options`.
 * @throws UsageError listing every problem found
 */
export function compileMapping(name: string, file: MappingFile, options: MappingOptions): CompiledMapping {
  const problems = new Problems();
  const where = (path: string): string => `${name}: ${path}`;
  /** The names in a list of the mapping (`[]` when it is not one); the first entry that is not text, and how many such, reported under `path`. */
  const textList = (value: unknown, path: string): string[] => {
    if (!Array.isArray(value)) return [];
    const out: string[] = [];
    let bad = -1;
    let badCount = 0;
    (value as readonly unknown[]).forEach((v, i) => {
      const t = asText(v);
      if (t !== null) out.push(t);
      else if (badCount++ === 0) bad = i;
    });
    if (badCount > 0) {
      problems.add(where(`${path}[${bad}] should be a column name (a string); received ${jsonType(value[bad])}${badCount > 1 ? ` (and ${(badCount - 1).toLocaleString('en-GB')} more ${badCount === 2 ? 'entry that is' : 'entries that are'} not)` : ''}`));
    }
    return out;
  };
  const columns = textList(file.columns, 'columns');
  if (columns.length === 0) problems.add(where('"columns" should list the columns of the file, in order'));
  const columnSet = new Set(columns);
  const optionalColumns: unknown = file.optionalColumns;
  if (optionalColumns != null && !Array.isArray(optionalColumns)) {
    problems.add(where(`"optionalColumns" should list the last columns a row may lack, e.g. ["userfield"]; received ${jsonType(optionalColumns)}`));
  }
  const optional = new Set(textList(optionalColumns, 'optionalColumns'));
  for (const c of optional) if (!columnSet.has(c)) problems.add(where(`optionalColumns names "${c}", which is not in "columns"`));
  const minWidth = columns.length - optional.size;
  for (let i = minWidth; i < columns.length; i++) if (!optional.has(columns[i]!)) problems.add(where('optionalColumns should be the last columns'));
  // The forms that tell apart optional columns a headerless row may hold either of (Asterisk's uniqueid and userfield).
  const forms = new Map<string, RegExp>();
  if (file.columnForms !== undefined && (typeof file.columnForms !== 'object' || file.columnForms === null || Array.isArray(file.columnForms))) {
    problems.add(where('"columnForms" should map optional columns to regular expressions, e.g. { "uniqueid": "[0-9]+\\.[0-9]+" }'));
  } else {
    for (const [column, pattern] of Object.entries(file.columnForms ?? {})) {
      if (!optional.has(column)) {
        problems.add(where(`columnForms names "${column}", which is not in "optionalColumns" (a mapping that changes "optionalColumns" changes "columnForms" too)`));
        continue;
      }
      const form = asText(pattern);
      if (form === null) {
        problems.add(where(`columnForms.${column} should be a regular expression (a string); received ${jsonType(pattern)}`));
        continue;
      }
      try {
        forms.set(column, new RegExp(`^(?:${form})$`, 'i'));
      } catch (e) {
        problems.add(where(`columnForms.${column} is not a regular expression: ${e instanceof Error ? e.message : String(e)}`));
      }
    }
    if (forms.size > 0 && optional.size > MAX_FORMED_OPTIONAL) problems.add(where(`columnForms tells apart at most ${MAX_FORMED_OPTIONAL} optional columns; "optionalColumns" lists ${optional.size}`));
  }

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
  const fieldsGiven: unknown = file.fields;
  if (fieldsGiven != null && !isObject(fieldsGiven)) problems.add(where(`"fields" should map record fields to columns, e.g. { "callId": "uniqueid" }; received ${jsonType(fieldsGiven)}`));
  const fields: Readonly<Record<string, FieldSource>> = isObject(fieldsGiven) ? (fieldsGiven as Record<string, FieldSource>) : {};
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
        const getters = binders.map((b) => withMatch(b.bind(indexOf), b.match, fieldOf(path)));
        return (row) => {
          for (const g of getters) {
            const t = g(row);
            if (t !== '') return t;
          }
          return '';
        };
      };
    } else if (source.column !== undefined) {
      const column = asText(source.column);
      if (column === null) {
        problems.add(where(`${path}.column should be a column name (a string); received ${jsonType(source.column)}`));
        return null;
      }
      bind = columnBinder(column, `${path}.column`);
    } else if (source.template !== undefined) {
      const template = asText(source.template);
      if (template === null) {
        problems.add(where(`${path}.template should be a "{template}" of columns (a string); received ${jsonType(source.template)}`));
        return null;
      }
      bind = templateBinder(template, `${path}.template`);
    } else if (source.value !== undefined) {
      const v = source.value === null ? '' : asText(source.value);
      if (v === null) {
        problems.add(where(`${path}.value should be a string, a number, true, false or null; received ${jsonType(source.value)}`));
        return null;
      }
      bind = () => () => v;
    } else {
      problems.add(where(`${path} should have "column", "template", "value" or "first"`));
      return null;
    }
    let match: RegExp | null = null;
    if (source.match !== undefined) {
      const pattern = asText(source.match);
      if (pattern === null) problems.add(where(`${path}.match should be a regular expression (a string); received ${jsonType(source.match)}`));
      else try {
        match = new RegExp(pattern, 'i');
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
  /** The text of `get`, trimmed; with `match`, its first group that took part in the match (or the whole match), trimmed, or `''` when it does not match. */
  const withMatch = (get: TextGetter, match: RegExp | null, field: string): TextGetter => {
    if (match === null) return (row) => get(row).trim();
    return (row) => {
      const text = get(row).trim();
      if (text.length > MAX_PATTERN_TEXT) throw new CellError(field, tooLongForPattern(field, text));
      const m = match.exec(text);
      if (m === null) return '';
      for (let g = 1; g < m.length; g++) if (m[g] !== undefined) return m[g]!.trim();
      return m[0].trim();
    };
  };

  const unknownFacts = new Set<UnknownFact>();
  const unknownGiven: unknown = file.unknown;
  if (unknownGiven != null && !Array.isArray(unknownGiven)) {
    problems.add(where(`"unknown" should list the facts the file cannot show, e.g. ["answerAt", "hangupBy"]; received ${jsonType(unknownGiven)}`));
  }
  for (const [i, fact] of (Array.isArray(unknownGiven) ? (unknownGiven as readonly unknown[]) : []).entries()) {
    if (typeof fact !== 'string') problems.add(where(`unknown[${i}] should name a fact a record can leave unknown (a string); received ${jsonType(fact)}`));
    else if ((UNKNOWN_FACT_NAMES as readonly string[]).includes(fact)) unknownFacts.add(fact as UnknownFact);
    else {
      const guess = closest(fact, UNKNOWN_FACT_NAMES);
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
      bind: (indexOf) => withMatch(b.bind(indexOf), b.match, field),
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
  const outcomeGiven: unknown = file.outcome ?? null;
  if (outcomeGiven !== null && !isObject(outcomeGiven)) {
    problems.add(where(`"outcome" should be an object: { "status": "{status}", "table": { … }, "rules": [ … ] }; received ${jsonType(outcomeGiven)}`));
  }
  const outcome = isObject(outcomeGiven) ? (outcomeGiven as unknown as OutcomeMapping) : null;
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
    const tableGiven: unknown = outcome.table;
    if (tableGiven != null && !isObject(tableGiven)) problems.add(where(`outcome.table should map statuses to outcomes, e.g. { "ANSWERED": "live" }; received ${jsonType(tableGiven)}`));
    for (const [status, spec] of Object.entries(isObject(tableGiven) ? (tableGiven as Record<string, OutcomeSpec>) : {})) {
      const o = parseOutcome(spec, `outcome.table["${status}"]`);
      if (o !== null) table.set(status.toUpperCase(), o);
    }
    const rulesGiven: unknown = outcome.rules;
    if (rulesGiven != null && !Array.isArray(rulesGiven)) {
      problems.add(where(`outcome.rules should list rules, e.g. [{ "when": { "status": "NA" }, "outcome": "unconnected" }]; received ${jsonType(rulesGiven)}`));
    }
    for (const [i, rule] of (Array.isArray(rulesGiven) ? (rulesGiven as readonly unknown[]) : []).entries()) {
      if (!isObject(rule)) {
        problems.add(where(`outcome.rules[${i}] should be an object: { "when": { column: pattern }, "outcome": … }; received ${jsonType(rule)}`));
        continue;
      }
      const whenGiven = rule.when;
      if (whenGiven != null && !isObject(whenGiven)) problems.add(where(`outcome.rules[${i}].when should map columns to regular expressions; received ${jsonType(whenGiven)}`));
      const when: [string, RegExp][] = [];
      for (const [column, pattern] of Object.entries(isObject(whenGiven) ? whenGiven : {})) {
        checkColumn(column, `outcome.rules[${i}].when`);
        const text = asText(pattern);
        if (text === null) {
          problems.add(where(`outcome.rules[${i}].when.${column} should be a regular expression (a string); received ${jsonType(pattern)}`));
          continue;
        }
        try {
          when.push([column, new RegExp(`^(?:${text})$`, 'i')]);
        } catch (e) {
          problems.add(where(`outcome.rules[${i}].when.${column} is not a regular expression: ${e instanceof Error ? e.message : String(e)}`));
        }
      }
      const o = parseOutcome(rule.outcome as OutcomeSpec, `outcome.rules[${i}].outcome`);
      if (o !== null) rules.push({ when, outcome: o });
    }
  }

  if (file.header !== undefined && file.header !== 'auto' && file.header !== true && file.header !== false) problems.add(where('"header" should be "auto", true or false'));
  const delimiter = options.delimiter ?? (typeof file.delimiter === 'string' && file.delimiter !== '' ? file.delimiter : ',');
  if (problems.list.length > 0) {
    if (problems.list.length === 1) throw new UsageError(problems.list[0]!);
    throw new UsageLinesError(['the mapping cannot be used:', ...problems.list.map((p) => `  - ${p}`)]);
  }

  const unmapped = createStatusTally(options.unmappedCap);
  // A fact with no field nor --set value is one the file cannot show: unknown, whether the mapping lists it or not.
  const undeclared = factsNotShown([...Object.keys(fields), ...setValues.keys()]).filter((f) => !unknownFacts.has(f));
  const staticUnknown = UNKNOWN_FACT_NAMES.filter((f) => unknownFacts.has(f) || undeclared.includes(f));
  const headerMode = options.header ?? file.header ?? 'auto';

  const readers = new Map<string, TimeReader>();
  /**
   * The time fields that may be read as the later instant of an ambiguous local time (see
   * `toObject`), in the order they are settled: each after the times it must follow.
   */
  const laterFixes: { readonly index: number; readonly field: string; readonly later: TimeReader }[] = [];
  for (const [index, f] of compiled.entries()) {
    if (!TIME_FIELDS.has(f.field)) continue;
    const reading = { epoch: f.epoch ?? epoch, inputTz };
    readers.set(f.field, timeReader(f.field, f.time, reading));
    if (f.field !== 'dialAt' && f.values === null && inputTz !== undefined && f.time !== 'epoch') {
      laterFixes.push({ index, field: f.field, later: laterTimeReader(f.time, reading) });
    }
  }
  const settleOrder = (field: string): number => (field === 'lastEventAt' ? 2 : field === 'hangupAt' ? 1 : 0);
  laterFixes.sort((a, b) => settleOrder(a.field) - settleOrder(b.field));

  // What an empty cell of a required field says: the column, and --set when one value can serve every row.
  const emptyMessages = compiled.map((f) => {
    if (!REQUIRED_RECORD_FIELDS.includes(f.field) || f.field === 'cli') return null;
    const from = [...new Set(referenced(f))];
    const what = from.length === 0 ? 'the mapping gives no value' : from.length === 1 ? `column ${from[0]} is empty` : `columns ${from.join(', ')} give no value`;
    return SETTABLE_EVERYWHERE.has(f.field)
      ? `${f.field}: ${what} on this row: give a ${f.field} for the rows without one with --set ${f.field}=…`
      : `${f.field}: ${what} on this row: every call record needs one`;
  });

  const bindRow = (indexOf: (column: string) => number, width: number, min: number): ColumnMapping => {
    const getters = compiled.map((f) => f.bind(indexOf));
    // A CLI column's empty cell is a withheld CLI; `--set cli` fills in only a row with no CLI column.
    const cliColumnsAt = compiled.map((f) => (f.field === 'cli' ? referenced(f).map(indexOf) : []));
    /**
     * Whether `row` has none of the columns field `i` (the `cli`) reads: the file has none of
     * them, or, read by position, the row ends before them (optional columns it does not hold).
     */
    const noCliColumn = (i: number, row: readonly string[]): boolean => {
      const at = cliColumnsAt[i]!;
      return at.length > 0 && at.every((c) => c < 0 || c >= row.length);
    };
    const status = statusBinder?.(indexOf) ?? null;
    const ruleCells = rules.map((r) => ({ outcome: r.outcome, when: r.when.map(([c, re]) => [indexOf(c), re, c] as const) }));
    /** `re` tested on the cell at `i` (trimmed); a cell too long for a pattern rejects the row. */
    const whenCell = (row: readonly string[], i: number, re: RegExp, column: string): boolean => {
      const cell = (i < 0 ? '' : (row[i] ?? '')).trim();
      if (cell.length > MAX_PATTERN_TEXT) throw new CellError('outcome', tooLongForPattern(`outcome: column ${column}`, cell));
      return re.test(cell);
    };
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
            if (f.field === 'cli' && !noCliColumn(i, row)) {
              assign(out, 'cli', null); // an empty CLI is withheld: a value, which --set does not replace
              continue;
            }
            if (f.fallback !== undefined) {
              assign(out, f.field, f.fallback);
              continue;
            }
            if (f.unknownWhenEmpty) {
              (rowUnknown ??= [...staticUnknown]).push(f.field as UnknownFact);
              continue;
            }
            if (f.field === 'cli') assign(out, 'cli', null);
            else if (emptyMessages[i] != null) throw new CellError(f.field, emptyMessages[i]!);
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
        if (laterFixes.length > 0) settleLaterTimes(out, row);
        out.unknown = rowUnknown ?? staticUnknown;
        if (status !== null) {
          const code = status(row);
          let found = code === '' ? undefined : table.get(code.toUpperCase());
          if (found === undefined) {
            for (const r of ruleCells) {
              if (r.when.every(([i, re, column]) => whenCell(row, i, re, column))) {
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

    /**
     * The clocks going back: a local time in the repeated hour is read as its earlier
     * instant, but a call's answer or end that would then fall before a time it must follow
     * (the dial; for the end, also the answer; for the last event, every other time) was
     * written after the change: its later instant is taken. A call dialled at 01:59:50 BST and
     * answered at 01:00:02 GMT reads as 12 seconds of ringing, not as answered before its dial.
     */
    function settleLaterTimes(out: Record<string, unknown>, row: readonly string[]): void {
      const dial = out.dialAt;
      if (typeof dial !== 'number') return;
      for (const fix of laterFixes) {
        const at = out[fix.field];
        if (typeof at !== 'number') continue;
        let floor = dial;
        if (fix.field === 'hangupAt' && typeof out.answerAt === 'number') floor = Math.max(floor, out.answerAt);
        if (fix.field === 'lastEventAt') for (const t of TIME_FIELDS) if (t !== 'lastEventAt' && typeof out[t] === 'number') floor = Math.max(floor, out[t]);
        if (at >= floor) continue;
        const later = fix.later(getters[fix.index]!(row));
        if (later !== null && later >= floor) out[fix.field] = later;
      }
    }
  };

  return {
    name,
    delimiter,
    unknown: staticUnknown,
    undeclared,
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
          throw new UsageError(`the header of the file lacks columns ${name} reads: ${absent.join(', ')}; it has ${cells.length === 1 ? '1 cell' : `${cells.length.toLocaleString('en-GB')} cells`}: ${describeList(cells)}`);
        }
        // A column read that the header names twice: which the file meant cannot be known, so neither is guessed.
        const twice = read.filter((c) => position.has(c) && cells.indexOf(c) !== position.get(c)); // an optional column the header lacks is not named twice
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
      const positional = bindRow((c) => index.get(c) ?? -1, columns.length, minWidth);
      if (forms.size === 0 || optional.size < 2) return { mapping: positional, header: false };
      return { mapping: formedRows(first, positional), header: false };
    },
    unmappedStatuses: () => unmapped.list(),
    unmapped,
  };

  /**
   * Rows read by position when the optional columns are told apart by `columnForms`: a row
   * with some but not all of them is read as holding those its cells fit (`readingsOf`).
   * The first row settles the reading of its width for the file; a later row of that width
   * that reads otherwise is rejected. A first row that fits two readings equally (or none)
   * stops the audit: which columns the file holds cannot be known.
   */
  function formedRows(first: readonly string[], positional: ColumnMapping): ColumnMapping {
    const optionalList = columns.slice(minWidth);
    const formOf = optionalList.map((c) => forms.get(c) ?? null);
    const n = optionalList.length;
    const ways = new Map<number, readonly (readonly number[])[]>(); // k → every way to hold k optional columns, in order
    const waysOf = (k: number): readonly (readonly number[])[] => {
      let w = ways.get(k);
      if (w === undefined) {
        const out: number[][] = [];
        const pick = (from: number, chosen: number[]): void => {
          if (chosen.length === k) out.push([...chosen]);
          else for (let j = from; j <= n - (k - chosen.length); j++) pick(j + 1, [...chosen, j]);
        };
        pick(0, []);
        ways.set(k, (w = out));
      }
      return w;
    };
    /** The ways `row` may hold its optional cells that fit best: every formed column's cell fits its form, and as many formed columns as can be. */
    const readingsOf = (row: readonly string[]): (readonly number[])[] => {
      const k = row.length - minWidth;
      let best: (readonly number[])[] = [];
      let bestScore = -1;
      for (const way of waysOf(k)) {
        let score = 0;
        let fits = true;
        for (let j = 0; j < k && fits; j++) {
          const form = formOf[way[j]!];
          if (form == null) continue;
          const cell = (row[minWidth + j] ?? '').trim();
          if (cell.length <= MAX_PATTERN_TEXT && form.test(cell)) score += 1;
          else fits = false;
        }
        if (!fits || score < bestScore) continue;
        if (score > bestScore) best = [];
        bestScore = score;
        best.push(way);
      }
      return best;
    };
    const names = (way: readonly number[]): string => way.map((j) => optionalList[j]!).join(', ');
    const cellsOf = (row: readonly string[]): string => row.slice(minWidth).map(shown).join(', ');
    const places = (k: number): string => (k === 1 ? `${ordinal(minWidth + 1)} cell` : `${ordinal(minWidth + 1)}–${ordinal(minWidth + k)} cells`);
    const mappings = new Map<readonly number[], ColumnMapping>();
    const mappingOf = (way: readonly number[]): ColumnMapping => {
      let m = mappings.get(way);
      if (m === undefined) {
        const index = new Map(columns.slice(0, minWidth).map((c, i) => [c, i] as const));
        way.forEach((j, at) => index.set(optionalList[j]!, minWidth + at));
        mappings.set(way, (m = bindRow((c) => index.get(c) ?? -1, columns.length, minWidth)));
      }
      return m;
    };
    const base = typeof file.extends === 'string' ? file.extends : name.startsWith('preset ') ? name.slice('preset '.length) : null;
    /** How to say the file holds `way`: a form every cell fits for its columns, one none fits for the others. */
    const sayWhich = (way: readonly number[]): string => {
      const said = Object.fromEntries(optionalList.map((c, j) => [c, way.includes(j) ? '[\\s\\S]*' : '(?!)']));
      return `Say which columns the file holds with a mapping (--mapping FILE.json); for ${names(way)}: ${JSON.stringify({ ...(base === null ? {} : { extends: base }), columnForms: said })}`;
    };
    // The first row settles the reading of rows of its width.
    const settled = new Map<number, readonly number[]>();
    const k0 = first.length - minWidth;
    if (k0 > 0 && k0 < n) {
      const readings = readingsOf(first);
      if (readings.length !== 1) {
        throw new UsageError(
          `the first row of the file has ${first.length} columns: ${name} reads ${minWidth}, then ${optionalList.join(', ')}, each when the file has it, and its ${places(k0)} (${cellsOf(first)}) ` +
            `could be ${readings.length === 0 ? `none of ${optionalList.join(', ')} by their forms` : readings.map(names).join(' or ')}: which the file holds cannot be known. ${sayWhich(readings[0] ?? waysOf(k0)[0]!)}`,
        );
      }
      settled.set(first.length, readings[0]!);
    }
    return {
      width: positional.width,
      minWidth: positional.minWidth ?? minWidth,
      fields: positional.fields,
      toObject(row) {
        const k = row.length - minWidth;
        if (k <= 0 || k >= n) return positional.toObject(row);
        const readings = readingsOf(row);
        const firstReading = settled.get(row.length);
        if (firstReading !== undefined) {
          if (readings.includes(firstReading)) return mappingOf(firstReading).toObject(row);
          throw new CellError(
            optionalList[firstReading[0]!]!,
            `the ${places(k)} (${cellsOf(row)}) ${readings.length === 0 ? `fit${k === 1 ? 's' : ''} no form` : `read${k === 1 ? 's' : ''} as ${readings.map(names).join(' or ')}`}, but the file's first row has ${names(firstReading)} there, ` +
              `and it settles every row of ${row.length} columns (to read them otherwise: a mapping's "columnForms", --mapping FILE.json)`,
          );
        }
        if (readings.length === 1) return mappingOf(readings[0]!).toObject(row);
        throw new CellError(
          optionalList.join(','),
          `the ${places(k)} (${cellsOf(row)}) could be ${readings.length === 0 ? `none of ${optionalList.join(', ')} by their forms` : readings.map(names).join(' or ')}: which this row holds cannot be known. ${sayWhich(readings[0] ?? waysOf(k)[0]!)}`,
        );
      },
    };
  }

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
