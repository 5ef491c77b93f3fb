/**
 * Rejected rows on stderr: a few per kind, bounded however many kinds a file's rows make,
 * and nothing from the data reaching the terminal unescaped.
 */
import { describe, expect, it } from 'vitest';
import { createRejectPrinter, MAX_KINDS, PRINTED_PER_KIND } from '../../src/cli/reject-printer.js';
import type { RejectedRow } from '../../src/cli/rejected.js';

const row = (line: number, path: string): RejectedRow => ({ line, reason: 'invalid', callId: null, path, message: 'bad value' });

describe('the rejected-row printer', () => {
  it('prints the first few rows of each kind, then one line, then the count at the end', () => {
    const lines: string[] = [];
    const print = createRejectPrinter((l) => lines.push(l));
    for (let i = 1; i <= 20; i++) print(row(i, 'dialAt'));
    expect(lines).toHaveLength(PRINTED_PER_KIND + 1);
    expect(print.summary()).toEqual([`dialguard: ${20 - PRINTED_PER_KIND} more row(s) rejected (invalid [dialAt]) not printed; 20 in all`]);
  });

  it('past MAX_KINDS kinds, every new kind is one kind: the lines printed stay bounded', () => {
    const lines: string[] = [];
    const print = createRejectPrinter((l) => lines.push(l));
    const rows = 3 * MAX_KINDS;
    for (let i = 1; i <= rows; i++) print(row(i, `field${i}`)); // every row a kind of its own
    expect(lines.length).toBe(MAX_KINDS + PRINTED_PER_KIND + 1);
    expect(print.summary()).toEqual([`dialguard: ${(rows - MAX_KINDS - PRINTED_PER_KIND).toLocaleString('en-GB')} more row(s) rejected (other kinds, past the first 1,000) not printed; ${(rows - MAX_KINDS).toLocaleString('en-GB')} in all`]);
  });

  it('a field path from the data is escaped and cut in every line', () => {
    const lines: string[] = [];
    const print = createRejectPrinter((l) => lines.push(l));
    const evil = `x\u001b]0;pwned\u0007${'y'.repeat(500)}`;
    for (let i = 1; i <= 10; i++) print(row(i, evil));
    for (const l of [...lines, ...print.summary()]) {
      expect(l).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
      expect(l.length).toBeLessThan(400);
    }
  });
});
