/**
 * A required field whose cell is empty on a row (Asterisk leaves `accountcode`, the
 * campaign, empty unless the site sets one): the row is rejected with a message that names
 * the column and, for a value one setting can give every row, `--set field=…` — printed for
 * the first few rows, then counted (not the validator's "should be a non-empty string").
 */
import { describe, expect, it } from 'vitest';
import { runCli, runCliJson, useTempFiles } from './fixtures.js';
import { ASTERISK_OPTIONS, asteriskLine, type AsteriskRow } from './dialler-rows.js';
import { readMapped } from './mapping-read.js';

const temp = useTempFiles('dialguard-required-empty-');

function calls(n: number, over: Partial<AsteriskRow> = {}): string {
  const rows = Array.from({ length: n }, (_, i) =>
    asteriskLine({
      dst: `077009${String(i).padStart(5, '0')}`, channel: `SIP/trunk-${i}`, lastapp: 'Dial', start: `2026-10-23 10:${String(i).padStart(2, '0')}:00`, answer: null,
      end: `2026-10-23 10:${String(i).padStart(2, '0')}:20`, duration: 20, billsec: 0, disposition: 'NO ANSWER', uniqueid: `17927460${String(i).padStart(2, '0')}.1`, ...over,
    }),
  );
  return `${rows.join('\n')}\n`;
}

describe('a required value the row leaves empty', () => {
  it('an empty accountcode: the message names the column and --set campaignId=…, a few times, then the rows are counted', async () => {
    const f = temp.file('no-accountcode.csv', calls(8, { accountcode: '' }));
    const r = await runCli(['audit', f, ...ASTERISK_OPTIONS]);
    expect(r.code).toBe(3);
    const said = r.stderr.split('\n').filter((l) => l.includes('campaignId: column accountcode is empty on this row: give a campaignId for the rows without one with --set campaignId=…'));
    expect(said).toHaveLength(5);
    expect(r.stderr).not.toContain('non-empty string');
    expect(r.stderr).toMatch(/3 more row\(s\) rejected \(invalid \[campaignId\]\) not printed; 8 in all/);
  });

  it('with --set campaignId=…, rows without an accountcode take it and rows with one keep theirs', async () => {
    const f = temp.file('some-accountcode.csv', calls(2, { accountcode: '' }) + calls(1, { accountcode: 'winter', uniqueid: '1792749999.9', channel: 'SIP/trunk-99' }));
    const { calls: read, rejected } = await readMapped(f, [...ASTERISK_OPTIONS, '--set', 'campaignId=spring']);
    expect(rejected).toEqual([]);
    expect([...read.values()].map((c) => c.record.campaignId)).toEqual(['spring', 'spring', 'winter']);
  });

  it('a value no setting can give every row (the number called): the row is rejected, naming the column', async () => {
    const { code, report, stderr } = await runCliJson(['audit', temp.file('no-dst.csv', calls(1, { dst: '' })), ...ASTERISK_OPTIONS]);
    expect(code).toBe(3);
    expect(report.rejected.count).toBe(1);
    expect(stderr).toContain('to: column dst is empty on this row: every call record needs one');
    expect(stderr).not.toContain('--set to=');
  });
});
