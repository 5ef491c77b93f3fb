/**
 * JSON Lines reader: one JSON value per line, streamed chunk by chunk (never the whole
 * file). Blank lines are skipped; a line that is not JSON is rejected with its number.
 * `\n` and `\r\n` line ends; a UTF-8 byte-order mark at the start is ignored.
 */
import { StringDecoder } from 'node:string_decoder';
import { MAX_LINE_CHARS, type RowSink } from './rows.js';

function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 13) return false;
  }
  return true;
}

/** Reads every line of `chunks`, handing each to `sink` before reading the next chunk. */
export async function readJsonLines(chunks: AsyncIterable<Buffer | string>, sink: RowSink): Promise<void> {
  const decoder = new StringDecoder('utf8');
  let pending = '';
  let line = 0;
  let first = true;
  let skipping = false; // inside a line already rejected as too long
  const emit = (text: string): void => {
    line += 1;
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
  const tooLong = (): void => {
    line += 1;
    first = false;
    sink.reject(line, 'tooLong', `line longer than ${MAX_LINE_CHARS.toLocaleString('en-GB')} characters`);
  };
  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    let start = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
      if (skipping) skipping = false;
      else if (pending === '') emit(text.slice(start, nl));
      else if (pending.length + nl - start > MAX_LINE_CHARS) tooLong();
      else emit(pending + text.slice(start, nl));
      pending = '';
      start = nl + 1;
    }
    if (skipping) continue;
    pending = pending === '' ? text.slice(start) : pending + text.slice(start);
    if (pending.length > MAX_LINE_CHARS) {
      tooLong();
      pending = '';
      skipping = true;
    }
  }
  const rest = pending + decoder.end();
  if (!skipping && rest !== '') emit(rest);
}
