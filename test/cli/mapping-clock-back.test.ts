/**
 * Zoneless local times across the October clock change: a time in the repeated hour is read
 * as its earlier (summer-time) instant, except a call's later time (answer, end) whose
 * earlier instant would fall before a time it must follow: a call in progress when the
 * clocks went back has its answer and end written in the second pass of the hour.
 */
import { describe, expect, it } from 'vitest';
import { runCliJson, useTempFiles } from './fixtures.js';
import { ASTERISK_OPTIONS, asteriskLine } from './dialler-rows.js';
import { readMapped } from './mapping-read.js';

const temp = useTempFiles('dialguard-clock-back-');
const iso = (ms: number | null | undefined): string | null => (ms == null ? null : new Date(ms).toISOString());

describe('asterisk-cdr across the October clock change (Europe/London, 25 October 2026: 02:00 BST → 01:00 GMT)', () => {
  const inProgress = [
    // Dialled at 01:59:50 BST, answered 12 s later (01:00:02 GMT), ended at 01:03:00 GMT.
    asteriskLine({ dst: '07700900001', channel: 'SIP/trunk-01', dstchannel: 'SIP/agent101-02', lastapp: 'Queue', lastdata: 'sales', start: '2026-10-25 01:59:50', answer: '2026-10-25 01:00:02', end: '2026-10-25 01:03:00', duration: 190, billsec: 178, disposition: 'ANSWERED', uniqueid: '1792889990.1', userfield: 'AMDSTATUS=HUMAN' }),
    // Dialled at 01:59:40 BST, rang out at 01:00:05 GMT.
    asteriskLine({ dst: '07700900002', channel: 'SIP/trunk-03', lastapp: 'Dial', lastdata: 'SIP/trunk/07700900002,30', start: '2026-10-25 01:59:40', answer: null, end: '2026-10-25 01:00:05', duration: 25, billsec: 0, disposition: 'NO ANSWER', uniqueid: '1792889980.2' }),
    // Answered before the change (01:59:58 BST), ended after it (01:00:30 GMT).
    asteriskLine({ dst: '07700900003', channel: 'SIP/trunk-04', dstchannel: 'SIP/agent102-05', lastapp: 'Queue', lastdata: 'sales', start: '2026-10-25 01:59:50', answer: '2026-10-25 01:59:58', end: '2026-10-25 01:00:30', duration: 40, billsec: 32, disposition: 'ANSWERED', uniqueid: '1792889990.3', userfield: 'AMDSTATUS=HUMAN' }),
  ];

  it('calls in progress when the clocks go back are counted, their answer and end read after their dial', async () => {
    const f = temp.file('Master.csv', `${inProgress.join('\n')}\n`);
    const { report, stderr } = await runCliJson(['audit', f, ...ASTERISK_OPTIONS]);
    expect(stderr).not.toMatch(/should be a time at or after/);
    expect(report.rejected.count).toBe(0);
    expect(report.calls).toBe(3);
    expect((report as unknown as { categories: Record<string, number> }).categories).toMatchObject({ live: 2, unconnected: 1 });
    const { calls } = await readMapped(f, ASTERISK_OPTIONS);
    expect([...calls.values()].map((c) => [iso(c.record.dialAt), iso(c.record.answerAt), iso(c.record.hangupAt)])).toEqual([
      ['2026-10-25T00:59:50.000Z', '2026-10-25T01:00:02.000Z', '2026-10-25T01:03:00.000Z'],
      ['2026-10-25T00:59:40.000Z', null, '2026-10-25T01:00:05.000Z'],
      ['2026-10-25T00:59:50.000Z', '2026-10-25T00:59:58.000Z', '2026-10-25T01:00:30.000Z'],
    ]);
  });

  it('a call wholly in the repeated hour is still read as its earlier instants, as the README says (in order, on its day)', async () => {
    const f = temp.file('Master-repeated.csv', `${asteriskLine({ dst: '07700900004', channel: 'SIP/trunk-06', dstchannel: 'SIP/agent101-07', lastapp: 'Queue', start: '2026-10-25 01:30:00', answer: '2026-10-25 01:30:06', end: '2026-10-25 01:32:00', duration: 120, billsec: 114, disposition: 'ANSWERED', uniqueid: '1792891800.4' })}\n`);
    const { calls, rejected } = await readMapped(f, ASTERISK_OPTIONS);
    expect(rejected).toEqual([]);
    const [call] = [...calls.values()];
    expect([iso(call!.record.dialAt), iso(call!.record.answerAt), iso(call!.record.hangupAt)]).toEqual(['2026-10-25T00:30:00.000Z', '2026-10-25T00:30:06.000Z', '2026-10-25T00:32:00.000Z']);
  });
});
