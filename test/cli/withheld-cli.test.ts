/**
 * An empty CLI is a value — the CLI was withheld (A1.20, A2.13) — not a missing one:
 * `--set cli=…` gives the CLI only to rows of a file with no CLI column (or JSON key) at all,
 * and never hides a withheld CLI, in JSON Lines, in CSV, or through a mapping.
 */
import { describe, expect, it } from 'vitest';
import { record, recordsCsv, RECORD_COLUMNS, runCliJson, T0, toJsonl, useTempFiles } from './fixtures.js';
import { ASTERISK_OPTIONS, asteriskLine } from './dialler-rows.js';
import { readMapped } from './mapping-read.js';

const temp = useTempFiles('dialguard-withheld-');
const withheld = (): ReturnType<typeof record>[] => [record('a', T0, { cli: null }), record('b', T0 + 60_000)];
const cliWithheld = (report: { flags: readonly { kind: string; count: number }[] }): number => report.flags.find((f) => f.kind === 'cliWithheld')!.count;
const SET_CLI = ['--set', 'cli=01134961000', '--workers', '1'];

describe('--set cli and a withheld CLI', () => {
  it('JSON Lines: "cli": null stays withheld', async () => {
    const { report } = await runCliJson(['audit', temp.file('calls.jsonl', toJsonl(withheld())), ...SET_CLI]);
    expect(cliWithheld(report)).toBe(1);
  });

  it('CSV: an empty cli cell stays withheld, as in JSON Lines', async () => {
    const { report } = await runCliJson(['audit', temp.file('calls.csv', recordsCsv(withheld())), ...SET_CLI]);
    expect(cliWithheld(report)).toBe(1);
  });

  it('CSV with no cli column: every row takes the --set CLI', async () => {
    const columns = RECORD_COLUMNS.filter((c) => c !== 'cli');
    const { report } = await runCliJson(['audit', temp.file('no-cli.csv', recordsCsv(withheld(), columns)), ...SET_CLI]);
    expect(report.rejected.count).toBe(0);
    expect(cliWithheld(report)).toBe(0);
  });

  it('asterisk-cdr: a clid of "" <> stays withheld; a presented one is kept', async () => {
    const row = (i: number, clid: string): string =>
      asteriskLine({ dst: `0770090000${i}`, clid, channel: `SIP/trunk-0${i}`, lastapp: 'Hangup', start: `2026-10-23 10:0${i}:00`, answer: `2026-10-23 10:0${i}:04`, end: `2026-10-23 10:0${i}:05`, duration: 5, billsec: 1, disposition: 'ANSWERED', uniqueid: `179274600${i}.1` });
    const f = temp.file('Master.csv', `${row(1, '"" <>')}\n${row(2, '"Acme" <01134960000>')}\n`);
    const { calls } = await readMapped(f, [...ASTERISK_OPTIONS, '--set', 'cli=01134961000']);
    expect([...calls.values()].map((c) => c.record.cli)).toEqual([null, '01134960000']);
    expect([...calls.values()][0]!.flags.map((x) => x.kind)).toContain('cliWithheld');
  });

  it('a mapping whose CLI column is optional: a file without it takes --set cli, a file with it keeps its empty cells withheld', async () => {
    const mapping = temp.file('site.json', JSON.stringify({
      columns: ['id', 'number', 'started', 'cli'], optionalColumns: ['cli'], header: true,
      fields: { callId: 'id', to: 'number', dialAt: 'started', cli: 'cli' },
    }));
    const options = ['--mapping', mapping, '--set', 'campaignId=spring', '--set', 'callCentreId=leeds', '--set', 'agentGuaranteed=false', '--set', 'amd=false', '--set', 'messagePlanned=false', '--set', 'cli=01134961000'];
    const without = await readMapped(temp.file('without.csv', 'id,number,started\na,07700900001,2026-10-23T10:00:00Z\n'), options);
    expect([...without.calls.values()].map((c) => c.record.cli)).toEqual(['01134961000']);
    const withIt = await readMapped(temp.file('with.csv', 'id,number,started,cli\na,07700900001,2026-10-23T10:00:00Z,\n'), options);
    expect([...withIt.calls.values()].map((c) => c.record.cli)).toEqual([null]);
  });

  describe('the same mapping without a header: a row too short to hold the optional cli column has no CLI column', () => {
    const mapping = (header = false): string =>
      temp.file(`site-header-${header}.json`, JSON.stringify({
        columns: ['id', 'number', 'started', 'cli'], optionalColumns: ['cli'], header,
        fields: { callId: 'id', to: 'number', dialAt: 'started', cli: 'cli' },
      }));
    const SETS = ['--set', 'campaignId=spring', '--set', 'callCentreId=leeds', '--set', 'agentGuaranteed=false', '--set', 'amd=false', '--set', 'messagePlanned=false'];
    // a: no cli cell (takes --set cli); b: an empty cli cell (withheld); c: a presented CLI.
    const rows = 'a,07700900001,2026-10-23T10:00:00Z\nb,07700900002,2026-10-23T10:01:00Z,\nc,07700900003,2026-10-23T10:02:00Z,01134960000\n';

    it('with --set cli: the short row takes it, an empty cell stays withheld, a presented CLI is kept', async () => {
      const read = await readMapped(temp.file('headerless.csv', rows), ['--mapping', mapping(), ...SETS, '--set', 'cli=01134961000']);
      expect(read.rejected).toEqual([]);
      const calls = [...read.calls.values()];
      expect(calls.map((c) => c.record.cli)).toEqual(['01134961000', null, '01134960000']);
      expect(calls.map((c) => c.flags.some((f) => f.kind === 'cliWithheld'))).toEqual([false, true, false]);
    });

    it('without --set cli: the short row reads as it does with a header and no cli column (no CLI)', async () => {
      const headerless = await readMapped(temp.file('headerless-no-set.csv', rows), ['--mapping', mapping(), ...SETS]);
      const headed = await readMapped(temp.file('headed-no-cli.csv', 'id,number,started\na,07700900001,2026-10-23T10:00:00Z\n'), ['--mapping', mapping(true), ...SETS]);
      expect([...headerless.calls.values()].map((c) => c.record.cli)).toEqual([null, null, '01134960000']);
      expect([...headed.calls.values()].map((c) => c.record.cli)).toEqual([null]);
    });

    it('the worker threads read the rows as one thread does', async () => {
      const file = temp.file('headerless-workers.csv', rows);
      const argv = ['audit', file, '--mapping', mapping(), ...SETS, '--set', 'cli=01134961000'];
      const one = await runCliJson([...argv, '--workers', '1']);
      let readAgainFrom: number | null = null; // the line from which one parser read the rest (null: the workers read every batch)
      const two = await runCliJson([...argv, '--workers', '2'], { workersForTests: { batchBytes: 40, readHere: 'never', onReadAgain: (line) => (readAgainFrom ??= line) } });
      expect(readAgainFrom).toBeNull();
      expect(one.report.rejected.count).toBe(0);
      expect(cliWithheld(one.report)).toBe(1);
      expect(two.report).toEqual(one.report);
    });
  });
});
