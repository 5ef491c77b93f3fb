import type { AcrRow, AcrScope } from '../../acr/scope.js';
import { addCounts, emptyCounts, type CallCounts } from '../../acr/counts.js';
import { acrOf } from '../../acr/rate.js';
import { addDays, daysBetween, isoWeekOf, mondayOf } from '../calendar.js';
import { addVector, EXTRA_AMD, EXTRA_MISUSE_CLI_WITHHELD, EXTRA_MISUSE_UNSOCIABLE, EXTRA_SILENT_CLI_WITHHELD, EXTRA_STRIDE } from '../cell-extras.js';
import { amdCountsAt, amdEvidence, type AmdEvidence } from './amd.js';
import { categories, rates, type CategoryCounts, type CategoryRates } from './categories.js';
import { flagCountsOf, type FlagCounts } from './flags.js';
import type { ReportPeriod } from './period.js';
import { persistenceOf, type Persistence } from './persistence.js';

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
  /**
   * Trailing windows only, on campaign rows: the campaign's successive 30-day period so far
   * (16 CFR 310.4(b)(4)(i) "or portion thereof"), from its first day `from` to this date.
   */
  readonly campaignPeriod?: { readonly from: string; readonly x: number; readonly y: number; readonly z: number; readonly rate: number | null; readonly estimated: boolean };
  /** Strictly above the user's alert level, whatever the number of calls (never a safe harbour: A4.20); on a trailing row, in the 30 days or in its `campaignPeriod`. */
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

/** One ISO week (Monday to Sunday, policy zone) of one scope. */
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

/** The daily ACR of a scope over the period, summarised. */
export interface AcrSummary {
  /** Days on which a call reached a person (x + y > 0), so a rate exists. */
  readonly daysWithRate: number;
  readonly highestRate: number | null;
  readonly highestRateDate: string | null;
  /** Days above the alert level, whatever their number of calls (A4.20: an alert, never a safe harbour). */
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
  /** Days with calls (or flags), in order: never more than the days the data has. */
  readonly days: readonly ReportDay[];
  /**
   * The ISO weeks of the period, in order: every one when the period has at most
   * `MAX_LISTED_WEEKS`; in a longer period only those with calls or flags, so the rows stay
   * bounded by the data, never by the span.
   */
  readonly weeks: readonly ReportWeek[];
}

/** Periods of up to this many ISO weeks list every week, empty ones included (a year and a bit). */
export const MAX_LISTED_WEEKS = 60;

/** One day of a scope, as the report builder sums it. */
export interface ScopeDayInput {
  readonly date: string;
  readonly counts: CallCounts;
  /** The day's evidence vector (`cell-extras.ts`), at `extrasAt`. */
  readonly extras: Float64Array;
  readonly extrasAt: number;
  /** The ACR row of the day (in the policy's window); `null` for a day with flags but no calls. */
  readonly row: AcrRow | null;
}

/** A scope and its days in the period, sorted by date. */
export interface ScopeInput {
  readonly scope: AcrScope;
  readonly campaignId: string | null;
  readonly callCentreId: string | null;
  readonly days: readonly ScopeDayInput[];
}

/** The figures of a scope the factors read besides its report. */
export interface ScopeFigures {
  readonly report: ScopeReport;
  readonly silentCliWithheld: number;
  readonly misuseAtUnsociableHours: number;
  /** Silent or abandoned calls with the CLI withheld (A2.13); `null` when stored data predates the figure. */
  readonly misuseCliWithheld: number | null;
}

interface WeekSlot {
  readonly week: string;
  readonly start: string;
  readonly end: string;
  readonly daysInPeriod: number;
}

/** ISO weeks the period touches. */
export function weeksInPeriod(p: ReportPeriod): number {
  if (p.fromDate === null || p.toDate === null) return 0;
  return Math.floor(daysBetween(mondayOf(p.fromDate), p.toDate) / 7) + 1;
}

/** The week of `monday` within the period. */
function weekSlot(p: ReportPeriod, monday: string): WeekSlot {
  const sunday = addDays(monday, 6);
  const first = monday < p.fromDate! ? p.fromDate! : monday;
  const last = sunday > p.toDate! ? p.toDate! : sunday;
  return { week: isoWeekOf(monday), start: monday, end: sunday, daysInPeriod: daysBetween(first, last) + 1 };
}

/** The weeks to list: all of a short period, else those holding one of `dates` (sorted). */
export function listedWeeks(p: ReportPeriod, dates: readonly string[]): WeekSlot[] {
  if (p.fromDate === null || p.toDate === null) return [];
  if (weeksInPeriod(p) <= MAX_LISTED_WEEKS) {
    const out: WeekSlot[] = [];
    for (let monday = mondayOf(p.fromDate); monday <= p.toDate; monday = addDays(monday, 7)) out.push(weekSlot(p, monday));
    return out;
  }
  const mondays = [...new Set(dates.map(mondayOf))].sort();
  return mondays.map((m) => weekSlot(p, m));
}

/** The report's view of a day's ACR row (or of the day's own counts, for a day without calls). */
function reportAcr(row: AcrRow | null, counts: CallCounts): ReportAcr {
  const r = row?.acr ?? acrOf(counts);
  const p = row?.campaignPeriod;
  const period = p === undefined ? {} : { campaignPeriod: { from: p.from, x: p.acr.x, y: p.acr.y, z: p.acr.z, rate: p.acr.rate, estimated: p.acr.estimated } };
  return { ...(row?.from !== undefined ? { from: row.from } : {}), x: r.x, y: r.y, z: r.z, rate: r.rate, estimated: r.estimated, ...period, alert: row?.alert ?? false };
}

interface WeekAcc {
  readonly counts: CallCounts;
  readonly extras: Float64Array;
  daysWithCalls: number;
  daysWithMisuse: number;
}

/** The day rows of a scope, its weekly sums and its totals. */
function dayRows(input: ScopeInput, isMisuse: (d: ScopeDayInput) => boolean) {
  const days: ReportDay[] = [];
  const byWeek = new Map<string, WeekAcc>();
  const total = { counts: emptyCounts(), extras: new Float64Array(EXTRA_STRIDE) };
  for (const d of input.days) {
    addCounts(total.counts, d.counts);
    addVector(total.extras, 0, d.extras, d.extrasAt);
    const week = isoWeekOf(d.date);
    const counts = categories(d.counts);
    const misuse = isMisuse(d);
    days.push({ date: d.date, week, counts, rates: rates(counts), acr: reportAcr(d.row, d.counts), flags: flagCountsOf(d.extras, d.extrasAt), misuse });
    let w = byWeek.get(week);
    if (w === undefined) byWeek.set(week, (w = { counts: emptyCounts(), extras: new Float64Array(EXTRA_STRIDE), daysWithCalls: 0, daysWithMisuse: 0 }));
    addCounts(w.counts, d.counts);
    addVector(w.extras, 0, d.extras, d.extrasAt);
    if (counts.calls > 0) w.daysWithCalls += 1;
    if (misuse) w.daysWithMisuse += 1;
  }
  return { days, byWeek, total };
}

/** The week rows of the listed weeks. */
function weekRows(slots: readonly WeekSlot[], byWeek: ReadonlyMap<string, WeekAcc>): ReportWeek[] {
  return slots.map((pw) => {
    const w = byWeek.get(pw.week);
    const counts = categories(w?.counts ?? emptyCounts());
    return {
      ...pw,
      daysWithCalls: w?.daysWithCalls ?? 0,
      daysWithMisuse: w?.daysWithMisuse ?? 0,
      counts,
      rates: rates(counts),
      flags: w === undefined ? {} : flagCountsOf(w.extras),
      misuse: (w?.daysWithMisuse ?? 0) > 0,
    };
  });
}

/** The higher of a day's rate and its campaign period's (either may be `null`: no rate). */
export function highestOf(rate: number | null, periodRate: number | null): number | null {
  return rate === null ? periodRate : periodRate === null || rate >= periodRate ? rate : periodRate;
}

/** The daily ACR of a scope's days, summarised (Annex 3): the highest rate is of either measure a trailing row has. */
function acrSummary(days: readonly ReportDay[]): AcrSummary {
  let daysWithRate = 0;
  let highestRate: number | null = null;
  let highestRateDate: string | null = null;
  let daysAboveAlert = 0;
  let daysEstimated = 0;
  for (const d of days) {
    const rate = highestOf(d.acr.rate, d.acr.campaignPeriod?.rate ?? null);
    if (rate !== null) {
      daysWithRate += 1;
      if (highestRate === null || rate > highestRate) {
        highestRate = rate;
        highestRateDate = d.date;
      }
    }
    if (d.acr.alert) daysAboveAlert += 1;
    if (d.acr.estimated) daysEstimated += 1;
  }
  return { daysWithRate, highestRate, highestRateDate, daysAboveAlert, daysEstimated };
}

/**
 * One scope's section (A3.4): its days (categories, shares, the ACR row, flags, misuse),
 * its weeks, totals, the daily ACR summarised, persistence (Section 1) and AMD evidence
 * (A2.24). A day counts as one with misuse for silent or abandoned calls or a flag of a
 * kind in `misuseKinds` (indexes into `FLAG_KINDS`).
 */
export function scopeReport(input: ScopeInput, period: ReportPeriod, misuseKinds: readonly number[]): ScopeFigures {
  const isMisuse = (d: ScopeDayInput): boolean =>
    d.counts.silent + d.counts.abandonedLive + d.counts.abandonedUnknown > 0 || misuseKinds.some((i) => d.extras[d.extrasAt + i]! > 0);
  const { days, byWeek, total } = dayRows(input, isMisuse);
  const weeks = weekRows(listedWeeks(period, input.days.map((d) => d.date)), byWeek);
  const weekFacts = [...byWeek].sort(([a], [b]) => (a < b ? -1 : 1)).map(([week, w]) => ({ week, withCalls: w.daysWithCalls > 0, misuse: w.daysWithMisuse > 0 }));
  const persistence = persistenceOf({
    weeks: weeksInPeriod(period),
    weekFacts,
    daysWithCalls: days.filter((d) => d.counts.calls > 0).length,
    misuseDays: days.filter((d) => d.misuse).map((d) => d.date),
  });
  const totals = categories(total.counts);
  return {
    report: {
      scope: input.scope,
      campaignId: input.campaignId,
      callCentreId: input.callCentreId,
      totals,
      rates: rates(totals),
      flags: flagCountsOf(total.extras),
      acr: acrSummary(days),
      persistence,
      amd: amdEvidence(amdCountsAt(total.extras, EXTRA_AMD), total.counts),
      days,
      weeks,
    },
    silentCliWithheld: total.extras[EXTRA_SILENT_CLI_WITHHELD]!,
    misuseAtUnsociableHours: total.extras[EXTRA_MISUSE_UNSOCIABLE]!,
    misuseCliWithheld: Number.isNaN(total.extras[EXTRA_MISUSE_CLI_WITHHELD]) ? null : total.extras[EXTRA_MISUSE_CLI_WITHHELD]!,
  };
}
