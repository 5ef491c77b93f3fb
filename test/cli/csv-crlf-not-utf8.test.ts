/**
 * CRLF CSV with a line that is not UTF-8: the line is rejected (`encoding`) and an empty line
 * ending as it did (CR LF) takes its place, so the next record reads as written: no `\n`
 * glued to its first cell, no `\r` on every last cell when line 1 is the bad one, and a
 * duplicate right after it is still a duplicate — with one thread or two.
 */
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../src/cli/csv.js';
import { RECORD_COLUMNS, T0, record, recordCells, runCliJson, useTempFiles } from './fixtures.js';

const temp = useTempFiles('dialguard-crlf-');
const S = 1000;

function collect() {
  const out: unknown[] = [];
  return { out, sink: { row: (l: number, v: unknown) => void out.push(['row', l, { ...(v as object) }]), reject: (l: number, r: string) => void out.push(['reject', l, r]) } };
}
async function* once(b: Buffer) {
  yield b;
}

describe('CRLF CSV, a line not UTF-8', () => {
  it('readCsv: the line after it reads as it is (no "\\n" glued to its first cell)', async () => {
    const bytes = Buffer.concat([Buffer.from('callId,campaignId\r\na1,x\r\n'), Buffer.from('a2,caf\xe9\r\n', 'latin1'), Buffer.from('a3,y\r\na4,z\r\n')]);
    const { out, sink } = collect();
    await readCsv(once(bytes), { header: true, columns: undefined, delimiter: ',' }, sink);
    expect(out).toEqual([
      ['row', 2, { callId: 'a1', campaignId: 'x' }],
      ['reject', 3, 'encoding'],
      ['row', 4, { callId: 'a3', campaignId: 'y' }], // observed: callId "\na3"
      ['row', 5, { callId: 'a4', campaignId: 'z' }],
    ]);
  });

  it('CLI: a duplicate right after a line not UTF-8 is still a duplicate (callId not "\\nc")', async () => {
    const rows = [record('a', T0), record('b', T0 + 60 * S), record('c', T0 + 120 * S), record('c', T0 + 180 * S)];
    const lines = rows.map((r) => Buffer.from(recordCells(r).join(',') + '\r\n'));
    lines[1] = Buffer.from(recordCells(rows[1]!).join(',').replace('spring', 'caf\xe9') + '\r\n', 'latin1');
    const bytes = Buffer.concat([Buffer.from(RECORD_COLUMNS.join(',') + '\r\n'), ...lines]);
    for (const workers of ['1', '2']) {
      const { report } = await runCliJson(['audit', temp.file('crlf-latin1.csv', bytes), '--workers', workers]);
      expect(report.rejected.byReason, `--workers ${workers}`).toEqual({ encoding: 1, duplicate: 1 });
      expect(report.calls, `--workers ${workers}`).toBe(2);
    }
  });

  it('CLI --no-header: a first line not UTF-8 does not make every later last cell end in "\\r"', async () => {
    const columns = [...RECORD_COLUMNS.filter((c) => c !== 'campaignId'), 'campaignId'];
    const rows = [record('a', T0), record('b', T0 + 60 * S), record('c', T0 + 120 * S)];
    const lines = rows.map((r) => Buffer.from(recordCells(r, columns).join(',') + '\r\n'));
    lines[0] = Buffer.from(recordCells(rows[0]!, columns).join(',').replace(/spring$/, 'caf\xe9') + '\r\n', 'latin1');
    const bytes = Buffer.concat(lines);
    const { report } = await runCliJson(['audit', temp.file('crlf-noheader.csv', bytes), '--no-header', '--columns', columns.join(',')]);
    expect(report.rejected.byReason).toEqual({ encoding: 1 });
    const campaigns = report.scopes.filter((s) => s.scope === 'campaign').map((s) => s.campaignId);
    expect(campaigns).toEqual(['spring']); // observed: ['spring\r']
  });
});
