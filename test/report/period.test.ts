import { describe, expect, it } from 'vitest';
import { definePolicy, ofcom2017 } from '../../src/index.js';
import { CALENDAR_RANGE } from '../../src/internals.js';
import { addMonths, isoWeekOf } from '../../src/report/calendar.js';
import { createReportBuilder, report, ReportInputError } from '../../src/report/index.js';
import { callAt, DAY, HOUR, instantOf, MINUTE, T0 } from './helpers.js';

const LONDON = 'Europe/London';

describe('report period (Section 1: 6 to 12 weeks)', () => {
  // T0: Monday 23 November 2026, 10:00 GMT. 83 days before is Tuesday 1 September (BST).
  const calls = [callAt('old', T0 - 84 * DAY, 'silent'), callAt('first', T0 - 83 * DAY, 'live', { to: '01632960002' }), callAt('new', T0, 'live', { to: '01632960003' })];

  it('defaults to the policy’s 12 weeks ending with the newest call’s day, as whole local days', () => {
    const r = report(calls);
    expect(r.period).toEqual({
      from: Date.UTC(2026, 7, 31, 23), // midnight BST on 1 September
      to: Date.UTC(2026, 10, 24), // midnight GMT after 23 November
      fromDate: '2026-09-01',
      toDate: '2026-11-23',
      days: 84,
      weeks: 12,
      basis: 'default',
    });
    expect(r.calls).toBe(2);
    expect(r.callsOutsidePeriod).toBe(1);
    expect(r.categories.silent).toBe(0);
    expect(r.scopes[0]!.weeks.map((w) => w.week)).toEqual([
      '2026-W36', '2026-W37', '2026-W38', '2026-W39', '2026-W40', '2026-W41', '2026-W42',
      '2026-W43', '2026-W44', '2026-W45', '2026-W46', '2026-W47', '2026-W48',
    ]);
    expect(r.scopes[0]!.weeks.map((w) => w.daysInPeriod)).toEqual([6, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 1]);
  });

  it('follows policy.persistenceWeeks', () => {
    const six = definePolicy(ofcom2017, { persistenceWeeks: 6 });
    expect(report(calls, { policy: six }).period).toMatchObject({ fromDate: '2026-10-13', toDate: '2026-11-23', days: 42, weeks: 6 });
  });

  it('widens a given from and to to whole days in the policy zone', () => {
    const r = report(calls, { from: T0 - 83 * DAY + 5 * HOUR, to: Date.UTC(2026, 10, 24) });
    expect(r.period).toMatchObject({ fromDate: '2026-09-01', toDate: '2026-11-23', from: Date.UTC(2026, 7, 31, 23), to: Date.UTC(2026, 10, 24), basis: 'given' });
    expect(r.calls).toBe(2);
    // `to` is exclusive: midnight on the 23rd ends the period on the 22nd.
    expect(report(calls, { to: Date.UTC(2026, 10, 23) }).period).toMatchObject({ toDate: '2026-11-22', fromDate: '2026-08-31' });
    expect(report(calls, { to: Date.UTC(2026, 10, 23) }).calls).toBe(2);
  });

  it('takes a missing end from the newest call, and a missing start from the weeks', () => {
    expect(report(calls, { from: T0 - 10 * DAY }).period).toMatchObject({ fromDate: '2026-11-13', toDate: '2026-11-23', days: 11 });
    expect(report(calls, { from: T0 + 10 * DAY }).period).toMatchObject({ fromDate: '2026-12-03', toDate: '2027-02-24', days: 84 });
    expect(report(calls, { to: T0 - 80 * DAY }).period).toMatchObject({ fromDate: '2026-06-13', toDate: '2026-09-04' });
  });

  it('rejects a reversed or non-numeric period', () => {
    expect(() => report(calls, { from: T0, to: T0 })).toThrow(ReportInputError);
    expect(() => report(calls, { from: Number.NaN })).toThrow(/from should be epoch milliseconds/);
  });

  it('rejects a bound with no calendar day as a ReportInputError naming it (not a ValidationError about `at`)', () => {
    const named = (options: { from?: number; to?: number }, bound: 'from' | 'to'): void => {
      let error: unknown;
      try {
        report(calls, options);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ReportInputError);
      expect((error as Error).message).toMatch(new RegExp(`^${bound} should be an instant from 0001-01-03 to 9999-12-30`));
      expect((error as Error).message).not.toMatch(/\bat should be\b/);
    };
    named({ from: 0, to: 1e15 }, 'to'); // microseconds read as milliseconds: the year 33658
    named({ from: -1e15 }, 'from');
    named({ to: CALENDAR_RANGE.from }, 'to'); // exclusive: its last day would be before the calendar
  });

  it('an empty input has no period and zero counts', () => {
    const r = report([]);
    expect(r.period).toEqual({ from: null, to: null, fromDate: null, toDate: null, days: 0, weeks: 0, basis: 'default' });
    expect(r.calls).toBe(0);
    expect(r.scopes.map((s) => s.scope)).toEqual(['all']);
    expect(r.retention).toMatchObject({ newestRecord: null, keepUntil: null, dataCoversLookback: null });
    expect(r.persistence.pattern).toBe('none');
  });

  it('one builder gives any number of periods', () => {
    const b = createReportBuilder();
    calls.forEach((c) => b.add(c));
    expect(b.build().calls).toBe(2);
    expect(b.build({ from: T0 - 100 * DAY }).calls).toBe(3);
    expect(b.build({ to: T0 - 83 * DAY + HOUR }).calls).toBe(2);
  });
});

describe('report weeks: Monday to Sunday in the policy zone, across clock changes', () => {
  it('puts Monday 00:30 BST (Sunday 23:30 UTC) in the new week', () => {
    const sunday = instantOf(LONDON, 2026, 3, 29, 22, 30); // the day the clocks went forward
    const monday = instantOf(LONDON, 2026, 3, 30, 0, 30);
    expect(new Date(monday).getUTCDay()).toBe(0); // still Sunday in UTC
    const r = report([callAt('sun', sunday, 'silent'), callAt('mon', monday, 'live', { to: '01632960002' })]);
    const days = r.scopes[0]!.days;
    expect(days.map((d) => [d.date, d.week])).toEqual([
      ['2026-03-29', '2026-W13'],
      ['2026-03-30', '2026-W14'],
    ]);
    const weeks = r.scopes[0]!.weeks.slice(-2);
    expect(weeks.map((w) => [w.week, w.start, w.end, w.counts.calls, w.counts.silent])).toEqual([
      ['2026-W13', '2026-03-23', '2026-03-29', 1, 1],
      ['2026-W14', '2026-03-30', '2026-04-05', 1, 0],
    ]);
  });

  it('counts both 01:30s of the day the clocks go back in that day and week', () => {
    const first = Date.UTC(2026, 9, 25, 0, 30); // 01:30 BST
    const second = Date.UTC(2026, 9, 25, 1, 30); // 01:30 GMT
    const next = Date.UTC(2026, 9, 26, 0, 10); // Monday 00:10 GMT
    const r = report([callAt('a', first, 'live'), callAt('b', second, 'live', { to: '01632960002' }), callAt('c', next, 'live', { to: '01632960003' })]);
    expect(r.scopes[0]!.days.map((d) => [d.date, d.week, d.counts.calls])).toEqual([
      ['2026-10-25', '2026-W43', 2],
      ['2026-10-26', '2026-W44', 1],
    ]);
  });

  it('uses the policy’s zone, never the host’s: Sunday 23:30 in New York is Monday in UTC', () => {
    const ny = definePolicy(ofcom2017, { timeZone: 'America/New_York' });
    const sunday = instantOf('America/New_York', 2026, 11, 8, 23, 30);
    const monday = instantOf('America/New_York', 2026, 11, 9, 0, 30);
    expect(new Date(sunday).getUTCDay()).toBe(1);
    const r = report([callAt('s', sunday, 'live', {}, ny), callAt('m', monday, 'live', { to: '01632960002' }, ny)], { policy: ny });
    expect(r.policy.timeZone).toBe('America/New_York');
    expect(r.scopes[0]!.days.map((d) => [d.date, d.week])).toEqual([
      ['2026-11-08', '2026-W45'],
      ['2026-11-09', '2026-W46'],
    ]);
    expect(r.period.to).toBe(instantOf('America/New_York', 2026, 11, 10, 0, 0));
  });

  it('names ISO weeks by their Thursday’s year, and adds months clamped to the month’s end', () => {
    expect(isoWeekOf('2025-12-29')).toBe('2026-W01');
    expect(isoWeekOf('2027-01-03')).toBe('2026-W53');
    expect(isoWeekOf('2027-01-04')).toBe('2027-W01');
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonths('2026-01-15', -6)).toBe('2025-07-15');
    expect(MINUTE).toBe(60_000);
  });
});
