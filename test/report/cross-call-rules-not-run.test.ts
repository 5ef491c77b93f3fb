/**
 * The rules across calls — repeats within 72 h (A2.9), too many CLIs (A1.21), number
 * scanning (A1.35) and the ACR alert (A3.4) — are run only by the misuse engine
 * (`createMisuseState`, `misuse()`, `audit()` unless `misuse: false`). When a report is
 * built from calls that never went through it (`ReportBuilder.add`, `report` of classified
 * calls, `audit` with `misuse: false`), those rules were judged on no call: the coverage,
 * the flags' `notJudged` and the factors' `?` say so, never that they passed. The same for
 * the ACR alert turned off (`misuseOptions.alertRate: null`) under a policy that sets a
 * level, by which the report still marks days ALERT.
 */
import { describe, expect, it } from 'vitest';
import { audit, classify, createMisuseState, formatReport, ofcom2017, report, type CallRecord, type ClassifiedCall, type Report } from '../../src/index.js';
import { renderHtmlReport } from '../../src/html/render-report.js';
import { ALERT_TURNED_OFF } from '../../src/misuse/state.js';
import { createReportBuilder, EVERY_RULE_JUDGED } from '../../src/report/index.js';
import { CROSS_CALL_NOT_RUN } from '../../src/report/sections/coverage.js';
import { CROSS_CALL_RULES } from '../../src/rules/index.js';
import { record, T0 } from '../cli/fixtures.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Two silent calls to one number an hour apart (the second is a repeat within 72 h, A2.9), then a live call. */
function repeatedSilentCalls(): CallRecord[] {
  const silent = (id: string, at: number) => record(id, at, { agentAt: null, hangupAt: at + 9000, hangupBy: 'caller', lastEventAt: at + 9000 });
  return [silent('s1', T0), silent('s2', T0 + HOUR), record('l1', T0 + 2 * HOUR, { to: '01632960002' })];
}

const factor = (r: Report, id: string) => r.factors.find((f) => f.id === id)!;
const kind = (r: Report, k: string) => r.flags.find((f) => f.kind === k)!;
const rule = (r: Report, id: string) => r.coverage.rules.find((x) => x.rule === id);

/** What a report must not claim when the rules across calls were never run on its calls. */
function expectCrossCallRulesNotShownAsPassed(r: Report): void {
  expect(r.coverage.complete, 'coverage.complete: the rules across calls were judged on no call').toBe(false);
  expect(formatReport(r)).not.toContain(EVERY_RULE_JUDGED);
  for (const x of CROSS_CALL_RULES) expect(rule(r, x.id), x.id).toMatchObject({ judged: 0, notJudged: r.calls, reasons: [{ reason: CROSS_CALL_NOT_RUN, calls: r.calls }] });
  expect(kind(r, 'repeatWithin72h').notJudged, 'repeatWithin72h: not judged on every call').toBe(r.calls);
  // Every factor fed by those rules is '?', not clean: repeats, CLIs (A1.21), other misuse (A1.35); persistence (which
  // the silent calls judged still show) says on how many calls its rules were not judged.
  for (const id of ['repeatCalls', 'cli', 'otherMisuse']) expect(factor(r, id), id).toMatchObject({ observed: null, evidence: { notJudgedCalls: r.calls } });
  expect(factor(r, 'persistence')).toMatchObject({ observed: true, evidence: { notJudgedCalls: r.calls } });
  expect(formatReport(r)).toContain(`Repeat calls within 72 h (A2.9): 0; not judged on ${r.calls} calls`);
  expect(renderHtmlReport(r)).not.toContain('id="coverage-complete"');
}

describe('a report of calls the rules across calls never saw does not show those rules as passed', () => {
  it('sanity: with the misuse rules the repeat is found, and they are judged on every call', () => {
    const r = audit(repeatedSilentCalls()).report;
    expect(r.repeatsWithin72h).toBe(1);
    for (const x of CROSS_CALL_RULES) expect(rule(r, x.id), x.id).toBeUndefined();
    expect(factor(r, 'repeatCalls').observed).toBe(true);
  });

  it('audit(records, policy, { misuse: false }): the rules across calls are listed as not judged, not "every rule judged"', () => {
    expectCrossCallRulesNotShownAsPassed(audit(repeatedSilentCalls(), ofcom2017, { misuse: false }).report);
  });

  it('report(classify output): the same', () => {
    expectCrossCallRulesNotShownAsPassed(report(repeatedSilentCalls().map((c) => classify(c))));
  });

  it('counts them per day, so a report of another period counts the calls of that period', () => {
    const records = [...repeatedSilentCalls(), record('later', T0 + 3 * DAY, { to: '01632960009' })];
    const result = audit(records, ofcom2017, { misuse: false });
    const lastDay = report(result, { from: T0 + 3 * DAY - HOUR, to: T0 + 3 * DAY + HOUR });
    expect(lastDay.calls).toBe(1);
    expect(rule(lastDay, 'repeatWithin72h')).toMatchObject({ judged: 0, notJudged: 1 });
  });

  it('report(the calls out of misuse, without their scope flags): tooManyClis is not shown as 0 and judged', () => {
    // 11 distinct CLIs in one campaign day: tooManyClis (A1.21, default at most 10).
    const records = Array.from({ length: 11 }, (_, i) => record(`c${i}`, T0 + i * 60_000, { to: `016329${60100 + i}`, cli: `011349610${String(i).padStart(2, '0')}` }));
    const state = createMisuseState(ofcom2017);
    const updates = records.map((r) => state.next(classify(r)));
    expect(kind(report(updates), 'tooManyClis').count).toBe(1); // sanity
    const r = report(updates.map((u) => u.call));
    expect(kind(r, 'tooManyClis')).toMatchObject({ count: 0, notJudged: 11 });
    expect(r.coverage.complete).toBe(false);
  });

  it('ReportBuilder.add of a call whose notJudged already names a rule across calls counts that rule once on it', () => {
    const call = classify(repeatedSilentCalls()[0]!);
    const listed: ClassifiedCall = { ...call, notJudged: [{ rule: 'repeatWithin72h', title: 'x', refs: ['A2.9'], reason: 'the calls before it may have expired' }] };
    const builder = createReportBuilder(ofcom2017);
    builder.add(listed);
    expect(rule(builder.build(), 'repeatWithin72h')).toMatchObject({ judged: 0, notJudged: 1, reasons: [{ reason: CROSS_CALL_NOT_RUN, calls: 1 }] });
  });

  it('audit with misuseOptions.alertRate null: a day the report marks ALERT (150 calls in x + y) is not shown with acrAlert 0 and every rule judged', () => {
    const records: CallRecord[] = [];
    for (let i = 0; i < 150; i++) records.push(record(`l${i}`, T0 + i * 60_000, { to: `016329${60000 + i}` }));
    for (let i = 0; i < 10; i++) {
      const at = T0 + (200 + i) * 60_000;
      records.push(
        record(`a${i}`, at, {
          to: `016329${70000 + i}`,
          amd: true,
          amdResult: 'human',
          amdAt: at + 6500,
          agentAt: null,
          messageAt: at + 7000,
          messageContent: { onBehalfOf: 'Acme', explainsAttempt: true, optOutNumber: '08001234567', marketing: false },
          hangupAt: at + 20_000,
          hangupBy: 'caller',
          lastEventAt: at + 20_000,
        }),
      );
    }
    const r = audit(records, ofcom2017, { misuseOptions: { alertRate: null } }).report;
    const day = r.scopes.find((s) => s.scope === 'campaign')!.days[0]!;
    expect(day.acr.alert).toBe(true); // 6.25 % > 3 %, 160 calls in x + y (alertMinCalls 100)
    expect(kind(r, 'acrAlert')).toMatchObject({ count: 0, notJudged: 160 });
    expect(rule(r, 'acrAlert')).toMatchObject({ judged: 0, notJudged: 160, reasons: [{ reason: ALERT_TURNED_OFF, calls: 160 }] });
    expect(formatReport(r)).not.toContain(EVERY_RULE_JUDGED);
    // The other rules across calls ran: not listed.
    for (const id of ['repeatWithin72h', 'tooManyClis', 'numberScanning']) expect(rule(r, id), id).toBeUndefined();
    // With the alert on, it is raised.
    expect(kind(audit(records).report, 'acrAlert').count).toBeGreaterThan(0);
  });
});
