import { abandonedCallRule } from '../../rules/abandoned-call/index.js';
import { barredRule } from '../../rules/barred/index.js';
import { CROSS_CALL_RULES } from '../../rules/index.js';
import { notJudged, UNDETERMINED_REASON, type NotJudged, type RuleInfo } from '../../rules/rule.js';
import { silentCallRule } from '../../rules/silent-call/index.js';
import { inPeriod, type ReportPeriod } from './period.js';

/** Calls on one calendar day on which one rule was not judged, for one reason: report data. */
export interface ReportNotJudged {
  readonly date: string;
  readonly rule: string;
  readonly title: string;
  readonly refs: readonly string[];
  readonly reason: string;
  readonly calls: number;
}

/** One rule that was not judged on some calls in the period. */
export interface CoverageRule {
  readonly rule: string;
  readonly title: string;
  readonly refs: readonly string[];
  /** Calls in the period on which the rule was judged. */
  readonly judged: number;
  /** Calls on which it was not, by reason (most first). */
  readonly notJudged: number;
  readonly reasons: readonly { readonly reason: string; readonly calls: number }[];
}

/** A rule an audit of call records never judges: the records cannot show what it needs. */
export interface RecordsCannotJudge {
  readonly rule: string;
  readonly title: string;
  readonly refs: readonly string[];
  readonly reason: string;
}

/**
 * The rules an audit of call records never judges, whatever the records: TPS and
 * do-not-call lists (A1.25), which the pre-dial guard applies on the host's word — a call
 * record does not say whether its number was barred. Listed by every report's coverage, so
 * "every rule judged on every call" is never read as covering them.
 */
export const NOT_JUDGED_FROM_RECORDS: readonly RecordsCannotJudge[] = /* @__PURE__ */ (() => [
  { rule: barredRule.id, title: barredRule.title, refs: barredRule.refs, reason: 'call records do not say whether a number was barred; the pre-dial guard checks it before each call (isBarred)' },
])();

/** Which rules the records let the classifier judge: every rule on every call, or the gaps. */
export interface ReportCoverage {
  /**
   * Every rule judged from call records was judged on every call in the period, and there
   * was at least one call: with no call in the period no rule was judged at all, so `false`
   * (nothing audited is not a clean audit). It never covers `notJudgedFromRecords`.
   */
  readonly complete: boolean;
  readonly rules: readonly CoverageRule[];
  /** Calls in the period whose records could not show live, abandoned or silent (`undetermined`; excluded from x and y). */
  readonly undetermined: number;
  /**
   * Rules an audit of call records never judges (A1.25: TPS and do-not-call lists), with
   * why: not judged, never passed. Always set by the report builder; absent in a report
   * written by an earlier version (the text and HTML then list `NOT_JUDGED_FROM_RECORDS`).
   */
  readonly notJudgedFromRecords?: readonly RecordsCannotJudge[];
}

/**
 * Why the rules across calls (`CROSS_CALL_RULES`: A2.9, A1.21, A1.35, A3.4) are not judged
 * on a call given to the report without them: `ReportBuilder.add` (not `addUpdate`),
 * `audit` with `misuse: false`, or `report` of calls rather than misuse's updates.
 */
export const CROSS_CALL_NOT_RUN = 'the report was given these calls without the rules across calls (audit with misuse: false, or calls rather than misuse\u2019s updates)';

/** Each rule across calls, not judged for `CROSS_CALL_NOT_RUN`. */
const NOT_RUN: readonly NotJudged[] = /* @__PURE__ */ (() => CROSS_CALL_RULES.map((r) => notJudged(r, CROSS_CALL_NOT_RUN)))();
const CROSS_CALL_IDS: ReadonlySet<string> = /* @__PURE__ */ (() => new Set(CROSS_CALL_RULES.map((r) => r.id)))();

/**
 * The rules not judged on a call the rules across calls did not run on: its own list, each
 * rule across calls in it replaced by `CROSS_CALL_NOT_RUN` (so no rule counts twice on it).
 */
export function withCrossCallNotRun(list: readonly NotJudged[] | undefined): readonly NotJudged[] {
  if (list === undefined || list.length === 0) return NOT_RUN;
  return [...list.filter((n) => !CROSS_CALL_IDS.has(n.rule)), ...NOT_RUN];
}

/** Counts the rules not judged per day, rule and reason (memory: days × rules × reasons). */
export interface CoverageCounter {
  add(date: string, notJudged: readonly NotJudged[] | undefined): void;
  data(): ReportNotJudged[];
}

/** A `CoverageCounter`. */
export function createCoverageCounter(): CoverageCounter {
  type Entry = { date: string; rule: string; title: string; refs: readonly string[]; reason: string; calls: number };
  // Found by day, rule and reason (no key built per call); listed in the order first met.
  const byDay = new Map<string, Map<string, Map<string, Entry>>>();
  const entries: Entry[] = [];
  return {
    add(date, notJudged) {
      // Stryker disable next-line ConditionalExpression: equivalent: an empty list would only make the day's empty map
      if (notJudged === undefined || notJudged.length === 0) return;
      let byRule = byDay.get(date);
      if (byRule === undefined) byDay.set(date, (byRule = new Map()));
      for (const n of notJudged) {
        let byReason = byRule.get(n.rule);
        if (byReason === undefined) byRule.set(n.rule, (byReason = new Map()));
        const known = byReason.get(n.reason);
        if (known !== undefined) known.calls += 1;
        else {
          const entry: Entry = { date, rule: n.rule, title: n.title, refs: [...n.refs], reason: n.reason, calls: 1 };
          byReason.set(n.reason, entry);
          entries.push(entry);
        }
      }
    },
    data: () => entries.map((e) => ({ ...e })),
  };
}

/** The rules whose verdict is the call's outcome (A1.3–A1.10): never judged on an undetermined call. */
const OUTCOME_RULES: readonly Pick<RuleInfo, 'id' | 'title' | 'refs'>[] = [silentCallRule, abandonedCallRule];

/**
 * The coverage section: for each rule not judged on some calls in the period, judged on N,
 * not judged on M, with the reasons grouped. Every undetermined call counts as not judged
 * for the outcome rules (silent and abandoned calls), whether or not it carried its
 * `notJudged` list, so a period with undetermined calls is never `complete`; nor is a
 * period with no calls, on which no rule was judged.
 */
export function coverageSection(entries: readonly ReportNotJudged[], period: ReportPeriod, calls: number, undetermined: number): ReportCoverage {
  const rules = new Map<string, { rule: string; title: string; refs: readonly string[]; reasons: Map<string, number> }>();
  const count = (r: { rule: string; title: string; refs: readonly string[] }, reason: string, n: number): void => {
    let known = rules.get(r.rule);
    if (known === undefined) rules.set(r.rule, (known = { rule: r.rule, title: r.title, refs: r.refs, reasons: new Map() }));
    known.reasons.set(reason, (known.reasons.get(reason) ?? 0) + n);
  };
  for (const e of entries) if (inPeriod(period, e.date)) count(e, e.reason, e.calls);
  for (const rule of OUTCOME_RULES) {
    const listed = [...(rules.get(rule.id)?.reasons.values() ?? [])].reduce((a, b) => a + b, 0);
    if (listed < undetermined) count({ rule: rule.id, title: rule.title, refs: rule.refs }, UNDETERMINED_REASON, undetermined - listed);
  }
  const out: CoverageRule[] = [...rules.values()]
    .map((r) => {
      const reasons = [...r.reasons].map(([reason, n]) => ({ reason, calls: n })).sort((a, b) => b.calls - a.calls || (a.reason < b.reason ? -1 : a.reason > b.reason ? 1 : 0));
      const notJudged = Math.min(calls, reasons.reduce((a, b) => a + b.calls, 0));
      return { rule: r.rule, title: r.title, refs: r.refs, judged: calls - notJudged, notJudged, reasons };
    })
    .sort((a, b) => (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
  return { complete: out.length === 0 && calls > 0, rules: out, undetermined, notJudgedFromRecords: NOT_JUDGED_FROM_RECORDS.map((r) => ({ ...r, refs: [...r.refs] })) };
}
