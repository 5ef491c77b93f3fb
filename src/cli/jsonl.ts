/**
 * JSON Lines reader: one JSON value per line, streamed chunk by chunk (never the whole
 * file). Blank lines are skipped; a line that is not JSON, not valid UTF-8 or too long is
 * rejected with its number. `\n` and `\r\n` line ends; a UTF-8 byte-order mark at the start
 * is ignored.
 *
 * Two stages, so the worker threads of `--workers` read exactly as the single thread does:
 * `lineBytes` cuts the input into whole lines (the reading thread), `readJsonBatch` decodes
 * and parses one piece of whole lines (any thread).
 */
import { MAX_LINE_BYTES, NOT_UTF8_MESSAGE, type RowSink } from './rows.js';
import { decodeLines, lineBytes, type LineBytes } from './utf8-lines.js';

function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 13) return false;
  }
  return true;
}

/** The message of a line longer than the readers accept. */
export const TOO_LONG_MESSAGE = `line longer than ${MAX_LINE_BYTES.toLocaleString('en-GB')} bytes`;

function emit(text: string, line: number, sink: RowSink): void {
  // A byte-order mark is dropped from the input's first line only.
  if (line === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (isBlank(text)) return;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    sink.reject(line, 'json', `not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
    return;
  }
  sink.row(line, value);
}

/** Reads the whole lines `bytes` (the first numbered `line`), handing each row or rejected line to `sink` in order. */
export function readJsonBatch(bytes: Buffer, line: number, sink: RowSink): void {
  for (const piece of decodeLines(bytes, line, MAX_LINE_BYTES)) {
    if (piece.kind === 'notUtf8') sink.reject(piece.line, 'encoding', NOT_UTF8_MESSAGE);
    else if (piece.kind === 'tooLong') sink.reject(piece.line, 'tooLong', TOO_LONG_MESSAGE);
    else {
      // Whole lines, each ending with a line break but the input's last.
      const { text } = piece;
      let at = piece.line;
      let start = 0;
      for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
        emit(text.slice(start, nl), at, sink);
        at += 1;
        start = nl + 1;
      }
      if (start < text.length) emit(text.slice(start), at, sink);
    }
  }
}

/** Reads every line of `pieces` (from `lineBytes`), handing each to `sink` before reading on. */
export async function readJsonPieces(pieces: AsyncIterable<LineBytes>, sink: RowSink): Promise<void> {
  for await (const piece of pieces) {
    if (piece.kind === 'tooLong') sink.reject(piece.line, 'tooLong', TOO_LONG_MESSAGE);
    else readJsonBatch(piece.bytes, piece.line, sink);
  }
}

/** Reads every line of `chunks`, handing each to `sink` before reading the next chunk. */
export function readJsonLines(chunks: AsyncIterable<Buffer | string>, sink: RowSink): Promise<void> {
  return readJsonPieces(lineBytes(chunks, MAX_LINE_BYTES), sink);
}
