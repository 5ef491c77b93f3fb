/**
 * A mapping: how the rows of some dialler's own call-record file (Asterisk's Master.csv,
 * VICIdial's vicidial_log, any CDR) become dialguard `CallRecord`s. It is data — a JSON
 * file — so a site copies a preset and edits it for its own columns and status codes.
 *
 * ```json
 * {
 *   "name": "my-dialler",
 *   "columns": ["id", "campaign", "number", "started", "ended", "status"],
 *   "header": "auto",
 *   "inputTz": "Europe/London",
 *   "fields": {
 *     "callId": "id",
 *     "campaignId": "campaign",
 *     "to": "number",
 *     "dialAt": { "column": "started", "time": "local" },
 *     "hangupAt": { "column": "ended", "time": "local" }
 *   },
 *   "unknown": ["answerAt", "agentAt", "messageAt", "hangupBy"],
 *   "outcome": { "status": "{status}", "table": { "SALE": "live", "DROP": "abandoned", "NA": "unconnected" } }
 * }
 * ```
 */
import type { CallRecord } from 'dialguard/internals';
import type { EpochUnit } from './cells.js';

/** A fact the source cannot show (see `CallRecord.unknown`). */
export type UnknownFact = NonNullable<CallRecord['unknown']>[number];
/** The dialler's recorded outcome (see `CallRecord.outcome`). */
export type RecordedOutcome = NonNullable<CallRecord['outcome']>;

/** How a time cell is written: `local` a zoneless wall-clock time (read in `inputTz`), `epoch` a number in the mapping's `epoch` unit, `iso` an ISO-8601 time with a zone (default; a number is read as `epoch`). */
export type TimeFormat = 'local' | 'epoch' | 'iso';

/**
 * Where one field's value comes from:
 * - `"name"`: the cell of that column; `"+{code}{number}"`: a template of column cells;
 * - `{ column | template | value, match?, values?, time?, epoch?, unknownWhenEmpty? }`:
 *   `match` a regular expression whose first group (or whole match) is kept; `values` a
 *   table from the text to the field's value (`"*"`: anything else; without it, text not in
 *   the table is an error); `time` how a time is written; `unknownWhenEmpty`: an empty
 *   result marks the fact unknown on that row (e.g. AMDSTATUS only some dialplans write);
 * - `{ first: [source, …] }`: the first source that gives a non-empty value.
 */
export type FieldSource =
  | string
  | {
      readonly column?: string;
      readonly template?: string;
      readonly value?: string | number | boolean | null;
      readonly first?: readonly FieldSource[];
      readonly match?: string;
      readonly values?: Readonly<Record<string, string | number | boolean | null>>;
      readonly time?: TimeFormat;
      readonly epoch?: EpochUnit;
      readonly unknownWhenEmpty?: boolean;
    };

/** A category with, for answer machines, its kind: `"live"`, `"answerMachine:disconnectedByAmd"` or `{ category, machine }`. */
export type OutcomeSpec = string | { readonly category: string; readonly machine?: string | null };

/** The dialler's status codes and what each means at this site (A3.3, A3.5). */
export interface OutcomeMapping {
  /** The status as recorded: a template of cells, e.g. `"{status}"` or `"{disposition} {lastapp}"`. */
  readonly status: string;
  /** Exact statuses → outcome. Tried first. */
  readonly table?: Readonly<Record<string, OutcomeSpec>>;
  /** Then these, in order: the first whose every `when` (column → regular expression, whole cell, any case) matches. */
  readonly rules?: readonly { readonly when: Readonly<Record<string, string>>; readonly outcome: OutcomeSpec }[];
}

/** A mapping file (see the module comment). */
export interface MappingFile {
  readonly name?: string;
  readonly description?: string;
  /** A preset this one changes: its fields, unknown facts and outcome table are the base. */
  readonly extends?: string;
  /** The columns in file order. With a header row they are matched by name, in any order. */
  readonly columns?: readonly string[];
  /**
   * Trailing columns a row may lack (Asterisk's optional `uniqueid`, `userfield`). A row
   * with fewer of them holds the first ones, unless `columnForms` says otherwise.
   */
  readonly optionalColumns?: readonly string[];
  /**
   * Optional columns a file may hold independently of each other (cdr_csv appends
   * `uniqueid` and `userfield` each on its own setting), told apart by the form of their
   * cells: optional column → regular expression (whole cell, trimmed, any case), e.g.
   * `{ "uniqueid": "[0-9]+\\.[0-9]+" }`. A headerless row holding some but not all of the
   * optional columns is read as holding those whose forms its cells fit (a column with a form
   * is preferred to one without). The file's first row settles the reading of every row of
   * its width; a later row of that width whose cells read otherwise is rejected, naming the
   * columns. A first row that fits two readings equally stops the audit (exit 2). To say
   * which columns a file holds, give them a form every cell fits (`"[\\s\\S]*"`) and the
   * others one no cell fits (`"(?!)"`). A cell longer than `MAX_PATTERN_TEXT` fits no form.
   */
  readonly columnForms?: Readonly<Record<string, string>>;
  /** `auto` (default): the first row is a header when its cells are column names; `true`/`false`: always/never. */
  readonly header?: 'auto' | boolean;
  readonly delimiter?: string;
  /** Zone of `local` times (`--input-tz` wins). */
  readonly inputTz?: string | null;
  /** Unit of `epoch` times (`--epoch` wins). */
  readonly epoch?: EpochUnit | null;
  readonly fields?: Readonly<Record<string, FieldSource>>;
  /** Facts the file cannot show, on every row. */
  readonly unknown?: readonly string[];
  readonly outcome?: OutcomeMapping | null;
  /** Free notes for the people who edit the file. */
  readonly notes?: readonly string[] | string;
}
