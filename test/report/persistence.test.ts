/**
 * The persistence of misuse over the period investigated (Section 1), and which days count
 * as days "with misuse".
 *
 * Section 1: "we are likely to investigate cases by looking at their use of networks or
 * services over a six to 12-week period. We are more likely to regard misuse as persistent
 * where there is evidence it occurred: either throughout or at different points during the
 * period investigated". Annex 2's factors "may mitigate or aggravate the harm caused by the
 * misuse" (A2.7): a factor alone — a live call at unsociable hours (A2.11), a short ring
 * (A2.15) — is not misuse.
 */
import { describe, expect, it } from 'vitest';
import { classify, formatReport, report } from '../../src/index.js';
import { renderHtmlReport } from '../../src/html/render-report.js';
import { DEFAULT_MISUSE_KINDS, FLAG_KIND_INFO } from '../../src/report/index.js';
import { misuseAll } from '../../src/internals.js';
import { answeredRecord } from '../support/records.js';
import { callAt, DAY, HOUR, T0, WEEK } from './helpers.js';

// T0 is 10:00 on Monday 23 November 2026 in London (GMT).
const MIDNIGHT = T0 - 10 * HOUR;

/** A silent call dialled at `t`: cut off by the caller half a second after pickup (A1.3). */
const silentAt = (id: string, t: number) =>
  classify(answeredRecord(id, { dialAt: t, answerAt: t + 1_000, hangupAt: t + 1_500, hangupBy: 'caller', lastEventAt: t + 1_500 }));

describe('persistence: the pattern over the period investigated (Section 1)', () => {
  it('one silent call in one week of a 12-week period is in one week, not "throughout"', () => {
    const silent = silentAt('s1', T0);
    expect(silent.category).toBe('silent');
    const p = report([silent]).persistence;
    expect(p.weeks).toBeGreaterThanOrEqual(12); // the default period: 12 weeks (Section 1)
    expect(p).toMatchObject({ weeksWithCalls: 1, weeksWithMisuse: 1, throughout: false, pattern: 'oneWeek' });
  });

  it('silent calls in only the first and last week of the period are "at different points", not "throughout"', () => {
    const p = report([silentAt('s1', T0 - 11 * WEEK), silentAt('s2', T0)]).persistence;
    expect(p).toMatchObject({ weeksWithCalls: 2, weeksWithMisuse: 2, throughout: false, pattern: 'atDifferentPoints' });
  });

  it('"throughout" needs misuse in every week of the period, not only in every week with calls', () => {
    const weekly = (weeks: readonly number[]) => weeks.map((w) => callAt(`w${w}`, T0 + w * WEEK, 'silent', { to: `01632960${100 + w}` }));
    // Four weeks, Monday to Sunday: misuse in each of them.
    const every = report(weekly([0, 1, 2, 3]), { from: MIDNIGHT, to: MIDNIGHT + 4 * WEEK }).persistence;
    expect(every).toMatchObject({ weeks: 4, weeksWithMisuse: 4, throughout: true, pattern: 'throughout' });
    // Week 2 had no call at all: misuse did not occur in it.
    const gap = report(weekly([0, 2, 3]), { from: MIDNIGHT, to: MIDNIGHT + 4 * WEEK }).persistence;
    expect(gap).toMatchObject({ weeks: 4, weeksWithCalls: 3, weeksWithMisuse: 3, throughout: false, pattern: 'atDifferentPoints' });
  });

  it('a period of one week is never "throughout": it takes at least two', () => {
    // Through the rules across calls, on which persistence rests too (too many CLIs, scanning).
    const r = report(misuseAll([silentAt('s1', T0)]), { from: MIDNIGHT, to: MIDNIGHT + DAY });
    expect(r.persistence).toMatchObject({ weeks: 1, weeksWithMisuse: 1, throughout: false, pattern: 'oneWeek' });
    expect(formatReport(r)).toMatch(/^Pattern: one week \(misuse in the period's only week\)$/m);
  });

  it('the text and HTML reports say what the pattern means, and print "throughout" only when it holds', () => {
    const r = report(misuseAll([silentAt('s1', T0)]));
    const text = formatReport(r);
    expect(text).toMatch(/^Pattern: one week \(misuse in 1 of the \d+ weeks of the period\)$/m);
    expect(text).not.toMatch(/throughout \(/);
    expect(renderHtmlReport(r)).toMatch(/Misuse pattern: <b>in one week<\/b>/);
  });
});

describe('a day "with misuse" needs a form of misuse (Annex 1), not an aggravating factor alone (A2.7)', () => {
  it('a live call at 21:30 flagged only for unsociable hours (A2.11) makes no day or week one with misuse', () => {
    const t = T0 + 11.5 * HOUR; // 21:30 London, Monday: outside the default 08:00–21:00 window
    const live = classify(answeredRecord('l1', { dialAt: t, answerAt: t + 5_000, agentAt: t + 5_500, hangupAt: t + 120_000, hangupBy: 'recipient', lastEventAt: t + 120_000 }));
    expect(live.category).toBe('live');
    expect(live.flags.map((f) => f.kind)).toEqual(['unsociableHours']);
    const p = report([live]).persistence;
    expect(p).toMatchObject({ daysWithMisuse: 0, weeksWithMisuse: 0, pattern: 'none' });
  });

  it('a short ring (A2.15) alone makes no day with misuse; a premium-rate CLI (A1.20) does', () => {
    const short = callAt('1', T0, 'shortRing');
    expect(short.flags.map((f) => f.kind)).toEqual(['shortRing']);
    expect(report([short]).persistence.daysWithMisuse).toBe(0);
    const premium = callAt('2', T0, 'live', { cli: '09061234567' });
    expect(premium.flags.map((f) => f.kind)).toContain('cliPremiumRate');
    expect(report([premium]).persistence.daysWithMisuse).toBe(1);
    expect(report([premium], { misuseKinds: [] }).persistence.daysWithMisuse).toBe(0);
  });

  it('the default misuse kinds are the forms of misuse of Annex 1, marked by the rules that raise them', () => {
    expect([...DEFAULT_MISUSE_KINDS].sort()).toEqual(
      ['abandonedCall', 'cliInvalid', 'cliPremiumRate', 'cliWithheld', 'ivmLongWait', 'ivmNoQueueInfo', 'numberScanning', 'silentCall', 'tooManyClis'].sort(),
    );
    for (const kind of DEFAULT_MISUSE_KINDS) expect(FLAG_KIND_INFO[kind].misuse, kind).toBe(true);
  });
});
