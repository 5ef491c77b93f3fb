/**
 * One CSV batch read on its own (`readCsvBatch`, what each worker thread of `--workers`
 * does), and the record delimiter it is read with (`recordDelimiterOf`): a batch is plain
 * only when one parser reading the whole file would have read it the same way; everything
 * else sends the rest of the input to that one parser. The whole-command properties are in
 * `workers-csv.property.test.ts`.
 */
import { describe, expect, it } from 'vitest';
import { mappingFromOrder } from '../../src/cli/columns.js';
import { readCsvBatch, recordDelimiterOf } from '../../src/cli/csv-batch.js';
import type { RowSink } from '../../src/cli/rows.js';

type Seen = [number, 'row', unknown] | [number, 'reject', string, string];

function read(text: string | Buffer, line = 2, recordDelimiter = '\n'): { plain: boolean; openAtEnd: boolean; seen: Seen[] } {
  const seen: Seen[] = [];
  const sink: RowSink = {
    row: (at, value) => void seen.push([at, 'row', value]),
    reject: (at, reason, message) => void seen.push([at, 'reject', reason, message]),
  };
  const mapping = mappingFromOrder('callId,campaignId');
  const outcome = readCsvBatch(Buffer.isBuffer(text) ? text : Buffer.from(text), line, { header: false, columns: undefined, delimiter: ',', mapping, recordDelimiter }, sink);
  return { plain: outcome.plain, openAtEnd: outcome.openAtEnd === true, seen };
}

describe('recordDelimiterOf: the record delimiter csv-parse would find', () => {
  it.each([
    ['a,b\r\nc,d\n', '\r\n'],
    ['a,b\nc,d\r\n', '\n'],
    ['a,b\rc,d\n', '\r'],
    ['"a\r\nb",c\nd,e\n', '\n'], // a line break inside quotes is not one
    ['"a""\nb",c\r\n', '\r\n'], // a doubled quote keeps the cell quoted
    ['a,b', null],
  ])('%j → %j', (text, expected) => {
    expect(recordDelimiterOf(Buffer.from(text))).toBe(expected);
  });
});

describe('readCsvBatch', () => {
  it('numbers rows from the batch\'s first line, quoted line breaks counted once, blank lines skipped', () => {
    const { plain, seen } = read('a,x\n"b\nc",y\n\nd,z\n', 10);
    expect(plain).toBe(true);
    expect(seen.map(([at, kind]) => [at, kind])).toEqual([[10, 'row'], [12, 'row'], [14, 'row']]);
  });

  it('rejects rows of the wrong width, and lines not UTF-8 (an empty line in their place), in line order', () => {
    const text = Buffer.concat([Buffer.from('a,x\n'), Buffer.from('caf\xe9,y\n', 'latin1'), Buffer.from('only-one\nb,z\n')]);
    const { plain, seen } = read(text, 5);
    expect(plain).toBe(true);
    expect(seen.map((s) => [s[0], s[1], s[1] === 'reject' ? s[2] : null])).toEqual([[5, 'row', null], [6, 'reject', 'encoding'], [7, 'reject', 'csv'], [8, 'row', null]]);
  });

  it.each([
    ['bad quoting', 'a,x\nb,"y"z\n', '\n', false],
    ['a quote never closed by the batch\'s end (it ends inside a quoted cell: read it with the next)', 'a,x\nb,"y\n', '\n', true],
    ['bad quoting, then a quote never closed', 'a,"x"y\nb,"y\n', '\n', false],
    ['a carriage return inside a cell (csv-parse counts a quoted \\r\\n as two lines)', 'a,x\r\n"b\r\nc",y\r\n', '\r\n', false],
    ['a bare line feed where records end with \\r\\n (the batch may end inside a record)', 'a,x\r\nb,y\n', '\r\n', false],
    ['a stray carriage return where records end with \\n', 'a,x\r\nb,y\n', '\n', false],
  ])('is not plain with %s', (_what, text, delimiter, openAtEnd) => {
    const outcome = read(text, 3, delimiter);
    expect(outcome.plain).toBe(false);
    expect(outcome.openAtEnd).toBe(openAtEnd);
  });

  it('is not plain with a line not UTF-8 holding a quote, or before the first line with content of the input', () => {
    expect(read(Buffer.concat([Buffer.from('a,x\n'), Buffer.from('"caf\xe9,y\n', 'latin1')]), 3).plain).toBe(false);
    expect(read(Buffer.concat([Buffer.from('\n'), Buffer.from('caf\xe9,y\n', 'latin1'), Buffer.from('a,x\n')]), 1).plain).toBe(false);
    expect(read(Buffer.concat([Buffer.from('a,x\n'), Buffer.from('caf\xe9,y\n', 'latin1')]), 1).plain).toBe(true);
  });

  it('is not plain with a line longer than the readers accept, in bytes (fewer characters than csv-parse\'s limit)', () => {
    expect(read(`a,x\n${'b'.repeat((1 << 20) + 1)},y\n`, 3).plain).toBe(false);
    expect(read(`a,x\n${'é'.repeat(600_000)},y\n`, 3).plain).toBe(false);
    expect(read(`a,x\n${'é'.repeat(400_000)},y\n`, 3).plain).toBe(true);
  });

  it('finds the quote of a line not UTF-8 wherever it is: first in the batch, last with no line break, or not at all', () => {
    const latin = (text: string): Buffer => Buffer.from(text, 'latin1');
    expect(read(Buffer.concat([latin('"caf\xe9,y\n'), Buffer.from('a,x\n')]), 3).plain).toBe(false);
    expect(read(Buffer.concat([Buffer.from('a,x\n'), latin('caf\xe9,"y')]), 3).plain).toBe(false);
    const clean = read(Buffer.concat([latin('caf\xe9,y\n'), Buffer.from('"a",x\n')]), 3);
    expect(clean.plain).toBe(true);
    expect(clean.seen.map((s) => [s[0], s[1]])).toEqual([[3, 'reject'], [4, 'row']]);
  });

  it('finds the quotes of many lines not UTF-8, each in its own line: a quote on a later line is not an earlier line\'s', () => {
    const latin = (text: string): Buffer => Buffer.from(text, 'latin1');
    const bad = (n: number, quotedAt: number | null): Buffer => Buffer.concat(Array.from({ length: n }, (_, i) => latin(i === quotedAt ? `"c${i}\xe9",y\n` : `c${i}\xe9,y\n`)));
    expect(read(bad(50, null), 3).plain).toBe(true);
    expect(read(bad(50, 49), 3).plain).toBe(false);
    expect(read(bad(50, 0), 3).plain).toBe(false);
    const quoteAfter = read(Buffer.concat([bad(3, null), Buffer.from('"a",x\n')]), 3); // the good line's quote is not the bad lines'
    expect(quoteAfter.plain).toBe(true);
    expect(quoteAfter.seen.map((s) => [s[0], s[1]])).toEqual([[3, 'reject'], [4, 'reject'], [5, 'reject'], [6, 'row']]);
  });

  it('reads a batch of 200,000 lines none of which is UTF-8 (a Windows-1252 file) in one pass: each line looked at once, not from the batch\'s start (that took minutes)', () => {
    const lines = Buffer.from('a,caf\xe9\n'.repeat(200_000), 'latin1');
    const outcome = read(lines, 3);
    expect(outcome.plain).toBe(true);
    expect(outcome.seen).toHaveLength(200_000);
    expect(outcome.seen.every((s) => s[1] === 'reject' && s[2] === 'encoding')).toBe(true);
  });

  it('drops a byte-order mark at the input\'s start only: one at the start of a later batch is the cell\'s', () => {
    const first = read('\uFEFFa,x\n', 1);
    const later = read('\uFEFFa,x\n', 7);
    expect(first.seen[0]).toEqual([1, 'row', { callId: 'a', campaignId: 'x' }]);
    expect(later.seen[0]).toEqual([7, 'row', { callId: '\uFEFFa', campaignId: 'x' }]);
  });
});
