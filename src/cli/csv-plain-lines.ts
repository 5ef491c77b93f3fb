/**
 * A fast reader for the plainest CSV: one record per line, each cell either bare (no quote,
 * no delimiter, no carriage return) or quoted, with its quotes doubled inside and nothing
 * after the closing quote but the delimiter or the line's end — what Asterisk's Master.csv,
 * VICIdial's exports and most other dialler files hold on every line. csv-parse reads such
 * lines byte by byte through its general state machine; this finds the cells' bounds in one
 * pass over the bytes and decodes each cell once, as csv-parse does.
 *
 * It gives exactly the records csv-parse gives with the readers' options
 * (`csvParserOptions`: no byte-order mark, cells not trimmed, empty lines skipped, records
 * of any length), or nothing: anything else on any line — a quote in a bare cell, text
 * after a closing quote, a quote not closed on its line, a carriage return that does not end
 * a `\r\n` line, a bare line feed where records end with `\r\n`, a byte-order mark at the
 * start, a very long line — makes it answer `null`, and the caller reads the lines with
 * csv-parse as before. A property test holds it to csv-parse's records on random lines.
 */
import { MAX_LINE_CHARS } from './rows.js';

const QUOTE = 0x22;
const CR = 0x0d;
const NL = 0x0a;

/** Lines longer than this go to csv-parse, well inside its record size limit (`max_record_size`). */
const LONGEST_PLAIN_LINE = MAX_LINE_CHARS >> 2;

/** The records of plain lines, each with the number of its line (the first line of the input is 1). */
export interface PlainRecords {
  readonly records: string[][];
  readonly lines: number[];
}

/** The cell `bytes[from, to)`, decoded (bytes below 0x80 are their own characters). */
function cell(bytes: Buffer, from: number, to: number, ascii: boolean): string {
  return bytes.toString(ascii ? 'latin1' : 'utf8', from, to);
}

/**
 * The records of `bytes` (whole lines of valid UTF-8; the last may lack its line break), as
 * csv-parse reads them with the readers' options, `recordDelimiter` (`\n` or `\r\n`) and
 * `delimiter` (one character below U+0080 other than a quote or a line break); `null` when
 * any line is not plain (see the module's comment), or for any other delimiters.
 */
export function plainCsvRecords(bytes: Buffer, delimiter: string, recordDelimiter: string): PlainRecords | null {
  const crlf = recordDelimiter === '\r\n';
  if (delimiter.length !== 1 || (!crlf && recordDelimiter !== '\n')) return null;
  const d = delimiter.charCodeAt(0);
  if (d >= 0x80 || d === QUOTE || d === CR || d === NL) return null;
  // A byte-order mark (EF BB BF) is csv-parse's to drop or keep.
  // Stryker disable next-line ConditionalExpression: equivalent: the length test only spares reading past the end (undefined is no byte)
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return null;
  const records: string[][] = [];
  const lines: number[] = [];
  const n = bytes.length;
  let line = 0;
  let i = 0;
  while (i < n) {
    line += 1;
    const lineStart = i;
    // An empty line (`\n`, or `\r\n` where records end so) is skipped, as csv-parse skips it.
    if (bytes[i] === NL) {
      if (crlf) return null; // a bare line feed: not a record's end here
      i += 1;
      continue;
    }
    if (crlf && bytes[i] === CR && bytes[i + 1] === NL) {
      i += 2;
      continue;
    }
    const cells: string[] = [];
    // One cell per turn; `i` is at the cell's first byte. The line ends at `\n` (after `\r` with `\r\n`) or the input's end.
    for (;;) {
      // Stryker disable next-line BooleanLiteral: equivalent: an ASCII cell decodes the same as UTF-8; `ascii` only picks the faster decoder
      let ascii = true;
      let end: number; // the byte after the cell
      if (bytes[i] === QUOTE) {
        let j = i + 1;
        // Stryker disable next-line BooleanLiteral: equivalent: a quoted cell holds quotes only doubled, so one with none has no `""` to undo
        let doubled = false;
        for (;;) {
          // Stryker disable next-line EqualityOperator: equivalent: past the end the byte is undefined, which moves `j` past `n` and ends here the same
          if (j >= n) return null; // a quote never closed
          const b = bytes[j]!;
          if (b === QUOTE) {
            if (bytes[j + 1] === QUOTE) {
              doubled = true;
              j += 2;
              continue;
            }
            break;
          }
          if (b === NL || b === CR) return null; // a line break inside quotes: csv-parse's to read
          // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent: every character from U+0080 starts with a byte from 0xC2; `ascii` only picks the faster decoder
          if (b >= 0x80) ascii = false;
          j += 1;
        }
        const value = cell(bytes, i + 1, j, ascii);
        cells.push(doubled ? value.replaceAll('""', '"') : value);
        end = j + 1;
      } else {
        let j = i;
        // Stryker disable next-line EqualityOperator: equivalent: the byte past the end is undefined, and a cell's end past `n` decodes to the same text
        for (; j < n; j++) {
          const b = bytes[j]!;
          if (b === d || b === NL || b === CR) break;
          if (b === QUOTE) return null;
          // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent: as above
          if (b >= 0x80) ascii = false;
        }
        cells.push(cell(bytes, i, j, ascii));
        end = j;
      }
      if (end - lineStart > LONGEST_PLAIN_LINE) return null;
      // After a cell: the delimiter and the next cell, or the line's end.
      if (end >= n) {
        i = n;
        break;
      }
      const b = bytes[end];
      if (b === d) {
        i = end + 1;
        continue;
      }
      if (b === NL && !crlf) {
        i = end + 1;
        break;
      }
      if (b === CR && crlf && bytes[end + 1] === NL) {
        i = end + 2;
        break;
      }
      return null; // text after a closing quote, or a line break of the wrong kind
    }
    records.push(cells);
    lines.push(line);
  }
  return { records, lines };
}
