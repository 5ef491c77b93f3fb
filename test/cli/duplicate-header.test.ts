/**
 * A CSV header that names a column the audit reads twice: which of the two the file meant
 * cannot be known, so the command stops before any row is read (exit 2), naming the column,
 * as `--columns` does for a field mapped twice. Before, the last column silently won.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EXIT_USAGE } from '../../src/cli/main.js';
import { RECORD_COLUMNS, T0, record, recordCells, runCli, useTempFiles } from './fixtures.js';

const temp = useTempFiles('dialguard-duphdr-');
const S = 1000;

describe('a header naming a column twice', () => {
  it("dialguard's own columns: campaignId twice is refused, not read from the last", async () => {
    const rows = [record('a', T0), record('b', T0 + 60 * S)];
    const text = [[...RECORD_COLUMNS, 'campaignId'].join(','), ...rows.map((r) => [...recordCells(r), 'autumn'].join(','))].join('\n') + '\n';
    const r = await runCli(['audit', temp.file('dup.csv', text), '--json']);
    expect(r.code).toBe(EXIT_USAGE);
    expect(r.stderr).toMatch(/campaignId/);
  });

  it('preset vicidial-log: status twice is refused, not read from the last', async () => {
    const fixture = fileURLToPath(new URL('../fixtures/vicidial/vicidial_log.tsv', import.meta.url));
    const lines = readFileSync(fixture, 'utf8').split('\n').filter((l) => l !== '');
    const text = lines.map((l, i) => `${l}\t${i === 0 ? 'status' : 'DROP'}`).join('\n') + '\n';
    const r = await runCli(['audit', temp.file('dup.tsv', text), '--preset', 'vicidial-log', '--set', 'callCentreId=leeds', '--set', 'cli=01132345678', '--set', 'agentGuaranteed=no', '--set', 'amd=Y', '--set', 'messagePlanned=TRUE', '--json']);
    expect(r.code).toBe(EXIT_USAGE);
    expect(r.stderr).toMatch(/status/);
  });
});
