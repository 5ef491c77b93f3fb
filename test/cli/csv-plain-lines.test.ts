/**
 * The fast reader of plain CSV lines (`plainCsvRecords`, used by `readCsvBatch`): the records
 * csv-parse would give, with their line numbers, or `null` for any line it leaves to
 * csv-parse. `csv-plain-lines.property.test.ts` holds it to csv-parse on random lines.
 */
import { describe, expect, it } from 'vitest';
import { plainCsvRecords } from '../../src/cli/csv-plain-lines.js';
import { readCsvBatch } from '../../src/cli/csv-batch.js';
import { mappingFromOrder } from '../../src/cli/columns.js';
import type { RowSink } from '../../src/cli/rows.js';

const read = (text: string | Buffer, delimiter = ',', recordDelimiter = '\n') =>
  plainCsvRecords(Buffer.isBuffer(text) ? text : Buffer.from(text), delimiter, recordDelimiter);

describe('plainCsvRecords: plain lines', () => {
  it('reads an Asterisk Master.csv line: quoted cells, a doubled quote, bare numbers, an empty bare cell', () => {
    const line =
      '"energy","01134960000","07700900000","outbound","""Acme"" <01134960000>","SIP/trunk-0","","Dial","SIP/trunk/07700900000,30","2026-01-05 09:00:00",,"2026-01-05 09:00:25",25,0,"NO ANSWER",3,"1767603600.0",""\n';
    expect(read(line)).toEqual({
      records: [
        ['energy', '01134960000', '07700900000', 'outbound', '"Acme" <01134960000>', 'SIP/trunk-0', '', 'Dial', 'SIP/trunk/07700900000,30', '2026-01-05 09:00:00', '', '2026-01-05 09:00:25', '25', '0', 'NO ANSWER', '3', '1767603600.0', ''],
      ],
      lines: [1],
    });
  });

  it('numbers each record by its line, skipping empty lines; the last line may lack its line break', () => {
    expect(read('a,b\n\nc\n\n\nd,"e"')).toEqual({ records: [['a', 'b'], ['c'], ['d', 'e']], lines: [1, 3, 6] });
  });

  it('reads `\\r\\n` lines when records end so, an empty `\\r\\n` line skipped', () => {
    expect(read('a,b\r\n\r\n"c",d\r\n', ',', '\r\n')).toEqual({ records: [['a', 'b'], ['c', 'd']], lines: [1, 3] });
  });

  it('keeps empty cells, a trailing delimiter, spaces and a line of one space as csv-parse does', () => {
    expect(read('a,\n,\n""\n"",""\n \n a , b \n')).toEqual({
      records: [['a', ''], ['', ''], [''], ['', ''], [' '], [' a ', ' b ']],
      lines: [1, 2, 3, 4, 5, 6],
    });
  });

  it('decodes UTF-8 cells, bare or quoted, and splits on a tab or a semicolon', () => {
    expect(read('Zoë\t"Ángel ""B"""\n', '\t')).toEqual({ records: [['Zoë', 'Ángel "B"']], lines: [1] });
    expect(read('a;"b;c"\n', ';')).toEqual({ records: [['a', 'b;c']], lines: [1] });
  });

  it('reads characters whose UTF-8 bytes are part of a byte-order mark\'s, at the start', () => {
    for (const text of ['\u6effa,b\n', '\ufec1,b\n', '\uf03f,b\n', 'a\u00bf,b\n']) {
      expect(read(text), JSON.stringify(text)).toEqual({ records: [text.slice(0, -1).split(',')], lines: [1] });
    }
  });

  it('gives no records for an empty input or blank lines only', () => {
    expect(read('')).toEqual({ records: [], lines: [] });
    expect(read('\n\n')).toEqual({ records: [], lines: [] });
  });
});

describe('plainCsvRecords: what it leaves to csv-parse (null)', () => {
  it.each([
    ['a quote inside a bare cell', 'a"b,c\n'],
    ['a space before a quoted cell', 'a, "b"\n'],
    ['text after a closing quote', '"a"b,c\n'],
    ['a space after a closing quote', '"a" ,b\n'],
    ['a quote not closed on its line', '"a,b\nc"\n'],
    ['a quote never closed', '"abc'],
    ['a carriage return in a bare cell', 'a\rb,c\n'],
    ['a carriage return in a quoted cell', '"a\rb",c\n'],
    ['a `\\r\\n` line where records end with `\\n`', 'a,b\r\n'],
    ['a byte-order mark at the start', '\ufeffa,b\n'],
    ['a plain line after one that is not', 'a,b\n"x"y\nc,d\n'],
  ])('%s', (_, text) => {
    expect(read(text)).toBeNull();
  });

  it.each([
    ['a bare `\\n` line', 'a,b\nc\r\n'],
    ['an empty `\\n` line', '\na\r\n'],
    ['a `\\r` that does not end a line', 'a\rb\r\n'],
    ['a `\\r` at the input\'s end', 'a,b\r'],
  ])('where records end with `\\r\\n`: %s', (_, text) => {
    expect(read(text, ',', '\r\n')).toBeNull();
  });

  it.each([
    ['a quote', '"'],
    ['a line feed', '\n'],
    ['a carriage return', '\r'],
    ['two characters', ';;'],
    ['a character from U+0080', '§'],
    ['U+0080 itself', '\u0080'],
  ])('a delimiter that is %s', (_, delimiter) => {
    expect(read('a,b\n', delimiter)).toBeNull();
  });

  it('a record delimiter that is `\\r`, whatever the lines hold', () => {
    expect(read('a,b\rc,d\r', ',', '\r')).toBeNull();
    expect(read('a,b\nc,d\n', ',', '\r')).toBeNull();
  });

  it("a line longer than a quarter of the readers' limit on a record (2^18 bytes), wherever it is", () => {
    const longest = 2 ** 18;
    expect(read(`"${'x'.repeat(300_000)}",b\n`)).toBeNull();
    expect(read(`${'x'.repeat(longest)}\n`)?.records[0]?.[0]).toHaveLength(longest);
    expect(read(`${'x'.repeat(longest + 1)}\n`)).toBeNull();
    // Each line is measured from its own start.
    const twoLong = `${'x'.repeat(150_000)}\n${'y'.repeat(150_000)}\n`;
    expect(read(twoLong)?.lines).toEqual([1, 2]);
  });
});

describe('readCsvBatch with plain lines', () => {
  const seenOf = (text: string, line: number) => {
    const seen: unknown[] = [];
    const sink: RowSink = { row: (at, value) => void seen.push([at, value]), reject: (at, reason, message) => void seen.push([at, reason, message]) };
    const outcome = readCsvBatch(Buffer.from(text), line, { header: false, columns: undefined, delimiter: ',', mapping: mappingFromOrder('callId,campaignId'), recordDelimiter: '\n' }, sink);
    return { plain: outcome.plain, seen };
  };

  it('hands on each row, and each row of the wrong width, at its line of the file', () => {
    expect(seenOf('c1,"k"\n\nc2,k,extra\nc3,"k ""x"""\n', 5)).toEqual({
      plain: true,
      seen: [[5, { callId: 'c1', campaignId: 'k' }], [7, 'csv', 'expected 2 columns, found 3'], [8, { callId: 'c3', campaignId: 'k "x"' }]],
    });
  });

  it("reads a batch csv-parse must read (a byte-order mark at the input's start) to the same rows", () => {
    expect(seenOf('\ufeffc1,k\nc2,"k"\n', 1)).toEqual(seenOf('c1,k\nc2,"k"\n', 1));
    expect(seenOf('\ufeffc1,k\n', 1).seen).toEqual([[1, { callId: 'c1', campaignId: 'k' }]]);
  });
});
