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
 */
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { parse, type CsvError, type InfoRecord } from 'csv-parse';
import { CellError, mappingFromHeader, mappingFromOrder, type ColumnMapping } from './columns.js';
import { UsageError } from './exit-codes.js';
import { MAX_LINE_BYTES, MAX_LINE_CHARS, NOT_UTF8_MESSAGE, type RowSink } from './rows.js';
import { utf8Lines } from './utf8-lines.js';

/** How to read the CSV. */
export interface CsvOptions {
  /** The first record names the columns. */
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

/** Line number of a csv-parse error. */
function errorLine(err: unknown): number {
  const lines = (err as { lines?: unknown }).lines;
  return typeof lines === 'number' ? lines : 0;
}

/**
 * Reads every record of `chunks`, handing each to `sink` before the next is parsed.
 * @throws UsageError for a header that `--columns` does not fit, or a record too long to recover from
 */
export async function readCsv(chunks: AsyncIterable<Buffer | string>, options: CsvOptions, sink: RowSink): Promise<void> {
  let mapping: ColumnMapping | null = options.header || options.mapper ? null : mappingFromOrder(options.columns ?? '');
  let lastLine = 0; // line where the last record (or unreadable stretch) ended
  let lastWasSkip = false;
  // Lines found not UTF-8, rejected once the parser has handed on the records before them
  // (it holds a record until it sees what follows), so rows stay in file order.
  const notUtf8: number[] = [];
  const rejectNotUtf8Before = (line: number): void => {
    while (notUtf8.length > 0 && notUtf8[0]! < line) sink.reject(notUtf8.shift()!, 'encoding', NOT_UTF8_MESSAGE);
  };

  const onRecord = (record: string[], info: InfoRecord): null => {
    const line = info.lines;
    rejectNotUtf8Before(line);
    lastLine = line;
    lastWasSkip = false;
    if (mapping === null) {
      if (options.mapper === undefined) {
        mapping = mappingFromHeader(record, options.columns);
        return null;
      }
      const started = options.mapper(record);
      mapping = started.mapping;
      if (started.header) return null;
    }
    if (record.length > mapping.width || record.length < (mapping.minWidth ?? mapping.width)) {
      const expected = mapping.minWidth === undefined || mapping.minWidth === mapping.width ? `${mapping.width}` : `${mapping.minWidth}–${mapping.width}`;
      sink.reject(line, 'csv', `expected ${expected} columns, found ${record.length}`);
      return null;
    }
    let value: Record<string, unknown>;
    try {
      value = mapping.toObject(record);
    } catch (e) {
      if (!(e instanceof CellError)) throw e;
      sink.reject(line, 'invalid', e.message, e.path);
      return null;
    }
    sink.row(line, value);
    return null;
  };

  const onSkip = (err: CsvError | undefined): undefined => {
    const line = errorLine(err);
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
    sink.reject(first, 'csv', `not readable as CSV (${span}): ${err?.message ?? 'unknown error'}`);
    return undefined;
  };

  const parser = parse({
    delimiter: options.delimiter,
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    max_record_size: MAX_LINE_CHARS,
    on_record: onRecord,
    on_skip: onSkip,
  });
  parser.resume(); // records are handled in on_record; nothing is pushed
  const done = finished(parser);
  done.catch(() => undefined); // observed below
  let content = false; // a non-blank line has gone to the parser
  try {
    for await (const piece of utf8Lines(chunks, MAX_LINE_BYTES)) {
      if (parser.destroyed) break;
      let text: string;
      if (piece.kind === 'text') {
        text = piece.text;
        content ||= text.trim() !== '';
      } else if (piece.kind === 'notUtf8') {
        if (options.header && !content) throw new UsageError(`line ${piece.line}: the header is ${NOT_UTF8_MESSAGE}`);
        notUtf8.push(piece.line);
        text = '\n'; // an empty line in its place: skipped, and the parser's line numbers stay right
      } else {
        throw new UsageError(
          `line ${piece.line}: a CSV line longer than ${MAX_LINE_BYTES.toLocaleString('en-GB')} bytes (an unclosed quote?); the rest of the file cannot be read reliably`,
        );
      }
      if (!parser.write(text)) await Promise.race([once(parser, 'drain'), done]);
    }
    if (!parser.destroyed) parser.end();
  } catch (e) {
    parser.destroy();
    throw e;
  }
  await done;
  rejectNotUtf8Before(Infinity);
}
