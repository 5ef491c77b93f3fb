/**
 * The shipped presets on realistic files written from each format's facts
 * (/work/shared/formats): Asterisk's Master.csv (no header, zoneless local times, a UK
 * clock-change day) and VICIdial's vicidial_log (a tab-separated export with its header,
 * epoch seconds, site statuses). Each call is checked: its times, what the mapping knew and
 * did not know, the outcome the dialler recorded, and its category.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PRESET_COLUMNS } from '../../src/cli/mapping/preset-columns.js';
import { readMapped } from './mapping-read.js';

const fixture = (path: string): string => fileURLToPath(new URL(`../fixtures/${path}`, import.meta.url));
const iso = (ms: number | null | undefined): string | null => (ms == null ? null : new Date(ms).toISOString());

const ASTERISK = ['--preset', 'asterisk-cdr', '--input-tz', 'Europe/London', '--set', 'callCentreId=leeds', '--set', 'agentGuaranteed=false', '--set', 'amd=true', '--set', 'messagePlanned=true'];
const VICIDIAL = ['--set', 'callCentreId=leeds', '--set', 'cli=01132345678', '--set', 'agentGuaranteed=no', '--set', 'amd=Y', '--set', 'messagePlanned=TRUE'];

describe('presets: the shipped files', () => {
  it('the columns the command recognises are the presets\' own', () => {
    for (const [name, columns] of Object.entries(PRESET_COLUMNS)) {
      const preset = JSON.parse(readFileSync(fixture(`../../presets/${name}.json`), 'utf8')) as { columns: string[] };
      expect(preset.columns).toEqual(columns);
    }
  });
});

describe('preset asterisk-cdr on Master.csv', () => {
  /** dst → [dial (UTC), answer (UTC), recorded outcome, machine kind, amdResult (null: unknown on the row)]. */
  const expected: Record<string, [string, string | null, string | null, string | null, string | null]> = {
    '07700900001': ['2026-10-23T09:00:00.000Z', '2026-10-23T09:00:06.000Z', 'live', null, 'human'],
    '07700900002': ['2026-10-23T09:01:00.000Z', null, 'unconnected', null, null],
    '07700900003': ['2026-10-23T09:02:00.000Z', null, 'unconnected', null, null],
    '07700900004': ['2026-10-23T09:03:00.000Z', '2026-10-23T09:03:05.000Z', 'answerMachine', 'disconnectedByAmd', 'machine'],
    '07700900005': ['2026-10-23T09:04:00.000Z', '2026-10-23T09:04:07.000Z', 'abandoned', null, 'human'],
    '07700900006': ['2026-10-23T09:05:00.000Z', '2026-10-23T09:05:04.000Z', 'silent', null, null],
    '01632960007': ['2026-10-23T10:00:00.000Z', '2026-10-23T10:00:05.000Z', null, null, 'unknown'],
    '01632960008': ['2026-10-23T10:01:00.000Z', '2026-10-23T10:01:08.000Z', 'live', null, 'human'],
    '01632960009': ['2026-10-23T10:02:00.000Z', null, 'unconnected', null, null],
    // Sunday 25 October: 00:50 BST is the Saturday 23:50 UTC; 01:30 happened twice and is read as its earlier (BST) instant.
    '07700900010': ['2026-10-24T23:50:00.000Z', '2026-10-24T23:50:06.000Z', 'live', null, 'human'],
    '07700900011': ['2026-10-25T00:30:00.000Z', '2026-10-25T00:30:05.000Z', 'abandoned', null, 'human'],
    '07700900012': ['2026-10-25T00:30:00.000Z', '2026-10-25T00:30:07.000Z', 'live', null, 'human'],
    '07700900013': ['2026-10-25T09:00:00.000Z', null, 'unconnected', null, null],
    '01632960014': ['2026-10-26T09:30:00.000Z', '2026-10-26T09:30:04.000Z', 'live', null, 'human'],
    '01632960015': ['2026-10-26T09:31:00.000Z', null, 'unconnected', null, null],
  };

  it('reads every call, with the facts the file shows and those it cannot', async () => {
    const { calls, rejected } = await readMapped(fixture('asterisk/Master.csv'), ASTERISK);
    expect(rejected).toEqual([]);
    expect(calls.size).toBe(15);
    const byNumber = new Map([...calls.values()].map((c) => [c.record.to, c]));
    expect([...byNumber.keys()].sort()).toEqual(Object.keys(expected).sort());
    for (const [to, [dial, answer, outcome, machine, amd]] of Object.entries(expected)) {
      const { record } = byNumber.get(to)!;
      expect([to, iso(record.dialAt), iso(record.answerAt)]).toEqual([to, dial, answer]);
      expect([to, record.outcome?.category ?? null, record.outcome?.machine ?? null]).toEqual([to, outcome, machine]);
      expect([to, record.amdResult]).toEqual([to, amd]);
      // What Master.csv cannot show is unknown, never "did not happen".
      expect(record.unknown).toEqual(expect.arrayContaining(['agentAt', 'messageAt', 'hangupBy']));
      expect(record.unknown?.includes('amdResult')).toBe(amd === null);
      expect(record.agentAt).toBeNull();
      expect(record.callCentreId).toBe('leeds');
      expect(record.amd).toBe(true);
      expect(record.hangupAt).not.toBeNull();
    }
  });

  it('categories: unanswered and AMD calls from the times, the others from the recorded outcome', async () => {
    const { calls } = await readMapped(fixture('asterisk/Master.csv'), ASTERISK);
    const byNumber = new Map([...calls.values()].map((c) => [c.record.to, c]));
    for (const [to, [, , outcome]] of Object.entries(expected)) {
      const call = byNumber.get(to)!;
      if (outcome === 'unconnected') expect([to, call.category]).toEqual([to, 'unconnected']);
    }
    expect(byNumber.get('07700900004')!.category).toBe('answerMachine');
    expect(byNumber.get('07700900004')!.machine).toBe('disconnectedByAmd');
    expect(byNumber.get('07700900002')!.record.hangupCause).toBe('noAnswer');
    expect(byNumber.get('07700900003')!.record.hangupCause).toBe('busy');
    expect(byNumber.get('01632960009')!.record.hangupCause).toBe('failed');
    // Cut off at pickup, CLI withheld ("" <>): silent, and the CLI is flagged.
    const cut = byNumber.get('07700900006')!;
    expect(cut.record.cli).toBeNull();
    expect(cut.category).toBe('silent');
    expect(cut.flags.map((f) => f.kind)).toContain('cliWithheld');
    // Live and abandoned calls are decided by the recorded outcome (agentAt/messageAt unknown).
    expect(byNumber.get('07700900001')!.record.outcome).toEqual({ status: 'ANSWERED Queue', category: 'live', machine: null });
    expect(byNumber.get('07700900005')!.record.outcome).toEqual({ status: 'ANSWERED Playback', category: 'abandoned', machine: null });
    for (const [to, [, , outcome]] of Object.entries(expected)) {
      const call = byNumber.get(to)!;
      if (outcome === 'live' || outcome === 'abandoned') expect([to, call.category]).toEqual([to, outcome]);
    }
    // The 2 s rule cannot be judged on them: no message or agent times. Listed, never passed.
    expect(byNumber.get('07700900005')!.notJudged?.map((n) => n.rule)).toContain('lateMessage');
    expect(byNumber.get('07700900005')!.flags.map((f) => f.kind)).not.toContain('lateMessage');
    // In a queue with no agent channel: the file cannot tell live from silent, and says so (no outcome): undetermined.
    expect(byNumber.get('01632960007')!.record.outcome).toBeNull();
    expect(byNumber.get('01632960007')!.category).toBe('undetermined');
    expect(byNumber.get('01632960007')!.flags.map((f) => f.kind)).not.toContain('silentCall');
  });

  it('a time in the hour skipped in March is rejected, never moved; the rows around it are read', async () => {
    const { calls, rejected } = await readMapped(fixture('asterisk/Master-spring-forward.csv'), ASTERISK);
    expect([...calls.values()].map((c) => iso(c.record.dialAt))).toEqual(['2026-03-29T00:59:00.000Z', '2026-03-29T01:30:00.000Z']);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]).toMatchObject({ line: 2, path: 'dialAt' });
    expect(rejected[0]!.message).toMatch(/"2026-03-29 01:30:00" is in the hour skipped when the clocks went forward in Europe\/London/);
  });

  it('reads the 16 default columns too (no uniqueid, no userfield): call id from channel and start, AMD unknown', async () => {
    const { writeFileSync, mkdtempSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'dialguard-ast-'));
    const line = readFileSync(fixture('asterisk/Master.csv'), 'utf8').split('\n')[0]!;
    const sixteen = line.split(',').slice(0, 17).join(','); // "sales,t" holds a comma: 17 pieces make 16 cells
    const path = join(dir, 'Master.csv');
    writeFileSync(path, `${sixteen}\n`);
    const { calls, rejected } = await readMapped(path, ASTERISK);
    expect(rejected).toEqual([]);
    const [call] = [...calls.values()];
    expect(call!.record.callId).toBe('SIP/trunk-00000001@2026-10-23 10:00:00');
    expect(call!.record.unknown).toContain('amdResult');
  });
});

describe('preset vicidial-log on a vicidial_log export', () => {
  /** phone_number → [dial (UTC), status, recorded outcome, machine kind, who hung up (null: unknown)]. */
  const expected: Record<string, [string, string, string | null, string | null, string | null]> = {
    '7700900101': ['2026-10-23T09:00:00.000Z', 'SALE', 'live', null, 'recipient'],
    '7700900102': ['2026-10-23T09:01:00.000Z', 'DROP', 'abandoned', null, 'recipient'],
    '7700900103': ['2026-10-23T09:02:00.000Z', 'NA', 'unconnected', null, null],
    '7700900104': ['2026-10-23T09:03:00.000Z', 'AA', 'answerMachine', 'disconnectedByAmd', null],
    '7700900105': ['2026-10-23T09:04:00.000Z', 'AB', 'unconnected', null, null],
    '7700900106': ['2026-10-23T09:05:00.000Z', 'ADC', 'unconnected', null, null],
    '7700900107': ['2026-10-23T09:06:00.000Z', 'NI', 'live', null, 'caller'],
    '7700900108': ['2026-10-23T09:07:00.000Z', 'APPT', null, null, 'caller'],
    '1134960109': ['2026-10-23T09:08:00.000Z', 'PDROP', 'abandoned', null, 'caller'],
    '1134960110': ['2026-10-23T09:09:00.000Z', 'A', 'answerMachine', 'falseNegative', 'caller'],
    '1134960111': ['2026-10-23T09:10:00.000Z', 'CALLBK', 'live', null, 'recipient'],
    '1134960112': ['2026-10-23T09:11:00.000Z', 'NA', 'unconnected', null, null],
    // Sunday 25 October: both calls show call_date 01:30:00; the epochs tell them apart.
    '7700900113': ['2026-10-25T00:30:00.000Z', 'SALE', 'live', null, 'recipient'],
    '7700900114': ['2026-10-25T01:30:00.000Z', 'DROP', 'abandoned', null, 'recipient'],
    '7700900115': ['2026-10-25T10:00:00.000Z', 'NA', 'unconnected', null, null],
    '1134960116': ['2026-10-26T09:00:00.000Z', 'SALE', 'live', null, 'caller'],
    '1134960117': ['2026-10-26T09:01:00.000Z', 'DROP', 'abandoned', null, 'recipient'],
    '1134960118': ['2026-10-26T09:02:00.000Z', 'APPT', null, null, 'recipient'],
    '1134960119': ['2026-10-26T09:03:00.000Z', 'AL', 'answerMachine', 'disconnectedByAmd', null],
  };

  it('reads every call: epoch seconds, +44 numbers, term_reason as who hung up, the status as the recorded outcome', async () => {
    const { calls, rejected } = await readMapped(fixture('vicidial/vicidial_log.tsv'), ['--preset', 'vicidial-log', ...VICIDIAL]);
    expect(rejected).toEqual([]);
    expect(calls.size).toBe(19);
    const byNumber = new Map([...calls.values()].map((c) => [c.record.to.replace('+44', ''), c]));
    for (const [number, [dial, status, outcome, machine, by]] of Object.entries(expected)) {
      const { record } = byNumber.get(number)!;
      expect(record.to).toBe(`+44${number}`);
      expect([number, iso(record.dialAt)]).toEqual([number, dial]);
      expect([number, record.outcome?.status ?? status, record.outcome?.category ?? null, record.outcome?.machine ?? null]).toEqual([number, status, outcome, machine]);
      expect([number, record.hangupBy]).toEqual([number, by]);
      expect(record.unknown?.includes('hangupBy')).toBe(by === null);
      // vicidial_log has no answer, agent or message times: unknown, not absent.
      expect(record.unknown).toEqual(expect.arrayContaining(['answerAt', 'agentAt', 'messageAt']));
      expect(record.answerAt).toBeNull();
      expect(record.cli).toBe('01132345678');
      expect(record.agentGuaranteed).toBe(false);
      expect(record.amd).toBe(true);
    }
    expect(byNumber.get('7700900105')!.record.hangupCause).toBe('busy');
    expect(byNumber.get('7700900106')!.record.hangupCause).toBe('invalidNumber');
    // Unanswered statuses are unconnected whatever the classifier does with unknown answer times.
    for (const number of ['7700900103', '7700900105', '7700900106', '1134960112', '7700900115']) expect(byNumber.get(number)!.category).toBe('unconnected');
    // A DROP row is abandoned and a SALE row live through the recorded outcome (answerAt unknown).
    expect(byNumber.get('7700900102')!.record.outcome).toEqual({ status: 'DROP', category: 'abandoned', machine: null });
    expect(byNumber.get('7700900101')!.record.outcome).toEqual({ status: 'SALE', category: 'live', machine: null });
    for (const [number, [, , outcome, machine]] of Object.entries(expected)) {
      const call = byNumber.get(number)!;
      expect([number, call.category, call.machine ?? null]).toEqual([number, outcome ?? 'undetermined', machine]);
    }
    // Abandoned calls whose answerer the file cannot show are counted by the A3.6 estimate.
    expect(byNumber.get('7700900102')!.answeredBy).toBe('unknown');
  });

  it('a site mapping extending the preset maps the site\'s own status', async () => {
    const { calls } = await readMapped(fixture('vicidial/vicidial_log.tsv'), ['--mapping', fixture('vicidial/site-mapping.json'), ...VICIDIAL]);
    const appt = [...calls.values()].filter((c) => c.record.outcome?.status === 'APPT');
    expect(appt).toHaveLength(2);
    for (const c of appt) expect(c.record.outcome).toEqual({ status: 'APPT', category: 'live', machine: null });
    expect([...calls.values()].every((c) => c.record.outcome != null)).toBe(true);
  });

  it('reads the export without its header too (columns in the preset\'s order)', async () => {
    const { writeFileSync, mkdtempSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'dialguard-vd-'));
    const path = join(dir, 'vicidial_log.tsv');
    writeFileSync(path, readFileSync(fixture('vicidial/vicidial_log.tsv'), 'utf8').split('\n').slice(1).join('\n'));
    const { calls, rejected } = await readMapped(path, ['--preset', 'vicidial-log', ...VICIDIAL]);
    expect(rejected).toEqual([]);
    expect(calls.size).toBe(19);
  });
});
