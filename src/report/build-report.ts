import { emptyCounts } from '../acr/counts.js';
import { createAcrLedger, type AcrLedger } from '../acr/ledger.js';
import { ACR_SCOPES, type AcrScope } from '../acr/scope.js';
import type { FlagKind } from '../flags.js';
import { addVector, createExtrasStore, EXTRA_AMD, EXTRA_MISUSE_CLI_WITHHELD, EXTRA_MISUSE_UNSOCIABLE, EXTRA_SILENT_CLI_WITHHELD, EXTRA_STRIDE } from './cell-extras.js';
import { DEFAULT_MISUSE_KINDS, FLAG_KIND_INDEX } from './flag-kinds.js';
import { AMD_FIELDS } from './sections/amd.js';
import { complaintsSection } from './sections/complaints.js';
import { coverageSection } from './sections/coverage.js';
import { compareText, worstCalls } from './sections/examples.js';
import { annex2Factors, type CampaignAcr } from './sections/factors.js';
import { flagSummaries, refsInPeriod } from './sections/flags.js';
import { inPeriod, resolvePeriod, type ReportPeriod } from './sections/period.js';
import { retentionHorizon } from './sections/retention.js';
import { highestOf, scopeReport, type ScopeDayInput, type ScopeFigures, type ScopeInput } from './sections/scopes.js';
import type { Report, ReportData } from './types.js';

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
  /** Scopes listed in `scopes` (A3.4); default all four. Top-level figures are always the `all` scope's. Scopes not listed are not built. */
  readonly scopes?: readonly AcrScope[];
  /**
   * Flag kinds that make a day one with misuse (Section 1), besides silent and abandoned
   * calls; default `DEFAULT_MISUSE_KINDS`: the forms of misuse of Annex 1, not Annex 2's
   * aggravating factors (A2.7).
   */
  readonly misuseKinds?: readonly FlagKind[];
}

/**
 * What a report is built from: the accumulated data but its cells, and the cells in an
 * ACR ledger with an evidence vector per cell (`cell-extras.ts`). The report builder hands
 * over its own; `buildReport` reads plain `ReportData` into one.
 */
export interface ReportState {
  readonly data: Omit<ReportData, 'cells'>;
  readonly ledger: AcrLedger;
  /** Evidence vectors by cell slot (`EXTRA_STRIDE` numbers each). */
  readonly extras: Float64Array;
}

/** The plain data read into a ledger and evidence vectors. */
export function stateOf(data: ReportData): ReportState {
  const ledger = createAcrLedger({ timeZone: data.policy.timeZone, scopes: [] });
  const store = createExtrasStore();
  for (const c of data.cells) {
    const cell = ledger.addCounts(c.date, c.campaignId, c.callCentreId, c.counts);
    store.ensure(cell);
    const v = store.data();
    const at = cell * EXTRA_STRIDE;
    for (const [kind, n] of Object.entries(c.flags)) v[at + FLAG_KIND_INDEX[kind as FlagKind]]! += n ?? 0;
    // A counter stored before it existed (`undeterminedAnswered`, `answerUnknown`) reads as 0.
    AMD_FIELDS.forEach((k, i) => (v[at + EXTRA_AMD + i]! += c.amd[k] ?? 0));
    v[at + EXTRA_SILENT_CLI_WITHHELD]! += c.silentCliWithheld;
    v[at + EXTRA_MISUSE_UNSOCIABLE]! += c.misuseAtUnsociableHours;
    // Stored before the figure existed: unknown (NaN stays NaN through every sum, and reads as null).
    v[at + EXTRA_MISUSE_CLI_WITHHELD]! += c.misuseCliWithheld ?? Number.NaN;
  }
  const { cells: _cells, ...rest } = data;
  return { data: rest, ledger, extras: store.data() };
}

/** The rows a flag about (`campaignId`, `callCentreId`) counts in for a scope: those whose ids it matches, else `null`. */
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

const entityKey = (campaignId: string | null, callCentreId: string | null): string => JSON.stringify([campaignId, callCentreId]);

/**
 * The days in the period of every row of `scope` (A3.4), from the ledger: counts, the ACR
 * row in the policy's window, and the evidence summed from the cells; days with only a flag
 * about the scope (`tooManyClis`, `numberScanning`, `acrAlert`) too. Bounded by the days
 * the data has, never by the length of the period.
 */
function scopeInputs(state: ReportState, scope: AcrScope, period: ReportPeriod): ScopeInput[] {
  const { ledger, data } = state;
  const sums = new Float64Array(ledger.capacity(scope) * EXTRA_STRIDE);
  ledger.forEachDay('campaignCallCentre', (cell, date) => {
    if (inPeriod(period, date)) addVector(sums, ledger.scopeSlot(cell, scope) * EXTRA_STRIDE, state.extras, cell * EXTRA_STRIDE);
  });
  const entities = new Map<string, { campaignId: string | null; callCentreId: string | null; days: ScopeDayInput[] }>();
  const entityOf = (campaignId: string | null, callCentreId: string | null) => {
    const key = entityKey(campaignId, callCentreId);
    let e = entities.get(key);
    if (e === undefined) entities.set(key, (e = { campaignId, callCentreId, days: [] }));
    return e;
  };
  const alertRate = data.policy.alertRate;
  ledger.forEachDay(scope, (slot, date, campaignId, callCentreId) => {
    if (!inPeriod(period, date)) return;
    const row = ledger.row(scope, slot, alertRate, data.policy.acrWindow);
    entityOf(campaignId, callCentreId).days.push({ date, counts: ledger.dayCounts(scope, slot), extras: sums, extrasAt: slot * EXTRA_STRIDE, row });
  });
  const flagOnly = new Map<string, ScopeDayInput>();
  for (const f of data.scopeFlags) {
    const ids = flagIds(scope, f.campaignId, f.callCentreId);
    if (ids === null || !inPeriod(period, f.date)) continue;
    const slot = ledger.find(scope, f.date, ids.campaignId, ids.callCentreId);
    if (slot >= 0) {
      sums[slot * EXTRA_STRIDE + FLAG_KIND_INDEX[f.kind]]! += f.count;
      continue;
    }
    const key = JSON.stringify([f.date, ids.campaignId, ids.callCentreId]);
    let day = flagOnly.get(key);
    if (day === undefined) {
      day = { date: f.date, counts: emptyCounts(), extras: new Float64Array(EXTRA_STRIDE), extrasAt: 0, row: null };
      flagOnly.set(key, day);
      entityOf(ids.campaignId, ids.callCentreId).days.push(day);
    }
    day.extras[FLAG_KIND_INDEX[f.kind]]! += f.count;
  }
  const out = [...entities.values()].map((e) => ({ scope, ...e, days: e.days.sort((a, b) => compareText(a.date, b.date)) }));
  return out.sort((a, b) => compareText(a.campaignId ?? '', b.campaignId ?? '') || compareText(a.callCentreId ?? '', b.callCentreId ?? ''));
}

/**
 * The campaigns' daily ACR in the period (A3.4), for the factors: the highest rate (ties:
 * the first campaign, then the first day; on a trailing row, of the 30 days or of the
 * campaign's 30-day period, whichever is higher) and the campaign days above the alert level.
 */
function campaignAcr(state: ReportState, period: ReportPeriod): CampaignAcr {
  const { ledger, data } = state;
  let highest: CampaignAcr['highest'] = null;
  let daysAboveAlert = 0;
  ledger.forEachDay('campaign', (slot, date, campaignId) => {
    if (!inPeriod(period, date)) return;
    const row = ledger.row('campaign', slot, data.policy.alertRate, data.policy.acrWindow);
    if (row.alert) daysAboveAlert += 1;
    const rate = highestOf(row.acr.rate, row.campaignPeriod?.acr.rate ?? null);
    if (rate === null || campaignId === null) return;
    const better =
      highest === null || rate > highest.rate || (rate === highest.rate && (compareText(campaignId, highest.campaignId) || compareText(date, highest.date)) < 0);
    if (better) highest = { rate, campaignId, date };
  });
  return { highest, daysAboveAlert };
}

/** Calls in the period, and of them undetermined ones. */
function callsIn(state: ReportState, period: ReportPeriod): { calls: number; undetermined: number } {
  let calls = 0;
  let undetermined = 0;
  state.ledger.forEachDay('campaignCallCentre', (cell, date) => {
    if (!inPeriod(period, date)) return;
    const c = state.ledger.dayCounts('campaignCallCentre', cell);
    calls += c.calls;
    undetermined += c.undetermined;
  });
  return { calls, undetermined };
}

/**
 * Builds the report from its state (a builder's, or `stateOf(data)`): cheap — it reads
 * counters per day, never calls.
 *
 * 1. the period: whole calendar days in the policy zone, by default the policy's
 *    `persistenceWeeks` ending with the newest call's day (Section 1);
 * 2. per scope listed, and `all` (A3.4): the days in the period from the ACR ledger —
 *    categories, shares, the Annex 3 row (per calendar day, or the trailing 30 days for
 *    such a policy), flags — the weeks, totals, the daily ACR summarised, persistence and
 *    AMD evidence (A2.24); a flag about a campaign counts in the rows it matches;
 * 3. the `all` scope gives the top-level figures; then complaints dated in the period
 *    (A2.6), the retention horizon over all the data (A2.23), the earliest examples per
 *    flag kind, the Annex 2 factors with their evidence — never a score (A2.7) — and the
 *    rules' coverage.
 */
export function buildFromState(state: ReportState, options: BuildReportOptions = {}): Report {
  const data = state.data;
  const policy = data.policy;
  const period = resolvePeriod({ timeZone: policy.timeZone, persistenceWeeks: policy.persistenceWeeks, newestAt: data.newestAt, from: options.from, to: options.to });
  const listed = options.scopes ?? ACR_SCOPES;
  const built = ACR_SCOPES.filter((s) => s === 'all' || listed.includes(s));
  state.ledger.keep([...built, 'campaign']);
  const misuseKindList = options.misuseKinds ?? DEFAULT_MISUSE_KINDS;
  const misuseKinds = misuseKindList.map((k) => FLAG_KIND_INDEX[k]);
  const figures: ScopeFigures[] = built.flatMap((scope) => {
    const inputs = scopeInputs(state, scope, period);
    if (scope === 'all' && inputs.length === 0) inputs.push({ scope, campaignId: null, callCentreId: null, days: [] });
    return inputs.map((input) => scopeReport(input, period, misuseKinds));
  });
  const all = figures[0]!;
  const { calls, undetermined } = callsIn(state, period);
  const complaints = complaintsSection(data.complaints, period);
  const retention = retentionHorizon(data.oldestAt, data.newestAt, policy.retentionMonths, policy.timeZone);
  const coverage = coverageSection(data.notJudged ?? [], period, calls, undetermined);
  const flags = flagSummaries(all.report.flags, refsInPeriod(data.refs, data.refsByDate, period), coverage);
  return {
    version: 1,
    policy,
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
    retention,
    factors: annex2Factors({ all, campaigns: campaignAcr(state, period), complaints, retention, alertRate: policy.alertRate, misuseKinds: misuseKindList }, flags),
    worstCalls: worstCalls(data.examples, period, data.examplesPerKind),
    scopes: figures.map((f) => f.report).filter((s) => listed.includes(s.scope)),
    coverage,
  };
}

/** Builds the report from its accumulated data (`ReportBuilder.data()`, `AuditResult.reportData`); see `buildFromState`. */
export function buildReport(data: ReportData, options: BuildReportOptions = {}): Report {
  return buildFromState(stateOf(data), options);
}
