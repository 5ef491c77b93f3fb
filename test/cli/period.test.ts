/**
 * `--from` / `--to` with date-times: "widened to its day" (`--help`), for the counts, the
 * report's dates and the HTML hours chart alike.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CliReport } from '../../src/cli/main.js';
import { T0, record, runCli, toJsonl, useTempFiles } from './fixtures.js';

const temp = useTempFiles('dialguard-period-');
const H = 3_600_000;

describe('dialguard audit --from / --to with a date-time', () => {
  it('--to at exactly local midnight includes that day (its first instant is on it)', async () => {
    const path = temp.file('two-days.jsonl', toJsonl([record('mon', T0), record('tue', T0 + 24 * H)]));
    // 2026-03-03T00:00:00Z is 00:00 on Tuesday 3 March in London (GMT).
    const r = await runCli(['audit', path, '--to', '2026-03-03T00:00:00Z', '--json']);
    const report = JSON.parse(r.stdout) as CliReport;
    expect(report.period.toDate).toBe('2026-03-03');
    expect(report.calls).toBe(2);
    const same = await runCli(['audit', path, '--from', '2026-03-03', '--to', '2026-03-03T00:00:00Z', '--json']);
    expect(same.code).not.toBe(2); // not refused as "--to should be after --from"
    expect((JSON.parse(same.stdout) as CliReport).calls).toBe(1);
  });

  it('the HTML hours chart counts the same calls as the report when --from is a date-time mid-day', async () => {
    // Five calls on Monday 2 March, 10:00 to 14:00 UTC (GMT), one an hour.
    const rows = [0, 1, 2, 3, 4].map((i) => record(`h${i}`, T0 + i * H, { to: `0163296000${i}` }));
    const path = temp.file('hours.jsonl', toJsonl(rows));
    const html = temp.path('hours.html');
    const r = await runCli(['audit', path, '--from', '2026-03-02T12:00:00Z', '--html', html, '--json']);
    const report = JSON.parse(r.stdout) as CliReport;
    expect(report.period.fromDate).toBe('2026-03-02');
    expect(report.calls).toBe(5);
    const chart = /<svg id="per-hour"[\s\S]*?<\/svg>/.exec(readFileSync(html, 'utf8'))?.[0] ?? '';
    expect(chart).not.toBe('');
    const drawn = [...chart.matchAll(/<title>\d\d [a-z ]+: (\d+)<\/title>/g)].reduce((a, m) => a + Number(m[1]), 0);
    expect(drawn).toBe(report.calls);
  });
});

describe('dialguard audit --from / --to with a date in the first centuries', () => {
  it('years 1–99 are those years, not 1900–1999 (Date.UTC): --from 0001-01-03, the first date the audit holds, is a date', async () => {
    const path = temp.file('one.jsonl', toJsonl([record('mon', T0)]));
    const r = await runCli(['audit', path, '--from', '0001-01-03', '--to', '0099-03-01', '--json']);
    expect(r.stderr).not.toContain('not a calendar date');
    const report = JSON.parse(r.stdout) as CliReport;
    expect([report.period.fromDate, report.period.toDate]).toEqual(['0001-01-03', '0099-03-01']);
  });

  it('--from 1000-01-01 is that day in London (local mean time then: 00:01:15 UTC is its midnight)', async () => {
    const path = temp.file('one.jsonl', toJsonl([record('mon', T0)]));
    const r = await runCli(['audit', path, '--from', '1000-01-01', '--to', '1000-01-01']);
    expect(r.stdout).toContain('Period: 1000-01-01 to 1000-01-01 (1 day');
    const { parsePeriod } = await import('../../src/cli/period.js');
    const p = parsePeriod('1000-01-01', '1000-01-01', 'Europe/London');
    expect([new Date(p.from!).toISOString(), new Date(p.to!).toISOString()]).toEqual(['1000-01-01T00:01:15.000Z', '1000-01-02T00:01:15.000Z']);
  });

  it('a date that is not on the calendar, and one outside the dates the audit holds, are told apart', async () => {
    const path = temp.file('one.jsonl', toJsonl([record('mon', T0)]));
    for (const [from, message] of [
      ['2026-02-30', '--from "2026-02-30" is not a calendar date'],
      ['0000-01-01', '--from "0000-01-01" is not a calendar date'],
      ['0001-01-02', '--from "0001-01-02" is outside the dates the audit can hold (0001-01-03 to 9999-12-29)'],
    ] as const) {
      const r = await runCli(['audit', path, '--from', from]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(message);
    }
  });
});
