/**
 * Asterisk's Master.csv has no header; the preset decides from line 1's cells whether it is
 * one. A line 1 that is not UTF-8 (a caller name in Latin-1) cannot be a header it knows,
 * so it is rejected as `encoding` like the same bytes on any later line, and the other
 * calls are audited. A file whose first record is surely a header (dialguard's own columns)
 * still stops there (test/cli/hardening.test.ts).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCliJson, useTempFiles } from './fixtures.js';

const temp = useTempFiles('dialguard-ast-l1-');
const fixture = fileURLToPath(new URL('../fixtures/asterisk/Master.csv', import.meta.url));
const ASTERISK = ['--preset', 'asterisk-cdr', '--input-tz', 'Europe/London', '--set', 'callCentreId=leeds', '--set', 'agentGuaranteed=false', '--set', 'amd=true', '--set', 'messagePlanned=true'];

/** Master.csv with line `n` (1-based)'s caller name written in Latin-1 ("Acme Énergie"). */
function withLatin1(n: number): Buffer {
  const lines = readFileSync(fixture, 'utf8').split('\n');
  const parts = lines.map((l, i) => (i === n - 1 ? Buffer.from(l.replace('Acme Energy', 'Acme \u00c9nergie'), 'latin1') : Buffer.from(l)));
  return Buffer.concat(parts.flatMap((p, i) => (i < parts.length - 1 ? [p, Buffer.from('\n')] : [p])));
}

describe('preset asterisk-cdr: a caller name in Latin-1', () => {
  it('on line 2: that row is rejected (encoding), the rest audited', async () => {
    const r = await runCliJson(['audit', temp.file('l2.csv', withLatin1(2)), ...ASTERISK]);
    expect(r.report.rejected.byReason).toEqual({ encoding: 1 });
    expect(r.report.calls).toBe(14);
  });

  it('on line 1: the same (not "the header is not valid UTF-8": the preset decides from the cells whether line 1 is a header)', async () => {
    const r = await runCliJson(['audit', temp.file('l1.csv', withLatin1(1)), ...ASTERISK]);
    expect(r.stderr).not.toMatch(/header is not valid UTF-8/);
    expect(r.report.rejected.byReason).toEqual({ encoding: 1 });
    expect(r.report.calls).toBe(14);
  });
});
