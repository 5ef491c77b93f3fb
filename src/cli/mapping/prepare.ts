/**
 * How the command reads rows, settled from the options before the input is opened: a
 * mapping (`--preset`, `--mapping`) compiled and checked, or dialguard's own field names
 * with `--set`, `--epoch` and `--input-tz` applied.
 */
import { extname } from 'node:path';
import type { AuditArgs, InputKind } from '../args.js';
import type { ColumnMapping } from '../columns.js';
import { compileMapping, type CompiledMapping, type MappingOptions } from './compile.js';
import { loadMappingFile, loadPreset } from './load.js';
import { plainCsvMapper, plainNormaliser, type PlainNormaliser, type PlainOptions } from './plain.js';
import type { MappingFile, UnknownFact } from './types.js';

/** Facts the input has no source for at all, so they are unknown on every call, and why (for the evidence summary). */
export interface UnshownFacts {
  /** In record order. */
  readonly facts: readonly UnknownFact[];
  /** Why, naming them: "the file's header has no column for agentAt, messageAt". */
  readonly reason: string;
}

/**
 * How CSV rows are read, as plain data: what the options and the mapping file (read once)
 * settle, so a worker thread of `--workers` makes the same reader (`csvReaderOf`).
 */
export type CsvSpec =
  | { readonly kind: 'mapping'; readonly name: string; readonly file: MappingFile; readonly options: MappingOptions }
  | { readonly kind: 'plain'; readonly header: boolean; readonly columns: string | undefined; readonly delimiter: string; readonly reading: PlainOptions };

/** The CSV reader of a spec. */
export interface CsvReader {
  /** Reads the first row, returns the mapping of the rest, and whether that row was a header. */
  readonly mapper: (first: readonly string[]) => { readonly mapping: ColumnMapping; readonly header: boolean };
  readonly delimiter: string;
  /**
   * The file's first record is a header, whatever it holds (dialguard's own columns with a
   * header, or a mapping with `"header": true`): a first line that cannot be read (not
   * UTF-8) is then the header, and ends the read. Otherwise (`--no-header`, or a mapping
   * that decides from the cells, as the presets do) such a line is rejected like any other.
   */
  readonly headerFirst: boolean;
  /** The compiled mapping (`--preset`, `--mapping`), else `null`. */
  readonly mapping: CompiledMapping | null;
  /** The facts the input has no source for (a mapping: from the start; dialguard's own columns: once `mapper` has read the first row), else `null`. */
  unshownFacts(): UnshownFacts | null;
}

/** `UnshownFacts` of `facts`, with why (`source`: what lacks them), or `null` for none. */
function unshown(facts: readonly UnknownFact[], source: string): UnshownFacts | null {
  return facts.length === 0 ? null : { facts, reason: `${source} ${facts.join(', ')}` };
}

/**
 * The reader `spec` describes: a mapping compiled (`unmappedCap` as given) or dialguard's own field names.
 * @throws UsageError for a mapping that cannot be used (every problem at once)
 */
export function csvReaderOf(spec: CsvSpec, unmappedCap?: number): CsvReader {
  if (spec.kind === 'mapping') {
    const mapping = compileMapping(spec.name, spec.file, unmappedCap === undefined ? spec.options : { ...spec.options, unmappedCap });
    const facts = unshown(mapping.undeclared, `${spec.name} neither maps nor lists as unknown`);
    return { mapper: (first) => mapping.start(first), delimiter: mapping.delimiter, headerFirst: mapping.headerAlways, mapping, unshownFacts: () => facts };
  }
  const { header, columns, delimiter, reading } = spec;
  const start = plainCsvMapper(header, columns, delimiter, reading, plainNormaliser(reading));
  let facts: UnshownFacts | null = null;
  const mapper = (first: readonly string[]): ReturnType<typeof start> => {
    const started = start(first);
    facts = unshown(started.unshown, started.header ? "the file's header has no column for" : '--columns lists no column for');
    return started;
  };
  return { mapper, delimiter, headerFirst: header, mapping: null, unshownFacts: () => facts };
}

/** The row readers of one run. */
export interface RowPlan {
  /** The compiled mapping, when one was given. */
  readonly mapping: CompiledMapping | null;
  /** `records` with a mapping; else `--input` (or `undefined`: detected). */
  readonly kind: InputKind | undefined;
  /** The CSV reader, as data (for the worker threads). */
  readonly csv: CsvSpec;
  /** For the CSV reader: reads the first row, returns the mapping of the rest. */
  readonly csvMapper: (first: readonly string[]) => { readonly mapping: ColumnMapping; readonly header: boolean };
  /** For the CSV reader: the first record is surely a header (`CsvReader.headerFirst`). */
  readonly csvHeaderFirst: boolean;
  readonly delimiter: string;
  /** For JSON Lines: each parsed line through `--set`, `--epoch`, `--input-tz`. @throws CellError for a value that cannot be read */
  readonly normalise: PlainNormaliser;
  /** CSV: the facts the file has no source for (`CsvReader.unshownFacts`); JSON Lines: `null` (a missing key is absent). */
  unshownFacts(): UnshownFacts | null;
}

/**
 * The plan for `args` reading `file`.
 * @throws UsageError for a mapping or option that cannot be used (every problem at once)
 */
export function planRows(args: AuditArgs): RowPlan {
  const tsv = args.file !== '-' && extname(args.file).toLowerCase() === '.tsv';
  const delimiterOption = args.delimiterOption ?? (tsv ? '\t' : undefined);
  const reading: PlainOptions = { set: args.set, kind: args.input, epoch: args.epoch, inputTz: args.inputTz };
  const normalise = plainNormaliser(reading);
  let csv: CsvSpec;
  if (args.preset !== undefined || args.mapping !== undefined) {
    const name = args.preset !== undefined ? `preset ${args.preset}` : `mapping ${args.mapping}`;
    const file = args.preset !== undefined ? loadPreset(args.preset) : loadMappingFile(args.mapping!);
    csv = { kind: 'mapping', name, file, options: { set: args.set, inputTz: args.inputTz, epoch: args.epoch, header: args.header ? undefined : false, delimiter: delimiterOption } };
  } else csv = { kind: 'plain', header: args.header, columns: args.columns, delimiter: delimiterOption ?? ',', reading };
  const reader = csvReaderOf(csv);
  return {
    mapping: reader.mapping,
    kind: reader.mapping !== null ? 'records' : args.input,
    csv,
    csvMapper: reader.mapper,
    csvHeaderFirst: reader.headerFirst,
    delimiter: reader.delimiter,
    normalise,
    unshownFacts: () => reader.unshownFacts(),
  };
}
