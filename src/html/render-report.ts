/**
 * The compliance report as one self-contained HTML page: `renderHtmlReport(report)` → a
 * string. Pure (no I/O, no clock); nothing is fetched when the page is opened — styles
 * are inline, charts are inline SVG, there are no scripts, and a Content-Security-Policy
 * forbids loading anything. Every piece of data text is escaped (a CDR is untrusted).
 *
 * Order: the verdict first (what was found, what the data could not show, or — neutral,
 * neither clean nor flagged — that no call in the period was audited), then the
 * daily ACR of each campaign against the alert line (A3.4, A4.20), outcomes per day,
 * flags by kind with their paragraphs, coverage, the worst calls, and the rows rejected.
 *
 * It lives in the command's bundle, never in the library's entry point.
 */
import { ACR_ESTIMATE_REF, ACR_SCOPES, EVERY_RULE_JUDGED, formatFigure, formatPercent, NOT_JUDGED_FROM_RECORDS, periodBasisWords, persistenceNotJudged } from 'dialguard/internals';
import type { CategoryCounts, FlagKindSummary, Report, ReportExample, ScopeReport } from 'dialguard/internals';
import { lineChart, seriesStyle, stackedBars } from './charts.js';
import { escapeHtml as e, escapeHtmlMessage as em } from './escape.js';

/** What the page shows: the library's report, with what the command adds when it has it. */
export interface HtmlReportInput extends Report {
  readonly input?: { readonly name: string; readonly format: string; readonly kind: string; readonly rows: number };
  readonly rejected?: {
    readonly count: number;
    readonly byReason: Readonly<Record<string, number | undefined>>;
    readonly examples: readonly { readonly line: number; readonly reason: string; readonly callId: string | null; readonly path: string | null; readonly message: string }[];
  };
  readonly evidence?: {
    readonly warning: string | null;
    readonly note?: string | null;
    readonly unknownFacts: readonly string[];
    readonly unmappedStatuses: readonly { readonly status: string; readonly rows: number }[];
    readonly undecidable: number;
    readonly calls: number;
    readonly withOutcome: number;
    /** The same figures for the calls in the period (absent in a report written before it was added). */
    readonly inPeriod?: { readonly calls: number; readonly withOutcome: number; readonly undecidable: number };
  };
  /** Calls by hour of day (policy zone) and category, when the command counted them. */
  readonly hours?: { readonly zone: string; readonly hours: readonly { readonly hour: number; readonly counts: Readonly<Record<string, number>> }[] };
}

/** The outcomes drawn per day, bottom first. */
const OUTCOMES: readonly { key: string; name: string; color: string }[] = [
  { key: 'live', name: 'live', color: '#2e7d32' },
  { key: 'abandoned', name: 'abandoned', color: '#ef6c00' },
  { key: 'silent', name: 'silent', color: '#c62828' },
  { key: 'answerMachine', name: 'answer machine', color: '#6a1b9a' },
  { key: 'undetermined', name: 'undetermined', color: '#9e9e9e' },
  { key: 'unconnected', name: 'unconnected', color: '#90caf9' },
];

const n = (v: number): string => v.toLocaleString('en-GB');
/** A share as a percentage (`formatPercent`); with `alertRate`, a rate above the line never prints as the line's figure. */
const pct = (v: number | null | undefined, alertRate: number | null = null): string => (v == null ? '–' : formatPercent(v, alertRate));
const count = (c: CategoryCounts, key: string): number => (c as unknown as Record<string, number | undefined>)[key] ?? 0;

const STYLE = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:#212121;margin:0;background:#fafafa}
main{max-width:1100px;margin:0 auto;padding:24px}
h1{font-size:24px;margin:0 0 4px}h2{font-size:18px;margin:32px 0 8px;border-bottom:1px solid #ddd;padding-bottom:4px}
.sub{color:#555}.verdict{border-radius:6px;padding:12px 16px;margin:16px 0;border:1px solid}
.verdict.flags{background:#fff3e0;border-color:#ef6c00}.verdict.clean{background:#e8f5e9;border-color:#2e7d32}.verdict.nothing{background:#f5f5f5;border-color:#757575}
.warning{background:#ffebee;border:2px solid #c62828;border-radius:6px;padding:12px 16px;margin:12px 0;font-weight:600}
.note{background:#fffde7;border:1px solid #f9a825;border-radius:6px;padding:10px 14px;margin:12px 0}
.figures{display:flex;flex-wrap:wrap;gap:12px;margin:12px 0}.figure{background:#fff;border:1px solid #ddd;border-radius:6px;padding:8px 12px;min-width:120px}
.figure b{display:block;font-size:20px}
table{border-collapse:collapse;background:#fff;margin:8px 0;font-size:13px}th,td{border:1px solid #ddd;padding:3px 8px;text-align:left;vertical-align:top;overflow-wrap:anywhere;max-width:420px}
.pivot td.alert{background:#ffcdd2;font-weight:600}.pivot{font-size:12px}details{margin:8px 0}summary{cursor:pointer;color:#0b57d0}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}tr.alert td{background:#ffebee}
.chart{background:#fff;border:1px solid #ddd;border-radius:6px;max-width:100%;height:auto}
.chart .grid{stroke:#eee}.chart .axis{stroke:#777}.chart text{font-size:11px;fill:#555}
.chart .alert{stroke:#c62828;stroke-width:2;stroke-dasharray:8 5}.chart .alert-label{fill:#c62828;font-weight:bold}
.legend{display:flex;flex-wrap:wrap;gap:4px 16px;list-style:none;padding:0;margin:6px 0}.legend li{display:flex;align-items:center;gap:6px}
.legend svg{flex:none}code{background:#f0f0f0;padding:0 3px;border-radius:3px}small{color:#666}
`;

function table(head: readonly string[], rows: readonly (readonly string[])[], numeric: readonly number[] = [], rowClass?: (i: number) => string): string {
  const th = head.map((h, i) => `<th${numeric.includes(i) ? ' class="num"' : ''}>${e(h)}</th>`).join('');
  const body = rows
    .map((r, k) => `<tr${rowClass?.(k) ? ` class="${rowClass(k)}"` : ''}>${r.map((c, i) => `<td${numeric.includes(i) ? ' class="num"' : ''}>${c}</td>`).join('')}</tr>`)
    .join('');
  return `<table><thead><tr>${th}</tr></thead><tbody>${body}</tbody></table>`;
}

function legend(names: readonly string[], style: (k: number) => { color: string; dash: string }): string {
  return `<ul class="legend">${names
    .map((name, k) => {
      const { color, dash } = style(k);
      return `<li><svg width="28" height="10" aria-hidden="true"><line x1="0" y1="5" x2="28" y2="5" stroke="${color}" stroke-width="3"${dash ? ` stroke-dasharray="${dash}"` : ''}/></svg>${e(name)}</li>`;
    })
    .join('')}</ul>`;
}

/** The persistence pattern in words (Section 1): `throughout` only when every week of the period had misuse. */
const PATTERN_WORDS: Readonly<Record<Report['persistence']['pattern'], string>> = {
  throughout: 'throughout the period',
  atDifferentPoints: 'at different points',
  oneWeek: 'in one week',
  none: 'none',
};

/**
 * The verdict at the head of the page: `nothing` (grey) when no call is in the period — no
 * rule was judged, so it is never shown as clean; `clean` (green) only when no flag was
 * raised and every rule was judged on every call; else `flags`.
 */
function verdict(r: HtmlReportInput, campaigns: readonly ScopeReport[]): string {
  const raised = r.flags.filter((f) => f.count > 0);
  const worst = campaigns.reduce<ScopeReport | null>((w, s) => (s.acr.highestRate !== null && (w === null || (w.acr.highestRate ?? -1) < s.acr.highestRate) ? s : w), null);
  const above = campaigns.reduce((a, s) => a + s.acr.daysAboveAlert, 0);
  const lines: string[] = [];
  const unjudged = r.coverage.rules.filter((x) => x.notJudged > 0);
  // Undetermined calls were not judged for the outcome rules, whether or not the coverage lists them.
  const allJudged = unjudged.length === 0 && r.coverage.undetermined === 0;
  const nothing = r.calls === 0;
  if (nothing) {
    const outside = r.callsOutsidePeriod > 0 ? ` (${n(r.callsOutsidePeriod)} call${r.callsOutsidePeriod === 1 ? ' was' : 's were'} outside it)` : '';
    lines.push(`<p><b>Nothing was audited in the period:</b> no call was counted in it${outside}, so no rule was judged. This is not a clean result.</p>`);
  }
  else if (raised.length === 0) {
    const scope = allJudged ? 'in the period' : 'on what the records let the audit judge';
    lines.push(`<p><b>No flags were raised ${scope}.</b> This is not a safe harbour: no rate or threshold is one (A4.12, A4.20).</p>`);
  }
  else {
    const notJudged = persistenceNotJudged(r);
    const pattern = notJudged !== null && r.persistence.pattern === 'none' ? 'none found on the calls that could be judged' : PATTERN_WORDS[r.persistence.pattern];
    lines.push(`<p><b>${n(raised.reduce((a, f) => a + f.count, 0))} flags of ${raised.length} kind${raised.length === 1 ? '' : 's'} were raised in the period.</b> ` +
      `Misuse pattern: <b>${pattern}</b> (misuse ${notJudged === null ? 'in' : 'found in'} ${n(r.persistence.weeksWithMisuse)} of the ${n(r.persistence.weeks)} weeks of the period, ` +
      `on ${n(r.persistence.daysWithMisuse)} of ${n(r.persistence.daysWithCalls)} days with calls${notJudged === null ? '' : `; ${notJudged}`}; Section 1).</p>`);
  }
  if (unjudged.length > 0) {
    lines.push(
      `<p id="not-judged"><b>${n(unjudged.length)} rule${unjudged.length === 1 ? '' : 's'} could not be judged on every call</b> (${e(unjudged.map((x) => x.title).join(', '))}): ` +
        'the records lack facts they need. What was not judged is not shown as passed; see <a href="#coverage">coverage</a>.</p>',
    );
  }
  const figures: [string, string][] = [
    ['calls in the period', n(r.calls)],
    ['silent calls', n(r.categories.silent)],
    ['abandoned calls', n(r.categories.abandoned)],
    ['highest daily ACR', worst === null ? '–' : `${pct(worst.acr.highestRate, r.policy.alertRate)}`],
    ['campaign-days above the alert', n(above)],
    ['rows rejected', r.rejected === undefined ? '–' : n(r.rejected.count)],
  ];
  if (worst !== null) figures[3] = ['highest daily ACR', `${pct(worst.acr.highestRate, r.policy.alertRate)} <small>${e(worst.campaignId ?? '')} ${e(worst.acr.highestRateDate ?? '')}</small>`];
  if (r.categories.undetermined > 0) figures.push(['undetermined calls', n(r.categories.undetermined)]); // every call of the period, whichever scopes are listed
  return (
    `<section class="verdict ${nothing ? 'nothing' : raised.length === 0 && allJudged ? 'clean' : 'flags'}" id="verdict">${lines.join('')}` +
    `<div class="figures">${figures.map(([k, v]) => `<div class="figure"><b>${v}</b>${e(k)}</div>`).join('')}</div></section>`
  );
}

function worstCalls(r: HtmlReportInput, kinds: readonly FlagKindSummary[]): string {
  const rows: string[][] = [];
  for (const k of kinds) {
    for (const ex of (r.worstCalls as Record<string, readonly ReportExample[] | undefined>)[k.kind] ?? []) {
      rows.push([e(ex.kind), e(ex.ref), e(ex.callId ?? '–'), e(new Date(ex.at).toISOString().replace('T', ' ').slice(0, 19)), e(ex.campaignId ?? 'all'), e(ex.callCentreId ?? 'all'), `<code>${e(JSON.stringify(ex.detail))}</code>`]);
    }
  }
  if (rows.length === 0) return '<p>None.</p>';
  // The flags of each kind not listed are counted, never left out silently (the flags table counts them all).
  const more = kinds
    .map((k) => [k.kind, k.count - ((r.worstCalls as Record<string, readonly ReportExample[] | undefined>)[k.kind]?.length ?? 0)] as const)
    .filter(([, m]) => m > 0)
    .map(([kind, m]) => `${e(kind)} ${n(m)}`);
  const note = more.length === 0 ? '' : `<p id="worst-more"><small>… and more, not listed: ${more.join(', ')}.</small></p>`;
  return table(['flag', 'ref', 'call', 'time (UTC)', 'campaign', 'call centre', 'detail'], rows) + note;
}


/**
 * The most cells the daily-ACR pivot (dates × campaigns) is written with: its size is the
 * product, not the campaign-days with calls, so a file of one-off campaigns on their own
 * days would make it quadratic in the input (500 such calls: 250,000 cells).
 */
export const MAX_PIVOT_CELLS = 20_000;

/** The daily ACR as a table of dates down and campaigns across (at most `MAX_PIVOT_CELLS` cells: the caller checks). */
function acrPivot(dates: readonly string[], campaigns: readonly ScopeReport[], alertRate: number | null): string {
  const byDate = campaigns.map((s) => new Map(s.days.map((d) => [d.date, d] as const)));
  const head = `<tr><th>date</th>${campaigns.map((s) => `<th class="num">${e(s.campaignId ?? '')}</th>`).join('')}</tr>`;
  const body = dates
    .map((date) => {
      const cells = byDate.map((m) => {
        const d = m.get(date);
        return `<td class="num${d?.acr.alert ? ' alert' : ''}">${pct(d?.acr.rate, alertRate)}</td>`;
      });
      return `<tr><td>${e(date)}</td>${cells.join('')}</tr>`;
    })
    .join('');
  return `<table class="pivot" id="acr-pivot"><thead>${head}</thead><tbody>${body}</tbody></table>`;
}

/**
 * Renders `report` as one self-contained HTML page (see the module comment). Pure: the
 * same report gives the same page.
 */
export function renderHtmlReport(report: HtmlReportInput): string {
  const r = report;
  const campaigns = r.scopes.filter((s) => s.scope === 'campaign');
  // The calls of each day: from the `all` scope, or, when the report lists other scopes only
  // (`--by campaign`), from the rows of the first kind listed (each kind counts every call
  // once: its rows add up to `all`).
  const firstKind = ACR_SCOPES.find((k) => r.scopes.some((s) => s.scope === k));
  const counted = r.scopes.filter((s) => s.scope === firstKind);
  const perDay = counted.flatMap((s) => s.days);
  const dates = [...new Set(perDay.map((d) => d.date))].sort();
  const index = new Map(dates.map((d, i) => [d, i] as const));
  // One point per campaign-day with a rate (never dates × campaigns: a day without a rate is a gap).
  const acrSeries = campaigns.map((s) => {
    const points: [number, number][] = [];
    for (const d of s.days) {
      const i = index.get(d.date);
      if (i !== undefined && d.acr.rate !== null) points.push([i, d.acr.rate]);
    }
    points.sort((a, b) => a[0] - b[0]);
    return { name: s.campaignId ?? '', points };
  });
  const layers = OUTCOMES.filter((o) => perDay.some((d) => count(d.counts, o.key) > 0)).map((o) => {
    const byDate = new Map<string, number>();
    for (const d of perDay) byDate.set(d.date, (byDate.get(d.date) ?? 0) + count(d.counts, o.key));
    return { name: o.name, color: o.color, values: dates.map((date) => byDate.get(date) ?? 0) };
  });
  const kinds = r.flags.filter((f) => f.count > 0 || f.notJudged > 0); // a kind not judged everywhere is never shown as clean
  const out: string[] = [];
  out.push(
    '<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>dialguard report${r.input ? ` — ${e(r.input.name)}` : ''}</title><style>${STYLE}</style></head><body><main>`,
  );
  out.push(`<h1>dialguard compliance report</h1>`);
  out.push(
    `<p class="sub">${r.input ? `${e(r.input.name)} (${e(r.input.format)}, call ${e(r.input.kind)}, ${n(r.input.rows)} rows) · ` : ''}` +
      `policy ${e(r.policy.id)} · calendar days in ${e(r.policy.timeZone)} · period ${r.period.fromDate === null ? 'none (no calls)' : `${e(r.period.fromDate)} to ${e(r.period.toDate ?? '–')} (${n(r.period.days)} days; ${e(periodBasisWords(r.period.basis))})`}</p>`,
  );
  if (r.evidence?.warning) out.push(`<div class="warning" id="evidence-warning">WARNING: ${em(r.evidence.warning)}</div>`);
  if (r.evidence?.note) out.push(`<div class="note">${em(r.evidence.note)}</div>`);
  out.push(verdict(r, campaigns));

  out.push('<h2 id="acr">Daily Abandoned Call Rate per campaign</h2>');
  out.push('<p><small>Annex 3: x / (x + y) per calendar day (A3.3), per campaign (A3.4); dashed red: the alert line you set — an alert, never a safe harbour (A4.20).</small></p>');
  out.push(lineChart('Daily ACR per campaign', dates, acrSeries, r.policy.alertRate), legend(acrSeries.map((s) => s.name), seriesStyle));
  // Dates down, campaigns across: compact with many days and campaigns; the full rows below.
  // Its size is dates × campaigns, not the campaign-days with calls: beyond MAX_PIVOT_CELLS it
  // is left out, saying so, and the table of every campaign-day (linear) is shown open.
  const pivotCells = dates.length * campaigns.length;
  const pivoted = pivotCells <= MAX_PIVOT_CELLS;
  if (pivoted) out.push(acrPivot(dates, campaigns, r.policy.alertRate));
  else {
    out.push(
      `<p class="note" id="acr-pivot-omitted">The table of dates × campaigns is left out: ${n(dates.length)} dates × ${n(campaigns.length)} campaigns would be ` +
        `${n(pivotCells)} cells (more than ${n(MAX_PIVOT_CELLS)}). Every campaign-day with calls is in the table below.</p>`,
    );
  }
  const acrRows: string[][] = [];
  const alertRows: boolean[] = [];
  for (const s of campaigns) {
    for (const d of s.days) {
      acrRows.push([e(d.date), e(s.campaignId ?? ''), n(d.counts.calls), formatFigure(d.acr.x), n(d.acr.y), n(d.acr.z), pct(d.acr.rate, r.policy.alertRate), d.acr.estimated ? 'est' : '', d.acr.alert ? 'ALERT' : '']);
      alertRows.push(d.acr.alert);
    }
  }
  out.push(
    `<details id="acr-details"${pivoted ? '' : ' open'}><summary>Every campaign-day: x, y, z (${n(acrRows.length)} rows)</summary><div id="acr-table">${table(['date', 'campaign', 'calls', 'x', 'y', 'z', 'ACR', ACR_ESTIMATE_REF, 'alert'], acrRows, [2, 3, 4, 5, 6], (i) => (alertRows[i] ? 'alert' : ''))}</div></details>`,
  );

  out.push('<h2 id="outcomes">Outcomes per day</h2>');
  out.push(stackedBars('Calls per day by outcome', dates, layers, 'per-day'), legend(layers.map((l) => l.name), (k) => ({ color: layers[k]!.color, dash: '' })));
  if (r.hours !== undefined) {
    const hours = r.hours.hours;
    const hourLayers = OUTCOMES.filter((o) => hours.some((h) => (h.counts[o.key] ?? 0) > 0)).map((o) => ({ name: o.name, color: o.color, values: hours.map((h) => h.counts[o.key] ?? 0) }));
    out.push(`<h3>By hour of day (${e(r.hours.zone)})</h3>`);
    out.push(stackedBars(`Calls by hour of day (${r.hours.zone}) and outcome`, hours.map((h) => `${String(h.hour).padStart(2, '0')}`), hourLayers, 'per-hour'));
  }
  const totals = r.categories; // every call of the period, whichever scopes are listed
  if (totals.calls > 0 || r.scopes.length > 0) {
    out.push(`<div id="categories">${table(['category', 'calls', 'share'], OUTCOMES.filter((o) => o.key !== 'undetermined' || count(totals, o.key) > 0).map((o) => [e(o.name), n(count(totals, o.key)), pct(totals.calls === 0 ? null : count(totals, o.key) / totals.calls)]), [1, 2])}</div>`);
  }

  out.push('<h2 id="flags">Flags by kind</h2>');
  out.push(kinds.length === 0 ? `<p>${r.calls === 0 ? 'No call in the period: none could be raised.' : 'No flags were raised.'}</p>` : `<div id="flag-table">${table(['kind', 'what it means', 'paragraphs', 'count', 'not judged on (calls)'], kinds.map((f) => [e(f.kind), e(f.title), e(f.refs.join(', ')), n(f.count), f.notJudged === 0 ? '' : `<strong>${n(f.notJudged)}</strong>`]), [3, 4])}</div>`);

  out.push('<h2 id="coverage">Coverage: what the data let the audit judge</h2>');
  out.push(coverageSection(r));
  if (r.evidence !== undefined) {
    const ev = r.evidence;
    const p = ev.inPeriod;
    // The figures of the period (the report's calls); those of the whole input beside them when they differ.
    // `undecidable` counts only calls lacking agent and message times and an outcome: said so, and the
    // report's undetermined calls (whose records may also stop early) given beside it, never read as 0.
    const undecidable = 'answered (or with the answer time unknown) with no agent or message times and no recorded outcome, so that live cannot be told from silent';
    const undetermined = r.categories.undetermined === 0 ? '' : ` Calls in the period whose category the records could not show (undetermined), for whatever reason: ${n(r.categories.undetermined)}.`;
    const figures =
      (p === undefined
        ? `Calls with an outcome the dialler recorded: ${n(ev.withOutcome)} of ${n(ev.calls)} (the whole input). Calls ${undecidable}: ${n(ev.undecidable)} (the whole input).`
        : `Calls in the period with an outcome the dialler recorded: ${n(p.withOutcome)} of ${n(p.calls)}. Calls in the period ${undecidable}: ${n(p.undecidable)}.`) +
      undetermined +
      (p === undefined || p.calls === ev.calls ? '' : ` In the whole input (${n(ev.calls)} calls, ${n(ev.calls - p.calls)} outside the period): ${n(ev.withOutcome)} with an outcome, ${n(ev.undecidable)} ${undecidable}.`);
    out.push(`<p id="evidence-figures">Facts the input could not show: ${ev.unknownFacts.length === 0 ? 'none' : ev.unknownFacts.map((f) => `<code>${e(f)}</code>`).join(', ')}. ${figures}</p>`);
    if (ev.unmappedStatuses.length > 0) out.push(`<div id="unmapped">${table(['status with no outcome in the mapping', 'rows'], ev.unmappedStatuses.map((s) => [e(s.status), n(s.rows)]), [1])}</div>`);
  }

  out.push('<h2 id="worst">Worst calls (the earliest of each flag kind)</h2>', worstCalls(r, kinds));

  out.push('<h2 id="rejected">Rows rejected (not counted)</h2>');
  if (r.rejected === undefined || r.rejected.count === 0) out.push('<p>None.</p>');
  else {
    const reasons = Object.entries(r.rejected.byReason).map(([k, v]) => `${e(k)} ${n(v ?? 0)}`).join(', ');
    out.push(`<p>${n(r.rejected.count)} rows: ${reasons}.</p>`);
    out.push(`<div id="rejected-table">${table(['line', 'reason', 'call', 'field', 'message'], r.rejected.examples.map((x) => [n(x.line), e(x.reason), e(x.callId ?? ''), e(x.path ?? ''), em(x.message)]), [0])}</div>`);
    if (r.rejected.count > r.rejected.examples.length) out.push(`<p><small>… and ${n(r.rejected.count - r.rejected.examples.length)} more.</small></p>`);
  }
  out.push('<p><small>dialguard reports facts and the policy paragraphs they touch. It is not legal advice.</small></p></main></body></html>\n');
  return out.join('\n');
}

/**
 * The coverage section: every rule that could not be judged on some calls, with how many it
 * was judged on, how many not, and why — never shown as passed — and the undetermined calls.
 */
function coverageSection(r: HtmlReportInput): string {
  const c = r.coverage;
  const out: string[] = ['<div id="coverage-section">'];
  if (r.calls === 0) out.push('<p id="coverage-nothing">No call in the period: no rule was judged on any call.</p>');
  else if (c.complete && c.undetermined === 0) out.push(`<p id="coverage-complete">${e(EVERY_RULE_JUDGED)}</p>`);
  if (c.rules.length > 0) {
    out.push(
      table(
        ['rule', 'paragraphs', 'judged on', 'not judged on', 'why not'],
        c.rules.map((x) => [e(x.title), e(x.refs.join(', ')), n(x.judged), `<strong>${n(x.notJudged)}</strong>`, e(x.reasons.map((y) => (x.reasons.length > 1 ? `${y.reason} (${n(y.calls)})` : y.reason)).join('; '))]),
        [2, 3],
      ),
    );
  }
  if (c.undetermined > 0) {
    out.push(`<p class="warning" id="undetermined">${n(c.undetermined)} ${c.undetermined === 1 ? 'call' : 'calls'} could not be told live, abandoned or silent from the records: they are outside the ACR's x and y, and the rules that depend on the outcome were not judged on them.</p>`);
  }
  // Rules no audit of call records judges (A1.25): named, never left to read as passed.
  for (const x of c.notJudgedFromRecords ?? NOT_JUDGED_FROM_RECORDS) {
    out.push(`<p class="coverage-outside-records">Not judged from call records: <b>${e(x.title)}</b> (${e(x.refs.join(', '))}) — ${e(x.reason)}.</p>`);
  }
  out.push('</div>');
  return out.join('\n');
}
