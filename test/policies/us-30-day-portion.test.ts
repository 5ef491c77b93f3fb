/**
 * 16 CFR 310.4(b)(4)(i): no more than three percent of calls answered by a person, "measured
 * over the duration of a single calling campaign, if less than 30 days, or separately over
 * each successive 30-day period or portion thereof that the campaign continues"; 47 CFR
 * 64.1200(a)(7)(i) the same. A trailing 30-day window ending in a last, partial period also
 * takes in the period before, which can dilute the portion: under a `trailing30Days` policy
 * each campaign is also measured in successive 30-day periods from its first day
 * (`campaignPeriod`), and a day is above the line when either measure is.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { audit, formatReport, usFcc, usTsr, type CallRecord, type ClassifiedCall } from '../../src/index.js';
import { periodStart } from '../../src/acr/campaign-period.js';
import { createAcrLedger } from '../../src/acr/ledger.js';
import { addDays } from '../../src/acr/trailing.js';
import { call } from '../guard/helpers.js';
import { ABANDONED_WITH_MESSAGE, LIVE, rec } from './us-helpers.js';

const day = (n: number): string => `2026-03-${String(n).padStart(2, '0')}`;

/** 1–30 March 10 live calls a day (the first period: 0 %); 31 March, the second period's portion, 2 live and 1 abandoned (33 %). */
function campaign(): CallRecord[] {
  const out: CallRecord[] = [];
  for (let d = 1; d <= 30; d++) for (let i = 0; i < 10; i++) out.push(rec(`${d}0${i}`, `${day(d)}T15:0${i}:00Z`, LIVE));
  out.push(rec('3101', `${day(31)}T15:00:00Z`, LIVE));
  out.push(rec('3102', `${day(31)}T15:01:00Z`, LIVE));
  out.push(rec('3103', `${day(31)}T15:02:00Z`, ABANDONED_WITH_MESSAGE));
  return out;
}

describe('TSR/FCC successive 30-day periods "or portion thereof" (16 CFR 310.4(b)(4)(i); 47 CFR 64.1200(a)(7)(i))', () => {
  for (const policy of [usTsr, usFcc]) {
    it(`${policy.id}: the second period's portion (31 March: 1 abandoned of 3 answered) is above 3 %, so the campaign is reported above the line`, () => {
      const result = audit(campaign(), policy);
      const rows = result.table.filter((r) => r.scope === 'campaign');
      expect(rows.find((r) => r.date === day(30))!.alert).toBe(false);
      const last = rows.find((r) => r.date === day(31))!;
      expect(last.acr.rate).toBeCloseTo(1 / 293, 12); // the trailing 30 days, 2–31 March (290 + 3 answered): diluted
      expect(last.campaignPeriod).toMatchObject({ from: day(31), acr: { x: 1, y: 2 } });
      expect(last.alert).toBe(true);
      const spring = result.report.scopes.find((s) => s.campaignId === 'spring')!;
      expect(spring.acr.daysAboveAlert).toBe(1);
      expect(spring.acr.highestRate).toBeCloseTo(1 / 3, 12);
      expect(spring.days.at(-1)!.acr.campaignPeriod).toMatchObject({ from: day(31), x: 1, y: 2 });
    });
  }

  it('the first period measures the same as the trailing window, and other scopes carry no period', () => {
    const rows = audit(campaign(), usTsr).table;
    for (const r of rows.filter((x) => x.scope === 'campaign' && x.date <= day(30))) {
      expect(r.campaignPeriod).toMatchObject({ from: day(1), counts: r.counts });
    }
    for (const r of rows.filter((x) => x.scope === 'all' || x.scope === 'callCentre')) expect(r).not.toHaveProperty('campaignPeriod');
    for (const r of rows.filter((x) => x.scope === 'campaignCallCentre' && x.date === day(31))) expect(r.campaignPeriod).toMatchObject({ from: day(31) });
  });

  it('the text report shows the period rate and its first day beside the trailing rate', () => {
    const text = formatReport(audit(campaign(), usTsr).report);
    const line = text.split('\n').find((l) => l.startsWith(day(31)) && l.includes('ALERT'));
    expect(line).toBeDefined();
    expect(line).toContain(day(31));
    expect(line).toMatch(/33\.3\d? ?%/);
  });
});

describe('periodStart: successive 30-day periods from the campaign’s first day', () => {
  it('day 30 of a campaign is in its first period, day 31 starts the second', () => {
    expect(periodStart('2026-03-01', '2026-03-30')).toBe('2026-03-01');
    expect(periodStart('2026-03-01', '2026-03-31')).toBe('2026-03-31');
    expect(periodStart('2028-02-10', '2028-03-11')).toBe('2028-03-11'); // across a leap day
    expect(periodStart('2026-12-20', '2027-01-18')).toBe('2026-12-20');
  });

  it('property: the period holding a date starts a whole number of 30 days after the first day, at most 29 days before the date', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40_000 }), fc.integer({ min: 0, max: 400 }), (start, offset) => {
        const first = addDays('1990-01-01', start);
        const date = addDays(first, offset);
        const from = periodStart(first, date);
        expect(from).toBe(addDays(first, Math.floor(offset / 30) * 30));
        expect(from <= date && addDays(from, 29) >= date).toBe(true);
      }),
    );
  });

  it('property: at the period edges (days 29, 30 and 31 after the first), the period measure counts only its own days', () => {
    const noon = (date: string): number => Date.parse(`${date}T16:00:00Z`);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3_000 }), fc.integer({ min: 1, max: 3 }), fc.constantFrom(28, 29, 30, 31, 59, 60), (start, k, offset) => {
        const first = addDays('2020-01-01', start);
        const last = addDays(first, offset);
        const calls: ClassifiedCall[] = [];
        for (let i = 0; i < k; i++) calls.push(call(`f${i}`, noon(first) + i, 'abandoned'));
        calls.push(call('l', noon(last), 'live'));
        const ledger = createAcrLedger({ timeZone: usTsr.timeZone, scopes: ['campaign'], window: 'trailing30Days' });
        for (const c of calls) ledger.add(c);
        const row = ledger.table(0.03).find((r) => r.date === last)!;
        const samePeriod = offset < 30;
        expect(row.campaignPeriod!.from).toBe(addDays(first, Math.floor(offset / 30) * 30));
        expect(row.campaignPeriod!.acr.x).toBe(samePeriod ? k : 0);
        expect(row.acr.x).toBe(offset < 30 ? k : 0); // the trailing window: the first day is in it up to day 29
        expect(row.alert).toBe(samePeriod);
      }),
      { numRuns: 150 },
    );
  });
});
