/**
 * The CLI factor (A2.12–A2.14) counts every silent or abandoned call with the CLI withheld:
 * A2.13 aggravates "any case of misuse", not only silent calls. The figure is the CLI rule's
 * own (`cliWithheld` flags marked `aggravated`), and report data stored before the figure
 * existed rebuild it as `null` (unknown), never 0.
 */
import { describe, expect, it } from 'vitest';
import { buildReport, createReportBuilder, ofcom2017 } from '../../src/internals.js';
import { report } from '../../src/report/index.js';
import { callAt, HOUR, T0 } from './helpers.js';

const calls = [
  callAt('s', T0, 'silent', { cli: null }),
  callAt('a', T0 + HOUR, 'abandoned', { cli: null, to: '01632960002' }),
  callAt('l', T0 + 2 * HOUR, 'live', { cli: null, to: '01632960003' }),
  callAt('a2', T0 + 3 * HOUR, 'abandoned', { to: '01632960004' }),
];

describe('the CLI factor: silent or abandoned calls with the CLI withheld (A2.13)', () => {
  it('counts the silent and the abandoned call that withheld it, not the live one nor the abandoned one that presented it', () => {
    expect(calls.map((c) => c.category)).toEqual(['silent', 'abandoned', 'live', 'abandoned']);
    const cli = report(calls).factors.find((f) => f.id === 'cli')!;
    expect(cli.evidence).toMatchObject({ cliWithheld: 3, silentWithCliWithheld: 1, silentOrAbandonedWithCliWithheld: 2 });
  });

  it('equals the cliWithheld flags the CLI rule marks aggravated', () => {
    const aggravated = calls.flatMap((c) => c.flags).filter((f) => f.kind === 'cliWithheld' && f.detail.aggravated === true).length;
    expect(report(calls).factors.find((f) => f.id === 'cli')!.evidence.silentOrAbandonedWithCliWithheld).toBe(aggravated);
  });

  it('report data stored before the figure existed: null (unknown), the rest as before', () => {
    const b = createReportBuilder(ofcom2017);
    for (const c of calls) b.add(c);
    const data = JSON.parse(JSON.stringify(b.data())) as ReturnType<typeof b.data>;
    expect(buildReport(data).factors.find((f) => f.id === 'cli')!.evidence.silentOrAbandonedWithCliWithheld).toBe(2);
    const old = { ...data, cells: data.cells.map(({ misuseCliWithheld: _, ...cell }) => cell) };
    const cli = buildReport(old).factors.find((f) => f.id === 'cli')!;
    expect(cli.evidence).toMatchObject({ cliWithheld: 3, silentWithCliWithheld: 1, silentOrAbandonedWithCliWithheld: null });
  });
});
