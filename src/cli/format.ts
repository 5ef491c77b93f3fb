/**
 * The audit as text for a terminal: what was read, the library's report (`formatReport`),
 * the daily ACR of the other scopes asked for with `--by` (the report shows it per
 * campaign), and the rows rejected.
 */
import { formatReport, type AcrScope, type Report, type ScopeReport } from 'dialguard';
import type { InputSummary } from './audit-stream.js';
import type { RejectedSummary } from './rejected.js';

const n = (value: number): string => value.toLocaleString('en-GB');
const pct = (rate: number | null): string => (rate === null ? '-' : `${(rate * 100).toFixed(2)} %`);
const decimal = (value: number): string => (Number.isInteger(value) ? n(value) : value.toFixed(2));

/** Text columns: the first `left` left-aligned, the rest right-aligned. */
function table(header: readonly string[], rows: readonly (readonly string[])[], left: ReadonlySet<number>): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((c, i) => (left.has(i) ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)];
}

const SCOPE_TITLES: Readonly<Record<AcrScope, string>> = {
  all: 'all calls',
  campaign: 'per campaign',
  callCentre: 'per call centre',
  campaignCallCentre: 'per campaign in each call centre',
};

function scopeName(s: ScopeReport): string {
  if (s.scope === 'all') return 'all';
  if (s.scope === 'campaign') return s.campaignId ?? '';
  if (s.scope === 'callCentre') return s.callCentreId ?? '';
  return `${s.campaignId ?? ''} @ ${s.callCentreId ?? ''}`;
}

/** The daily ACR rows of every listed scope of kind `scope`. */
function acrLines(report: Report, scope: AcrScope): string[] {
  const rows = report.scopes
    .filter((s) => s.scope === scope)
    .flatMap((s) => s.days.filter((d) => d.counts.calls > 0).map((d) => ({ s, d })))
    .sort((a, b) => (a.d.date < b.d.date ? -1 : a.d.date > b.d.date ? 1 : 0))
    .map(({ s, d }) => [
      d.date,
      scopeName(s),
      n(d.counts.calls),
      decimal(d.acr.x),
      n(d.acr.y),
      n(d.acr.z),
      pct(d.acr.rate),
      d.acr.estimated ? 'est' : '',
      d.acr.alert ? 'ALERT' : '',
    ]);
  if (rows.length === 0) return ['no calls'];
  return table(['date', scope === 'all' ? 'scope' : scope === 'callCentre' ? 'call centre' : 'campaign @ call centre', 'calls', 'x', 'y', 'z', 'ACR', 'est', 'alert'], rows, new Set([0, 1, 7, 8]));
}

/** What was read and rejected, before the report. */
function inputLines(input: InputSummary, rejected: RejectedSummary, periodGiven: boolean): string[] {
  return [
    `dialguard audit: ${input.name} (${input.format}, call ${input.kind})`,
    `Rows read: ${n(input.rows)}; rejected: ${n(rejected.count)}${periodGiven ? '' : '; period: the whole input'}`,
  ];
}

function rejectedLines(rejected: RejectedSummary, dedupeWindow: number): string[] {
  const out = ['', 'Rows rejected (not counted)', '---------------------------'];
  if (rejected.count === 0) out.push('none');
  else {
    out.push(`${n(rejected.count)}: ${Object.entries(rejected.byReason).map(([r, c]) => `${r} ${n(c ?? 0)}`).join(', ')}`);
    for (const r of rejected.examples) out.push(`  line ${r.line}${r.path ? ` [${r.path}]` : ''}: ${r.message}`);
    if (rejected.count > rejected.examples.length) out.push(`  … and ${n(rejected.count - rejected.examples.length)} more (each is on stderr)`);
  }
  out.push(dedupeWindow > 0 ? `(duplicate call ids are looked for among the latest ${n(dedupeWindow)} calls)` : '(duplicate call ids were not looked for: --dedupe-window 0)');
  return out;
}

/**
 * The text of an audit: `report` is the report listing the scopes of `--by` (with the
 * campaign scope, which `formatReport`'s daily ACR table reads); `scopes` those asked for.
 */
export function formatAudit(report: Report, input: InputSummary, rejected: RejectedSummary, scopes: readonly AcrScope[], periodGiven: boolean): string {
  const out = [...inputLines(input, rejected, periodGiven), ''];
  out.push(formatReport(report).trimEnd());
  for (const scope of scopes) {
    if (scope === 'campaign') continue; // formatReport's own daily ACR table
    const title = `Daily ACR ${SCOPE_TITLES[scope]} (Annex 3, A3.4; est = A3.6 estimate; alert is not a safe harbour)`;
    out.push('', title, '-'.repeat(Math.min(100, title.length)), ...acrLines(report, scope));
  }
  out.push(...rejectedLines(rejected, input.dedupeWindow));
  return `${out.join('\n')}\n`;
}
