/**
 * What the command prints from a mapping and a dialler's file: the evidence WARNING cuts a
 * long status with `…` (JSON keeps it exact), and the problems with a mapping are listed one
 * a line, each line escaped, so a value quoted in one still cannot start a line.
 */
import { describe, expect, it } from 'vitest';
import { runCli, runCliJson, useTempFiles } from './fixtures.js';
import { VICIDIAL_COLUMNS, VICIDIAL_OPTIONS, vicidialRow } from './dialler-rows.js';

const temp = useTempFiles('dialguard-mapping-messages-');

describe('the evidence WARNING quotes statuses from the file', () => {
  const long = `S${'X'.repeat(100_000)}`;
  const file = (): string => temp.file('long.tsv', `${[VICIDIAL_COLUMNS.join('\t'), vicidialRow(1, 1792746000, 30, long, 'CALLER', '1001')].join('\n')}\n`);

  it('a 100,000-character status is cut with … in the WARNING, on stdout and stderr', async () => {
    const r = await runCli(['audit', file(), ...VICIDIAL_OPTIONS]);
    const onStdout = r.stdout.split('\n').find((l) => l.startsWith('WARNING'));
    const onStderr = r.stderr.split('\n').find((l) => l.startsWith('dialguard: WARNING'));
    for (const line of [onStdout, onStderr]) {
      expect(line).toBeDefined();
      expect(line!.length).toBeLessThan(1000);
      expect(line).toContain(`"S${'X'.repeat(38)}…" 1`);
    }
  });

  it('JSON keeps the status exact', async () => {
    const { report } = await runCliJson(['audit', file(), ...VICIDIAL_OPTIONS]);
    const evidence = (report as unknown as { evidence: { unmappedStatuses: { status: string; rows: number }[]; warning: string } }).evidence;
    expect(evidence.unmappedStatuses).toEqual([{ status: long, rows: 1 }]);
  });
});

describe('the problems with a mapping and its options', () => {
  it('are listed one a line', async () => {
    const r = await runCli(['audit', temp.file('Master.csv', ''), '--preset', 'asterisk-cdr']);
    expect(r.code).toBe(2);
    const lines = r.stderr.split('\n');
    expect(lines[0]).toBe('dialguard: the mapping cannot be used:');
    expect(lines[1]).toMatch(/^ {2}- dialAt, answerAt, hangupAt are zoneless local times/);
    expect(lines[2]).toMatch(/^ {2}- preset asterisk-cdr gives no value for callCentreId, agentGuaranteed, amd, messagePlanned/);
    expect(r.stderr).not.toContain('\\n');
  });

  it('each line escaped: a newline or an escape sequence in a quoted value stays on its line, written out', async () => {
    const r = await runCli(['audit', temp.file('Master.csv', ''), '--preset', 'asterisk-cdr', '--set', 'amd=x\n  - forged\u001b[2J']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--set amd should be true/false, 1/0, yes/no, y/n (any case); received "x\\n  - forged\\u001b[2J"');
    expect(r.stderr).not.toContain('\u001b');
    expect(r.stderr.split('\n').filter((l) => l.includes('forged'))).toHaveLength(1);
  });
});
