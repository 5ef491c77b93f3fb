/**
 * Under `usTsr` the ACR's period is the campaign's 30 days (`acr.window` 'trailing30Days';
 * 16 CFR 310.4(b)(4)(i)). The running `acrAlert` judges that period — the rate and the
 * sample of the 30 days ending on the day, or of the campaign's 30-day period so far — not
 * the calendar day alone.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { audit, classify, createMisuseState, usTsr, type Flag, type CallRecord, type ClassifiedCall } from '../../src/index.js';
import { addDays } from '../../src/acr/trailing.js';
import { call } from '../guard/helpers.js';
import { ABANDONED_WITH_MESSAGE, LIVE, rec } from './us-helpers.js';

/** 1–30 March 2026: each day 50 live calls and 2 abandoned (3.85 %), 52 answered calls a day. */
function campaign(): CallRecord[] {
  const out: CallRecord[] = [];
  for (let d = 1; d <= 30; d++) {
    const date = `2026-03-${String(d).padStart(2, '0')}`;
    for (let i = 0; i < 52; i++) {
      const at = `${date}T${String(13 + Math.floor(i / 30)).padStart(2, '0')}:${String((i % 30) * 2).padStart(2, '0')}:00Z`;
      out.push(rec(`${d}${String(i).padStart(2, '0')}`, at, i < 2 ? ABANDONED_WITH_MESSAGE : LIVE));
    }
  }
  return out;
}

/** `live` live calls, then `abandoned` abandoned classified calls, on each of `days` days from 1 June 2026, campaign `spring`, noon New York. */
function days(n: number, live: number, abandoned: number, first = 0): ClassifiedCall[] {
  const out: ClassifiedCall[] = [];
  for (let d = first; d < first + n; d++) {
    const t = Date.parse(`${addDays('2026-06-01', d)}T16:00:00Z`);
    for (let i = 0; i < live; i++) out.push(call(`${d}l${i}`, t + i, 'live'));
    for (let i = 0; i < abandoned; i++) out.push(call(`${d}a${i}`, t + 1000 + i, 'abandoned'));
  }
  return out;
}

const alertsOf = (calls: readonly ClassifiedCall[]) => {
  const state = createMisuseState(usTsr);
  return calls.flatMap((c) => state.next(c).raised.filter((f) => f.kind === 'acrAlert'));
};

describe('usTsr: the ACR alert measures the policy’s 30-day period', () => {
  it('a campaign at 3.85 % over 30 days (1,560 answered calls) raises an acrAlert for the campaign', () => {
    const result = audit(campaign(), usTsr);
    const last = result.table.find((r) => r.scope === 'campaign' && r.date === '2026-03-30')!;
    expect(last.acr.rate).toBeCloseTo(2 / 52, 12);
    expect(last.alert).toBe(true);
    expect(result.flagCounts.acrAlert ?? 0).toBeGreaterThan(0);
  });

  it('the flag says which period it measured, from when, and its sample', () => {
    const state = createMisuseState(usTsr);
    const raised = campaign().flatMap((r) => state.next(classify(r, usTsr)).raised);
    const flag = raised.find((f): f is Flag<'acrAlert'> => f.kind === 'acrAlert' && f.detail.scope === 'campaign')!;
    expect(flag.detail).toMatchObject({ period: 'trailing30Days', date: '2026-03-02', from: '2026-02-01', minCalls: 100 });
    expect(flag.detail.calls).toBeGreaterThanOrEqual(100);
    expect(flag.detail.rate).toBeGreaterThan(0.03);
  });

  it('the misuse state (its own ledger) raises it too, once per scope and day', () => {
    const calls = days(3, 48, 2); // 50 answered a day: the day alone never reaches the 100-call sample
    const raised = alertsOf(calls);
    const campaignDays = raised.filter((f) => f.detail.scope === 'campaign').map((f) => f.detail.date);
    expect(campaignDays).toEqual(['2026-06-02', '2026-06-03']);
  });

  it('property: exactly 3 % over the period never alerts; one more abandoned call in it does (no day alone has the 100-call sample)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), (pairs) => {
        // pairs of days, 49 + 1 then 48 + 2 (live first): 3 % exactly at the end of each pair, below it between
        const exact = [...Array(pairs).keys()].flatMap((p) => [...days(1, 49, 1, 2 * p), ...days(1, 48, 2, 2 * p + 1)]);
        expect(alertsOf(exact)).toEqual([]);
        const lastDay = addDays('2026-06-01', 2 * pairs - 1);
        const above = alertsOf([...exact, call('extra', Date.parse(`${lastDay}T20:00:00Z`), 'abandoned')]);
        expect(above.filter((f) => f.detail.scope === 'campaign').map((f) => f.detail.date)).toEqual([lastDay]);
      }),
      { numRuns: 16 },
    );
  });
});

describe('usTsr acrAlert: calls arriving late, inside the 30-day window of the days after them', () => {
  /** 1 June: 100 live calls; 4 June: one live call; then four abandoned calls of 1 June arrive late; then one more live call on 4 June (30 days to 4 June: 4 of 106 = 3.77 %). */
  function lateRecords(): CallRecord[] {
    const out: CallRecord[] = [];
    for (let i = 0; i < 100; i++) out.push(rec(`1${String(i).padStart(3, '0')}`, `2026-06-01T15:${String(Math.floor(i / 2)).padStart(2, '0')}:${i % 2 ? '30' : '00'}Z`, LIVE));
    out.push(rec('4000', '2026-06-04T15:00:00Z', LIVE));
    for (let i = 0; i < 4; i++) out.push(rec(`1${900 + i}`, `2026-06-01T18:0${i}:00Z`, ABANDONED_WITH_MESSAGE));
    out.push(rec('4001', '2026-06-04T15:10:00Z', LIVE));
    return out;
  }
  const campaignAlerts = (flags: readonly { kind: string }[]) =>
    flags.filter((f): f is Flag<'acrAlert'> => f.kind === 'acrAlert' && (f as Flag<'acrAlert'>).detail.scope === 'campaign').map((f) => `${f.detail.date} ${f.detail.period}`);

  it('the misuse state with its own ledger counts them for later days, as audit() does: the same 4 June alert', () => {
    const result = audit(lateRecords(), usTsr);
    expect(result.table.find((r) => r.scope === 'campaign' && r.date === '2026-06-04')).toMatchObject({ alert: true, acr: { x: 4 } });
    const state = createMisuseState(usTsr);
    const raised = lateRecords().flatMap((r) => state.next(classify(r, usTsr)).raised);
    expect(campaignAlerts(raised)).toEqual(['2026-06-04 trailing30Days']);
  });
});

