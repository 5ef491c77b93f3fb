/**
 * The fast reader of plain CSV lines against csv-parse itself, with the readers' options:
 * on any input it either gives csv-parse's records, with the lines csv-parse numbers them
 * by, or leaves the input to csv-parse (`null`); and on inputs made only of plain lines it
 * does give them (so the fast path is taken, not only refused).
 */
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvParserOptions } from '../../src/cli/csv.js';
import { plainCsvRecords } from '../../src/cli/csv-plain-lines.js';

/** What csv-parse gives with the readers' options: each record and its line, and whether it skipped anything. */
function csvParse(input: Buffer, delimiter: string, recordDelimiter: string): { records: string[][]; lines: number[]; skipped: boolean } {
  const records: string[][] = [];
  const lines: number[] = [];
  let skipped = false;
  parse(input, {
    ...csvParserOptions(delimiter, true, recordDelimiter),
    on_record: (record: string[], info) => {
      records.push(record);
      lines.push(info.lines);
      return null;
    },
    on_skip: () => {
      skipped = true;
      return undefined;
    },
  });
  return { records, lines, skipped };
}

const delimiters = fc.constantFrom(',', '\t', ';');
const recordDelimiters = fc.constantFrom('\n', '\r\n');

/** Any text a line may hold, quotes, line breaks and delimiters of every kind included. */
const anyLines = fc
  .array(fc.constantFrom('a', 'é', ' ', ',', ';', '\t', '"', '""', '\r', '\n', '\r\n', '\ufeff', 'x"y'), { maxLength: 40 })
  .map((parts) => parts.join(''));

/** A plain cell: bare (no quote, delimiter or line break) or quoted (doubled quotes, delimiters, anything but a line break). */
function plainCell(delimiter: string): fc.Arbitrary<string> {
  const bare = fc.array(fc.constantFrom('a', 'é', ' ', '7', '-', ':', '<', '>'), { maxLength: 6 }).map((p) => p.join(''));
  const inside = fc.array(fc.constantFrom('a', 'é', ' ', '""', delimiter, ',', '7'), { maxLength: 6 }).map((p) => `"${p.join('')}"`);
  return fc.oneof(bare, inside);
}

/** Plain lines: cells joined by the delimiter, some lines empty, each ended by the record delimiter (the last maybe not). */
const plainInput = fc
  .tuple(delimiters, recordDelimiters)
  .chain(([delimiter, recordDelimiter]) =>
    fc
      .tuple(
        fc.array(fc.oneof({ weight: 8, arbitrary: fc.array(plainCell(delimiter), { minLength: 1, maxLength: 6 }).map((c) => c.join(delimiter)) }, { weight: 1, arbitrary: fc.constant('') }), {
          maxLength: 12,
        }),
        fc.boolean(),
      )
      .map(([lines, lastEnded]) => ({ delimiter, recordDelimiter, text: lines.join(recordDelimiter) + (lastEnded && lines.length > 0 ? recordDelimiter : '') })),
  );

describe('plainCsvRecords against csv-parse', () => {
  it('gives csv-parse records at csv-parse lines, or leaves the input to csv-parse', () => {
    fc.assert(
      fc.property(anyLines, delimiters, recordDelimiters, (text, delimiter, recordDelimiter) => {
        const input = Buffer.from(text);
        const fast = plainCsvRecords(input, delimiter, recordDelimiter);
        if (fast === null) return;
        const slow = csvParse(input, delimiter, recordDelimiter);
        expect(slow.skipped).toBe(false);
        expect(fast).toEqual({ records: slow.records, lines: slow.lines });
      }),
      { numRuns: 3000 },
    );
  });

  it('reads every input of plain lines, as csv-parse does', () => {
    fc.assert(
      fc.property(plainInput, ({ delimiter, recordDelimiter, text }) => {
        const input = Buffer.from(text);
        const fast = plainCsvRecords(input, delimiter, recordDelimiter);
        const slow = csvParse(input, delimiter, recordDelimiter);
        expect(slow.skipped).toBe(false);
        expect(fast).toEqual({ records: slow.records, lines: slow.lines });
      }),
      { numRuns: 1000 },
    );
  });
});
