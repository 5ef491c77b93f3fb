/**
 * The compliance report of a simulation, by dialguard's own `report()` and `formatReport()`
 * — the calls as `misuse()` judged them live, so repeats within 72 h and ACR alerts count —
 * and the worst calls in it, with the measured values behind each flag.
 */
import { formatReport, report, type FlagDetails, type FlagKind, type Policy, type Report, type ReportExample } from 'dialguard';
import type { SimulationResult } from './campaign.js';
import type { DiallingWindow } from './config.js';
import { hhmmss } from './time.js';

/** The report and its text, over the calendar days of `windows` (default: the policy's weeks up to the newest call). */
export function complianceReport(result: SimulationResult, policy: Policy, windows?: readonly DiallingWindow[]): { readonly report: Report; readonly text: string } {
  const span = windows !== undefined && windows.length > 0 ? { from: Math.min(...windows.map((w) => w.start)), to: Math.max(...windows.map((w) => w.end)) } : {};
  const r = report(result.judged, { policy, ...span });
  return { report: r, text: formatReport(r) };
}

/** Worst first: silent calls are the top priority (A2.3), then what aggravates (A2.9, A2.19, A2.15), then the ACR. */
const ORDER: readonly FlagKind[] = ['silentCall', 'repeatWithin72h', 'lateMessage', 'shortRing', 'longRing', 'acrAlert', 'abandonedCall'];

const s = (ms: number | null): string => (ms === null ? '-' : `${(ms / 1000).toFixed(1)} s`);

/** A flag kind with its own detail. */
type KindDetail = { [K in FlagKind]: { readonly kind: K; readonly detail: FlagDetails[K] } }[FlagKind];

/** What the flag measured, in words. */
function measured(e: ReportExample): string {
  const f = e as KindDetail; // TODO(narrow): ReportExample.detail is not yet narrowed by kind
  switch (f.kind) {
    case 'silentCall': {
      const d = f.detail;
      const why: Record<string, string> = {
        amdFalsePositive: 'AMD took a person for a machine and the dialler cut them off',
        disconnected: 'cut off at pickup',
        deadAir: 'nothing played by the deadline',
        noMessagePlanned: 'hung up in silence, no message planned',
      };
      return `${why[d.reason] ?? d.reason}; ${s(d.durationMs)} from pickup to hangup (by ${String(d.hangupBy)})${d.cliWithheld ? '; CLI withheld' : ''}`;
    }
    case 'repeatWithin72h':
      return `called ${s(f.detail.gapMs).replace(' s', '')} s after ${f.detail.previousCallId} to the same number was ${f.detail.previousCategory}, no agent guaranteed`;
    case 'lateMessage':
      return `message ${s(f.detail.delayMs)} after ${f.detail.from} (deadline ${s(f.detail.deadlineMs)})`;
    case 'shortRing':
    case 'longRing':
      return `rang ${s(f.detail.ringMs)}`;
    case 'acrAlert': {
      const d = f.detail;
      return `${d.scope} ACR ${(d.rate * 100).toFixed(2)} % (x ${d.x.toFixed(1)}, y ${d.y}) passed ${(d.alertRate * 100).toFixed(0)} %`;
    }
    case 'abandonedCall':
      return f.detail.messagePlayed ? 'no agent free: the information message played' : 'hung up before the message was due (A1.10)';
    default:
      return JSON.stringify(f.detail);
  }
}

/** The worst calls of a report: up to `perKind` examples of each serious kind, with what was measured. */
export function worstCallsText(r: Report, perKind = 3): string {
  const lines: string[] = [];
  for (const kind of ORDER) {
    for (const e of (r.worstCalls[kind] ?? []).slice(0, perKind)) {
      const what = e.callId ?? [e.campaignId, e.callCentreId].filter((x) => x !== null).join('@') ?? 'all';
      lines.push(`  ${kind.padEnd(16)} ${e.ref.padEnd(5)} ${(what || 'all').padEnd(30)} ${e.date} ${hhmmss(e.at, r.policy.timeZone)}  ${measured(e)}`);
    }
  }
  return lines.length === 0 ? '  none: no call was flagged' : lines.join('\n');
}
