import { emptyCounts, type CallCounts } from '../acr/counts.js';
import { cellKey, type AcrCell, type AcrCounters } from '../acr/counters.js';
import { ACR_SCOPES, acrOf, acrTable, type AcrRow, type AcrScope } from '../acr/table.js';
import type { FlagKind } from '../flags.js';
import { addDays, addMonths, dayOfDate, daysBetween, isoWeekOf, mondayOf } from './calendar.js';
import { emptyAmdCounts, flagCountsOf } from './counters.js';
import { compareExamples, compareText } from './examples.js';
import { annex2Factors } from './factors.js';
import { ReportInputError } from './report-input-error.js';
import { DEFAULT_MISUSE_KINDS, FLAG_KIND_INDEX, FLAG_KIND_INFO, FLAG_KINDS } from './flag-kinds.js';
import { zonedDay } from '../time/zoned-day.js';
import type {
  AcrSummary,
  AmdCounts,
  AmdEvidence,
  CategoryCounts,
  CategoryRates,
  FlagKindSummary,
  Persistence,
  Report,
  ReportAcr,
  ReportComplaints,
  ReportData,
  ReportDay,
  ReportExample,
  ReportPeriod,
  ReportWeek,
  RetentionHorizon,
  ScopeReport,
} from './types.js';

/** Options that shape a report built from its data. */
export interface BuildReportOptions {
  /**
   * Start of the period, epoch ms; widened to the local midnight before it (the report's
   * grain is the calendar day, A3.3). Default: the policy's `persistenceWeeks` (12) × 7 days
   * ending with the period's last day (Section 1: 6 to 12 weeks).
   */
  readonly from?: number;
  /** End of the period, epoch ms, exclusive; widened to the next local midnight. Default: the end of the newest call's day. */
  readonly to?: number;
  /** Scopes listed in `scopes` (A3.4); default all four. Top-level figures are always the `all` scope's. */
  readonly scopes?: readonly AcrScope[];
  /** Flag kinds that make a day one with misuse; default every kind but `recordAnomaly` and `recordingWithoutNotice`. */
  readonly misuseKinds?: readonly FlagKind[];
}

interface DayAcc {
  readonly counts: CallCounts;
  readonly flags: number[];
  readonly amd: AmdCounts;
  silentCliWithheld: number;
  misuseAtUnsociableHours: number;
}

interface Entity {
  readonly scope: AcrScope;
  readonly campaignId: string | null;
  readonly callCentreId: string | null;
  readonly days: Map<string, DayAcc>;
}

/** The figures of a scope the factors read. */
export interface ScopeFigures {
  readonly report: ScopeReport;
  readonly silentCliWithheld: number;
  readonly misuseAtUnsociableHours: number;
}

const newDay = (): DayAcc => ({ counts: emptyCounts(), flags: FLAG_KINDS.map(() => 0), amd: emptyAmdCounts(), silentCliWithheld: 0, misuseAtUnsociableHours: 0 });

function addInto(a: DayAcc, b: DayAcc): void {
  for (const k of Object.keys(a.counts) as (keyof CallCounts)[]) a.counts[k] += b.counts[k];
  for (let i = 0; i < a.flags.length; i++) a.flags[i]! += b.flags[i]!;
  for (const k of Object.keys(a.amd) as (keyof AmdCounts)[]) a.amd[k] += b.amd[k];
  a.silentCliWithheld += b.silentCliWithheld;
  a.misuseAtUnsociableHours += b.misuseAtUnsociableHours;
}

const share = (n: number, of: number): number | null => (of === 0 ? null : n / of);

function categories(c: CallCounts): CategoryCounts {
  return {
    calls: c.calls,
    live: c.live,
    abandoned: c.abandonedLive + c.abandonedUnknown,
    silent: c.silent,
    answerMachine: c.machineDisconnected + c.machineToAgent + c.machineAbandoned,
    unconnected: c.unconnected,
  };
}

function rates(c: CategoryCounts): CategoryRates {
  return {
    live: share(c.live, c.calls),
    abandoned: share(c.abandoned, c.calls),
    silent: share(c.silent, c.calls),
    answerMachine: share(c.answerMachine, c.calls),
    unconnected: share(c.unconnected, c.calls),
  };
}

function amdEvidence(a: AmdCounts, c: CallCounts): AmdEvidence {
  const cats = categories(c);
  const answeredCalls = cats.calls - cats.unconnected;
  return {
    ...a,
    falsePositiveRate: share(a.falsePositives, a.checkedMachine),
    falseNegativeRate: share(a.falseNegatives, a.checkedHuman),
    answeredCalls,
    machineAnswered: cats.answerMachine,
    machineShareOfAnswered: share(cats.answerMachine, answeredCalls),
  };
}

/** The period: whole local days (A3.3). */
function resolvePeriod(data: ReportData, options: BuildReportOptions): ReportPeriod {
  const zone = data.policy.timeZone;
  const span = Math.max(1, Math.round(data.policy.persistenceWeeks * 7));
  const given = options.from !== undefined || options.to !== undefined;
  for (const [name, v] of [['from', options.from], ['to', options.to]] as const) {
    if (v !== undefined && !Number.isFinite(v)) throw new ReportInputError(`${name} should be epoch milliseconds; received ${v}`);
  }
  if (options.from !== undefined && options.to !== undefined && options.from >= options.to) {
    throw new ReportInputError(`the period should start before it ends; received from ${options.from}, to ${options.to}`);
  }
  const fromGiven = options.from === undefined ? null : zonedDay(options.from, zone).date;
  let toDate: string | null = options.to === undefined ? null : zonedDay(options.to - 1, zone).date;
  if (toDate === null) {
    const newest = data.newestAt === null ? null : zonedDay(data.newestAt, zone).date;
    if (fromGiven !== null) toDate = newest !== null && newest >= fromGiven ? newest : addDays(fromGiven, span - 1);
    else toDate = newest;
  }
  if (toDate === null) return { from: null, to: null, fromDate: null, toDate: null, days: 0, weeks: 0, basis: 'default' };
  const fromDate = fromGiven ?? addDays(toDate, -(span - 1));
  const days = daysBetween(fromDate, toDate) + 1;
  return {
    from: dayOfDate(fromDate, zone).start,
    to: dayOfDate(toDate, zone).end,
    fromDate,
    toDate,
    days,
    weeks: days / 7,
    basis: given ? 'given' : 'default',
  };
}

/** The scope rows a flag about (`campaignId`, `callCentreId`) counts in: those whose ids it matches. */
function flagIds(scope: AcrScope, campaignId: string | null, callCentreId: string | null): { campaignId: string | null; callCentreId: string | null } | null {
  switch (scope) {
    case 'all':
      return { campaignId: null, callCentreId: null };
    case 'campaign':
      return campaignId === null ? null : { campaignId, callCentreId: null };
    case 'callCentre':
      return callCentreId === null ? null : { campaignId: null, callCentreId };
    case 'campaignCallCentre':
      return campaignId === null || callCentreId === null ? null : { campaignId, callCentreId };
  }
}

interface PeriodWeek {
  readonly week: string;
  readonly start: string;
  readonly end: string;
  readonly daysInPeriod: number;
}

function periodWeeks(p: ReportPeriod): PeriodWeek[] {
  if (p.fromDate === null || p.toDate === null) return [];
  const out: PeriodWeek[] = [];
  for (let monday = mondayOf(p.fromDate); monday <= p.toDate; monday = addDays(monday, 7)) {
    const sunday = addDays(monday, 6);
    const first = monday < p.fromDate ? p.fromDate : monday;
    const last = sunday > p.toDate ? p.toDate : sunday;
    out.push({ week: isoWeekOf(monday), start: monday, end: sunday, daysInPeriod: daysBetween(first, last) + 1 });
  }
  return out;
}

/** The daily ACR rows of every scope, from `acrTable` over all the data (a trailing window needs the days before the period). */
function acrRows(data: ReportData): Map<string, AcrRow> {
  const cells: Record<string, AcrCell> = {};
  for (const c of data.cells) cells[cellKey(c.date, c.campaignId, c.callCentreId)] = { date: c.date, campaignId: c.campaignId, callCentreId: c.callCentreId, counts: c.counts };
  const counters: AcrCounters = { timeZone: data.policy.timeZone, cells };
  const window = data.policy.acrWindow;
  const rows = acrTable(counters, { alertRate: data.policy.alertRate, ...(window === 'trailing30Days' ? { window } : {}) });
  const out = new Map<string, AcrRow>();
  for (const row of rows) out.set(JSON.stringify([row.date, row.scope, row.campaignId, row.callCentreId]), row);
  return out;
}

function scopeReport(e: Entity, weeks: readonly PeriodWeek[], rows: ReadonlyMap<string, AcrRow>, misuseKinds: readonly number[]): ScopeFigures {
  const total = newDay();
  const days: ReportDay[] = [];
  const byWeek = new Map<string, { acc: DayAcc; daysWithCalls: number; daysWithMisuse: number }>();
  const isMisuse = (d: DayAcc): boolean => d.counts.silent + d.counts.abandonedLive + d.counts.abandonedUnknown > 0 || misuseKinds.some((i) => d.flags[i]! > 0);
  let daysWithRate = 0;
  let highestRate: number | null = null;
  let highestRateDate: string | null = null;
  let daysAboveAlert = 0;
  let daysEstimated = 0;
  const misuseDays: string[] = [];
  let daysWithCalls = 0;
  for (const date of [...e.days.keys()].sort()) {
    const d = e.days.get(date)!;
    addInto(total, d);
    const week = isoWeekOf(date);
    const counts = categories(d.counts);
    const row = rows.get(JSON.stringify([date, e.scope, e.campaignId, e.callCentreId]));
    const r = row?.acr ?? acrOf(d.counts);
    const acr: ReportAcr = {
      ...(row?.from !== undefined ? { from: row.from } : {}),
      x: r.x,
      y: r.y,
      z: r.z,
      rate: r.rate,
      estimated: r.estimated,
      alert: row?.alert ?? false,
    };
    if (r.rate !== null) {
      daysWithRate += 1;
      if (highestRate === null || r.rate > highestRate) {
        highestRate = r.rate;
        highestRateDate = date;
      }
    }
    if (acr.alert) daysAboveAlert += 1;
    if (r.estimated) daysEstimated += 1;
    const misuse = isMisuse(d);
    if (misuse) misuseDays.push(date);
    if (counts.calls > 0) daysWithCalls += 1;
    days.push({ date, week, counts, rates: rates(counts), acr, flags: flagCountsOf(d.flags), misuse });
    let w = byWeek.get(week);
    if (w === undefined) {
      w = { acc: newDay(), daysWithCalls: 0, daysWithMisuse: 0 };
      byWeek.set(week, w);
    }
    addInto(w.acc, d);
    if (counts.calls > 0) w.daysWithCalls += 1;
    if (misuse) w.daysWithMisuse += 1;
  }
  const weekRows: ReportWeek[] = weeks.map((pw) => {
    const w = byWeek.get(pw.week);
    const counts = categories(w?.acc.counts ?? emptyCounts());
    return {
      ...pw,
      daysWithCalls: w?.daysWithCalls ?? 0,
      daysWithMisuse: w?.daysWithMisuse ?? 0,
      counts,
      rates: rates(counts),
      flags: flagCountsOf(w?.acc.flags ?? []),
      misuse: (w?.daysWithMisuse ?? 0) > 0,
    };
  });
  const weeksWithCalls = weekRows.filter((w) => w.daysWithCalls > 0);
  const misuseWeeks = weekRows.filter((w) => w.misuse).map((w) => w.week);
  const throughout = misuseWeeks.length > 0 && weeksWithCalls.every((w) => w.misuse);
  const persistence: Persistence = {
    weeks: weekRows.length,
    weeksWithCalls: weeksWithCalls.length,
    weeksWithMisuse: misuseWeeks.length,
    shareOfWeeksWithCalls: share(weeksWithCalls.filter((w) => w.misuse).length, weeksWithCalls.length),
    daysWithCalls,
    daysWithMisuse: misuseDays.length,
    misuseDays,
    misuseWeeks,
    throughout,
    pattern: misuseWeeks.length === 0 ? 'none' : throughout ? 'throughout' : misuseWeeks.length === 1 ? 'oneWeek' : 'atDifferentPoints',
  };
  const totals = categories(total.counts);
  const acr: AcrSummary = { daysWithRate, highestRate, highestRateDate, daysAboveAlert, daysEstimated };
  return {
    report: {
      scope: e.scope,
      campaignId: e.campaignId,
      callCentreId: e.callCentreId,
      totals,
      rates: rates(totals),
      flags: flagCountsOf(total.flags),
      acr,
      persistence,
      amd: amdEvidence(total.amd, total.counts),
      days,
      weeks: weekRows,
    },
    silentCliWithheld: total.silentCliWithheld,
    misuseAtUnsociableHours: total.misuseAtUnsociableHours,
  };
}

function retention(data: ReportData): RetentionHorizon {
  const zone = data.policy.timeZone;
  const months = data.policy.retentionMonths;
  const oldest = data.oldestAt === null ? null : zonedDay(data.oldestAt, zone).date;
  const newest = data.newestAt === null ? null : zonedDay(data.newestAt, zone).date;
  const lookbackFrom = newest === null ? null : addMonths(newest, -months);
  return {
    ref: 'A2.23',
    months,
    oldestRecord: oldest,
    newestRecord: newest,
    keepUntil: newest === null ? null : addMonths(newest, months),
    lookbackFrom,
    dataCoversLookback: oldest === null || lookbackFrom === null ? null : oldest <= lookbackFrom,
  };
}

/**
 * Builds the report from its accumulated data (`ReportBuilder.data()`): pure, and cheap —
 * it reads counters per day, never calls.
 *
 * 1. the period: whole calendar days in the policy zone, by default the policy's
 *    `persistenceWeeks` ending with the newest call's day (Section 1);
 * 2. the cells and scope flags dated in the period are summed per scope (A3.4) and day;
 *    a flag about a campaign (`tooManyClis`, `numberScanning`, an `acrAlert`) counts in the
 *    rows whose campaign and call centre it matches;
 * 3. per scope: days (categories, shares, the Annex 3 ACR row of `acrTable` — per calendar
 *    day, or the trailing 30 days for such a policy — flags), every ISO week of the
 *    period, totals, the daily ACR summarised, persistence (weeks with misuse among weeks
 *    with calls) and AMD evidence (A2.24);
 * 4. the `all` scope gives the top-level figures; then complaints dated in the period
 *    (A2.6), the retention horizon over all the data (A2.23), the earliest examples per
 *    flag kind, and the Annex 2 factors with their evidence — never a score (A2.7).
 */
export function buildReport(data: ReportData, options: BuildReportOptions = {}): Report {
  const period = resolvePeriod(data, options);
  const inPeriod = (date: string): boolean => period.fromDate !== null && period.toDate !== null && date >= period.fromDate && date <= period.toDate;
  const entities = new Map<string, Entity>();
  const dayOf = (scope: AcrScope, ids: { campaignId: string | null; callCentreId: string | null }, date: string): DayAcc => {
    const key = JSON.stringify([scope, ids.campaignId, ids.callCentreId]);
    let e = entities.get(key);
    if (e === undefined) {
      e = { scope, campaignId: ids.campaignId, callCentreId: ids.callCentreId, days: new Map() };
      entities.set(key, e);
    }
    let d = e.days.get(date);
    if (d === undefined) {
      d = newDay();
      e.days.set(date, d);
    }
    return d;
  };
  let calls = 0;
  for (const cell of data.cells) {
    if (!inPeriod(cell.date)) continue;
    calls += cell.counts.calls;
    const acc = newDay();
    for (const k of Object.keys(acc.counts) as (keyof CallCounts)[]) acc.counts[k] = cell.counts[k];
    for (const [kind, n] of Object.entries(cell.flags)) acc.flags[FLAG_KIND_INDEX[kind as FlagKind]] = n ?? 0;
    for (const k of Object.keys(acc.amd) as (keyof AmdCounts)[]) acc.amd[k] = cell.amd[k];
    acc.silentCliWithheld = cell.silentCliWithheld;
    acc.misuseAtUnsociableHours = cell.misuseAtUnsociableHours;
    for (const scope of ACR_SCOPES) addInto(dayOf(scope, flagIds(scope, cell.campaignId, cell.callCentreId)!, cell.date), acc);
  }
  for (const f of data.scopeFlags) {
    if (!inPeriod(f.date)) continue;
    for (const scope of ACR_SCOPES) {
      const ids = flagIds(scope, f.campaignId, f.callCentreId);
      if (ids !== null) dayOf(scope, ids, f.date).flags[FLAG_KIND_INDEX[f.kind]]! += f.count;
    }
  }
  if (!entities.has(JSON.stringify(['all', null, null]))) entities.set(JSON.stringify(['all', null, null]), { scope: 'all', campaignId: null, callCentreId: null, days: new Map() });

  const weeks = periodWeeks(period);
  const misuseKinds = (options.misuseKinds ?? DEFAULT_MISUSE_KINDS).map((k) => FLAG_KIND_INDEX[k]);
  const alertRate = data.policy.alertRate;
  const rows = acrRows(data);
  const order = (s: AcrScope): number => ACR_SCOPES.indexOf(s);
  const figures = [...entities.values()]
    .sort((a, b) => order(a.scope) - order(b.scope) || compareText(a.campaignId ?? '', b.campaignId ?? '') || compareText(a.callCentreId ?? '', b.callCentreId ?? ''))
    .map((e) => scopeReport(e, weeks, rows, misuseKinds));
  const all = figures[0]!;
  const listed = options.scopes ?? ACR_SCOPES;

  const flags: FlagKindSummary[] = FLAG_KINDS.map((kind) => ({
    kind,
    title: FLAG_KIND_INFO[kind].title,
    refs: data.refs[kind] ?? [FLAG_KIND_INFO[kind].ref],
    count: all.report.flags[kind] ?? 0,
  }));

  const worstCalls: { [K in FlagKind]?: ReportExample[] } = {};
  const examples = data.examples.filter((e) => inPeriod(e.date)).sort(compareExamples);
  for (const e of examples) {
    const list = (worstCalls[e.kind] ??= []);
    if (list.length < data.examplesPerKind) list.push(e);
  }

  const counted = data.complaints.filter((c) => c.at === null || (period.from !== null && period.to !== null && c.at >= period.from && c.at < period.to));
  const findings: { [K in ReportComplaints['items'][number]['findings'][number]]?: number } = {};
  for (const c of counted) for (const f of c.findings) findings[f] = (findings[f] ?? 0) + 1;
  const matched = counted.filter((c) => c.matches > 0).length;
  const complaints: ReportComplaints = {
    total: counted.length,
    matched,
    unmatched: counted.length - matched,
    findings,
    outsidePeriod: data.complaints.length - counted.length,
    items: counted,
  };

  const retentionHorizon = retention(data);
  const campaigns = figures.filter((f) => f.report.scope === 'campaign').map((f) => f.report);
  return {
    version: 1,
    policy: data.policy,
    period,
    calls,
    callsOutsidePeriod: data.calls - calls,
    categories: all.report.totals,
    rates: all.report.rates,
    flags,
    repeatsWithin72h: all.report.flags.repeatWithin72h ?? 0,
    persistence: all.report.persistence,
    amd: all.report.amd,
    complaints,
    retention: retentionHorizon,
    factors: annex2Factors({ all, campaigns, complaints, retention: retentionHorizon, alertRate }),
    worstCalls,
    scopes: figures.map((f) => f.report).filter((s) => listed.includes(s.scope)),
  };
}
