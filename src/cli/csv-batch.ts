/**
 * One batch of a CSV input read on its own (a worker thread of `--workers`, or the reading
 * thread), with the parser options and the per-record step of `readCsv`, and the answer to
 * one question: did the batch read as the one parser reading the whole file would have
 * read it? It did when the batch starts at a record (the batches before it were plain) and
 * is plain:
 *
 * - no record csv-parse could not read (bad quoting, a quote never closed by the batch's
 *   end, a record too long) — the single parser resynchronises after those in ways a
 *   fresh parser at the next batch cannot know;
 * - no line too long, and no line that is not UTF-8 holding a quote (it is read as an empty
 *   line, so the quotes the parser sees are not the file's) or before the input's first
 *   line that is not blank (where it stands for the header);
 * - no cell holding a carriage return (csv-parse counts a line break `\r\n` inside quotes
 *   as two lines, so the line numbers after it are the single parser's own), nor, when the
 *   records end with `\r\n`, a line feed (a bare `\n` does not end a record there, so a
 *   batch cut after one would end inside a record).
 *
 * A batch that is not plain is read again, with the rest of the input, by one parser
 * (`readCsvPieces` with `CsvResume`): the report is the same as one thread's, byte for byte.
 *
 * A batch whose every line is plain CSV (`csv-plain-lines.ts`: bare or simply quoted cells,
 * one record per line) is split by a fast reader that gives the records csv-parse would;
 * any other batch is read by csv-parse.
 */
import { parse } from 'csv-parse/sync';
import { csvParserOptions, csvRecordStep, type CsvOptions } from './csv.js';
import { plainCsvRecords } from './csv-plain-lines.js';
import type { ColumnMapping } from './columns.js';
import { MAX_LINE_BYTES, NOT_UTF8_MESSAGE, type RowSink } from './rows.js';
import { allLinesReadable, decodeLines } from './utf8-lines.js';

const NL = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;

/** What reading a batch found. */
export interface CsvBatchOutcome {
  /** The batch read as the single parser would have (see the module's comment); else nothing it read counts. */
  readonly plain: boolean;
  /**
   * Not plain only because a quote was still open at the batch's end, with every record
   * before it read: the batch ends inside a quoted cell, and read together with the next
   * batch it may be plain.
   */
  readonly openAtEnd?: true;
  /** The first record's cells, when the batch settled the mapping (the input's first batch). */
  readonly first: readonly string[] | null;
  /** The mapping of the rows (settled by this batch, or given). */
  readonly mapping: ColumnMapping | null;
}

/** How to read a batch. */
export interface CsvBatchOptions extends CsvOptions {
  /** The mapping the input's first record settled (every batch but the first). */
  readonly mapping?: ColumnMapping;
  /** The record delimiter found in the input's first lines (`recordDelimiterOf`). */
  readonly recordDelimiter: string;
}

/** Thrown from csv-parse's callbacks to stop reading a batch that is not plain (`openAtEnd`: only a quote left open at its end). */
class NotPlain extends Error {
  constructor(readonly openAtEnd = false) {
    super('not plain'); // Stryker disable-line StringLiteral: equivalent: caught below, its message never shown
  }
}

/**
 * Answers "does line `index` (0-based) of `bytes` hold a quote?" for lines asked in rising
 * order: it walks the bytes once in all (a batch of lines that are all not UTF-8 stays
 * linear), and looks for the quote within the line alone.
 */
function quotedLines(bytes: Buffer): (index: number) => boolean {
  let line = 0;
  let start = 0;
  return (index) => {
    for (; line < index; line++) start = bytes.indexOf(NL, start) + 1;
    const nl = bytes.indexOf(NL, start);
    return bytes.subarray(start, nl < 0 ? bytes.length : nl).includes(QUOTE);
  };
}

/**
 * The batch's bytes as the parser is to read them — each line that is not UTF-8 replaced by
 * an empty line, as `readCsv` does — and those lines' numbers; `null` when the batch is not
 * plain (a line too long, or one not UTF-8 holding a quote).
 */
function parserInput(bytes: Buffer, line: number): { input: Buffer; notUtf8: number[] } | null {
  if (allLinesReadable(bytes, MAX_LINE_BYTES)) return { input: bytes, notUtf8: [] };
  const parts: Buffer[] = [];
  const notUtf8: number[] = [];
  // Stryker disable next-line ConditionalExpression: equivalent: taking a later batch's line not UTF-8 for the header's only makes the batch not plain, read again by one parser (slower, the same report)
  let content = line > 1; // a line that is not blank came before (the input's header, if it has one)
  const hasQuote = quotedLines(bytes);
  for (const piece of decodeLines(bytes, line, MAX_LINE_BYTES)) {
    // Before any content, a line not UTF-8 is where the header should be, which ends the read (`readCsv`).
    if (piece.kind === 'tooLong' || (piece.kind === 'notUtf8' && (!content || hasQuote(piece.line - line)))) return null;
    if (piece.kind === 'notUtf8') {
      notUtf8.push(piece.line);
      parts.push(Buffer.from(piece.ending)); // an empty line ending as the line did, as `readCsv` puts
    } else {
      content ||= piece.text.trim() !== '';
      parts.push(Buffer.from(piece.text, 'utf8')); // Stryker disable-line StringLiteral: equivalent: UTF-8 is Buffer.from's default
    }
  }
  return { input: Buffer.concat(parts), notUtf8 };
}

/**
 * Reads the batch `bytes` (whole lines, the first numbered `line`, starting at a record),
 * handing each row or rejected row to `sink` in line order, as `readCsv` would. When the
 * outcome is not `plain`, what was handed to `sink` does not count (hand it to a sink that
 * can be thrown away).
 * Throws nothing for what the lines hold: an error reading them (a header that does not fit
 * the mapping) makes the batch not plain, and one parser reading them again throws it.
 */
export function readCsvBatch(bytes: Buffer, line: number, options: CsvBatchOptions, sink: RowSink): CsvBatchOutcome {
  const prepared = parserInput(bytes, line);
  // Stryker disable next-line LogicalOperator: equivalent: the mapping of a batch that is not plain is never read
  if (prepared === null) return { plain: false, first: null, mapping: options.mapping ?? null };
  const { input, notUtf8 } = prepared;
  const state = { mapping: options.mapping ?? null };
  let first: readonly string[] | null = null;
  const step = csvRecordStep(options, state, sink);
  const rejectNotUtf8Before = (at: number): void => {
    // Stryker disable next-line EqualityOperator,ConditionalExpression: equivalent: no record is read at a line not UTF-8 (the parser sees an empty line there), and shifting an empty list gives nothing below `at`
    while (notUtf8.length > 0 && notUtf8[0]! < at) sink.reject(notUtf8.shift()!, 'encoding', NOT_UTF8_MESSAGE);
  };
  const before = line - 1;
  const onRecord = (record: string[], lines: number): void => {
    const at = lines + before;
    rejectNotUtf8Before(at);
    if (state.mapping === null) first = record;
    step(record, at);
  };
  try {
    // Lines csv-parse would read cell by cell, read faster (`csv-plain-lines.ts`); anything else, by csv-parse.
    const plainLines = plainCsvRecords(input, options.delimiter, options.recordDelimiter);
    if (plainLines !== null) {
      const { records, lines } = plainLines;
      for (let i = 0; i < records.length; i++) onRecord(records[i]!, lines[i]!);
    } else {
      // Cells can hold a carriage return (or a line feed) only where the batch has one.
      const lineFeedEndsRecord = options.recordDelimiter === '\n';
      // Stryker disable next-line ConditionalExpression,EqualityOperator,BooleanLiteral: equivalent: skipping the check of every cell where no cell can fail it only saves time
      const checkCells = input.indexOf(CR) >= 0 || !lineFeedEndsRecord;
      parse(input, {
        ...csvParserOptions(options.delimiter, line === 1, options.recordDelimiter),
        on_record: (record: string[], info) => {
          if (checkCells) for (const cell of record) if (cell.includes('\r') || (!lineFeedEndsRecord && cell.includes('\n'))) throw new NotPlain();
          onRecord(record, info.lines);
          return null;
        },
        // The first record csv-parse cannot read: a quote never closed is reported at the input's end, once all else is read.
        on_skip: (err) => {
          throw new NotPlain(err?.code === 'CSV_QUOTE_NOT_CLOSED'); // Stryker disable-line OptionalChaining: equivalent: csv-parse always passes the error
        },
      });
    }
  } catch (e) {
    // Anything else thrown while reading (a header that does not fit the mapping, csv-parse's own errors) is
    // thrown again, with its message, when one parser reads these lines again, from the batch's start.
    return e instanceof NotPlain && e.openAtEnd ? { plain: false, openAtEnd: true, first: null, mapping: state.mapping } : { plain: false, first: null, mapping: state.mapping };
  }
  rejectNotUtf8Before(Infinity);
  return { plain: true, first, mapping: state.mapping };
}

/**
 * The record delimiter csv-parse finds in `bytes` (the input's first lines) when none is
 * given: the first line break outside quotes, `\r\n`, `\n` or `\r`; `null` when there is
 * none. Passed to every batch's parser, so a batch that starts with other line breaks than
 * the input's first line is read as the single parser reads it.
 */
export function recordDelimiterOf(bytes: Uint8Array): string | null {
  let quoted = false;
  // Stryker disable next-line EqualityOperator: equivalent: the byte past the end is undefined, neither a quote nor a line break
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === QUOTE) quoted = !quoted;
    else if (!quoted && b === CR) return bytes[i + 1] === NL ? '\r\n' : '\r';
    else if (!quoted && b === NL) return '\n';
  }
  return null;
}
