/**
 * Rows named by dialguard's own field names (JSON Lines, or CSV whose header names
 * `callId`, `dialAt`, …): checked before the first call is read, and each row's cells read
 * as the user wrote them.
 *
 * - A first CSV row that looks like data (a time, a number) or names no field dialguard
 *   reads is never taken as a header silently: it is an error, with the way out
 *   (`--no-header --columns …`, `--preset`, `--mapping`).
 * - Every required field missing from the header is named at once (fields given with
 *   `--set` are not missing).
 * - A fact of a call record (`UnknownFact`) with no column (nor `--set` value) is one the
 *   file cannot show: it is unknown on every row (added to the row's `unknown`), not
 *   absent. An empty cell of a column the file has still means absent.
 * - Booleans in any usual spelling; epoch numbers in the unit `--epoch` says (a number
 *   too small for milliseconds is refused, never read silently as 1970); zoneless times
 *   in `--input-tz`; `--set` fills fields a row lacks.
 */
import { CellError, mappingFromHeader, mappingFromOrder, type ColumnMapping } from '../columns.js';
import { UsageError } from '../exit-codes.js';
import { BOOLEAN_SPELLINGS, readBooleanCell } from './cells.js';
import { delimiterHint } from './delimiter.js';
import { BOOLEAN_FIELDS, closest, factsNotShown, KNOWN_FIELDS, REQUIRED_EVENT_FIELDS, REQUIRED_RECORD_FIELDS, TIME_FIELDS } from './fields.js';
import { PRESET_COLUMNS } from './preset-columns.js';
import { isJsonTimeAsGiven, jsonTime, timeReader, type TimeReader, type TimeReading } from './time-cell.js';
import type { UnknownFact } from './types.js';

/** How plain rows are read. */
export interface PlainOptions extends TimeReading {
  /** `--set field=value`, unparsed. */
  readonly set: ReadonlyMap<string, string>;
  /** `--input`, when given. */
  readonly kind: 'records' | 'events' | undefined;
}

/** A cell that looks like data rather than a column name: a date-time, a number, a phone number. */
function looksLikeData(cell: string): string | null {
  const t = cell.trim();
  if (/^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}.*)?$/.test(t)) return 'a date or time';
  if (/^[+-]?\d+(\.\d+)?$/.test(t)) return 'a number';
  if (/^\+?\d[\d ()-]{6,}$/.test(t)) return 'a phone number';
  return null;
}

/** The preset whose columns `cells` are, if any. */
function presetOf(cells: readonly string[]): string | null {
  for (const [name, columns] of Object.entries(PRESET_COLUMNS)) {
    const set = new Set(columns);
    if (cells.filter((c) => set.has(c.trim())).length >= Math.min(4, cells.length)) return name;
  }
  return null;
}

const HEADERLESS_HINT =
  'If the file has no header row, give the fields in column order with --no-header --columns callId,campaignId,…; ' +
  'for a dialler\'s own records use --preset asterisk-cdr or --preset vicidial-log, or --mapping FILE.json.';

/** A value of a row that cannot be read, with the call it belongs to. */
export class RowValueError extends CellError {
  constructor(
    path: string,
    message: string,
    readonly callId: string,
  ) {
    super(path, message);
  }
}

/** What reading a row's field may change: a time, a boolean, or the booleans of a nested object (message content, queue information). */
type FieldKind = 'time' | 'boolean' | 'nested';

/**
 * The fields whose values the normaliser reads, each with its kind (a time field is never
 * read as a boolean): from `BOOLEAN_FIELDS`, whose dotted names (`messageContent.marketing`)
 * also name the objects that hold booleans, and `TIME_FIELDS`.
 */
const FIELD_KINDS: ReadonlyMap<string, FieldKind> = /* @__PURE__ */ (() => {
  const kinds = new Map<string, FieldKind>();
  for (const field of BOOLEAN_FIELDS) {
    const dot = field.indexOf('.');
    if (dot > 0) kinds.set(field.slice(0, dot), 'nested');
  }
  for (const field of BOOLEAN_FIELDS) kinds.set(field, 'boolean');
  for (const field of TIME_FIELDS) kinds.set(field, 'time');
  return kinds;
})();

/** Reads one plain row's values (after the CSV columns are mapped, or a JSON line parsed). */
export type PlainNormaliser = (value: unknown) => unknown;

/**
 * The normaliser of plain rows: `--set` values fill fields a row lacks; booleans and
 * times are read as the options say.
 * @throws UsageError for a `--set` that is not a field or whose value cannot be read
 */
export function plainNormaliser(options: PlainOptions): PlainNormaliser {
  const readers = new Map<string, TimeReader>();
  const reader = (field: string): TimeReader => {
    let r = readers.get(field);
    if (r === undefined) readers.set(field, (r = timeReader(field, 'iso', options)));
    return r;
  };
  const set: [string, unknown][] = [];
  for (const [field, text] of options.set) {
    if (!KNOWN_FIELDS.has(field) || field.includes('.')) {
      const guess = closest(field, [...KNOWN_FIELDS].filter((f) => !f.includes('.')));
      throw new UsageError(`--set ${field}=…: not a field of a call record or event${guess ? ` (did you mean ${guess}?)` : ''}`);
    }
    if (BOOLEAN_FIELDS.has(field)) {
      const b = readBooleanCell(text);
      if (b === undefined || b === null) throw new UsageError(`--set ${field} should be ${BOOLEAN_SPELLINGS}; received "${text}"`);
      set.push([field, b]);
    } else if (TIME_FIELDS.has(field)) {
      try {
        set.push([field, reader(field)(text)]);
      } catch (e) {
        throw new UsageError(`--set ${e instanceof Error ? e.message : String(e)}`);
      }
    } else set.push([field, field === 'cli' && text === '' ? null : text]);
  }
  /**
   * `true` for a value no field's reading changes, told without looking the field up (most
   * of a row): a boolean, `null`, or a number `jsonTime` returns as it is.
   */
  const asGiven = (v: unknown): boolean => typeof v === 'boolean' || v === null || (typeof v === 'number' && isJsonTimeAsGiven(v, options));
  return (value) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
    const row = value as Record<string, unknown>;
    let out: Record<string, unknown> | null = null;
    for (let i = 0; i < set.length; i++) {
      const [field, v] = set[i]!;
      const current = row[field];
      // An empty or null cli is a withheld CLI, a value: --set cli fills in only a row with no cli at all (no such column or key).
      if (current === undefined || (field !== 'cli' && (current === '' || current === null))) (out ??= { ...row })[field] = v;
    }
    const keys = Object.keys(row);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      const v = row[key];
      if (asGiven(v)) continue;
      const kind = FIELD_KINDS.get(key); // one lookup; most keys need nothing
      if (kind === undefined) continue;
      if (kind === 'time') {
        if (v === '' || v === undefined) continue;
        let t: unknown;
        try {
          t = jsonTime(key, v, options, reader);
        } catch (e) {
          if (e instanceof CellError && typeof row.callId === 'string' && row.callId !== '') throw new RowValueError(e.path, `call ${row.callId}: ${e.message}`, row.callId);
          throw e;
        }
        if (t !== v) (out ??= { ...row })[key] = t;
      } else if (kind === 'boolean') {
        if (typeof v !== 'string') continue;
        const b = readBooleanCell(v); // unreadable: left for the library to name, with the call
        if (b !== null && b !== undefined) (out ??= { ...row })[key] = b;
      } else if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
        let nested: Record<string, unknown> | null = null;
        for (const sub of Object.keys(v)) {
          const s = (v as Record<string, unknown>)[sub];
          if (typeof s !== 'string' || !BOOLEAN_FIELDS.has(`${key}.${sub}`)) continue;
          const b = readBooleanCell(s);
          if (b === undefined) continue; // left for the library to name
          nested ??= { ...(v as Record<string, unknown>) };
          if (b === null) delete nested[sub];
          else nested[sub] = b;
        }
        if (nested !== null) (out ??= { ...row })[key] = nested;
      }
    }
    return out ?? row;
  };
}

/** What the first row of a plain CSV settles. */
export interface PlainCsvStart {
  readonly mapping: ColumnMapping;
  /** The first row was the header. */
  readonly header: boolean;
  /**
   * Call records: the facts no column (nor `--set`) gives, in record order — unknown on
   * every row (`factsNotShown`). Call events: none.
   */
  readonly unshown: readonly UnknownFact[];
}

/** A row's `unknown` (as read from its cell, if the file has an `unknown` column) with the facts the file has no column for. */
function withUnshown(given: unknown, unshown: readonly UnknownFact[]): unknown {
  if (given === undefined || given === null || given === '') return unshown;
  return Array.isArray(given) ? [...(given as unknown[]), ...unshown] : given; // anything else is left for the library to refuse, naming it
}

/**
 * The CSV reader's `mapper` for plain rows: the first row is the header (checked: it must
 * name dialguard fields, not hold data, and cover every required field) unless
 * `--no-header`; each later row is mapped and normalised. For call records, the facts the
 * header (or `--columns`) has no column for are added to each row's `unknown`.
 * @throws UsageError for a first row that is not a header, or one that lacks required fields
 */
export function plainCsvMapper(
  header: boolean,
  columns: string | undefined,
  delimiter: string,
  options: PlainOptions,
  normalise: PlainNormaliser,
): (first: readonly string[]) => PlainCsvStart {
  return (first) => {
    const hint = delimiterHint(first, delimiter);
    if (hint !== null) throw new UsageError(hint);
    let mapping: ColumnMapping;
    if (header) {
      const dataCells = first.map((c, i) => [i, c, looksLikeData(c)] as const).filter(([, , why]) => why !== null);
      const preset = presetOf(first);
      if (preset !== null) {
        throw new UsageError(`the header names ${preset === 'asterisk-cdr' ? "Asterisk CDR" : 'VICIdial vicidial_log'} columns (${first.slice(0, 4).join(', ')}, …), not dialguard fields: use --preset ${preset}.`);
      }
      if (dataCells.length > 0) {
        const [i, cell, why] = dataCells[0]!;
        throw new UsageError(`the first row looks like data, not a header: column ${i + 1} ("${cell}") is ${why}. It would have been read as the header and that call lost. ${HEADERLESS_HINT}`);
      }
      mapping = mappingFromHeader(first, columns);
      const known = mapping.fields.filter((f) => KNOWN_FIELDS.has(f));
      if (known.length === 0) {
        throw new UsageError(`the first row names no field dialguard reads (${first.slice(0, 6).map((c) => JSON.stringify(c)).join(', ')}): it is not a header of call records or events. ${HEADERLESS_HINT} To rename columns: --columns callId=call_id,dialAt=start_time,…`);
      }
    } else {
      mapping = mappingFromOrder(columns ?? '');
      if (first.length !== mapping.width) {
        throw new UsageError(`the first row has ${first.length} columns; --columns lists ${mapping.width}`);
      }
    }
    const kind = options.kind ?? (mapping.fields.includes('type') ? 'events' : 'records');
    const required = kind === 'events' ? REQUIRED_EVENT_FIELDS : REQUIRED_RECORD_FIELDS;
    const missing = required.filter((f) => !mapping.fields.includes(f) && !options.set.has(f));
    if (missing.length > 0) {
      const near = missing.map((f) => [f, closest(f, first.map((c) => c.trim()))] as const).filter(([, g]) => g !== null);
      throw new UsageError(
        `the ${header ? 'header' : '--columns list'} has no column for ${missing.join(', ')} (required of every call ${kind === 'events' ? 'event' : 'record'}). ` +
          (near.length > 0 ? `Rename with --columns ${near.map(([f, g]) => `${f}=${g}`).join(',')}. ` : '') +
          `For a value the file does not hold, give it for every row with --set, e.g. --set ${missing[0]}=…; for a dialler's own format use --preset or --mapping.`,
      );
    }
    // A fact no column shows is unknown on every row, not absent (README, "Evidence: unknown is not absent").
    const unshown: readonly UnknownFact[] = kind === 'records' ? Object.freeze(factsNotShown([...mapping.fields, ...options.set.keys()])) : [];
    const toObject =
      unshown.length === 0
        ? (row: readonly string[]) => normalise(mapping.toObject(row)) as Record<string, unknown>
        : (row: readonly string[]) => {
            const object = mapping.toObject(row); // a fresh object of this row
            object.unknown = withUnshown(object.unknown, unshown);
            return normalise(object) as Record<string, unknown>;
          };
    return { header, unshown, mapping: { width: mapping.width, fields: mapping.fields, toObject } };
  };
}
