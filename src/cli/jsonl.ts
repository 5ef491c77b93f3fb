/**
 * JSON Lines reader: one JSON value per line, streamed chunk by chunk (never the whole
 * file). Blank lines are skipped; a line that is not JSON, not valid UTF-8 or too long is
 * rejected with its number. `\n` and `\r\n` line ends; a UTF-8 byte-order mark at the start
 * is ignored.
 */
import { MAX_LINE_BYTES, NOT_UTF8_MESSAGE, type RowSink } from './rows.js';
import { utf8Lines } from './utf8-lines.js';

function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 13) return false;
  }
  return true;
}

/** Reads every line of `chunks`, handing each to `sink` before reading the next chunk. */
export async function readJsonLines(chunks: AsyncIterable<Buffer | string>, sink: RowSink): Promise<void> {
  let first = true;
  const emit = (text: string, line: number): void => {
    if (first) {
      first = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    if (isBlank(text)) return;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      sink.reject(line, 'json', `not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
      return;
    }
    sink.row(line, value);
  };
  for await (const piece of utf8Lines(chunks, MAX_LINE_BYTES)) {
    if (piece.kind === 'text') {
      // Whole lines, each ending with a line break but the input's last.
      const { text } = piece;
      let line = piece.line;
      let start = 0;
      for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
        emit(text.slice(start, nl), line);
        line += 1;
        start = nl + 1;
      }
      if (start < text.length) emit(text.slice(start), line);
      continue;
    }
    first = false;
    if (piece.kind === 'notUtf8') sink.reject(piece.line, 'encoding', NOT_UTF8_MESSAGE);
    else sink.reject(piece.line, 'tooLong', `line longer than ${MAX_LINE_BYTES.toLocaleString('en-GB')} bytes`);
  }
}
