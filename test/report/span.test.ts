import { describe, expect, it } from 'vitest';
import { audit, formatReport, report } from '../../src/internals.js';
import { MAX_LISTED_WEEKS } from '../../src/internals.js';
import { recordAt } from './helpers.js';

describe('report rows are bounded by the days with calls, never by the span (issue 11 item 3)', () => {
  const first = recordAt('a', Date.UTC(2026, 0, 5, 10), 'live');
  const last = recordAt('b', Date.UTC(9999, 0, 5, 10), 'abandoned');

  it('two calls 8,000 years apart give two day rows and two week rows per scope', () => {
    const result = audit([first, last], undefined, { from: Date.UTC(2026, 0, 1) });
    const r = result.report;
    expect(r.period.fromDate).toBe('2026-01-01');
    expect(r.period.toDate).toBe('9999-01-05');
    expect(r.calls).toBe(2);
    for (const s of r.scopes) {
      expect(s.days.length).toBeLessThanOrEqual(2);
      expect(s.weeks.length).toBeLessThanOrEqual(2);
    }
    const all = r.scopes[0]!;
    expect(all.weeks.map((w) => w.week)).toEqual(['2026-W02', '9999-W01']);
    expect(all.persistence.weeks).toBeGreaterThan(400_000); // the period's weeks are still counted
    expect(all.persistence.weeksWithCalls).toBe(2);
    expect(formatReport(r).split('\n').length).toBeLessThan(200);
    expect(JSON.stringify(r).length).toBeLessThan(100_000);
  });

  it(`a period of up to ${MAX_LISTED_WEEKS} weeks lists every week, empty ones too`, () => {
    const r = report(audit([first]), { from: Date.UTC(2026, 0, 1), to: Date.UTC(2026, 2, 1) });
    const all = r.scopes[0]!;
    expect(all.weeks.length).toBe(r.persistence.weeks);
    expect(all.weeks.filter((w) => w.counts.calls === 0).length).toBe(all.weeks.length - 1);
  });
});
