import { createAcrTally, type AcrCell, type AcrCounters } from '../acr/counters.js';
import type { AcrScope } from '../acr/table.js';
import type { ClassifiedCall } from '../classify.js';
import type { Complaint, ComplaintMatch, ComplaintOptions } from '../complaints/complaint.js';
import { createComplaintMatcher, type ComplaintMatcher } from '../complaints/complaint-matcher.js';
import type { AnyFlag, FlagKind } from '../flags.js';
import { ofcom2017 } from '../policy/ofcom2017.js';
import type { Policy } from '../policy/policy.js';
import { hasCalendarDay, zonedDay } from '../time/zoned-day.js';
import { buildReport, type BuildReportOptions } from './build-report.js';
import { emptyAmdCounts, flagCountsOf } from './counters.js';
import { compareExamples } from './examples.js';
import { FLAG_KIND_INDEX, FLAG_KINDS } from './flag-kinds.js';
import { ReportInputError } from './report-input-error.js';
import type { AmdCounts, Report, ReportComplaint, ReportData, ReportExample, ReportScopeFlag } from './types.js';

/** Options for `createReportBuilder`. */
export interface ReportBuilderOptions extends BuildReportOptions {
  /** Complaints to match against the calls as they are added (A2.6); see `matchComplaint`. */
  readonly complaints?: readonly Complaint[];
  readonly complaintOptions?: ComplaintOptions;
  /** How many example flags to keep per kind (and per day); default 5. */
  readonly examplesPerKind?: number;
}

/** An accumulator of the report: one `add` per call, then `build` (as often as wanted). */
export interface ReportBuilder {
  readonly timeZone: string;
  /** Counts one classified call (ideally out of `misuse`, so its flags include repeats within 72 h) on its dial date. */
  add(call: ClassifiedCall): void;
  /**
   * Counts a flag not attached to one call — `tooManyClis`, `numberScanning`, `acrAlert`
   * (`callId` `null`) — on the date in its detail (else the date of `at`), against the
   * campaign and call centre it names. Do not pass a call's own flags here: `add` counts them.
   */
  addFlag(flag: AnyFlag): void;
  /** Counts a complaint already matched (`matchComplaint`). */
  addComplaint(match: ComplaintMatch): void;
  /** Calls added. */
  calls(): number;
  /** The ACR counters of every call added (Annex 3): plain and mergeable, as `acrCounters` gives. */
  counters(): AcrCounters;
  /** A plain copy of everything accumulated, from which `report` builds any period. */
  data(): ReportData;
  /** The report (default period: the policy's weeks ending with the newest call's day). */
  build(options?: BuildReportOptions): Report;
}

interface CellExtra {
  readonly flags: number[];
  readonly amd: AmdCounts;
  silentCliWithheld: number;
  misuseAtUnsociableHours: number;
}

interface MutableScopeFlag {
  readonly date: string;
  readonly kind: FlagKind;
  readonly ref: string;
  readonly campaignId: string | null;
  readonly callCentreId: string | null;
  count: number;
}

const exampleBefore = (a: ReportExample, b: ReportExample): boolean => compareExamples(a, b) < 0;

/** Where a flag not attached to a call is counted: the date in its detail (else of `at` in `timeZone`), and the campaign and call centre it names. */
export function scopeFlagPlace(f: AnyFlag, timeZone: string): { date: string; campaignId: string | null; callCentreId: string | null } {
  return {
    date: detailString(f, 'date') ?? zonedDay(f.at, timeZone).date,
    campaignId: detailString(f, 'campaignId'),
    callCentreId: detailString(f, 'callCentreId'),
  };
}

/** A string field of a flag's detail, if it has one. */
function detailString(flag: AnyFlag, field: string): string | null {
  const v = (flag.detail as unknown as Record<string, unknown>)[field];
  return typeof v === 'string' ? v : null;
}

/**
 * Starts the report's accumulator (Section 1, Annex 2, Annex 3): `add` each classified call,
 * `addFlag` each flag about a scope, then `build`. It keeps only counters per calendar day ×
 * campaign × call centre (the ACR cell), flags by kind per cell, a few example flags per
 * kind and day, and the complaints — never the calls — so memory does not grow with the
 * number of calls. `audit` uses one in its single pass.
 *
 * Calls are counted on the calendar day of their dial in `policy.timeZone` (A3.3), as the
 * ACR counters are; the order of the calls does not matter (examples are the earliest by
 * time, whatever the order).
 *
 * @example
 * ```ts
 * import { from } from 'rxjs';
 * import { classified, createReportBuilder, formatReport, misuse, ofcom2017 } from 'dialguard';
 * const builder = createReportBuilder(ofcom2017);
 * from(records).pipe(classified(ofcom2017), misuse(ofcom2017)).subscribe(({ call, raised }) => {
 *   builder.add(call);
 *   for (const f of raised) if (f.callId === null) builder.addFlag(f);
 * });
 * console.log(formatReport(builder.build()));
 * ```
 * @throws ReportInputError for a negative or fractional `examplesPerKind`.
 */
export function createReportBuilder(policy: Policy = ofcom2017, options: ReportBuilderOptions = {}): ReportBuilder {
  const timeZone = policy.timeZone;
  const perKind = options.examplesPerKind ?? 5;
  if (!Number.isInteger(perKind) || perKind < 0) throw new ReportInputError(`examplesPerKind should be a whole number, 0 or more; received ${perKind}`);
  const tally = createAcrTally(timeZone);
  const extras = new Map<AcrCell, CellExtra>();
  const scopeFlags = new Map<string, MutableScopeFlag>();
  const refs: Set<string>[] = FLAG_KINDS.map(() => new Set<string>());
  const examples = new Map<string, ReportExample[][]>();
  const complaints: ReportComplaint[] = [];
  const matcher: ComplaintMatcher | null = options.complaints !== undefined && options.complaints.length > 0 ? createComplaintMatcher(options.complaints, policy, options.complaintOptions) : null;
  let calls = 0;
  let oldestAt: number | null = null;
  let newestAt: number | null = null;
  let lastCell: AcrCell | null = null;
  let lastExtra: CellExtra | null = null;
  let lastExamplesDate = '';
  let lastExamples: ReportExample[][] | null = null;

  const examplesOf = (date: string): ReportExample[][] => {
    if (lastExamples !== null && date === lastExamplesDate) return lastExamples;
    let lists = examples.get(date);
    if (lists === undefined) {
      lists = FLAG_KINDS.map(() => []);
      examples.set(date, lists);
    }
    lastExamplesDate = date;
    lastExamples = lists;
    return lists;
  };

  const example = (flag: AnyFlag, index: number, date: string, campaignId: string | null, callCentreId: string | null): void => {
    if (perKind === 0) return;
    const list = examplesOf(date)[index]!;
    const last = list[list.length - 1];
    // The common case, calls in time order, stops here once a day's list is full.
    if (list.length === perKind && last !== undefined && flag.at > last.at) return;
    const e: ReportExample = { kind: flag.kind, callId: flag.callId, at: flag.at, date, ref: flag.ref, campaignId, callCentreId, detail: flag.detail };
    if (list.length === perKind && !exampleBefore(e, last!)) return;
    let i = list.length;
    while (i > 0 && exampleBefore(e, list[i - 1]!)) i--;
    list.splice(i, 0, e);
    if (list.length > perKind) list.pop();
  };

  const extraOf = (cell: AcrCell): CellExtra => {
    if (cell === lastCell) return lastExtra!;
    let extra = extras.get(cell);
    if (extra === undefined) {
      extra = { flags: FLAG_KINDS.map(() => 0), amd: emptyAmdCounts(), silentCliWithheld: 0, misuseAtUnsociableHours: 0 };
      extras.set(cell, extra);
    }
    lastCell = cell;
    lastExtra = extra;
    return extra;
  };

  const data = (): ReportData => {
    const cells = [];
    for (const [cell, extra] of extras) {
      cells.push({
        date: cell.date,
        campaignId: cell.campaignId,
        callCentreId: cell.callCentreId,
        counts: { ...cell.counts },
        flags: flagCountsOf(extra.flags),
        amd: { ...extra.amd },
        silentCliWithheld: extra.silentCliWithheld,
        misuseAtUnsociableHours: extra.misuseAtUnsociableHours,
      });
    }
    const refsOut: { [K in FlagKind]?: readonly string[] } = {};
    refs.forEach((set, i) => {
      if (set.size > 0) refsOut[FLAG_KINDS[i]!] = [...set].sort();
    });
    const exampleList: ReportExample[] = [];
    for (const lists of examples.values()) for (const list of lists) exampleList.push(...list);
    const matched: ReportComplaint[] = matcher === null ? [] : matcher.results().map(complaintSummary);
    return {
      version: 1,
      policy: {
        id: policy.id,
        timeZone,
        persistenceWeeks: policy.persistenceWeeks,
        retentionMonths: policy.retentionMonths,
        alertRate: policy.acr.alertRate,
        acrWindow: policy.acr.window,
      },
      calls,
      oldestAt,
      newestAt,
      cells,
      scopeFlags: [...scopeFlags.values()].map((f): ReportScopeFlag => ({ ...f })),
      refs: refsOut,
      examples: exampleList,
      examplesPerKind: perKind,
      complaints: [...matched, ...complaints],
    };
  };

  return {
    timeZone,
    add(call) {
      const r = call.record;
      if (!hasCalendarDay(r.dialAt)) return; // a `timeOutOfRange` record: on no day, so in no cell of the report
      const cell = tally.add(call);
      const extra = extraOf(cell);
      calls += 1;
      const at = r.dialAt;
      if (oldestAt === null || at < oldestAt) oldestAt = at;
      if (newestAt === null || at > newestAt) newestAt = at;
      if (r.amd) {
        const amd = extra.amd;
        amd.calls += 1;
        if (r.answerAt !== null) amd.answered += 1;
      }
      const verdict = r.amdResult;
      if (verdict !== null) {
        const amd = extra.amd;
        const disposition = r.disposition;
        if (verdict === 'human') {
          amd.verdictHuman += 1;
          if (disposition !== null) {
            amd.checkedHuman += 1;
            if (disposition === 'machine') amd.falseNegatives += 1;
          }
        } else if (verdict === 'machine') {
          amd.verdictMachine += 1;
          if (disposition !== null) {
            amd.checkedMachine += 1;
            if (disposition === 'human') amd.falsePositives += 1;
          }
        } else amd.verdictUnknown += 1;
      }
      const flags = call.flags;
      if (flags.length > 0) {
        const misuse = call.category === 'silent' || call.category === 'abandoned';
        for (const f of flags) {
          const i = FLAG_KIND_INDEX[f.kind];
          extra.flags[i]! += 1;
          const seen = refs[i]!;
          if (!seen.has(f.ref)) seen.add(f.ref);
          if (f.kind === 'silentCall' && f.detail.cliWithheld) extra.silentCliWithheld += 1;
          else if (f.kind === 'unsociableHours' && misuse) extra.misuseAtUnsociableHours += 1;
          example(f, i, cell.date, r.campaignId, r.callCentreId);
        }
      }
      if (matcher !== null) matcher.add(call);
    },
    addFlag(f) {
      const { date, campaignId, callCentreId } = scopeFlagPlace(f, timeZone);
      const key = JSON.stringify([date, f.kind, f.ref, campaignId, callCentreId]);
      const known = scopeFlags.get(key);
      if (known === undefined) scopeFlags.set(key, { date, kind: f.kind, ref: f.ref, campaignId, callCentreId, count: 1 });
      else known.count += 1;
      const i = FLAG_KIND_INDEX[f.kind];
      refs[i]!.add(f.ref);
      example(f, i, date, campaignId, callCentreId);
    },
    addComplaint(match) {
      complaints.push(complaintSummary(match));
    },
    calls: () => calls,
    counters: () => tally.counters(),
    data,
    build: (overrides = {}) => buildReport(data(), { ...pickBuild(options), ...overrides }),
  };
}

function pickBuild(o: BuildReportOptions): BuildReportOptions {
  const out: { -readonly [K in keyof BuildReportOptions]: BuildReportOptions[K] } = {};
  if (o.from !== undefined) out.from = o.from;
  if (o.to !== undefined) out.to = o.to;
  if (o.scopes !== undefined) out.scopes = o.scopes as readonly AcrScope[];
  if (o.misuseKinds !== undefined) out.misuseKinds = o.misuseKinds;
  return out;
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
