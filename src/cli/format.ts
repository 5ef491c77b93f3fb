/**
 * The audit as text for a terminal: what was read, the library's report (`formatReport`),
 * the daily ACR of the other scopes asked for with `--by` (the report shows it per
 * campaign), and the rows rejected. Every value from the input (file name, ids, messages
 * quoting a row) goes through `printable`: no control character reaches the terminal.
 */
import { formatAcrTable, formatReport, printable, type AcrScope, type Report } from 'dialguard/internals';
import type { InputSummary } from './audit-stream.js';
import { shownRejected, type RejectedSummary } from './rejected.js';

const n = (value: number): string => value.toLocaleString('en-GB');

const SCOPE_TITLES: Readonly<Record<AcrScope, string>> = {
  all: 'all calls',
  campaign: 'per campaign',
  callCentre: 'per call centre',
  campaignCallCentre: 'per campaign in each call centre',
};

/** What was read and rejected, before the report. */
function inputLines(input: InputSummary, rejected: RejectedSummary, periodGiven: boolean): string[] {
  return [
    `dialguard audit: ${printable(input.name, 200)} (${input.format}, call ${input.kind})`,
    `Rows read: ${n(input.rows)}; rejected: ${n(rejected.count)}${periodGiven ? '' : '; period: the whole input'}`,
  ];
}

function rejectedLines(rejected: RejectedSummary, dedupeWindow: number): string[] {
  const out = ['', 'Rows rejected (not counted)', '---------------------------'];
  if (rejected.count === 0) out.push('none');
  else {
    out.push(`${n(rejected.count)}: ${Object.entries(rejected.byReason).map(([r, c]) => `${r} ${n(c ?? 0)}`).join(', ')}`);
    for (const r of rejected.examples) {
      const { field, message } = shownRejected(r);
      out.push(`  line ${r.line}${field}: ${message}`);
    }
    if (rejected.count > rejected.examples.length) out.push(`  … and ${n(rejected.count - rejected.examples.length)} more, not listed`); // stderr prints only a few of each kind
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
    const title = `Daily ACR ${SCOPE_TITLES[scope]} (A3.4; est = A3.6 estimate; alert is not a safe harbour)`; // within 100 characters
    out.push('', title, '-'.repeat(Math.min(100, title.length)), ...formatAcrTable(report, scope));
  }
  out.push(...rejectedLines(rejected, input.dedupeWindow));
  return `${out.join('\n')}\n`;
}
