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

/** How a line ends: CR LF, LF, or nothing (the input's last line, with no break). */
export type LineEnding = '\r\n' | '\n' | '';

/** A piece of the input, in order. */
export type LinePiece =
  /** Whole lines of valid UTF-8, each ending with `\n`, except the input's last line when it has no line break. */
  | { readonly kind: 'text'; readonly text: string; /** Line number of its first line (1-based). */ readonly line: number }
  /**
   * Line `line` is not valid UTF-8. `ending`: how it ended (`'\r\n'`, `'\n'`, or `''` for
   * the input's last line with no break), so a reader can put an empty line in its place
   * that ends the way the file's lines do.
   */
  | { readonly kind: 'notUtf8'; readonly line: number; readonly ending: LineEnding }
  /** Line `line` is longer than `maxLineBytes`; it is skipped whole. */
  | { readonly kind: 'tooLong'; readonly line: number };

const NL = 0x0a;
const CR = 0x0d;

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

/** Whole lines of the input, as bytes not yet decoded, or a line skipped as too long: the first stage of `utf8Lines`. */
export type LineBytes =
  /** Whole lines (each ending with `\n`, except the input's last line when it has none); `line`: the number of the first. */
  | { readonly kind: 'bytes'; readonly bytes: Buffer; readonly line: number }
  /** Line `line` is longer than the limit; it is skipped whole. */
  | { readonly kind: 'tooLong'; readonly line: number };

/** Line breaks in `bytes`. */
export function countLineBreaks(bytes: Uint8Array): number {
  let n = 0;
  for (let i = bytes.indexOf(NL); i >= 0; i = bytes.indexOf(NL, i + 1)) n += 1;
  return n;
}

/**
 * The input cut at line breaks, undecoded: each chunk's whole lines (with the start of the
 * line carried over from earlier chunks), numbered; a line that grows past `maxLineBytes`
 * before its break is reported once as too long and skipped. Lines inside one piece are not
 * checked for length here: `decodeLines` does that.
 * @param maxLineBytes longest line kept, in bytes
 */
export async function* lineBytes(chunks: AsyncIterable<Buffer | string>, maxLineBytes: number): AsyncGenerator<LineBytes> {
  let line = 1; // number of the line that starts the next byte
  let pending: Buffer[] = []; // the start of line `line`, from earlier chunks
  let pendingBytes = 0;
  let skipping = false; // inside a line already reported as too long

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
    const bytes = pending.length === 0 ? whole : Buffer.concat([...pending, whole]);
    if (bytes.length > 0) {
      yield { kind: 'bytes', bytes, line };
      line += countLineBreaks(bytes);
    }
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
  if (!skipping && pending.length > 0) yield { kind: 'bytes', bytes: Buffer.concat(pending), line };
}

/** Every line of `bytes` is valid UTF-8 and at most `maxLineBytes` long: `decodeLines`' fast path, one piece of text. */
export function allLinesReadable(bytes: Buffer, maxLineBytes: number): boolean {
  return countLines(bytes, maxLineBytes) >= 0 && isUtf8(bytes);
}

/**
 * Whole lines `bytes` (ending with a line break, or the input's last line), the first
 * numbered `line`, decoded: runs of valid UTF-8 lines as text, each line that is not
 * valid UTF-8 or longer than `maxLineBytes` on its own. The second stage of `utf8Lines`,
 * a pure function of its arguments (the worker threads run it on their batches).
 */
export function* decodeLines(bytes: Buffer, line: number, maxLineBytes: number): Generator<LinePiece> {
  if (bytes.length === 0) return;
  if (allLinesReadable(bytes, maxLineBytes)) {
    yield { kind: 'text', text: bytes.toString('utf8'), line };
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
      if (tooLong) yield { kind: 'tooLong', line };
      else yield { kind: 'notUtf8', line, ending: nl < 0 ? '' : nl > start && bytes[nl - 1] === CR ? '\r\n' : '\n' };
      runStart = end;
      runLine = line + 1;
    }
    line += 1;
    start = end;
  }
  if (bytes.length > runStart) yield { kind: 'text', text: bytes.toString('utf8', runStart), line: runLine };
}

/**
 * The pieces of `chunks` (strings are taken as already decoded text and re-encoded), in
 * order: `lineBytes`, then `decodeLines` on each piece.
 * @param maxLineBytes longest line kept, in bytes
 */
export async function* utf8Lines(chunks: AsyncIterable<Buffer | string>, maxLineBytes: number): AsyncGenerator<LinePiece> {
  for await (const piece of lineBytes(chunks, maxLineBytes)) {
    if (piece.kind === 'tooLong') yield piece;
    else yield* decodeLines(piece.bytes, piece.line, maxLineBytes);
  }
}
