/**
 * The flags section gives, per kind, the paragraphs its flags in the period cited (the
 * usual one when it has none), beside its count in the period — never the paragraphs of
 * flags outside it. The report data keeps the refs per date and kind (`refsByDate`), so a
 * report of any period reads its own.
 */
import { describe, expect, it } from 'vitest';
import { audit, formatReport, report, type AnyFlag } from '../../src/index.js';
import { DAY, recordAt } from './helpers.js';

const T = Date.UTC(2026, 2, 2, 10);
const silentRefs = (r: ReturnType<typeof report>) => r.flags.find((f) => f.kind === 'silentCall')!;

describe('flag refs are those cited in the period', () => {
  const result = audit([
    recordAt('fp', T, 'amdFalsePositive'), // silent, AMD false positive: A1.6
    recordAt('plain', T + 10 * DAY, 'silent', { to: '01632960002' }), // silent: A1.3
    recordAt('live', T + 20 * DAY, 'live', { to: '01632960003' }),
  ]);

  it('sanity: the two silent calls cite A1.6 and A1.3', () => {
    const all = report(result, { from: T - DAY, to: T + 21 * DAY });
    expect(silentRefs(all).count).toBe(2);
    expect(silentRefs(all).refs).toEqual(['A1.3', 'A1.6']);
  });

  it('a period holding only the A1.3 silent call lists A1.3 alone, in the JSON and the text', () => {
    const r = report(result, { from: T + 9 * DAY, to: T + 11 * DAY });
    expect(silentRefs(r)).toMatchObject({ count: 1, refs: ['A1.3'] });
    expect(formatReport(r)).toMatch(/^silentCall +A1\.3 +1 /m);
  });

  it('a period with no silent call lists the usual paragraph (A1.3), not the A1.6 of a call outside it', () => {
    const r = report(result, { from: T + 19 * DAY, to: T + 21 * DAY });
    expect(silentRefs(r)).toMatchObject({ count: 0, refs: ['A1.3'] });
  });

  it('the report data keeps them per date and kind', () => {
    expect(result.reportData.refsByDate).toEqual([
      { date: '2026-03-02', kind: 'silentCall', refs: ['A1.6'] },
      { date: '2026-03-12', kind: 'silentCall', refs: ['A1.3'] },
    ]);
  });

  it('a flag about a scope given to report() counts its ref on its own date only', () => {
    // Built by hand, citing a neighbouring paragraph (A1.22), so its ref tells the periods apart.
    const flag = { kind: 'tooManyClis', callId: null, at: T, ref: 'A1.22', detail: { campaignId: 'spring', date: '2026-03-02', distinct: 11, max: 10 } } as AnyFlag;
    const on = report(result, { from: T - DAY, to: T + DAY, scopeFlags: [flag] }).flags.find((f) => f.kind === 'tooManyClis')!;
    expect(on).toMatchObject({ count: 1, refs: ['A1.22'] });
    const off = report(result, { from: T + 9 * DAY, to: T + 11 * DAY, scopeFlags: [flag] }).flags.find((f) => f.kind === 'tooManyClis')!;
    expect(off).toMatchObject({ count: 0, refs: ['A1.21'] });
  });

  it('report data stored before refsByDate existed: the refs of all the data, for a kind with flags in the period; the usual one for a kind with none', () => {
    const { refsByDate: _, ...old } = result.reportData;
    const source = { reportData: old };
    expect(silentRefs(report(source, { from: T + 9 * DAY, to: T + 11 * DAY }))).toMatchObject({ count: 1, refs: ['A1.3', 'A1.6'] });
    expect(silentRefs(report(source, { from: T + 19 * DAY, to: T + 21 * DAY }))).toMatchObject({ count: 0, refs: ['A1.3'] });
  });
});
