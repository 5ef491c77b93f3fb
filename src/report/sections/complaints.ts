import type { ComplaintFindingKind, ComplaintMatch } from '../../complaints/complaint.js';
import type { ReportPeriod } from './period.js';

/** A complaint as the report counts it: its id, when, how many calls matched, and the findings. */
export interface ReportComplaint {
  readonly id: string | null;
  /** The reported time, or the window's start; `null` when none was given. */
  readonly at: number | null;
  readonly matches: number;
  readonly findings: readonly ComplaintFindingKind[];
}

/** Complaints (A2.6). */
export interface ReportComplaints {
  readonly total: number;
  /** With at least one matching call, or none. */
  readonly matched: number;
  readonly unmatched: number;
  /** How many complaints had each finding. */
  readonly findings: { readonly [K in ComplaintFindingKind]?: number };
  /** Complaints dated outside the period (not counted above). */
  readonly outsidePeriod: number;
  readonly items: readonly ReportComplaint[];
}

/** What a report keeps of a matched complaint: its id, time, match count and finding kinds. */
export function complaintSummary(match: ComplaintMatch): ReportComplaint {
  const c = match.complaint;
  return {
    id: c.id ?? null,
    at: c.window?.from ?? c.reportedAt ?? null,
    matches: match.matchCount,
    findings: match.findings.map((f) => f.kind),
  };
}

/** The complaints section (A2.6): those dated in the period (or undated), their matches and findings. */
export function complaintsSection(all: readonly ReportComplaint[], period: ReportPeriod): ReportComplaints {
  const counted = all.filter((c) => c.at === null || (period.from !== null && period.to !== null && c.at >= period.from && c.at < period.to));
  const findings: { [K in ComplaintFindingKind]?: number } = {};
  for (const c of counted) for (const f of c.findings) findings[f] = (findings[f] ?? 0) + 1;
  const matched = counted.filter((c) => c.matches > 0).length;
  return { total: counted.length, matched, unmatched: counted.length - matched, findings, outsidePeriod: all.length - counted.length, items: counted };
}
