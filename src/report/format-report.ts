import type { FlagKind } from '../flags.js';
import { clipPrintable, printable } from '../text/printable.js';
import { localTime } from '../time/zoned-day.js';
import { ACR_EVIDENCE, SHARE_EVIDENCE } from './sections/factors.js';
import { formatPercent } from './percent.js';
import { formatCount, formatFigure } from './numbers.js';
import { FLAG_KINDS } from './flag-kinds.js';
import type { Report, ReportFactor, ReportPeriod, ScopeReport } from './types.js';
import { NOT_JUDGED_FROM_RECORDS, type ReportCoverage } from './sections/coverage.js';
import type { AcrScope } from '../acr/table.js';

/** The widest line `formatReport` writes. */
export const REPORT_LINE_WIDTH = 100;

const W = REPORT_LINE_WIDTH;

const int = formatCount;

/** A share as a percentage (`formatPercent`); with `alertRate`, a rate above the line never prints as the line's figure. */
const pct = (r: number | null, alertRate: number | null = null): string => (r === null ? '-' : formatPercent(r, alertRate));
const num = formatFigure;

function clip(text: string, width: number): string {
  return clipPrintable(text, width);
}

/** The name of a scope's row: its campaign, call centre, both, or `all`. */
function scopeName(s: ScopeReport): string {
  if (s.scope === 'all') return 'all';
  if (s.scope === 'campaign') return printable(s.campaignId ?? '');
  if (s.scope === 'callCentre') return printable(s.callCentreId ?? '');
  return `${printable(s.campaignId ?? '')} @ ${printable(s.callCentreId ?? '')}`;
}

const SCOPE_COLUMN: Readonly<Record<AcrScope, string>> = {
  all: 'scope',
  campaign: 'campaign',
  callCentre: 'call centre',
  campaignCallCentre: 'campaign @ call centre',
};

/**
 * The ACR rows of one scope (Annex 3, A3.4) as text lines: date, scope, calls, x, y, z,
 * ACR — and, for campaign rows under a trailing window, the rate of the campaign's 30-day
 * period so far and its first day (16 CFR 310.4(b)(4)(i)) — whether estimated (A3.6) and
 * the alert (never a safe harbour, A4.20); `no calls`
 * when the scope has none. A long scope name is cut with `…` to keep each line within
 * `REPORT_LINE_WIDTH`; the date and the figures are never cut. `formatReport` prints the
 * campaign scope; the audit command prints the others asked for.
 */
export function formatAcrTable(report: Report, scope: AcrScope): string[] {
  const days = report.scopes.filter((s) => s.scope === scope).flatMap((s) => s.days.filter((d) => d.counts.calls > 0).map((d) => ({ s, d })));
  if (days.length === 0) return ['no calls'];
  days.sort((a, b) => (a.d.date < b.d.date ? -1 : a.d.date > b.d.date ? 1 : 0));
  // Campaign rows under a trailing window also show the campaign's 30-day period so far (16 CFR 310.4(b)(4)(i)).
  const periods = days.some(({ d }) => d.acr.campaignPeriod !== undefined);
  return table(
    ['date', SCOPE_COLUMN[scope], 'calls', 'x', 'y', 'z', 'ACR', ...(periods ? ['period', 'from'] : []), 'est', 'alert'],
    days.map(({ s, d }) => [
      d.date,
      scopeName(s),
      int(d.counts.calls),
      num(d.acr.x),
      int(d.acr.y),
      int(d.acr.z),
      pct(d.acr.rate, report.policy.alertRate),
      ...(periods ? [pct(d.acr.campaignPeriod?.rate ?? null, report.policy.alertRate), d.acr.campaignPeriod?.from ?? ''] : []),
      d.acr.estimated ? 'est' : '',
      d.acr.alert ? 'ALERT' : '',
    ]),
    periods ? [0, 1, 9, 10] : [0, 1, 7, 8],
    1, // the scope's name gives way (cut with …), never the date or the figures
  ).map((l) => l.trimEnd());
}

/**
 * An aligned table: the first column left-aligned, the rest right-aligned unless `left`
 * says so; column `flex` (default the first) is clipped to keep lines within the width.
 */
function table(head: readonly string[], rows: readonly (readonly string[])[], left: readonly number[] = [0], flex = 0): string[] {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const total = widths.reduce((a, b) => a + b, 0) + 2 * (widths.length - 1);
  if (total > W) widths[flex] = Math.max(8, widths[flex]! - (total - W));
  const line = (cells: readonly string[]): string =>
    cells
      .map((c, i) => {
        const w = widths[i]!;
        const t = clip(c, w);
        return left.includes(i) ? t.padEnd(w) : t.padStart(w);
      })
      .join('  ')
      .trimEnd();
  return [line(head), ...rows.map(line)];
}

/** Words wrapped to the width, the first line after `first`, the rest after `indent`. */
function wrap(text: string, indent = '  ', first = ''): string[] {
  const out: string[] = [];
  let line = first;
  for (const word of text.split(' ')) {
    if (word === '') continue;
    const next = line.trim() === '' ? line + word : `${line} ${word}`;
    if (next.length > W && line.trim() !== '') {
      out.push(line);
      line = indent + word;
    } else line = next;
  }
  if (line !== '') out.push(line);
  return out.map((l) => clip(l, W).replaceAll(KEEP, ' '));
}

/** A space `wrap` never breaks at. */
const KEEP = '\u00a0';
const keep = (item: string): string => item.replaceAll(' ', KEEP);

function scopeLabel(s: ScopeReport): string {
  switch (s.scope) {
    case 'all':
      return 'all';
    case 'campaign':
      return `campaign ${printable(String(s.campaignId))}`;
    case 'callCentre':
      return `centre ${printable(String(s.callCentreId))}`;
    case 'campaignCallCentre':
      return `${printable(String(s.campaignId))} @ ${printable(String(s.callCentreId))}`;
  }
}

/** What a flag about a scope is about: `all`, a campaign, `@centre`, or `campaign@centre`. */
function scopeOf(campaignId: string | null, callCentreId: string | null): string {
  if (campaignId === null && callCentreId === null) return 'all';
  return `${printable(campaignId ?? '')}${callCentreId === null ? '' : `@${printable(callCentreId)}`}`;
}

function evidenceText(f: ReportFactor, alertRate: number | null): string {
  const parts = Object.entries(f.evidence).map(([k, v]) => {
    const share = (x: number): string => pct(x, ACR_EVIDENCE.has(k) ? alertRate : null);
    const value = v === null ? '-' : typeof v === 'number' ? (SHARE_EVIDENCE.has(k) ? share(v) : num(v)) : printable(String(v));
    return keep(`${k} ${value}`);
  });
  return parts.length === 0 ? 'not shown by call records' : parts.join('; ');
}

/** A section title and its underline. */
function section(title: string): string[] {
  return ['', title, '-'.repeat(Math.min(W, title.length))];
}

/** Where the period comes from, in words (the text and HTML reports): `ReportPeriod.basis`. */
export function periodBasisWords(basis: ReportPeriod['basis']): string {
  switch (basis) {
    case 'default':
      return 'default: the weeks up to the newest call';
    case 'wholeInput':
      return 'the whole input';
    case 'given':
      return 'as given';
  }
}

/** The title lines: policy, zone, period and calls. */
function headerLines(report: Report): string[] {
  const p = report.period;
  return [
    clip(`dialguard report \u2014 policy ${printable(report.policy.id)}, calendar days in ${report.policy.timeZone}`, W),
    p.fromDate === null
      ? 'Period: no calls'
      : clip(`Period: ${p.fromDate} to ${p.toDate} (${p.days} days, ${num(p.weeks)} weeks; ${periodBasisWords(p.basis)})`, W),
    `Calls: ${int(report.calls)} in the period, ${int(report.callsOutsidePeriod)} outside it`,
  ];
}

/** Calls by category per scope (Annex 1; A3.3–A3.5); an `undetermined` column and a warning when any call is undetermined. */
function categoryLines(report: Report): string[] {
  const undetermined = report.categories.undetermined > 0;
  const head = ['scope', 'calls', 'live', 'abandoned', 'silent', 'machine', 'unconnected', ...(undetermined ? ['undet.'] : []), 'silent %', 'aband. %'];
  const rows = report.scopes.map((s) => [
    scopeLabel(s),
    int(s.totals.calls),
    int(s.totals.live),
    int(s.totals.abandoned),
    int(s.totals.silent),
    int(s.totals.answerMachine),
    int(s.totals.unconnected),
    ...(undetermined ? [int(s.totals.undetermined)] : []),
    pct(s.rates.silent),
    pct(s.rates.abandoned),
  ]);
  const out = [...section('Calls by category (Annex 1; A3.3\u2013A3.5)'), ...table(head, rows)];
  if (undetermined) out.push(...undeterminedWarning(report.categories.undetermined));
  return out;
}

/**
 * The loud line about undetermined calls: they are in no category of Annex 3, so x and y
 * may be understated. Not called answered: some records stop while the call rang.
 */
function undeterminedWarning(n: number): string[] {
  return wrap(
    `WARNING: ${int(n)} call${n === 1 ? '' : 's'} could not be shown live, abandoned or silent (undetermined): they are excluded from x and y, so the ACR may be understated. Check these records.`,
  );
}

/** The weeks of the `all` scope. */
function weekLines(report: Report): string[] {
  const all = report.scopes.find((s) => s.scope === 'all');
  if (all === undefined || all.weeks.length === 0) return [];
  return [
    ...section('Weeks (Monday to Sunday, policy zone; * = misuse that week)'),
    ...table(
      ['week', 'from', 'days', 'calls', 'silent', 'abandoned', 'flags', 'misuse days', ''],
      all.weeks.map((w) => [
        w.week,
        w.start,
        `${w.daysInPeriod}`,
        int(w.counts.calls),
        int(w.counts.silent),
        int(w.counts.abandoned),
        int(Object.values(w.flags).reduce((a, b) => a + (b ?? 0), 0)),
        `${w.daysWithMisuse}`,
        w.misuse ? '*' : '',
      ]),
      [0, 1, 8],
    ),
  ];
}

/** How the daily ACR section names a scope: `per campaign`, `for all calls`, … */
const SCOPE_WORDS: Readonly<Record<AcrScope, string>> = {
  all: 'for all calls',
  campaign: 'per campaign',
  callCentre: 'per call centre',
  campaignCallCentre: 'per campaign in each call centre',
};

/**
 * The scope the daily ACR section shows: the campaign scope when the report lists it (or
 * has no call), else the first scope it lists with rows (a report built with `scopes`
 * leaving out `campaign`: `['all']`, `['callCentre']`), else `null` (no scope listed).
 */
function acrScopeShown(report: Report): AcrScope | null {
  if (report.calls === 0 || report.scopes.some((s) => s.scope === 'campaign')) return 'campaign';
  for (const scope of ['all', 'callCentre', 'campaignCallCentre'] as const) if (report.scopes.some((s) => s.scope === scope)) return scope;
  return null;
}

/**
 * The daily ACR (Annex 3) per campaign — or, when the report does not list the campaign
 * scope, of a scope it lists, saying so: never "no calls" for a period that has calls.
 */
function acrLines(report: Report): string[] {
  const scope = acrScopeShown(report);
  const words = SCOPE_WORDS[scope ?? 'campaign'];
  const long =
    report.policy.acrWindow === 'trailing30Days'
      ? `ACR ${words} over the 30 days to each date and the campaign's 30-day period (est = A3.6 estimate; alert is no safe harbour)`
      : `Daily ACR ${words} (Annex 3: x / (x + y); est = A3.6 estimate; alert is not a safe harbour)`;
  const short = report.policy.acrWindow === 'trailing30Days' ? `ACR ${words}, 30 days to each date (est = A3.6 estimate)` : `Daily ACR ${words} (A3.4; est = A3.6 estimate; alert is not a safe harbour)`;
  const out = section(long.length <= W ? long : short);
  if (scope === null) {
    out.push(...wrap('Not shown: the report was built without the campaign scope and lists no other (`scopes`); the daily ACR of this period is not in it.'));
    return out;
  }
  if (scope !== 'campaign') out.push(...wrap(`The report does not list the campaign scope (\`scopes\`): the daily ACR ${words} instead.`));
  return [...out, ...formatAcrTable(report, scope)];
}

/** `; not judged on N calls` for a kind whose rule the records could not judge everywhere, else nothing. */
function notJudgedNote(report: Report, kind: FlagKind): string {
  const n = report.flags.find((f) => f.kind === kind)?.notJudged ?? 0;
  return n === 0 ? '' : `; not judged on ${int(n)} calls`;
}

/** Flags by kind, and repeats within 72 h (A2.9); with no call in the period, that none could be raised (no row of zeros). */
function flagLines(report: Report): string[] {
  const head = section('Flags by kind (count in the period; "not judged" = calls the records could not show, never clean)');
  if (report.calls === 0) return [...head, 'No call in the period: none could be raised.'];
  return [
    ...head,
    ...table(
      ['kind', 'paragraphs', 'count', 'not judged', 'what'],
      report.flags.map((f) => [f.kind, clip(f.refs.join(', '), 24), int(f.count), f.notJudged === 0 ? '' : int(f.notJudged), f.title]),
      [0, 1, 4],
      4,
    ),
    `Repeat calls within 72 h (A2.9): ${int(report.repeatsWithin72h)}${notJudgedNote(report, 'repeatWithin72h')}`,
  ];
}

/**
 * The persistence pattern in words, with the weeks it rests on (Section 1: "either
 * throughout or at different points during the period investigated"): `throughout` only
 * when every week of the period had misuse. When the rules it rests on could not be judged
 * on some calls (`notJudged`, from the persistence factor), it says so, and never says
 * there was no misuse: only that none was found on the calls that could be judged.
 */
function patternWords(ps: Report['persistence'], notJudged: string | null): string {
  if (ps.weeksWithCalls === 0) return 'none (no call in the period: nothing was audited)';
  const of = `the ${ps.weeks} week${ps.weeks === 1 ? '' : 's'} of the period`;
  const caveat = notJudged === null ? '' : `; ${notJudged}`;
  switch (ps.pattern) {
    case 'throughout':
      return `throughout (misuse in every one of ${of}${caveat})`;
    case 'atDifferentPoints':
      return `at different points (misuse in ${ps.weeksWithMisuse} of ${of}${caveat})`;
    case 'oneWeek':
      return ps.weeks === 1 ? `one week (misuse in the period's only week${caveat})` : `one week (misuse in 1 of ${of}${caveat})`;
    case 'none':
      return notJudged === null ? `none (no misuse in ${of})` : `none found on the calls that could be judged (${notJudged})`;
  }
}

/**
 * What the persistence factor (Section 1) says of the calls its rules could not be judged
 * on — `not judged on N calls`, from its own `notJudgedCalls` — or `null` when it was
 * judged on every call. The text report and the HTML page both qualify the pattern with it.
 */
export function persistenceNotJudged(report: Report): string | null {
  const factor = report.factors.find((f) => f.id === 'persistence');
  const n = factor?.evidence.notJudgedCalls;
  if (typeof n === 'number' && n > 0) return `not judged on ${int(n)} call${n === 1 ? '' : 's'}`;
  return factor?.observed === null ? 'not judged on every call' : null;
}

/** Persistence (Section 1). */
function persistenceLines(report: Report): string[] {
  const ps = report.persistence;
  return [
    ...section('Persistence (Section 1: throughout or at different points of the period)'),
    `Weeks with misuse: ${ps.weeksWithMisuse} of ${ps.weeksWithCalls} weeks with calls (${ps.weeks} weeks in the period; ${pct(ps.shareOfWeeksWithCalls)})`,
    `Days with misuse: ${ps.daysWithMisuse} of ${ps.daysWithCalls} days with calls`,
    ...wrap(`Pattern: ${patternWords(ps, persistenceNotJudged(report))}`),
    ...(ps.misuseWeeks.length > 0 ? wrap(`Misuse weeks: ${ps.misuseWeeks.join(', ')}`) : []),
  ];
}

/** AMD evidence (A2.24): each line wrapped, never cut, so every figure the JSON holds is printed. */
function amdLines(report: Report): string[] {
  const a = report.amd;
  return [
    ...section('AMD evidence (A2.24)'),
    ...wrap(
      `Calls with AMD on: ${int(a.calls)}; verdicts: human ${int(a.verdictHuman)}, machine ${int(a.verdictMachine)}, unknown ${int(a.verdictUnknown)}; ${int(a.answered)} answered${a.answerUnknown > 0 ? `, answer unknown for ${int(a.answerUnknown)}` : ''}`,
    ),
    ...wrap(`False positives (AMD machine, disposition human; A1.6): ${int(a.falsePositives)} of ${int(a.checkedMachine)} checked (${pct(a.falsePositiveRate)})`),
    ...wrap(`False negatives (AMD human, disposition machine; A3.5): ${int(a.falseNegatives)} of ${int(a.checkedHuman)} checked (${pct(a.falseNegativeRate)})`),
    ...wrap(`Answered calls picked up by machines: ${int(a.machineAnswered)} of ${int(a.answeredCalls)} (${pct(a.machineShareOfAnswered)})`),
  ];
}

/** Complaints (A2.6). */
function complaintLines(report: Report): string[] {
  const c = report.complaints;
  const findings = Object.entries(c.findings).map(([k, n]) => `${k} ${n}`);
  return [
    ...section('Complaints (A2.6)'),
    `${int(c.total)} in the period: ${int(c.matched)} with matching calls, ${int(c.unmatched)} with none; ${int(c.outsidePeriod)} outside the period`,
    ...(findings.length > 0 ? wrap(`Findings: ${findings.join('; ')}`) : []),
  ];
}

/** The Annex 2 factors with their evidence (A2.7: not scored). */
function factorLines(report: Report): string[] {
  const out = section('Annex 2 factors, with their evidence (not scored or weighed: A2.7)');
  for (const f of report.factors) {
    const mark = f.observed === null ? '?' : f.observed ? '!' : ' ';
    out.push(clip(`${mark} ${f.paragraphs.padEnd(24)} ${f.title}`, W));
    out.push(...wrap(evidenceText(f, report.policy.alertRate), '    ', '    '));
  }
  out.push(...wrap('(! the records show something under the factor; ? the records cannot show it, or not on every call: notJudgedCalls)', ' '));
  return out;
}

/** Records retention (A2.23). */
function recordLines(report: Report): string[] {
  const r = report.retention;
  const out = section('Records (A2.23: kept at least six months)');
  if (r.newestRecord === null) out.push('no records');
  else {
    out.push(`Newest record ${r.newestRecord}: keep the records until at least ${r.keepUntil} (${r.months} months)`);
    out.push(`Records should reach back to ${r.lookbackFrom}; the oldest here is ${r.oldestRecord} (${r.dataCoversLookback ? 'covered' : 'not covered'})`);
  }
  return out;
}

/**
 * The widest call id (or scope) an example shows: a longer one is cut with `…`, so the
 * example's time, after it, always fits on its line (indent 4, a space, 19 characters of
 * time and a comma within `REPORT_LINE_WIDTH`).
 */
const EXAMPLE_ID_WIDTH = 60;

/**
 * Example flags to look up, earliest per kind; long ids cut with `…` so each time shows.
 * "no flags" only when no flag was raised in the period: flags of kinds with no example
 * kept (`examplesPerKind` 0) are counted.
 */
function exampleLines(report: Report): string[] {
  const zone = report.policy.timeZone;
  const when = (at: number): string => {
    const t = localTime(at, zone);
    const p = (n: number): string => String(n).padStart(2, '0');
    return `${t.year}-${p(t.month)}-${p(t.day)} ${p(t.hour)}:${p(t.minute)}:${p(t.second)}`;
  };
  const out = section('Examples to look up (earliest per kind)');
  for (const kind of FLAG_KINDS) {
    const list = report.worstCalls[kind];
    if (list === undefined || list.length === 0) continue;
    const items = list.map((e) => keep(`${clip(e.callId === null ? scopeOf(e.campaignId, e.callCentreId) : printable(e.callId), EXAMPLE_ID_WIDTH)} ${when(e.at)}`));
    // The flags of the kind in the period: those not listed are counted, never left out silently.
    const more = (report.flags.find((f) => f.kind === kind)?.count ?? 0) - list.length;
    out.push(...wrap(`${kind} (${list[0]!.ref}): ${items.join(', ')}${more > 0 ? `, … and ${int(more)} more, not listed` : ''}`, '    '));
  }
  // Flags of kinds with no example kept (`examplesPerKind` 0): counted, never read as none.
  const unlisted = report.flags.reduce((a, f) => ((report.worstCalls[f.kind]?.length ?? 0) === 0 ? a + f.count : a), 0);
  if (unlisted > 0) out.push(...wrap(`${int(unlisted)} flag${unlisted === 1 ? '' : 's'}${out.length === 3 ? '' : ' of other kinds'} in the period, no examples kept`));
  else if (out.length === 3) out.push('no flags');
  return out;
}

/**
 * Which rules were judged on which calls, with the reasons grouped; undetermined calls.
 * Full coverage is claimed only with no rule left unjudged, no undetermined call and at
 * least one call: with `calls` 0 it says no rule was judged; a report that holds no
 * coverage (one stored by an older version) says it is not known.
 */
export function formatCoverage(coverage: ReportCoverage | undefined, calls: number): string[] {
  const out = section('Rules judged (coverage)');
  if (calls === 0) {
    out.push('No call in the period: no rule was judged on any call.');
    return out;
  }
  if (coverage === undefined) {
    out.push('Not recorded in this report: which rules were judged on which calls is not known.');
    return out;
  }
  if (coverage.complete && coverage.undetermined === 0) out.push(EVERY_RULE_JUDGED);
  else {
    for (const r of coverage.rules) {
      const reasons = r.reasons.map((x) => (r.reasons.length > 1 ? `${x.reason} (${int(x.calls)})` : x.reason)).join('; ');
      out.push(...wrap(`${r.title} (${r.refs.join(', ')}): judged on ${int(r.judged)} calls, not judged on ${int(r.notJudged)} calls \u2014 ${reasons}`));
    }
    if (coverage.undetermined > 0) out.push(...undeterminedWarning(coverage.undetermined));
  }
  for (const r of coverage.notJudgedFromRecords ?? NOT_JUDGED_FROM_RECORDS) out.push(...wrap(`Not judged from call records: ${r.title} (${r.refs.join(', ')}) \u2014 ${r.reason}`));
  return out;
}

/** What the coverage says when every rule an audit of call records judges was judged on every call (never of A1.25). */
export const EVERY_RULE_JUDGED = 'Every rule judged from call records was judged on every call.';

/**
 * A plain-text rendering of a report for people: the period; calls by category per scope;
 * the weeks of the period; the daily ACR per campaign (x, y, z, the rate, `est` where the
 * A3.6 estimate applied, `alert` above the user's level); flags by kind with their
 * paragraphs; persistence; AMD evidence (A2.24); complaints; the Annex 2 factors with their
 * evidence (A2.7: not scored); the records-retention horizon (A2.23); example flags; and
 * which rules were judged (none, when no call is in the period: nothing audited is not
 * shown as clean). Times are local to the policy zone; no line is longer than 100
 * characters.
 */
export function formatReport(report: Report): string {
  const out = [
    ...headerLines(report),
    ...categoryLines(report),
    ...weekLines(report),
    ...acrLines(report),
    ...flagLines(report),
    ...persistenceLines(report),
    ...amdLines(report),
    ...complaintLines(report),
    ...factorLines(report),
    ...recordLines(report),
    ...exampleLines(report),
    ...formatCoverage(report.coverage, report.calls),
  ];
  return out.map((l) => clip(l, W)).join('\n') + '\n';
}
