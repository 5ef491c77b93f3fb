/**
 * CSV reader: csv-parse's streaming parser, fed chunk by chunk; each record is mapped to an
 * object (see `columns.ts`) and handed on, with its line number, from inside the parser
 * (`on_record`), so records and unreadable stretches reach the sink in file order and
 * nothing queues up between the parser and the audit.
 *
 * - A record with the wrong number of cells is rejected with its line.
 * - Unreadable quoting is rejected with the lines it spans: csv-parse resynchronises at
 *   the next record it can read, and every line in between is named in the rejection
 *   (a stray quote can swallow the lines after it; they are reported, never dropped unseen).
 * - Empty lines are skipped.
 * - A record longer than `MAX_LINE_CHARS` (typically an unclosed quote swallowing the rest
 *   of the file) cannot be resynchronised: it ends the read with a `UsageError` (exit 2).
 * - The bytes are decoded strictly (`utf8-lines.ts`): a line that is not valid UTF-8 is
 *   rejected with its number (`encoding`) and the parser sees an empty line in its place, so
 *   its line numbers stay right; a header that is not valid UTF-8 ends the read (exit 2).
 *
 * The worker threads of `--workers` read batches of whole records with the same parser
 * options and the same per-record step (`csv-batch.ts`); when a batch is not plain
 * (`readCsvBatch`), the rest of the input is read here, from that batch on (`CsvResume`).
 */
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { parse, type CsvError, type InfoRecord, type Options } from 'csv-parse';
import { CellError, mappingFromHeader, mappingFromOrder, type ColumnMapping } from './columns.js';
import { UsageError } from './exit-codes.js';
import { MAX_LINE_BYTES, MAX_LINE_CHARS, NOT_UTF8_MESSAGE, type RowSink } from './rows.js';
import { decodeLines, lineBytes, type LineBytes } from './utf8-lines.js';

/** How to read the CSV. */
export interface CsvOptions {
  /**
   * The first record names the columns, whatever it holds: a first line that is not UTF-8
   * is then the header, and ends the read. With a `mapper` that decides from the first
   * record's cells (a preset's `"header": "auto"`), give `false`: such a line is rejected
   * as any other, and the mapper decides from the next one.
   */
  readonly header: boolean;
  /** `--columns`, see `columns.ts`. */
  readonly columns: string | undefined;
  readonly delimiter: string;
  /**
   * Reads the first record and returns the mapping of the rest, and whether that record
   * was a header (else it is read as the first call). Given, it replaces `header`/`columns`.
   */
  readonly mapper?: (first: readonly string[]) => { readonly mapping: ColumnMapping; readonly header: boolean };
}

/**
 * Where a read resumes, part way through the input, after the batches before it were read
 * in worker threads: the mapping the first record settled, the record delimiter the parser
 * found in the first lines, and the number of the first line read now (a record starts there).
 */
export interface CsvResume {
  readonly mapping: ColumnMapping;
  readonly recordDelimiter: string;
  readonly line: number;
}

/** Line number of a csv-parse error. */
function errorLine(err: unknown): number {
  const lines = (err as { lines?: unknown }).lines;
  return typeof lines === 'number' ? lines : 0;
}

/**
 * csv-parse's options, the same for every reader: cells split on `delimiter`, a byte-order
 * mark dropped (`bom`: at the start of the input only), ragged rows and bad quoting handed
 * to the handlers rather than thrown, no record longer than `MAX_LINE_CHARS`; the record
 * delimiter `recordDelimiter` when it is known, else found in the first lines.
 */
export function csvParserOptions(delimiter: string, bom: boolean, recordDelimiter: string | undefined): Options {
  return {
    delimiter,
    bom,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    max_record_size: MAX_LINE_CHARS,
    ...(recordDelimiter !== undefined ? { record_delimiter: recordDelimiter } : {}),
  };
}

/** The mapping of the rows, settled by the first record (`mapper`), or given. */
interface MappingState {
  mapping: ColumnMapping | null;
}

/**
 * The step every reader takes for one record read at `line`: the first record settles the
 * mapping (a header is not a row); a record with the wrong number of cells is rejected; the
 * others are mapped to an object (a cell that cannot be read rejects the row) and handed on.
 */
export function csvRecordStep(options: CsvOptions, state: MappingState, sink: RowSink): (record: string[], line: number) => void {
  return (record, line) => {
    if (state.mapping === null) {
      if (options.mapper === undefined) {
        state.mapping = mappingFromHeader(record, options.columns);
        return;
      }
      const started = options.mapper(record);
      state.mapping = started.mapping;
      if (started.header) return;
    }
    const mapping = state.mapping;
    if (record.length > mapping.width || record.length < (mapping.minWidth ?? mapping.width)) {
      const expected = mapping.minWidth === undefined || mapping.minWidth === mapping.width ? `${mapping.width}` : `${mapping.minWidth}–${mapping.width}`;
      sink.reject(line, 'csv', `expected ${expected} columns, found ${record.length}`);
      return;
    }
    let value: Record<string, unknown>;
    try {
      value = mapping.toObject(record);
    } catch (e) {
      if (!(e instanceof CellError)) throw e;
      sink.reject(line, 'invalid', e.message, e.path);
      return;
    }
    sink.row(line, value);
  };
}

/**
 * Reads every record of `chunks`, handing each to `sink` before the next is parsed.
 * @throws UsageError for a header that `--columns` does not fit, or a record too long to recover from
 */
export function readCsv(chunks: AsyncIterable<Buffer | string>, options: CsvOptions, sink: RowSink): Promise<void> {
  return readCsvPieces(lineBytes(chunks, MAX_LINE_BYTES), options, sink);
}

/**
 * Reads every record of `pieces` (the input's whole lines, from `lineBytes`; from `resume.line`
 * when given, with its mapping and record delimiter), handing each to `sink` before the next is parsed.
 * @throws UsageError for a header that `--columns` does not fit, or a record too long to recover from
 */
export async function readCsvPieces(pieces: AsyncIterable<LineBytes>, options: CsvOptions, sink: RowSink, resume?: CsvResume): Promise<void> {
  const state: MappingState = {
    mapping: resume?.mapping ?? (options.header || options.mapper ? null : mappingFromOrder(options.columns ?? '')),
  };
  const step = csvRecordStep(options, state, sink);
  // The parser numbers lines from 1; a read that resumes adds the lines before it.
  const before = resume === undefined ? 0 : resume.line - 1;
  let lastLine = before; // line where the last record (or unreadable stretch) ended
  let lastWasSkip = false;
  // Lines found not UTF-8, rejected once the parser has handed on the records before them
  // (it holds a record until it sees what follows), so rows stay in file order.
  const notUtf8: number[] = [];
  const rejectNotUtf8Before = (line: number): void => {
    while (notUtf8.length > 0 && notUtf8[0]! < line) sink.reject(notUtf8.shift()!, 'encoding', NOT_UTF8_MESSAGE);
  };

  const onRecord = (record: string[], info: InfoRecord): null => {
    const line = info.lines + before;
    rejectNotUtf8Before(line);
    lastLine = line;
    lastWasSkip = false;
    step(record, line);
    return null;
  };

  const onSkip = (err: CsvError | undefined): undefined => {
    const line = errorLine(err) + before;
    rejectNotUtf8Before(line);
    if (err?.code === 'CSV_MAX_RECORD_SIZE') {
      throw new UsageError(
        `line ${line}: a CSV record longer than ${MAX_LINE_CHARS.toLocaleString('en-GB')} characters (an unclosed quote?); the rest of the file cannot be read reliably`,
      );
    }
    // A second error in a stretch already rejected (e.g. its quote is then never closed) is the same row.
    if (lastWasSkip && line <= lastLine) return undefined;
    const first = Math.min(lastLine + 1, line);
    lastLine = line;
    lastWasSkip = true;
    const span = first < line ? `lines ${first}–${line}` : `line ${line}`;
    // csv-parse's message names its own line ("… at line N …"): the file's, when the read resumed part way.
    const message = err === undefined ? 'unknown error' : before === 0 ? err.message : err.message.replace(`at line ${errorLine(err)}`, `at line ${line}`);
    sink.reject(first, 'csv', `not readable as CSV (${span}): ${message}`);
    return undefined;
  };

  const parser = parse({ ...csvParserOptions(options.delimiter, resume === undefined, resume?.recordDelimiter), on_record: onRecord, on_skip: onSkip });
  parser.resume(); // records are handled in on_record; nothing is pushed
  const done = finished(parser);
  done.catch(() => undefined); // observed below
  let content = resume !== undefined; // a non-blank line has gone to the parser
  try {
    for await (const batch of pieces) {
      if (batch.kind === 'tooLong') throw tooLongLine(batch.line);
      for (const piece of decodeLines(batch.bytes, batch.line, MAX_LINE_BYTES)) {
        if (parser.destroyed) break;
        let text: string;
        if (piece.kind === 'text') {
          text = piece.text;
          content ||= text.trim() !== '';
        } else if (piece.kind === 'notUtf8') {
          if (options.header && !content) throw new UsageError(`line ${piece.line}: the header is ${NOT_UTF8_MESSAGE}`);
          notUtf8.push(piece.line);
          text = piece.ending; // an empty line in its place, ending as the line did (CR LF in a CR LF file): skipped, and the parser's line numbers stay right
        } else throw tooLongLine(piece.line);
        if (!parser.write(text)) await Promise.race([once(parser, 'drain'), done]);
      }
      if (parser.destroyed) break;
    }
    if (!parser.destroyed) parser.end();
  } catch (e) {
    parser.destroy();
    throw e;
  }
  await done;
  rejectNotUtf8Before(Infinity);
}

/** The error of a line too long to read: the rest of the file cannot be read reliably. */
function tooLongLine(line: number): UsageError {
  return new UsageError(
    `line ${line}: a CSV line longer than ${MAX_LINE_BYTES.toLocaleString('en-GB')} bytes (an unclosed quote?); the rest of the file cannot be read reliably`,
  );
}
