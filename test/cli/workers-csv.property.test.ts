/**
 * `--workers` on CSV, as a property: whatever the file holds — quoted cells with line
 * breaks (`\n`, `\r\n`, `\r`), doubled quotes, stray quotes, bytes that are not UTF-8,
 * blank lines, rows of the wrong width, either line end on any line — and wherever the
 * batch boundaries fall, reading it in batches gives what one thread gives: the same
 * report, the same rejected rows with the same line numbers and messages, the same exit
 * code. The batches are read on the main thread here (`readHere: 'always'`: the workers'
 * own front, no thread started), so many files can be tried; `workers-csv.test.ts` runs
 * the same front in worker threads.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RECORD_COLUMNS, record, recordCells, runCli, T0, useTempFiles } from './fixtures.js';

const files = useTempFiles('dialguard-workers-csv-prop-');
const S = 1000;

/** A valid row, its sender's name (a quoted cell) holding `name`. */
function rowWithName(i: number, name: string): string {
  const at = T0 + i * 60 * S;
  const r = record(`p${i}`, at, {
    to: `016329${String(60000 + (i % 7))}`,
    agentAt: null,
    messageAt: at + 8 * S,
    messageContent: { onBehalfOf: name, explainsAttempt: true, optOutNumber: '08001234567', marketing: false },
    hangupAt: at + 30 * S,
    hangupBy: 'caller',
    lastEventAt: at + 30 * S,
  });
  return recordCells(r).join(',');
}

/** Text for a quoted cell: line breaks of every kind, doubled quotes, commas. */
const cellText = fc
  .array(
    fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom('Acme', ' ', ',', '""', 'é') },
      { weight: 1, arbitrary: fc.constantFrom('\n', '\r\n', '\r') },
    ),
    { maxLength: 6 },
  )
  .map((parts) => parts.join(''));

/** One line of the file (its line end chosen apart). */
const line = fc.oneof(
  { weight: 12, arbitrary: fc.tuple(fc.nat(400), cellText).map(([i, name]) => Buffer.from(rowWithName(i, `Acme${name}`))) },
  { weight: 1, arbitrary: fc.constant(Buffer.alloc(0)) },
  { weight: 1, arbitrary: fc.array(fc.constantFrom('a', ',', '\xe9'), { maxLength: 8 }).map((p) => Buffer.from(p.join(''), 'latin1')) },
  { weight: 1, arbitrary: fc.array(fc.constantFrom('a', ',', '"', 'x"y', '\xe9'), { maxLength: 8 }).map((p) => Buffer.from(p.join(''), 'latin1')) },
  { weight: 1, arbitrary: fc.nat(400).map((i) => Buffer.from(rowWithName(i, 'Acme').replace(/^[^,]*/, `dup${i % 3}`))) },
);

/** A whole file: a header, then lines, each with the file's line end or, now and then, the other one. */
const csvFile = fc
  .tuple(
    fc.array(fc.tuple(line, fc.oneof({ weight: 12, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constantFrom('\n', '\r\n') })), { minLength: 1, maxLength: 40 }),
    fc.constantFrom('\n', '\r\n'),
  )
  .map(([lines, eol]) => Buffer.concat([Buffer.from(RECORD_COLUMNS.join(',') + eol), ...lines.flatMap(([l, end]) => [l, Buffer.from(end ?? eol)])]));

describe('--workers on CSV, as a property', () => {
  it('any file, any batch size: the same report, rejected rows and exit code as one thread', async () => {
    let toTheEnd = 0; // files read in batches to their end (no batch read again by one parser)
    const runs = 100;
    await fc.assert(
      fc.asyncProperty(csvFile, fc.integer({ min: 40, max: 4000 }), async (csv, batchBytes) => {
        const path = files.file(`f-${Math.random().toString(36).slice(2)}.csv`, csv);
        // The reference: one csv-parse parser from start to end.
        const one = await runCli(['audit', path, '--json', '--examples', '100', '--workers', '1'], { workersForTests: { streamCsv: true } });
        let again = false;
        const batched = await runCli(['audit', path, '--json', '--examples', '100', '--workers', '2'], {
          workersForTests: { batchBytes, readHere: 'always', onReadAgain: () => (again = true) },
        });
        if (!again) toTheEnd += 1;
        expect(batched.code).toBe(one.code);
        expect(batched.stdout).toBe(one.stdout);
        expect(batched.stderr).toBe(one.stderr);
        // One thread reads CSV in batches as well.
        const alone = await runCli(['audit', path, '--json', '--examples', '100', '--workers', '1'], { workersForTests: { batchBytes } });
        expect(alone.code).toBe(one.code);
        expect(alone.stdout).toBe(one.stdout);
        expect(alone.stderr).toBe(one.stderr);
      }),
      { numRuns: runs },
    );
    // The property is about batches: most files must be read in batches to their end, not by one parser.
    expect(toTheEnd).toBeGreaterThan(runs / 8);
  }, 120_000);
});
