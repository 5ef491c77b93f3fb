/**
 * The strict UTF-8 line decoder of the CLI's readers: however the bytes are cut into chunks,
 * every line that a fatal TextDecoder accepts comes out as the same text with its number,
 * every other line is reported as not UTF-8 with its number and how it ended, and lines longer than the
 * limit are reported as too long, whole.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utf8Lines, type LinePiece } from '../../src/cli/utf8-lines.js';

type Outcome = [number, 'text', string] | [number, 'notUtf8', string] | [number, 'tooLong'];

/** The expected outcome per line, from a fatal decoder applied to each line alone. */
function reference(lines: readonly Uint8Array[], finalBreak: boolean, max: number): Outcome[] {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  return lines.map((bytes, i): Outcome => {
    const last = i === lines.length - 1;
    const withBreak = last && !finalBreak ? Buffer.from(bytes) : Buffer.concat([bytes, Buffer.from('\n')]);
    if (bytes.length > max) return [i + 1, 'tooLong'];
    try {
      return [i + 1, 'text', decoder.decode(withBreak)];
    } catch {
      // How the line ended: none (the last, with no break), CR LF, or LF.
      return [i + 1, 'notUtf8', last && !finalBreak ? '' : bytes[bytes.length - 1] === 13 ? '\r\n' : '\n'];
    }
  });
}

async function decodeAll(chunks: readonly Buffer[], max: number): Promise<Outcome[]> {
  const out: Outcome[] = [];
  const pieces: LinePiece[] = [];
  for await (const piece of utf8Lines((async function* () { yield* chunks; })(), max)) pieces.push(piece);
  for (const p of pieces) {
    if (p.kind === 'notUtf8') {
      out.push([p.line, p.kind, p.ending]);
      continue;
    }
    if (p.kind === 'tooLong') {
      out.push([p.line, p.kind]);
      continue;
    }
    // Split the text back into its lines, keeping the breaks.
    const parts = p.text.split(/(?<=\n)/);
    parts.forEach((t, k) => out.push([p.line + k, 'text', t]));
  }
  return out;
}

const line = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 12 }).map((s) => new Uint8Array(Buffer.from(s.replaceAll('\n', ' '), 'utf8'))),
  fc.uint8Array({ maxLength: 12 }).map((b) => b.map((x) => (x === 10 ? 32 : x))),
  fc.uint8Array({ minLength: 1, maxLength: 6 }).map((b) => new Uint8Array([...b.map((x) => (x === 10 ? 32 : x)), 0xe9, 13])), // Latin-1, ending CR LF
);

describe('utf8Lines', () => {
  it('gives every line its verdict and number, wherever the chunks are cut', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(line, { minLength: 1, maxLength: 12 }), fc.boolean(), fc.array(fc.nat(), { maxLength: 8 }), fc.integer({ min: 4, max: 40 }), async (lines, finalBreak, cuts, max) => {
        const parts: Buffer[] = lines.map((l, i) => (i < lines.length - 1 || finalBreak ? Buffer.concat([l, Buffer.from('\n')]) : Buffer.from(l)));
        const bytes = Buffer.concat(parts);
        const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
        const chunks = [...at, bytes.length].map((end, k) => bytes.subarray(k === 0 ? 0 : at[k - 1]!, end));
        const expected = reference(lines, finalBreak, max).filter((o) => !(o[1] === 'text' && o[2] === ''));
        expect(await decodeAll(chunks, max)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
