/**
 * The compliance report and the plain data it is built from. Everything here is plain,
 * JSON-serialisable data: numbers, strings, booleans, `null`, arrays and objects. Each
 * section's type lives beside its builder in `sections/`.
 */
import type { CallCounts } from '../acr/counts.js';
import type { FlagKind } from '../flags.js';
import type { Policy } from '../policy/policy.js';
import type { AmdCounts, AmdEvidence } from './sections/amd.js';
import type { CategoryCounts, CategoryRates } from './sections/categories.js';
import type { ReportComplaint, ReportComplaints } from './sections/complaints.js';
import type { ReportCoverage, ReportNotJudged } from './sections/coverage.js';
import type { ReportExample, WorstCalls } from './sections/examples.js';
import type { ReportFactor } from './sections/factors.js';
import type { FlagCounts, FlagKindSummary } from './sections/flags.js';
import type { ReportPeriod } from './sections/period.js';
import type { Persistence } from './sections/persistence.js';
import type { RetentionHorizon } from './sections/retention.js';
import type { ScopeReport } from './sections/scopes.js';

export type { AmdCounts, AmdEvidence } from './sections/amd.js';
export type { CategoryCounts, CategoryRates } from './sections/categories.js';
export type { ReportComplaint, ReportComplaints } from './sections/complaints.js';
export type { CoverageRule, RecordsCannotJudge, ReportCoverage, ReportNotJudged } from './sections/coverage.js';
export type { ReportExample, ReportExampleOf, WorstCalls } from './sections/examples.js';
export type { ReportFactor } from './sections/factors.js';
export type { FlagCounts, FlagKindSummary } from './sections/flags.js';
export type { PeriodBasis, ReportPeriod } from './sections/period.js';
export type { Persistence } from './sections/persistence.js';
export type { RetentionHorizon } from './sections/retention.js';
export type { AcrSummary, ReportAcr, ReportDay, ReportWeek, ScopeReport } from './sections/scopes.js';

/** What the report needs of the policy, copied so a report (or its data) stands alone. */
export interface ReportPolicy {
  readonly id: string;
  /** IANA zone of calendar days and weeks (A3.3). */
  readonly timeZone: string;
  /** Default period, in weeks (Section 1: 6 to 12). */
  readonly persistenceWeeks: number;
  /** Months records are kept (A2.23: six). */
  readonly retentionMonths: number;
  /** The user's ACR alert level (A4.20: an alert, never a safe harbour); `null`: none. */
  readonly alertRate: number | null;
  /** The period each daily rate measures: the calendar day (A3.3) or the trailing 30 days (US TSR). */
  readonly acrWindow: Policy['acr']['window'];
}

/** One cell of report data: a campaign in a call centre on a calendar day, the finest grain. */
export interface ReportCell {
  readonly date: string;
  readonly campaignId: string;
  readonly callCentreId: string;
  /** The ACR counts (Annex 3) of the cell's calls. */
  readonly counts: CallCounts;
  /** Flags the cell's calls carry (per call, incl. cross-call flags such as `repeatWithin72h`). */
  readonly flags: FlagCounts;
  readonly amd: AmdCounts;
  /** Silent calls with the CLI withheld (A2.13: "particularly so"). */
  readonly silentCliWithheld: number;
  /** Silent or abandoned calls at unsociable hours (A2.11: "misuse at unsociable hours"). */
  readonly misuseAtUnsociableHours: number;
  /**
   * Silent or abandoned calls with the CLI withheld (A2.13: "in any case of misuse"), as
   * the CLI rule marks them (`aggravated`). Absent from data stored before it existed: the
   * report then gives `null` for it.
   */
  readonly misuseCliWithheld?: number;
}

/** Flags not attached to one call (`callId` `null`: `tooManyClis`, `numberScanning`, `acrAlert`), counted by what they are about. */
export interface ReportScopeFlag {
  readonly date: string;
  readonly kind: FlagKind;
  readonly ref: string;
  /** The campaign and call centre the flag is about; `null` for all of them. */
  readonly campaignId: string | null;
  readonly callCentreId: string | null;
  readonly count: number;
}

/** The paragraphs the flags of one kind cited on one calendar date (their `ref`s, sorted). */
export interface ReportFlagRefs {
  readonly date: string;
  readonly kind: FlagKind;
  readonly refs: readonly string[];
}

/**
 * Everything a report is built from, accumulated in one pass with memory bounded by days ×
 * campaigns × call centres (never by calls): plain, serialisable data. `report` can build
 * a report for any period from it.
 */
export interface ReportData {
  readonly version: 1;
  readonly policy: ReportPolicy;
  /** Calls added. */
  readonly calls: number;
  /** Earliest and latest dial time seen (epoch ms); `null` before any call. */
  readonly oldestAt: number | null;
  readonly newestAt: number | null;
  readonly cells: readonly ReportCell[];
  readonly scopeFlags: readonly ReportScopeFlag[];
  /** The refs seen per kind, over all the data (a report reads `refsByDate`, for its period, when present). */
  readonly refs: { readonly [K in FlagKind]?: readonly string[] };
  /**
   * Per calendar date and kind, the refs its flags cited, so a report lists those of its
   * period (absent in data written before it existed: the report then lists `refs`).
   */
  readonly refsByDate?: readonly ReportFlagRefs[];
  /** Per calendar date and kind, the earliest few flags (see `examplesPerKind`). */
  readonly examples: readonly ReportExample[];
  readonly examplesPerKind: number;
  readonly complaints: readonly ReportComplaint[];
  /** Calls per day on which a rule could not be judged, by rule and reason (absent in data written before 0.2). */
  readonly notJudged?: readonly ReportNotJudged[];
}

/** Anything holding report data, such as an `AuditResult`: `report` re-uses it. */
export interface ReportSource {
  readonly reportData: ReportData;
}

/** The compliance report: what an investigation would ask for (Section 1, Annex 2, Annex 3). */
export interface Report {
  readonly version: 1;
  readonly policy: ReportPolicy;
  readonly period: ReportPeriod;
  /** Calls dialled in the period, and the rest of the data. */
  readonly calls: number;
  readonly callsOutsidePeriod: number;
  /** The `all` scope's totals and rates. */
  readonly categories: CategoryCounts;
  readonly rates: CategoryRates;
  /** Every flag kind, with its count in the period (zero included). */
  readonly flags: readonly FlagKindSummary[];
  readonly repeatsWithin72h: number;
  readonly persistence: Persistence;
  readonly amd: AmdEvidence;
  readonly complaints: ReportComplaints;
  readonly retention: RetentionHorizon;
  readonly factors: readonly ReportFactor[];
  /** Per kind, the earliest few flags in the period (each narrowed by its kind). */
  readonly worstCalls: WorstCalls;
  /** The scopes asked for (default every scope): all, each campaign, each call centre, each campaign in each call centre. */
  readonly scopes: readonly ScopeReport[];
  /** Which rules were judged on which calls; the undetermined calls (excluded from x and y). */
  readonly coverage: ReportCoverage;
}
