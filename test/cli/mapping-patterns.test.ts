/**
 * A mapping's regular expressions run on cells from the file, which may be a megabyte long
 * (the CSV reader's limit): the preset's own patterns run in time linear in the cell, and no
 * pattern is given more than `MAX_PATTERN_TEXT` characters (a user's pattern may be
 * quadratic, or worse): a longer text rejects its row, quickly, saying why.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MAX_PATTERN_TEXT } from '../../src/cli/mapping/compile.js';
import { runCliJson, useTempFiles } from './fixtures.js';
import { ASTERISK_OPTIONS, asteriskLine, type AsteriskRow } from './dialler-rows.js';
import { readMapped } from './mapping-read.js';

const temp = useTempFiles('dialguard-patterns-');
const preset = JSON.parse(readFileSync(fileURLToPath(new URL('../../presets/asterisk-cdr.json', import.meta.url)), 'utf8')) as { fields: { cli: { match: string } } };
/** The CLI pattern as the mapping compiles it (any case), on a trimmed cell. */
const cliPattern = new RegExp(preset.fields.cli.match, 'i');

const unanswered = (i: number, over: Partial<AsteriskRow>): string =>
  asteriskLine({
    dst: `0770090000${i}`, channel: `SIP/trunk-0${i}`, lastapp: 'Dial', start: `2026-10-23 10:0${i}:00`, answer: null, end: `2026-10-23 10:0${i}:20`,
    duration: 20, billsec: 0, disposition: 'NO ANSWER', uniqueid: `179274600${i}.1`, ...over,
  });

describe('asterisk-cdr: the CLI from clid', () => {
  it('reads the number in the <…> that ends the cell, a bare number, and an empty <> as withheld', async () => {
    const clids: [string, string | null][] = [
      ['"Acme Energy" <01134960000>', '01134960000'],
      ['  "Acme" <01134960001>  ', '01134960001'],
      ['01134960002', '01134960002'],
      ['"" <>', null],
      ['"Acme <sales>" <01134960004>', '01134960004'], // a <…> inside the name is not the number
      ['"Acme"', null], // a name and no number: withheld
      ['', null],
    ];
    const f = temp.file('clids.csv', `${clids.map(([clid], i) => unanswered(i, { clid })).join('\n')}\n`);
    const { calls, rejected } = await readMapped(f, ASTERISK_OPTIONS);
    expect(rejected).toEqual([]);
    expect([...calls.values()].map((c) => c.record.cli)).toEqual(clids.map(([, cli]) => cli));
  });

  it('the pattern takes time linear in the cell: 100,000 characters of the shapes that made the old one quadratic, each in well under a second', () => {
    const n = 100_000;
    for (const text of [`x${' '.repeat(n)}"`, '<'.repeat(n), `<${' '.repeat(n)}`, `${'<a>'.repeat(n / 3)}x`, `x${' '.repeat(n)}<`]) {
      const t0 = performance.now();
      cliPattern.exec(text.trim());
      expect(performance.now() - t0).toBeLessThan(250);
    }
  });
});

describe('a mapping pattern on a long cell', () => {
  it(`a clid longer than ${MAX_PATTERN_TEXT.toLocaleString('en-GB')} characters rejects its row at once, saying why; the other rows are read`, async () => {
    const f = temp.file('long-clid.csv', `${unanswered(1, { clid: `x${' '.repeat(50_000)}"` })}\n${unanswered(2, {})}\n`);
    const t0 = performance.now();
    const { report, stderr } = await runCliJson(['audit', f, ...ASTERISK_OPTIONS]);
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(report.input.rows).toBe(2);
    expect(report.rejected.count).toBe(1);
    expect(stderr).toContain("cli: the text is 50,002 characters long; a mapping's pattern reads at most 1,024");
  });

  it('a user\'s quadratic pattern in outcome.rules is not run on a long cell: the row is rejected at once, naming the column', async () => {
    const mapping = temp.file('slow.json', JSON.stringify({ extends: 'asterisk-cdr', outcome: { rules: [{ when: { lastdata: '.*.*z' }, outcome: 'live' }] } }));
    const f = temp.file('long-lastdata.csv', `${unanswered(1, { lastdata: `y${' '.repeat(99_998)}y` })}\n`);
    const t0 = performance.now();
    const { report, stderr } = await runCliJson(['audit', f, '--mapping', mapping, ...ASTERISK_OPTIONS.slice(2)]);
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(report.rejected.count).toBe(1);
    expect(stderr).toContain("outcome: column lastdata: the text is 100,000 characters long; a mapping's pattern reads at most 1,024");
  });
});
