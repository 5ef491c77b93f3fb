/**
 * Strict UTF-8 decoding of the input, line by line: the readers' bytes-to-text step.
 *
 * The input's chunks are cut at their last line break, so each piece of text holds whole
 * lines (a line break never falls inside a UTF-8 sequence). A stretch of whole lines that is
 * valid UTF-8 is decoded at once (the fast path); a stretch that is not is checked line by
 * line, and each line that is not valid UTF-8 (`caf\xe9` in Latin-1) is handed on as such,
 * with its number, to be rejected: it is never decoded with U+FFFD replacements, which
 * would merge `caf\xe9` and `caf\xe8` into one campaign. A byte-order mark stays at the
 * start of the first piece, for the readers to drop. A line longer than `maxLineBytes` is
 * handed on as too long and skipped, so a file with no line breaks cannot fill memory.
 */
import { isUtf8 } from 'node:buffer';

/** A piece of the input, in order. */
export type LinePiece =
  /** Whole lines of valid UTF-8, each ending with `\n`, except the input's last line when it has no line break. */
  | { readonly kind: 'text'; readonly text: string; /** Line number of its first line (1-based). */ readonly line: number }
  /** Line `line` is not valid UTF-8. */
  | { readonly kind: 'notUtf8'; readonly line: number }
  /** Line `line` is longer than `maxLineBytes`; it is skipped whole. */
  | { readonly kind: 'tooLong'; readonly line: number };

const NL = 0x0a;

/** Line breaks in `bytes`, or -1 when a line in it is longer than `max` bytes (its break not counted). */
function countLines(bytes: Buffer, max: number): number {
  let n = 0;
  let start = 0;
  for (let i = bytes.indexOf(NL); i >= 0; i = bytes.indexOf(NL, start)) {
    if (i - start > max) return -1;
    n += 1;
    start = i + 1;
  }
  return bytes.length - start > max ? -1 : n;
}

/**
 * The pieces of `chunks` (strings are taken as already decoded text and re-encoded), in order.
 * @param maxLineBytes longest line kept, in bytes
 */
export async function* utf8Lines(chunks: AsyncIterable<Buffer | string>, maxLineBytes: number): AsyncGenerator<LinePiece> {
  let line = 1; // number of the line that starts the next byte
  let pending: Buffer[] = []; // the start of line `line`, from earlier chunks
  let pendingBytes = 0;
  let skipping = false; // inside a line already reported as too long

  /** Whole lines `bytes` (ending with a line break, or the input's last line): text, or the lines that are not UTF-8. */
  function* decode(bytes: Buffer): Generator<LinePiece> {
    if (bytes.length === 0) return;
    const lines = countLines(bytes, maxLineBytes);
    if (lines >= 0 && isUtf8(bytes)) {
      yield { kind: 'text', text: bytes.toString('utf8'), line };
      line += lines;
      return;
    }
    // Line by line: runs of good lines as text, each bad line on its own.
    let runStart = 0;
    let runLine = line;
    let start = 0;
    while (start < bytes.length) {
      const nl = bytes.indexOf(NL, start);
      const end = nl < 0 ? bytes.length : nl + 1;
      const tooLong = (nl < 0 ? end : nl) - start > maxLineBytes;
      if (tooLong || !isUtf8(bytes.subarray(start, end))) {
        if (start > runStart) yield { kind: 'text', text: bytes.toString('utf8', runStart, start), line: runLine };
        yield { kind: tooLong ? 'tooLong' : 'notUtf8', line };
        runStart = end;
        runLine = line + 1;
      }
      line += 1;
      start = end;
    }
    if (bytes.length > runStart) yield { kind: 'text', text: bytes.toString('utf8', runStart), line: runLine };
    if (bytes[bytes.length - 1] !== NL) line -= 1; // the last line had no break: the next byte would continue it
  }

  for await (const raw of chunks) {
    const chunk = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw;
    if (chunk.length === 0) continue;
    const lastNl = chunk.lastIndexOf(NL);
    if (lastNl < 0) {
      if (skipping) continue;
      pending.push(chunk);
      pendingBytes += chunk.length;
      if (pendingBytes > maxLineBytes) {
        yield { kind: 'tooLong', line };
        pending = [];
        pendingBytes = 0;
        skipping = true;
      }
      continue;
    }
    let start = 0;
    const firstNl = chunk.indexOf(NL);
    if (skipping || pendingBytes + firstNl > maxLineBytes) {
      // The line that ends at this chunk's first break: already reported, or too long now.
      if (!skipping) yield { kind: 'tooLong', line };
      skipping = false;
      pending = [];
      pendingBytes = 0;
      line += 1;
      start = firstNl + 1;
    }
    const whole = chunk.subarray(start, lastNl + 1);
    yield* decode(pending.length === 0 ? whole : Buffer.concat([...pending, whole]));
    pending = [];
    pendingBytes = 0;
    const tail = chunk.subarray(lastNl + 1);
    if (tail.length > 0) {
      pending.push(tail);
      pendingBytes = tail.length;
      if (pendingBytes > maxLineBytes) {
        yield { kind: 'tooLong', line };
        pending = [];
        pendingBytes = 0;
        skipping = true;
      }
    }
  }
  if (!skipping && pending.length > 0) yield* decode(Buffer.concat(pending));
}
