/**
 * The report as text for a terminal: a summary, the flags by kind, the daily ACR table
 * of the scopes asked for, and the rejected rows.
 */
import type { AcrRow } from 'dialguard';
import type { CliReport } from './audit-stream.js';

const n = (value: number): string => value.toLocaleString('en-GB');
const pct = (rate: number | null): string => (rate === null ? '—' : `${(rate * 100).toFixed(2)} %`);
const decimal = (value: number): string => (Number.isInteger(value) ? n(value) : value.toFixed(2));

/** Left-aligned text columns, numbers right-aligned. */
function table(header: readonly string[], rows: readonly (readonly string[])[], right: ReadonlySet<number>): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((c, i) => (right.has(i) ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)];
}

function acrLines(rows: readonly AcrRow[]): string[] {
  const body = rows.map((r) => [
    r.date,
    r.scope,
    r.campaignId ?? '—',
    r.callCentreId ?? '—',
    n(r.counts.calls),
    n(r.acr.y),
    decimal(r.acr.x) + (r.acr.estimated ? '*' : ''),
    n(r.acr.z),
    pct(r.acr.rate),
    r.alert ? 'ALERT' : '',
  ]);
  return table(['date', 'scope', 'campaign', 'call centre', 'calls', 'live y', 'abandoned x', 'AM→agent z', 'ACR', ''], body, new Set([4, 5, 6, 7, 8]));
}

/** The report as lines of text (ending with a newline). */
export function formatCliReport(report: CliReport, alertRate: number | null): string {
  const out: string[] = [];
  const { input, period, rejected } = report;
  out.push(`dialguard audit: ${input.name} (${input.format}, ${input.kind})`);
  out.push(`Policy ${report.policy}; calendar days in ${report.timeZone}`);
  out.push(
    `Period: ${period.from === null && period.to === null ? 'every call in the input' : `dialled from ${period.from ?? 'the start'} to before ${period.to ?? 'the end'}`}`,
  );
  out.push(
    `Rows read ${n(input.rows)}; calls counted ${n(report.calls)}; outside the period ${n(report.outsidePeriod)}; rejected ${n(rejected.count)}`,
  );

  const flags = Object.entries(report.flagCounts)
    .filter(([, c]) => (c ?? 0) > 0)
    .sort(([a, x], [b, y]) => (y ?? 0) - (x ?? 0) || a.localeCompare(b));
  const totalFlags = flags.reduce((sum, [, c]) => sum + (c ?? 0), 0);
  out.push('', `Flags: ${totalFlags === 0 ? 'none' : n(totalFlags)}`);
  if (flags.length > 0) out.push(...table(['kind', 'count'], flags.map(([k, c]) => [k, n(c ?? 0)]), new Set([1])).map((l) => `  ${l}`));

  out.push('', `Daily Abandoned Call Rate (Annex 3)${report.table.length === 0 ? ': no calls counted' : ''}`);
  if (report.table.length > 0) {
    out.push(...acrLines(report.table).map((l) => `  ${l}`));
    if (report.table.some((r) => r.acr.estimated)) out.push('  * x includes the A3.6 estimate for abandoned calls whose answerer is not known');
  }
  if (alertRate !== null) {
    out.push(
      report.acrAlerts === 0
        ? `No scope-day above the ${pct(alertRate)} alert level (an alert level, never a safe harbour: A4.20).`
        : `ACR above the ${pct(alertRate)} alert level on ${n(report.acrAlerts)} scope-day(s) (an alert, never a safe harbour: A4.20).`,
    );
  }

  out.push('', `Rejected rows: ${rejected.count === 0 ? 'none' : n(rejected.count)}`);
  if (rejected.count > 0) {
    const reasons = Object.entries(rejected.byReason).map(([r, c]) => `${r} ${n(c ?? 0)}`);
    out.push(`  by reason: ${reasons.join(', ')}`);
    for (const r of rejected.examples) out.push(`  line ${r.line}${r.path ? ` [${r.path}]` : ''}: ${r.message}`);
    if (rejected.count > rejected.examples.length) out.push(`  … and ${n(rejected.count - rejected.examples.length)} more (each is on stderr)`);
  }
  return `${out.join('\n')}\n`;
}
