import type { AcrCounters } from '../acr/counters.js';
import { createAcrLedger, type AcrLedger } from '../acr/ledger.js';
import type { AcrScope } from '../acr/scope.js';
import type { ClassifiedCall } from '../classify.js';
import type { Complaint, ComplaintMatch, ComplaintOptions } from '../complaints/complaint.js';
import { createComplaintMatcher, type ComplaintMatcher } from '../complaints/complaint-matcher.js';
import type { AnyFlag, FlagKind } from '../flags.js';
import type { MisuseUpdate } from '../misuse/state.js';
import { ofcom2017 } from '../policy/ofcom2017.js';
import type { Policy } from '../policy/policy.js';
import { hasCalendarDay, zonedDay } from '../time/zoned-day.js';
import { buildFromState, type BuildReportOptions } from './build-report.js';
import { createExtrasStore, EXTRA_AMD, EXTRA_MISUSE_CLI_WITHHELD, EXTRA_MISUSE_UNSOCIABLE, EXTRA_SILENT_CLI_WITHHELD, EXTRA_STRIDE, type ExtrasStore } from './cell-extras.js';
import { FLAG_KIND_INDEX, FLAG_KINDS } from './flag-kinds.js';
import { ReportInputError } from './report-input-error.js';
import { amdCountsAt, countAmd } from './sections/amd.js';
import { complaintSummary, type ReportComplaint } from './sections/complaints.js';
import { createCoverageCounter, withCrossCallNotRun } from './sections/coverage.js';
import { createExampleKeeper, type ExampleKeeper } from './sections/examples.js';
import { flagCountsOf } from './sections/flags.js';
import type { Report, ReportCell, ReportData, ReportFlagRefs, ReportPolicy, ReportScopeFlag } from './types.js';

export { complaintSummary } from './sections/complaints.js';

/** Options for `createReportBuilder`. */
export interface ReportBuilderOptions extends BuildReportOptions {
  /** Complaints to match against the calls as they are added (A2.6); see `matchComplaint`. */
  readonly complaints?: readonly Complaint[];
  readonly complaintOptions?: ComplaintOptions;
  /** How many example flags to keep per kind (and per day); default 5. */
  readonly examplesPerKind?: number;
  /**
   * An ACR ledger (in the policy's zone) into which the caller counts each call before
   * `add` (as `audit` does, sharing it with the ACR alert), so each call is counted once.
   * Default: the builder keeps its own and counts the calls itself.
   */
  readonly ledger?: AcrLedger;
}

/** An accumulator of the report: one `add` per call, then `build` (as often as wanted). */
export interface ReportBuilder {
  readonly timeZone: string;
  /**
   * Counts one classified call on its dial date, as one the rules across calls did not run
   * on (`classify` output; `audit` with `misuse: false`): the coverage lists those rules
   * (repeats within 72 h, too many CLIs, number scanning, the ACR alert) as not judged on
   * it, never as passed. A call out of the misuse rules goes to `addUpdate`, with the
   * flags about a scope it raised.
   */
  add(call: ClassifiedCall): void;
  /**
   * Counts a flag not attached to one call — `tooManyClis`, `numberScanning`, `acrAlert`
   * (`callId` `null`) — on the date in its detail (else the date of `at`), against the
   * campaign and call centre it names. Do not pass a call's own flags here: `add` counts them.
   */
  addFlag(flag: AnyFlag): void;
  /**
   * Counts a call as the misuse rules give it (`misuse`, `createMisuseState`): the judged
   * call, its rules across calls judged (or not judged, as its `notJudged` says), then
   * `addFlag` of each flag about a scope it raised (A1.21, A1.35, A3.4).
   */
  addUpdate(update: MisuseUpdate): void;
  /** Counts a complaint already matched (`matchComplaint`). */
  addComplaint(match: ComplaintMatch): void;
  /** Calls added. */
  calls(): number;
  /** The ACR counters of every call added (Annex 3): plain and mergeable, as `acrCounters` gives. */
  counters(): AcrCounters;
  /** A plain copy of everything accumulated, from which `report` builds any period. */
  data(): ReportData;
  /** The report (default period: the policy's weeks ending with the newest call's day). Built from the counters, not from `data()`. */
  build(options?: BuildReportOptions): Report;
}

interface MutableScopeFlag {
  readonly date: string;
  readonly kind: FlagKind;
  readonly ref: string;
  readonly campaignId: string | null;
  readonly callCentreId: string | null;
  count: number;
}

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

/** What the report keeps of the policy. */
function reportPolicy(policy: Policy): ReportPolicy {
  return {
    id: policy.id,
    timeZone: policy.timeZone,
    persistenceWeeks: policy.persistenceWeeks,
    retentionMonths: policy.retentionMonths,
    alertRate: policy.acr.alertRate,
    acrWindow: policy.acr.window,
  };
}

/** Adds a call's flags to its cell's evidence (A2.11, A2.13), notes their refs and offers them as examples. */
function countFlags(call: ClassifiedCall, v: Float64Array, at: number, refs: RefKeeper, examples: ExampleKeeper, date: string): void {
  const r = call.record;
  const misuse = call.category === 'silent' || call.category === 'abandoned';
  for (const f of call.flags) {
    const i = FLAG_KIND_INDEX[f.kind];
    v[at + i]! += 1;
    refs.add(date, i, f.ref);
    if (f.kind === 'silentCall' && f.detail.cliWithheld) v[at + EXTRA_SILENT_CLI_WITHHELD]! += 1;
    else if (f.kind === 'unsociableHours' && misuse) v[at + EXTRA_MISUSE_UNSOCIABLE]! += 1;
    else if (f.kind === 'cliWithheld' && f.detail.aggravated === true) v[at + EXTRA_MISUSE_CLI_WITHHELD]! += 1;
    examples.offer(f, date, r.campaignId, r.callCentreId);
  }
}

/** The refs the flags cited, per calendar date and kind (memory: days × kinds × refs). */
interface RefKeeper {
  add(date: string, kind: number, ref: string): void;
  /** Per kind, the refs of all the data (sorted). */
  all(): { [K in FlagKind]?: readonly string[] };
  /** Per date and kind, the refs (sorted), as report data. */
  byDate(): ReportFlagRefs[];
}

/** A `RefKeeper`, empty. */
function createRefKeeper(): RefKeeper {
  const byDate = new Map<string, (Set<string> | undefined)[]>();
  let lastDate = '';
  let last: (Set<string> | undefined)[] | null = null;
  const sorted = (set: Set<string>): string[] => [...set].sort();
  return {
    add(date, kind, ref) {
      if (last === null || date !== lastDate) {
        last = byDate.get(date) ?? null;
        if (last === null) byDate.set(date, (last = []));
        lastDate = date;
      }
      (last[kind] ??= new Set()).add(ref);
    },
    all() {
      const sets = FLAG_KINDS.map(() => new Set<string>());
      for (const kinds of byDate.values()) kinds.forEach((set, i) => set?.forEach((ref) => sets[i]!.add(ref)));
      const out: { [K in FlagKind]?: readonly string[] } = {};
      sets.forEach((set, i) => {
        if (set.size > 0) out[FLAG_KINDS[i]!] = sorted(set);
      });
      return out;
    },
    byDate() {
      const out: ReportFlagRefs[] = [];
      for (const [date, kinds] of byDate) {
        kinds.forEach((set, i) => {
          if (set !== undefined) out.push({ date, kind: FLAG_KINDS[i]!, refs: sorted(set) });
        });
      }
      return out;
    },
  };
}

/** The cells of a ledger with their evidence, as plain report data. */
function cellsOf(ledger: AcrLedger, extras: ExtrasStore): ReportCell[] {
  const cells: ReportCell[] = [];
  ledger.forEachDay('campaignCallCentre', (cell, date, campaignId, callCentreId) => {
    extras.ensure(cell);
    const v = extras.data();
    const at = cell * EXTRA_STRIDE;
    cells.push({
      date,
      campaignId: campaignId ?? '',
      callCentreId: callCentreId ?? '',
      counts: ledger.dayCounts('campaignCallCentre', cell),
      flags: flagCountsOf(v, at),
      amd: amdCountsAt(v, at + EXTRA_AMD),
      silentCliWithheld: v[at + EXTRA_SILENT_CLI_WITHHELD]!,
      misuseAtUnsociableHours: v[at + EXTRA_MISUSE_UNSOCIABLE]!,
      misuseCliWithheld: v[at + EXTRA_MISUSE_CLI_WITHHELD]!,
    });
  });
  return cells;
}

/**
 * Starts the report's accumulator (Section 1, Annex 2, Annex 3): `addUpdate` each call out
 * of the misuse rules (the call and the flags about a scope it raised), or `add` each
 * classified call the rules across calls did not run on (they are then listed as not
 * judged on it), then `build`. It keeps only an ACR ledger of the cells
 * (calendar day × campaign × call centre: ten counts each) with an evidence vector per cell
 * (flags by kind, AMD evidence), a few example flags per kind and day, the paragraphs
 * cited and the rules not judged per day, and the complaints — never the calls — so memory does not grow with the number
 * of calls, and a cell costs a few hundred bytes.
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
 * from(records).pipe(classified(ofcom2017), misuse(ofcom2017)).subscribe((update) => builder.addUpdate(update));
 * console.log(formatReport(builder.build()));
 * ```
 * @throws ReportInputError for a negative or fractional `examplesPerKind`, or a `ledger` in another zone.
 */
export function createReportBuilder(policy: Policy = ofcom2017, options: ReportBuilderOptions = {}): ReportBuilder {
  const timeZone = policy.timeZone;
  const perKind = options.examplesPerKind ?? 5;
  if (!Number.isInteger(perKind) || perKind < 0) throw new ReportInputError(`examplesPerKind should be a whole number, 0 or more; received ${perKind}`);
  if (options.ledger !== undefined && options.ledger.timeZone !== timeZone) {
    throw new ReportInputError(`the ledger counts days in ${options.ledger.timeZone}, the policy in ${timeZone}: give a ledger in the policy's zone`);
  }
  const owned = options.ledger === undefined;
  const ledger = options.ledger ?? createAcrLedger({ timeZone, scopes: [] });
  const extras = createExtrasStore();
  const scopeFlags = new Map<string, MutableScopeFlag>();
  const refs = createRefKeeper();
  const examples = createExampleKeeper(perKind);
  const coverage = createCoverageCounter();
  const complaints: ReportComplaint[] = [];
  const matcher: ComplaintMatcher | null = options.complaints !== undefined && options.complaints.length > 0 ? createComplaintMatcher(options.complaints, policy, options.complaintOptions) : null;
  let calls = 0;
  let oldestAt: number | null = null;
  let newestAt: number | null = null;

  const meta = (): Omit<ReportData, 'cells'> => {
    const matched: ReportComplaint[] = matcher === null ? [] : matcher.results().map(complaintSummary);
    return {
      version: 1,
      policy: reportPolicy(policy),
      calls,
      oldestAt,
      newestAt,
      scopeFlags: [...scopeFlags.values()].map((f): ReportScopeFlag => ({ ...f })),
      refs: refs.all(),
      refsByDate: refs.byDate(),
      examples: examples.all(),
      examplesPerKind: perKind,
      complaints: [...matched, ...complaints],
      notJudged: coverage.data(),
    };
  };

  /** Counts one call; `crossCallRun`: the rules across calls ran on it (`addUpdate`), else they are listed as not judged on it. */
  const addCall = (call: ClassifiedCall, crossCallRun: boolean): void => {
    const r = call.record;
    if (!hasCalendarDay(r.dialAt)) return; // a `timeOutOfRange` record: on no day, so in no cell of the report
    const cell = owned ? ledger.add(call) : ledger.cellOf(call);
    extras.ensure(cell);
    const v = extras.data();
    const at = cell * EXTRA_STRIDE;
    calls += 1;
    if (oldestAt === null || r.dialAt < oldestAt) oldestAt = r.dialAt;
    if (newestAt === null || r.dialAt > newestAt) newestAt = r.dialAt;
    countAmd(r, call.category, v, at + EXTRA_AMD);
    const date = ledger.cellDate(cell);
    if (call.flags.length > 0) countFlags(call, v, at, refs, examples, date);
    coverage.add(date, crossCallRun ? call.notJudged : withCrossCallNotRun(call.notJudged));
    if (matcher !== null) matcher.add(call);
  };

  const builder: ReportBuilder = {
    timeZone,
    add: (call) => addCall(call, false),
    addFlag(f) {
      const { date, campaignId, callCentreId } = scopeFlagPlace(f, timeZone);
      const key = JSON.stringify([date, f.kind, f.ref, campaignId, callCentreId]);
      const known = scopeFlags.get(key);
      if (known === undefined) scopeFlags.set(key, { date, kind: f.kind, ref: f.ref, campaignId, callCentreId, count: 1 });
      else known.count += 1;
      refs.add(date, FLAG_KIND_INDEX[f.kind], f.ref);
      examples.offer(f, date, campaignId, callCentreId);
    },
    addUpdate({ call, raised }) {
      addCall(call, true);
      // A call that raised no flag about a scope gives its own flags (the same list) as `raised`.
      if (raised !== call.flags) for (const f of raised) if (f.callId === null) builder.addFlag(f);
    },
    addComplaint(match) {
      complaints.push(complaintSummary(match));
    },
    calls: () => calls,
    counters: () => ledger.counters(),
    data() {
      const m = meta();
      const { version, policy: p, calls: n, oldestAt: oldest, newestAt: newest, ...rest } = m;
      return { version, policy: p, calls: n, oldestAt: oldest, newestAt: newest, cells: cellsOf(ledger, extras), ...rest };
    },
    build(overrides = {}) {
      extras.ensure(Math.max(0, ledger.capacity('campaignCallCentre') - 1));
      return buildFromState({ data: meta(), ledger, extras: extras.data() }, { ...pickBuild(options), ...overrides });
    },
  };
  return builder;
}

function pickBuild(o: BuildReportOptions): BuildReportOptions {
  const out: { -readonly [K in keyof BuildReportOptions]: BuildReportOptions[K] } = {};
  if (o.from !== undefined) out.from = o.from;
  if (o.to !== undefined) out.to = o.to;
  if (o.scopes !== undefined) out.scopes = o.scopes as readonly AcrScope[];
  if (o.misuseKinds !== undefined) out.misuseKinds = o.misuseKinds;
  return out;
}
