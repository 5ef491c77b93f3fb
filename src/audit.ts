/**
 * Batch audit: a day's or a quarter's call records in, the daily ACR table, flag counts and
 * the compliance report out. It runs the same operators as a live stream, synchronously.
 */
import type { AcrCounters } from './acr/counters.js';
import { createAcrLedger, type AcrLedger } from './acr/ledger.js';
import { ACR_SCOPES, type AcrRow, type AcrScope } from './acr/scope.js';
import { createCallIdSet } from './call-id-set.js';
import { classify, type ClassifyOptions } from './classify.js';
import type { Complaint, ComplaintOptions } from './complaints/complaint.js';
import { DuplicateCallError, type ValidationError } from './errors.js';
import type { AnyFlag, FlagKind } from './flags.js';
import { createMisuseState, type MisuseOptions, type MisuseState } from './misuse/state.js';
import { ofcom2017 } from './policy/ofcom2017.js';
import type { Policy } from './policy/policy.js';
import type { CallRecord } from './record.js';
import { FLAG_KIND_INDEX, FLAG_KINDS } from './report/flag-kinds.js';
import { createReportBuilder } from './report/report-builder.js';
import type { Report, ReportData } from './report/types.js';
import { recordShapeProblem } from './validate/record-shape.js';

/** A record the audit did not count, and why. */
export interface RejectedRecord {
  /** The record's call id; `null` when it has none (not a string). */
  readonly callId: string | null;
  /** `DuplicateCallError`: a call id seen before. `ValidationError`: a record the engine cannot read (`recordShapeProblem`), naming the field. */
  readonly error: DuplicateCallError | ValidationError;
}

/** The result of `audit`: plain data. */
export interface AuditResult {
  readonly policy: string;
  readonly timeZone: string;
  /** Records counted. */
  readonly calls: number;
  /** Mergeable counters per cell (date × campaign × call centre). */
  readonly counters: AcrCounters;
  /** The daily ACR table, every scope (A3.4), in the policy's window (calendar day, or trailing 30 days for the US TSR). */
  readonly table: readonly AcrRow[];
  /** How many flags of each kind the calls raised: per call, cross-call (`repeatWithin72h`) and about a scope (`tooManyClis`, `numberScanning`, `acrAlert`). */
  readonly flagCounts: Readonly<Partial<Record<FlagKind, number>>>;
  /** Records not counted, in the order met: a record the engine cannot read (`ValidationError`), or a call id seen before (`DuplicateCallError`; the first one is counted). */
  readonly rejected: readonly RejectedRecord[];
  /** The compliance report (see `report`), for the period in the options (default: the policy's 12 weeks ending with the newest call). */
  readonly report: Report;
  /** What the report was built from, so `report(result, { from, to })` can build another period without the calls. */
  readonly reportData: ReportData;
}

/** Options for `audit`. */
export interface AuditOptions extends ClassifyOptions {
  /** Scopes of the ACR table and of the report (A3.4); default all four. */
  readonly scopes?: readonly AcrScope[];
  /**
   * Run the cross-call rules (`misuse`: repeats within 72 h, CLIs, scanning, ACR alerts);
   * default `true`. With `false` the report lists them as not judged on every call.
   */
  readonly misuse?: boolean;
  readonly misuseOptions?: MisuseOptions;
  /** The report's period, epoch ms (whole local days); default the policy's weeks ending with the newest call's day. */
  readonly from?: number;
  readonly to?: number;
  /** Complaints to match against the records in the same pass (A2.6). */
  readonly complaints?: readonly Complaint[];
  readonly complaintOptions?: ComplaintOptions;
  /** Example flags kept per kind in the report; default 5. */
  readonly examplesPerKind?: number;
}

/**
 * Audits a batch of call records synchronously, in one pass and bounded memory:
 * 1. rejects records the engine cannot read (a record built in code with a field the
 *    engine reads missing or of another type: `recordShapeProblem`, a `ValidationError`
 *    naming the field) and duplicate call ids (the first record of an id counts; later
 *    ones are never counted twice), listing each in `rejected`;
 * 2. `classify(record, policy)`, then — unless `misuse: false`, when the report lists
 *    them as not judged — the cross-call rules (`createMisuseState`: A1.21, A1.35, A2.9,
 *    A3.4), in the order given, as the `classified` and `misuse` operators do;
 * 3. counts each call once, in one ACR ledger (Annex 3: per calendar day and cell, and per
 *    scope and day for the ACR alert) that the ACR alert and the report builder read;
 * 4. counts every flag by kind, and feeds each call (and each flag about a scope) to the
 *    report builder, which adds the report's evidence per cell (flags, AMD);
 * 5. returns the counters, the daily ACR table (from the same ledger), and the report.
 * An error thrown by a rule is rethrown here, synchronously.
 */
export function audit(records: Iterable<CallRecord>, policy: Policy = ofcom2017, options: AuditOptions = {}): AuditResult {
  const seen = createCallIdSet(Array.isArray(records) ? records.length : 0);
  const rejected: RejectedRecord[] = [];
  const kindCounts = new Float64Array(FLAG_KINDS.length);
  const kindOrder: number[] = []; // kinds in the order first raised, as `flagCounts` lists them
  const alertRate = options.misuseOptions?.alertRate === undefined ? policy.acr.alertRate : options.misuseOptions.alertRate;
  const alertScopes = options.misuse === false || alertRate === null ? [] : (options.misuseOptions?.scopes ?? ACR_SCOPES);
  const ledger = createAcrLedger({ timeZone: policy.timeZone, scopes: alertScopes, window: policy.acr.window });
  const builder = createReportBuilder(policy, {
    ledger,
    ...(options.complaints !== undefined ? { complaints: options.complaints } : {}),
    ...(options.complaintOptions !== undefined ? { complaintOptions: options.complaintOptions } : {}),
    ...(options.examplesPerKind !== undefined ? { examplesPerKind: options.examplesPerKind } : {}),
  });
  const misuse: MisuseState | null = options.misuse === false ? null : createMisuseState(policy, { ...options.misuseOptions, acrLedger: ledger });
  const countFlags = (flags: readonly AnyFlag[]): void => {
    for (let i = 0; i < flags.length; i++) {
      const k = FLAG_KIND_INDEX[flags[i]!.kind];
      if (kindCounts[k] === 0) kindOrder.push(k);
      kindCounts[k]! += 1;
    }
  };
  const auditOne = (record: CallRecord): void => {
    const shape = recordShapeProblem(record);
    if (shape !== null) {
      rejected.push({ callId: shape.callId, error: shape });
      return;
    }
    const callId = record.callId;
    if (!seen.add(callId)) {
      rejected.push({ callId, error: new DuplicateCallError(callId) });
      return;
    }
    const call = classify(record, policy, options);
    ledger.add(call); // a `timeOutOfRange` record is on no day: not counted
    if (misuse === null) {
      if (call.flags.length > 0) countFlags(call.flags);
      builder.add(call);
      return;
    }
    const update = misuse.next(call);
    if (update.raised.length > 0) countFlags(update.raised);
    builder.addUpdate(update);
  };
  // An array by index: no iterator result per record.
  if (Array.isArray(records)) for (let i = 0; i < records.length; i++) auditOne(records[i] as CallRecord);
  else for (const record of records) auditOne(record);
  const report = builder.build({
    ...(options.from !== undefined ? { from: options.from } : {}),
    ...(options.to !== undefined ? { to: options.to } : {}),
    ...(options.scopes !== undefined ? { scopes: options.scopes } : {}),
  });
  ledger.keep(options.scopes ?? ACR_SCOPES);
  const flagCounts: Partial<Record<FlagKind, number>> = {};
  for (const k of kindOrder) flagCounts[FLAG_KINDS[k]!] = kindCounts[k]!;
  return {
    policy: policy.id,
    timeZone: policy.timeZone,
    calls: builder.calls(),
    counters: ledger.counters(),
    table: tableOf(ledger, policy, options.scopes ?? ACR_SCOPES),
    flagCounts,
    rejected,
    report,
    reportData: builder.data(),
  };
}

/** The daily ACR table of `scopes` from the audit's ledger, in the policy's window, every rate above the alert level marked (A3.4, A4.20). */
function tableOf(ledger: AcrLedger, policy: Policy, scopes: readonly AcrScope[]): readonly AcrRow[] {
  return ledger.table(policy.acr.alertRate).filter((row) => scopes.includes(row.scope));
}
