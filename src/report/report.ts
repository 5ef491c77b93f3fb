import type { ClassifiedCall } from '../classify.js';
import type { Complaint, ComplaintMatch, ComplaintOptions } from '../complaints/complaint.js';
import type { AnyFlag, FlagKind } from '../flags.js';
import type { MisuseUpdate } from '../misuse/state.js';
import { ofcom2017 } from '../policy/ofcom2017.js';
import type { Policy } from '../policy/policy.js';
import { buildReport, type BuildReportOptions } from './build-report.js';
import { ReportInputError } from './report-input-error.js';
import { createReportBuilder, scopeFlagPlace } from './report-builder.js';
import { complaintSummary } from './sections/complaints.js';
import { exampleOf, type ReportExample } from './sections/examples.js';
import type { Report, ReportFlagRefs, ReportScopeFlag, ReportSource } from './types.js';

/** Options for `report`. */
export interface ReportOptions extends BuildReportOptions {
  /** The policy (calendar zone, default weeks, retention months, alert level); default `ofcom2017`. With an `AuditResult`, the audit's own policy is used. */
  readonly policy?: Policy;
  /**
   * Complaints (A2.6). Raw complaints are matched against the calls as they pass
   * (`matchComplaint`); results of `matchComplaint` are counted as they are. An
   * `AuditResult` holds no calls, so with one give results (or pass complaints to `audit`).
   */
  readonly complaints?: readonly (Complaint | ComplaintMatch)[];
  readonly complaintOptions?: ComplaintOptions;
  /**
   * Flags about a scope rather than a call (`tooManyClis`, `numberScanning`, `acrAlert`) not
   * already in the input. Counted; with classified calls as the input, the rules across
   * calls are still listed as not judged on them (give the updates instead).
   */
  readonly scopeFlags?: Iterable<AnyFlag>;
  /** Example flags kept per kind; default 5. Ignored for an `AuditResult` (fixed by the audit). */
  readonly examplesPerKind?: number;
}

const isMatch = (c: Complaint | ComplaintMatch): c is ComplaintMatch => 'matches' in c && 'findings' in c;
const isSource = (input: unknown): input is ReportSource => typeof input === 'object' && input !== null && !(Symbol.iterator in input) && 'reportData' in input;

/**
 * The compliance report (Section 1, Annex 2, Annex 3) of a batch, in one pass: the period
 * (default: the policy's 12 weeks ending with the newest call's day), every scope's days and
 * ISO weeks (categories, shares, the daily ACR), flags by kind with their paragraphs,
 * whether misuse ran throughout the period or came at points, repeats within 72 h,
 * complaints, AMD evidence (A2.24), the records-retention horizon (A2.23), the Annex 2
 * factors with their evidence — no score (A2.7) — and example flags to look up.
 *
 * `input` is either `misuse`'s updates (`misuse`, `misuseAll`, `createMisuseState`), whose
 * flags about a scope are counted too; or classified calls, on which the rules across calls
 * (repeats within 72 h, too many CLIs, number scanning, the ACR alert) are then listed as
 * not judged, never passed — the report does not run them itself, and cannot tell that
 * they ran (the `call`s out of the updates carry no flag about a scope); or anything with
 * `reportData` (an `AuditResult`), whose report data is re-used (for another period, say).
 *
 * @example
 * ```ts
 * import { classify, formatReport, misuseAll, report } from 'dialguard';
 * const updates = misuseAll(records.map((r) => classify(r)));
 * console.log(formatReport(report(updates)));
 * ```
 * @throws ReportInputError for a reversed period, a bound that is no instant of the calendar, or raw complaints with an `AuditResult`.
 */
export function report(input: Iterable<ClassifiedCall | MisuseUpdate> | ReportSource, options: ReportOptions = {}): Report {
  const raw = (options.complaints ?? []).filter((c): c is Complaint => !isMatch(c));
  const matched = (options.complaints ?? []).filter(isMatch);
  const build: BuildReportOptions = {
    ...(options.from !== undefined ? { from: options.from } : {}),
    ...(options.to !== undefined ? { to: options.to } : {}),
    ...(options.scopes !== undefined ? { scopes: options.scopes } : {}),
    ...(options.misuseKinds !== undefined ? { misuseKinds: options.misuseKinds } : {}),
  };
  if (isSource(input)) {
    if (raw.length > 0) {
      throw new ReportInputError('an audit result holds no calls to match complaints against: pass the complaints to audit(), or the results of matchComplaint()');
    }
    const data = input.reportData;
    const scopeFlags: ReportScopeFlag[] = [...data.scopeFlags];
    const examples: ReportExample[] = [...data.examples];
    const refs: { [K in FlagKind]?: readonly string[] } = { ...data.refs };
    // Data written before the refs were kept per date has none: the report then lists `refs`.
    const refsByDate: ReportFlagRefs[] | undefined = data.refsByDate === undefined ? undefined : [...data.refsByDate];
    for (const f of options.scopeFlags ?? []) {
      const place = scopeFlagPlace(f, data.policy.timeZone);
      scopeFlags.push({ ...place, kind: f.kind, ref: f.ref, count: 1 });
      examples.push(exampleOf(f, place.date, place.campaignId, place.callCentreId));
      const seen = refs[f.kind] ?? [];
      if (!seen.includes(f.ref)) refs[f.kind] = [...seen, f.ref].sort();
      refsByDate?.push({ date: place.date, kind: f.kind, refs: [f.ref] });
    }
    return buildReport({ ...data, scopeFlags, examples, refs, ...(refsByDate === undefined ? {} : { refsByDate }), complaints: [...data.complaints, ...matched.map(complaintSummary)] }, build);
  }
  const builder = createReportBuilder(options.policy ?? ofcom2017, {
    ...(raw.length > 0 ? { complaints: raw } : {}),
    ...(options.complaintOptions !== undefined ? { complaintOptions: options.complaintOptions } : {}),
    ...(options.examplesPerKind !== undefined ? { examplesPerKind: options.examplesPerKind } : {}),
  });
  for (const item of input) {
    if ('raised' in item) builder.addUpdate(item);
    else builder.add(item);
  }
  if (options.scopeFlags !== undefined) for (const f of options.scopeFlags) builder.addFlag(f);
  for (const m of matched) builder.addComplaint(m);
  return builder.build(build);
}
