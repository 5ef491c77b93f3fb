/**
 * The input cut into batches for the worker threads: whole lines, about `batchBytes` each
 * (a batch ends at the first line break past that size), each in its own `ArrayBuffer` so
 * it can be transferred rather than copied, with the number of its first line. A line
 * skipped as too long is handed on in its place in the order.
 */
import { countLineBreaks, type LineBytes } from '../utf8-lines.js';

const NL = 0x0a;

/** Batches of about `batchBytes` of the whole lines in `pieces` (from `lineBytes`), in order. */
export async function* lineBatches(pieces: AsyncIterable<LineBytes>, batchBytes: number): AsyncGenerator<LineBytes> {
  let parts: Buffer[] = [];
  let size = 0;
  let line = 0; // number of the batch's first line
  const flush = (): LineBytes => {
    const bytes = Buffer.allocUnsafeSlow(size); // its own ArrayBuffer, never the shared pool
    let at = 0;
    for (const part of parts) {
      bytes.set(part, at);
      at += part.length;
    }
    const batch: LineBytes = { kind: 'bytes', bytes, line };
    line += countLineBreaks(bytes);
    parts = [];
    size = 0;
    return batch;
  };
  for await (const piece of pieces) {
    if (piece.kind === 'tooLong') {
      if (size > 0) yield flush();
      yield piece;
      continue;
    }
    const { bytes } = piece;
    if (size === 0) line = piece.line;
    let start = 0;
    while (size + (bytes.length - start) >= batchBytes) {
      // Cut at the first line break at or past the batch size.
      const nl = bytes.indexOf(NL, start + Math.max(0, batchBytes - size - 1));
      if (nl < 0) break;
      parts.push(bytes.subarray(start, nl + 1));
      size += nl + 1 - start;
      start = nl + 1;
      yield flush();
    }
    if (start < bytes.length) {
      parts.push(bytes.subarray(start));
      size += bytes.length - start;
    }
  }
  if (size > 0) yield flush();
}
