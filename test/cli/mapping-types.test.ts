/**
 * A mapping file (`--mapping FILE.json`, alone or extending a preset) whose sections have
 * the wrong JSON type is a usage error (exit 2) naming the section, like every other
 * problem with a mapping — never "the audit could not finish: TypeError: …". And a header
 * that lacks the columns a mapping reads is described in a bounded message, whatever the
 * number and length of its cells.
 */
import { describe, expect, it } from 'vitest';
import { runCli, useTempFiles } from './fixtures.js';

const temp = useTempFiles('dialguard-mapping-types-');

const CSV = 'id,campaign,number,started,ended,status\n1,spring,01632960001,2026-03-02T10:00:00Z,2026-03-02T10:01:00Z,SALE\n';
const BASE = {
  columns: ['id', 'campaign', 'number', 'started', 'ended', 'status'],
  fields: { callId: 'id', campaignId: 'campaign', to: 'number', dialAt: 'started', hangupAt: 'ended' },
  outcome: { status: '{status}', table: { SALE: 'live' } },
};
const SET = ['--set', 'callCentreId=leeds', '--set', 'cli=01134961000', '--set', 'agentGuaranteed=false', '--set', 'amd=false', '--set', 'messagePlanned=true'];
let n = 0;

async function audit(mapping: unknown, csv = CSV): Promise<{ code: number; stdout: string; stderr: string }> {
  const path = temp.file(`map-${n++}.json`, JSON.stringify(mapping));
  return runCli(['audit', temp.file(`m-${n}.csv`, csv), '--mapping', path, ...SET]);
}

describe('a mapping whose sections have the wrong type is a usage error naming the section', () => {
  it.each([
    ['"unknown"', { unknown: 'answerAt' }],
    ['"unknown"', { unknown: { answerAt: true } }],
    ['unknown[0]', { unknown: [{ toString: 5 }] }],
    ['"optionalColumns"', { optionalColumns: 'status' }],
    ['"optionalColumns"', { optionalColumns: 5 }],
    ['optionalColumns[1]', { optionalColumns: ['status', { toString: 5 }] }],
    ['columns[2]', { columns: ['id', 'campaign', { toString: 5 }, 'started', 'ended', 'status'] }],
    ['outcome.rules', { outcome: { status: '{status}', table: { SALE: 'live' }, rules: { when: {} } } }],
    ['outcome.rules[0]', { outcome: { status: '{status}', table: { SALE: 'live' }, rules: ['NA'] } }],
    ['outcome.rules[0].when', { outcome: { status: '{status}', rules: [{ when: 'status', outcome: 'live' }] } }],
    ['outcome.rules[0].when.status', { outcome: { status: '{status}', rules: [{ when: { status: { toString: 5 } }, outcome: 'live' }] } }],
    ['outcome.table', { outcome: { status: '{status}', table: 'live' } }],
    ['"outcome"', { outcome: 'live' }],
    ['"fields"', { fields: 'id' }],
    ['fields.callId.column', { fields: { ...BASE.fields, callId: { column: { toString: 5 } } } }],
    ['fields.callId.template', { fields: { ...BASE.fields, callId: { template: ['{id}'] } } }],
    ['fields.callId.match', { fields: { ...BASE.fields, callId: { column: 'id', match: { toString: 5 } } } }],
    ['fields.campaignId.value', { fields: { ...BASE.fields, campaignId: { value: { toString: 5 } } } }],
    ['columnForms.status', { optionalColumns: ['status'], columnForms: { status: { toString: 5 } } }],
    ['"extends"', { extends: { toString: 5 } }],
    ['"extends"', { extends: ['asterisk-cdr'] }],
  ])('%s: %j', async (section, over) => {
    const r = await audit({ ...BASE, ...over });
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/TypeError|could not finish/);
    expect(r.stderr).toContain(section);
  });

  it('a mapping that extends a preset with wrong-typed sections: the same, not merged into a TypeError', async () => {
    for (const [section, over] of [
      ['outcome.rules', { outcome: { rules: { when: {} } } }],
      ['outcome.table', { outcome: { table: 'ANSWERED' } }],
      ['"outcome"', { outcome: 'live' }],
      ['"fields"', { fields: 'src' }],
      ['"unknown"', { unknown: 'answerAt' }],
    ] as const) {
      const path = temp.file(`ext-${n++}.json`, JSON.stringify({ extends: 'asterisk-cdr', ...over }));
      const r = await runCli(['audit', temp.file('Master.csv', ''), '--mapping', path, '--input-tz', 'Europe/London', ...SET]);
      expect(r.code, section).toBe(2);
      expect(r.stderr).not.toMatch(/TypeError|could not finish/);
      expect(r.stderr).toContain(section);
    }
  });

  it('numbers and booleans where text is read are read as text, as before', async () => {
    const r = await audit({ ...BASE, fields: { ...BASE.fields, campaignId: { value: 7 } } });
    // No error about the field (the only word on the mapping is the evidence note on the facts it does not map).
    expect(r.stderr).not.toMatch(/TypeError|could not finish|campaignId|cannot be used/);
    expect(r.code).not.toBe(2);
  });
});

describe('a header that lacks the columns the mapping reads', () => {
  it('quotes at most 20 of its cells, each escaped and cut, then how many more', async () => {
    const cells = Array.from({ length: 5000 }, (_, i) => `col${i}${i === 3 ? `\u001b[2J${'x'.repeat(100_000)}` : ''}`);
    const r = await audit({ ...BASE, header: true }, `${cells.join(',')}\n`); // "header": true: the first row is a header whatever it holds
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('the header of the file lacks columns');
    expect(r.stderr).toContain('it has 5,000 cells: "col0", "col1", "col2", "col3\\u001b[2Jxxx');
    expect(r.stderr).toContain('"col19" and 4,980 more');
    expect(r.stderr).not.toContain('col20');
    expect(r.stderr).not.toContain('\u001b');
    expect(r.stderr.length).toBeLessThan(2000);
  });

  it('a header partly of the mapping\'s columns quotes its cells escaped and cut too', async () => {
    const r = await audit(BASE, `id,campaign,${'y'.repeat(50_000)}\u001b[2J\n`);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('names some of');
    expect(r.stderr.length).toBeLessThan(2000);
  });
});
