/**
 * CSV column mapping: which CSV column holds which field of a call record or event.
 *
 * - With a header row, a column feeds the field of its own name (`callId`, `dialAt`,
 *   `messageContent.optOutNumber` …), unless `--columns field=header,…` names another
 *   header for that field (then the column named like the field, if any, is ignored).
 * - Without one (`--no-header`), `--columns field,field,…` lists the fields in column
 *   order; an empty entry skips that column.
 * - A dotted field (`content.optOutNumber`, `messageContent.marketing`, `info.position`,
 *   `ivmInfo.identity`) is a field of a nested object; the object is built only when one of
 *   its cells is non-empty, and an empty cell leaves its field out.
 * - An object- or array-valued field given whole (`messageContent`, `content`, `ivmInfo`,
 *   `info`, `anomalies`) is read as JSON when the cell starts with `{` or `[`; an empty
 *   cell leaves it out (absent).
 * - Every other cell is passed as text: the library reads `"true"`/`"false"`/`"1"`/`"0"` as
 *   booleans, an empty cell as absent (or, for `cli`, withheld), and timestamps as ISO-8601
 *   date-times with a zone.
 * - Only the field paths of `fields.ts` are ever written, into objects without a prototype:
 *   a `--columns` entry that is not one, or a header that looks meant as one but is not
 *   (`content.optout`, `__proto__.disposition`, `constructor`), is a `UsageError` (exit 2)
 *   naming it, before any row is read. Other headers (`agent_name`) are columns dialguard
 *   does not read: they are ignored.
 */
import { printable } from 'dialguard/internals';
import { UsageError } from './exit-codes.js';
import { fieldHint, isFieldPath, JSON_FIELDS, looksLikeFieldPath } from './fields.js';

/** One mapped column: its index in the row and the field it feeds. */
interface MappedColumn {
  readonly index: number;
  /** Top-level field name. */
  readonly field: string;
  /** Nested field name for a dotted path, else `null`. */
  readonly sub: string | null;
  /** Whole object given as JSON. */
  readonly json: boolean;
}

/** A cell that could not be read: the field and why. */
export class CellError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
    this.name = 'CellError';
  }
}

/** Turns CSV rows (arrays of cells) into plain objects for `parseCallRecord` / `parseCallEvent`. */
export interface ColumnMapping {
  /** Cells each row must have (at most, when `minWidth` is given). */
  readonly width: number;
  /** Fewest cells a row may have (trailing optional columns); default `width`. */
  readonly minWidth?: number;
  /** Field paths read, in column order (for messages and detection). */
  readonly fields: readonly string[];
  /** The object of one row. @throws CellError for a JSON cell that does not parse */
  toObject(row: readonly string[]): Record<string, unknown>;
}

/** A quoted name from the command line or the file, safe to print. */
const quoted = (text: string): string => `"${printable(text, 80)}"`;

function checkField(path: string, where: string): void {
  if (!isFieldPath(path)) throw new UsageError(`${where}: ${quoted(path)} is not a field dialguard reads; ${fieldHint(path)}`);
}

function mapped(index: number, path: string): MappedColumn {
  const dot = path.indexOf('.');
  if (dot < 0) return { index, field: path, sub: null, json: JSON_FIELDS.has(path) };
  return { index, field: path.slice(0, dot), sub: path.slice(dot + 1), json: false };
}

/** Parses `--columns` given a header: `field=header` pairs (a bare `field` maps to itself). */
function headerMapping(spec: string | undefined): Map<string, string> {
  const fieldToHeader = new Map<string, string>();
  if (spec === undefined) return fieldToHeader;
  const headers = new Set<string>();
  for (const raw of spec.split(',')) {
    const entry = raw.trim();
    if (entry === '') continue;
    const eq = entry.indexOf('=');
    const field = (eq < 0 ? entry : entry.slice(0, eq)).trim();
    const header = (eq < 0 ? entry : entry.slice(eq + 1)).trim();
    checkField(field, '--columns');
    if (header === '') throw new UsageError(`--columns: ${quoted(entry)} should be field=header`);
    if (fieldToHeader.has(field)) throw new UsageError(`--columns maps ${field} twice`);
    if (headers.has(header)) throw new UsageError(`--columns maps header ${quoted(header)} to two fields`);
    fieldToHeader.set(field, header);
    headers.add(header);
  }
  return fieldToHeader;
}

function build(columns: readonly MappedColumn[], width: number, fields: readonly string[]): ColumnMapping {
  // Columns split by kind into flat arrays: the hot loop runs once per cell of every row.
  const plain = columns.filter((c) => c.sub === null && !c.json);
  const plainIndex = plain.map((c) => c.index);
  const plainField = plain.map((c) => c.field);
  const json = columns.filter((c) => c.json);
  const nested = columns.filter((c) => c.sub !== null);
  return {
    width,
    fields,
    toObject(row) {
      // No prototype: a field path is only ever one of fields.ts, and this makes sure of it.
      const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
      for (let i = 0; i < plainIndex.length; i++) out[plainField[i]!] = row[plainIndex[i]!] ?? '';
      for (const c of json) {
        const cell = row[c.index] ?? '';
        if (cell === '') continue; // an empty cell: the object is absent
        if (cell.startsWith('{') || cell.startsWith('[')) {
          try {
            out[c.field] = JSON.parse(cell);
          } catch (e) {
            throw new CellError(c.field, `${c.field} should be JSON; ${e instanceof Error ? e.message : String(e)}`);
          }
        } else {
          out[c.field] = cell;
        }
      }
      for (const c of nested) {
        const cell = row[c.index] ?? '';
        if (cell === '') continue;
        let object = out[c.field];
        if (typeof object !== 'object' || object === null) out[c.field] = object = Object.create(null) as Record<string, unknown>;
        (object as Record<string, unknown>)[c.sub!] = cell;
      }
      return out;
    },
  };
}

/**
 * The mapping for a CSV whose first row is `header`.
 * @throws UsageError when `--columns` names a header the file does not have or a field
 *   dialguard does not read, or a header looks meant as a field path but is not one
 */
export function mappingFromHeader(header: readonly string[], spec: string | undefined): ColumnMapping {
  const names = header.map((h) => h.trim());
  const fieldToHeader = headerMapping(spec);
  const explicit = new Map<string, string>(); // header → field
  for (const [field, h] of fieldToHeader) {
    if (!names.includes(h)) throw new UsageError(`--columns: the header has no column ${quoted(h)} (for ${field}); it has ${names.map(quoted).join(', ')}`);
    explicit.set(h, field);
  }
  const columns: MappedColumn[] = [];
  const fields: string[] = [];
  names.forEach((name, index) => {
    const field = explicit.get(name) ?? (fieldToHeader.has(name) || name === '' ? undefined : name);
    if (field === undefined) return;
    if (!isFieldPath(field)) {
      if (looksLikeFieldPath(field)) throw new UsageError(`column ${index + 1} of the header, ${quoted(field)}, is not a field dialguard reads; ${fieldHint(field)}`);
      return; // a column dialguard does not read
    }
    // Two columns for one field: which the file meant cannot be known, so neither is guessed.
    const earlier = fields.indexOf(field);
    if (earlier >= 0) throw new UsageError(`the header has two columns for ${field} (columns ${columns[earlier]!.index + 1} and ${index + 1}); keep one, or map one with --columns`);
    columns.push(mapped(index, field));
    fields.push(field);
  });
  return build(columns, names.length, fields);
}

/**
 * The mapping for a CSV without a header: `--columns` lists the fields in column order.
 * @throws UsageError for an entry that is not a field name
 */
export function mappingFromOrder(spec: string): ColumnMapping {
  const entries = spec.split(',').map((e) => e.trim());
  const columns: MappedColumn[] = [];
  const fields: string[] = [];
  entries.forEach((field, index) => {
    if (field === '') return;
    if (field.includes('=')) throw new UsageError(`--columns with --no-header lists fields in column order (callId,dialAt,…); ${quoted(field)} maps a header`);
    checkField(field, '--columns');
    if (fields.includes(field)) throw new UsageError(`--columns lists ${field} twice`);
    columns.push(mapped(index, field));
    fields.push(field);
  });
  if (columns.length === 0) throw new UsageError('--columns should name at least one field');
  return build(columns, entries.length, fields);
}
