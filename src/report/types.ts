/**
 * The compliance report and the plain data it is built from. Everything here is plain,
 * JSON-serialisable data: numbers, strings, booleans, `null`, arrays and objects.
 */
import type { CallCounts } from '../acr/counts.js';
import type { AcrScope } from '../acr/table.js';
import type { ComplaintFindingKind } from '../complaints/complaint.js';
import type { FlagDetails, FlagKind } from '../flags.js';
import type { Policy } from '../policy/policy.js';

/** How many flags of each kind; kinds with none are left out. */
export type FlagCounts = { readonly [K in FlagKind]?: number };

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

/** Evidence of AMD accuracy, counted per call (A2.24, A1.6, A3.5). */
export interface AmdCounts {
  /** Calls placed with AMD on. */
  calls: number;
  /** Of those, answered. */
  answered: number;
  /** AMD verdicts given (on any call). */
  verdictHuman: number;
  verdictMachine: number;
  verdictUnknown: number;
  /** Verdicts `human` / `machine` that a later disposition confirms or contradicts. */
  checkedHuman: number;
  checkedMachine: number;
  /** AMD said machine, the disposition says a person (A1.6: a silent call if dropped). */
  falsePositives: number;
  /** AMD said person, the disposition says machine (A3.5: z if passed to an agent). */
  falseNegatives: number;
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

/** An example flag, so a compliance manager can look the call up. Holds no called number. */
export interface ReportExample {
  readonly kind: FlagKind;
  /** The call; `null` for a flag about a campaign or scope day. */
  readonly callId: string | null;
  /** The moment of the flag, epoch ms. */
  readonly at: number;
  /** The calendar date it is counted on (the call's dial date, or the flag's own date). */
  readonly date: string;
  readonly ref: string;
  readonly campaignId: string | null;
  readonly callCentreId: string | null;
  /** The flag's measured values (never the called number). */
  readonly detail: FlagDetails[FlagKind];
}

/** A complaint as the report counts it: its id, when, how many calls matched, and the findings. */
export interface ReportComplaint {
  readonly id: string | null;
  /** The reported time, or the window's start; `null` when none was given. */
  readonly at: number | null;
  readonly matches: number;
  readonly findings: readonly ComplaintFindingKind[];
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
  /** The refs seen per kind. */
  readonly refs: { readonly [K in FlagKind]?: readonly string[] };
  /** Per calendar date and kind, the earliest few flags (see `examplesPerKind`). */
  readonly examples: readonly ReportExample[];
  readonly examplesPerKind: number;
  readonly complaints: readonly ReportComplaint[];
}

/** Calls by category (Annex 1, A3.3–A3.5). */
export interface CategoryCounts {
  readonly calls: number;
  readonly live: number;
  readonly abandoned: number;
  readonly silent: number;
  readonly answerMachine: number;
  readonly unconnected: number;
}

/** Each category's share of all calls, 0–1; `null` when there were no calls. */
export interface CategoryRates {
  readonly live: number | null;
  readonly abandoned: number | null;
  readonly silent: number | null;
  readonly answerMachine: number | null;
  readonly unconnected: number | null;
}

/** A day's Abandoned Call Rate (Annex 3), as `acrTable` gives it. */
export interface ReportAcr {
  /** Trailing windows only: the window's first day (the rate covers `from` to the row's date). */
  readonly from?: string;
  /** x: abandoned calls to people (estimated when `estimated`, A3.6). */
  readonly x: number;
  readonly y: number;
  readonly z: number;
  /** x / (x + y); `null` when no call reached a person. */
  readonly rate: number | null;
  readonly estimated: boolean;
  /** Above the user's alert level (never a safe harbour: A4.20). */
  readonly alert: boolean;
}

/** One calendar day of one scope. */
export interface ReportDay {
  readonly date: string;
  /** ISO week, `YYYY-Www` (weeks start on Monday in the policy zone). */
  readonly week: string;
  readonly counts: CategoryCounts;
  readonly rates: CategoryRates;
  readonly acr: ReportAcr;
  readonly flags: FlagCounts;
  /** Silent or abandoned calls, or a flag of a misuse kind, on this day. */
  readonly misuse: boolean;
}

/** One ISO week (Monday to Sunday, policy zone) of one scope; every week of the period is listed. */
export interface ReportWeek {
  readonly week: string;
  /** Its Monday and Sunday. */
  readonly start: string;
  readonly end: string;
  /** Days of the week inside the period (1–7: the first and last week may be partial). */
  readonly daysInPeriod: number;
  readonly daysWithCalls: number;
  readonly daysWithMisuse: number;
  readonly counts: CategoryCounts;
  readonly rates: CategoryRates;
  readonly flags: FlagCounts;
  readonly misuse: boolean;
}

/**
 * Whether misuse ran through the period or came at points (Section 1: "either throughout
 * or at different points during the period"). A description of the pattern, not a verdict.
 */
export interface Persistence {
  /** ISO weeks the period touches, and those with calls or with misuse. */
  readonly weeks: number;
  readonly weeksWithCalls: number;
  readonly weeksWithMisuse: number;
  /** weeksWithMisuse / weeksWithCalls; `null` with no calls. */
  readonly shareOfWeeksWithCalls: number | null;
  readonly daysWithCalls: number;
  readonly daysWithMisuse: number;
  /** The dates and weeks with misuse, in order. */
  readonly misuseDays: readonly string[];
  readonly misuseWeeks: readonly string[];
  /** Every week of the period that had calls had misuse (and at least one did). */
  readonly throughout: boolean;
  /** `throughout`; `atDifferentPoints` (two or more weeks, not all); `oneWeek`; `none`. */
  readonly pattern: 'throughout' | 'atDifferentPoints' | 'oneWeek' | 'none';
}

/** AMD evidence (A2.24): how often it erred, by the later dispositions. */
export interface AmdEvidence extends Readonly<AmdCounts> {
  /** falsePositives / checkedMachine; `null` when none was checked. */
  readonly falsePositiveRate: number | null;
  /** falseNegatives / checkedHuman; `null` when none was checked. */
  readonly falseNegativeRate: number | null;
  /** Answered calls (all, with or without AMD), and those a machine answered. */
  readonly answeredCalls: number;
  readonly machineAnswered: number;
  /** machineAnswered / answeredCalls; `null` when none was answered. */
  readonly machineShareOfAnswered: number | null;
}

/** The daily ACR of a scope over the period, summarised. */
export interface AcrSummary {
  /** Days on which a call reached a person (x + y > 0), so a rate exists. */
  readonly daysWithRate: number;
  readonly highestRate: number | null;
  readonly highestRateDate: string | null;
  /** Days above the alert level (A4.20: an alert, never a safe harbour). */
  readonly daysAboveAlert: number;
  readonly daysEstimated: number;
}

/** One scope (A3.4): everything, a campaign, a call centre, or a campaign in a call centre. */
export interface ScopeReport {
  readonly scope: AcrScope;
  readonly campaignId: string | null;
  readonly callCentreId: string | null;
  readonly totals: CategoryCounts;
  readonly rates: CategoryRates;
  readonly flags: FlagCounts;
  readonly acr: AcrSummary;
  readonly persistence: Persistence;
  readonly amd: AmdEvidence;
  /** Days with calls (or flags), in order. */
  readonly days: readonly ReportDay[];
  /** Every ISO week of the period, in order. */
  readonly weeks: readonly ReportWeek[];
}

/** One flag kind over the period. */
export interface FlagKindSummary {
  readonly kind: FlagKind;
  readonly title: string;
  /** The paragraphs its flags cited (the usual one when none was seen). */
  readonly refs: readonly string[];
  readonly count: number;
}

/** Records retention (A2.23: at least six months). */
export interface RetentionHorizon {
  readonly ref: 'A2.23';
  readonly months: number;
  /** Local dates of the oldest and newest call seen (dial time), over all the data. */
  readonly oldestRecord: string | null;
  readonly newestRecord: string | null;
  /** The newest record's date + `months`: keep these records at least until then. */
  readonly keepUntil: string | null;
  /** The newest record's date − `months`: the records kept now should reach back this far. */
  readonly lookbackFrom: string | null;
  /** The data reaches back to `lookbackFrom` (the oldest record is on or before it). */
  readonly dataCoversLookback: boolean | null;
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

/** One Annex 2 factor with the numbers the records give for it — never a score (A2.7). */
export interface ReportFactor {
  readonly id: string;
  readonly paragraphs: string;
  readonly title: string;
  /**
   * The records show something under this factor (a non-zero count, or a gap in the
   * records); `false`: they show nothing; `null`: call records cannot show it (A2.20–A2.22).
   */
  readonly observed: boolean | null;
  readonly evidence: { readonly [name: string]: number | string | boolean | null };
  readonly note: string;
}

/** The period a report covers: whole calendar days in the policy zone. */
export interface ReportPeriod {
  /** First instant (local midnight) and the instant after the last day, epoch ms; `null` with no data. */
  readonly from: number | null;
  readonly to: number | null;
  readonly fromDate: string | null;
  readonly toDate: string | null;
  readonly days: number;
  /** days / 7. */
  readonly weeks: number;
  /** `default`: the policy's weeks ending with the newest call's day; `given`: from the options. */
  readonly basis: 'default' | 'given';
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
  /** Per kind, the earliest few flags in the period. */
  readonly worstCalls: { readonly [K in FlagKind]?: readonly ReportExample[] };
  /** Every scope: all, each campaign, each call centre, each campaign in each call centre. */
  readonly scopes: readonly ScopeReport[];
}
