/**
 * cdr_csv appends `uniqueid` (loguniqueid=yes) and `userfield` (loguserfield=yes) each on its
 * own setting, so a headerless Master.csv of 17 columns holds one of them, and which one is
 * not written anywhere. The preset tells them apart by form (`columnForms`: a uniqueid is
 * `1792746000.40`), the file's first row settles it, and a later row that reads otherwise
 * is rejected; a first row that fits two readings equally stops the audit (exit 2).
 */
import { describe, expect, it } from 'vitest';
import { runCli, runCliJson, useTempFiles } from './fixtures.js';
import { ASTERISK_OPTIONS, asteriskLine, type AsteriskRow } from './dialler-rows.js';
import { readMapped } from './mapping-read.js';

const temp = useTempFiles('dialguard-ast-optional-');

/** Three answering machines AMD detected and the dialplan hung up on (AMDSTATUS=MACHINE). */
function machines(): AsteriskRow[] {
  return [0, 1, 2].map((i) => ({
    dst: `0770090000${i}`, channel: `SIP/trunk-0000000${i}`, lastapp: 'Hangup', start: `2026-10-23 10:0${i}:00`, answer: `2026-10-23 10:0${i}:05`,
    end: `2026-10-23 10:0${i}:09`, duration: 9, billsec: 4, disposition: 'ANSWERED', uniqueid: `1792746${i}00.4${i}`, userfield: 'AMDSTATUS=MACHINE',
  }));
}

const USERFIELD_ONLY = { uniqueid: false, userfield: true };
const UNIQUEID_ONLY = { uniqueid: true, userfield: false };
const lines = (rows: readonly string[]): string => `${rows.join('\n')}\n`;

interface Report {
  readonly calls: number;
  readonly rejected: { readonly count: number; readonly byReason: Readonly<Record<string, number>> };
  readonly categories: Readonly<Record<string, number>>;
}

describe('asterisk-cdr: a 17-column Master.csv (uniqueid or userfield)', () => {
  it('loguserfield=yes alone: the 17th column is userfield — every call counted (none a duplicate of its AMDSTATUS) and AMD machines read as machines', async () => {
    const f = temp.file('userfield-only.csv', lines(machines().map((r) => asteriskLine(r, USERFIELD_ONLY))));
    const { report } = await runCliJson(['audit', f, ...ASTERISK_OPTIONS]);
    const r = report as unknown as Report;
    expect(r.rejected.count).toBe(0);
    expect(r.calls).toBe(3);
    expect(r.categories.silent).toBe(0);
    expect(r.categories.answerMachine).toBe(3);
    const { calls } = await readMapped(f, ASTERISK_OPTIONS);
    expect([...calls.keys()]).toEqual(['SIP/trunk-00000000@2026-10-23 10:00:00', 'SIP/trunk-00000001@2026-10-23 10:01:00', 'SIP/trunk-00000002@2026-10-23 10:02:00']);
    for (const c of calls.values()) expect(c.record.amdResult).toBe('machine');
  });

  it('loguniqueid=yes alone: the 17th column is uniqueid — the call ids, AMD unknown', async () => {
    const f = temp.file('uniqueid-only.csv', lines(machines().map((r) => asteriskLine(r, UNIQUEID_ONLY))));
    const { calls, rejected } = await readMapped(f, ASTERISK_OPTIONS);
    expect(rejected).toEqual([]);
    expect([...calls.keys()]).toEqual(['1792746000.40', '1792746100.41', '1792746200.42']);
    for (const c of calls.values()) expect(c.record.unknown).toContain('amdResult');
  });

  it('an empty 17th cell is userfield (cdr_csv always writes a uniqueid): the rows after it are read the same way', async () => {
    const [a, b] = machines();
    const f = temp.file('userfield-empty-first.csv', lines([asteriskLine({ ...a!, userfield: '' }, USERFIELD_ONLY), asteriskLine(b!, USERFIELD_ONLY)]));
    const { calls, rejected } = await readMapped(f, ASTERISK_OPTIONS);
    expect(rejected).toEqual([]);
    expect([...calls.values()].map((c) => c.record.amdResult)).toEqual([null, 'machine']);
  });

  it('the first row settles the column: a later 17-column row whose cell reads as the other column is rejected, naming both; the other rows are counted', async () => {
    const [a, b, c] = machines();
    const f = temp.file('mixed.csv', lines([asteriskLine(a!, USERFIELD_ONLY), asteriskLine(b!, UNIQUEID_ONLY), asteriskLine(c!, USERFIELD_ONLY)]));
    const { calls, rejected } = await readMapped(f, ASTERISK_OPTIONS);
    expect(calls.size).toBe(2);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]).toMatchObject({ line: 2 });
    expect(rejected[0]!.message).toMatch(/17th cell \("1792746100\.41"\) reads as uniqueid, but the file's first row has userfield there, and it settles every row of 17 columns/);

    const g = temp.file('mixed-uniqueid-first.csv', lines([asteriskLine(a!, UNIQUEID_ONLY), asteriskLine(b!, USERFIELD_ONLY)]));
    const second = await readMapped(g, ASTERISK_OPTIONS);
    expect(second.calls.size).toBe(1);
    expect(second.rejected[0]!.message).toMatch(/17th cell \("AMDSTATUS=MACHINE"\) reads as userfield, but the file's first row has uniqueid there, and it settles every row of 17 columns/);
  });

  it('16 and 18 columns are read as before, in one file too; a 17-column row in a file that starts otherwise is read by its own form', async () => {
    const [a, b, c] = machines();
    const f = temp.file('widths.csv', lines([asteriskLine(a!), asteriskLine(b!, { uniqueid: false, userfield: false }), asteriskLine(c!, USERFIELD_ONLY)]));
    const { calls, rejected } = await readMapped(f, ASTERISK_OPTIONS);
    expect(rejected).toEqual([]);
    expect([...calls.values()].map((x) => [x.record.callId, x.record.amdResult])).toEqual([
      ['1792746000.40', 'machine'],
      ['SIP/trunk-00000001@2026-10-23 10:01:00', null],
      ['SIP/trunk-00000002@2026-10-23 10:02:00', 'machine'],
    ]);
  });

  it('a first row that fits two readings equally stops the audit before any row is read (exit 2), saying how to name the columns', async () => {
    // A site mapping whose forms cannot tell the two apart.
    const mapping = temp.file('same-forms.json', JSON.stringify({ extends: 'asterisk-cdr', columnForms: { uniqueid: '[0-9.]+', userfield: '[0-9.]+' } }));
    const f = temp.file('tie.csv', lines(machines().map((r) => asteriskLine(r, UNIQUEID_ONLY))));
    const r = await runCli(['audit', f, '--mapping', mapping, ...ASTERISK_OPTIONS.slice(2)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/the first row of the file has 17 columns: .* its 17th cell \("1792746000\.40"\) could be uniqueid or userfield: which the file holds cannot be known/);
    expect(r.stderr).toContain('for uniqueid: {"extends":"asterisk-cdr","columnForms":{"uniqueid":"[\\\\s\\\\S]*","userfield":"(?!)"}}');
    expect(r.stderr).not.toMatch(/rejected/);
  });

  it('the way the message gives to say which: a mapping whose forms name the column the file holds reads it whatever its cells look like', async () => {
    // A dialplan that writes the uniqueid into userfield: by form it would be read as uniqueid.
    const f = temp.file('userfield-uniqueid.csv', lines(machines().map((r) => asteriskLine({ ...r, userfield: r.uniqueid! }, USERFIELD_ONLY))));
    const mapping = temp.file('userfield.json', JSON.stringify({ extends: 'asterisk-cdr', columnForms: { uniqueid: '(?!)', userfield: '[\\s\\S]*' } }));
    const byForm = await readMapped(f, ASTERISK_OPTIONS);
    expect([...byForm.calls.keys()][0]).toBe('1792746000.40');
    const { calls, rejected } = await readMapped(f, ['--mapping', mapping, ...ASTERISK_OPTIONS.slice(2)]);
    expect(rejected).toEqual([]);
    expect([...calls.keys()][0]).toBe('SIP/trunk-00000000@2026-10-23 10:00:00');
  });

  it('every thread reads the 17th column as the file\'s first row says: the same report with the batches read in worker threads', async () => {
    const rows = Array.from({ length: 30 }, (_, i) =>
      asteriskLine({
        dst: `077009${String(i).padStart(5, '0')}`, channel: `SIP/trunk-${i}`, lastapp: 'Hangup', start: `2026-10-23 11:${String(i).padStart(2, '0')}:00`, answer: `2026-10-23 11:${String(i).padStart(2, '0')}:05`,
        end: `2026-10-23 11:${String(i).padStart(2, '0')}:09`, duration: 9, billsec: 4, disposition: 'ANSWERED', uniqueid: `17927500${String(i).padStart(2, '0')}.${i}`, userfield: 'AMDSTATUS=MACHINE',
      }, i === 25 ? UNIQUEID_ONLY : USERFIELD_ONLY),
    );
    const f = temp.file('threads.csv', lines(rows));
    const options = [...ASTERISK_OPTIONS.slice(0, -2), '--json'];
    const one = await runCli(['audit', f, ...options, '--workers', '1'], { workersForTests: { streamCsv: true } });
    const two = await runCli(['audit', f, ...options, '--workers', '2'], { workersForTests: { batchBytes: 700, readHere: 'never' } });
    expect(two.stdout).toBe(one.stdout);
    expect(two.stderr).toBe(one.stderr);
    const report = JSON.parse(one.stdout) as Report;
    expect(report.calls).toBe(29);
    expect(report.categories.answerMachine).toBe(29);
  });

  it('a columnForms entry that is not an optional column, or not a regular expression, is a problem with the mapping (exit 2)', async () => {
    const mapping = temp.file('bad-forms.json', JSON.stringify({ extends: 'asterisk-cdr', optionalColumns: ['userfield'], columns: ['accountcode', 'src', 'dst', 'dcontext', 'clid', 'channel', 'dstchannel', 'lastapp', 'lastdata', 'start', 'answer', 'end', 'duration', 'billsec', 'disposition', 'amaflags', 'userfield'], columnForms: { uniqueid: '[0-9]+', userfield: '(' } }));
    const r = await runCli(['audit', temp.file('x.csv', ''), '--mapping', mapping, '--set', 'callCentreId=leeds', '--set', 'agentGuaranteed=false', '--set', 'amd=true', '--set', 'messagePlanned=true', '--input-tz', 'Europe/London']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/columnForms names "uniqueid", which is not in "optionalColumns"/);
    expect(r.stderr).toMatch(/columnForms\.userfield is not a regular expression/);
  });
});
