/**
 * How the command reads rows, settled from the options before the input is opened: a
 * mapping (`--preset`, `--mapping`) compiled and checked, or dialguard's own field names
 * with `--set`, `--epoch` and `--input-tz` applied.
 */
import { extname } from 'node:path';
import type { AuditArgs, InputKind } from '../args.js';
import type { ColumnMapping } from '../columns.js';
import { compileMapping, type CompiledMapping } from './compile.js';
import { loadMappingFile, loadPreset } from './load.js';
import { plainCsvMapper, plainNormaliser, type PlainNormaliser } from './plain.js';

/** The row readers of one run. */
export interface RowPlan {
  /** The compiled mapping, when one was given. */
  readonly mapping: CompiledMapping | null;
  /** `records` with a mapping; else `--input` (or `undefined`: detected). */
  readonly kind: InputKind | undefined;
  /** For the CSV reader: reads the first row, returns the mapping of the rest. */
  readonly csvMapper: (first: readonly string[]) => { readonly mapping: ColumnMapping; readonly header: boolean };
  readonly delimiter: string;
  /** For JSON Lines: each parsed line through `--set`, `--epoch`, `--input-tz`. @throws CellError for a value that cannot be read */
  readonly normalise: PlainNormaliser;
}

/**
 * The plan for `args` reading `file`.
 * @throws UsageError for a mapping or option that cannot be used (every problem at once)
 */
export function planRows(args: AuditArgs): RowPlan {
  const tsv = args.file !== '-' && extname(args.file).toLowerCase() === '.tsv';
  const delimiterOption = args.delimiterOption ?? (tsv ? '\t' : undefined);
  const normalise = plainNormaliser({ set: args.set, kind: args.input, epoch: args.epoch, inputTz: args.inputTz });
  if (args.preset !== undefined || args.mapping !== undefined) {
    const name = args.preset !== undefined ? `preset ${args.preset}` : `mapping ${args.mapping}`;
    const file = args.preset !== undefined ? loadPreset(args.preset) : loadMappingFile(args.mapping!);
    const mapping = compileMapping(name, file, {
      set: args.set,
      inputTz: args.inputTz,
      epoch: args.epoch,
      header: args.header ? undefined : false,
      delimiter: delimiterOption,
    });
    return { mapping, kind: 'records', csvMapper: (first) => mapping.start(first), delimiter: mapping.delimiter, normalise };
  }
  const delimiter = delimiterOption ?? ',';
  return {
    mapping: null,
    kind: args.input,
    csvMapper: plainCsvMapper(args.header, args.columns, delimiter, { set: args.set, kind: args.input, epoch: args.epoch, inputTz: args.inputTz }, normalise),
    delimiter,
    normalise,
  };
}
