/**
 * The compliance report: the evidence an investigation would ask for, over 6–12 weeks
 * (Section 1, Annex 2, Annex 3), built in one pass with bounded memory.
 */
export { buildReport, type BuildReportOptions } from './build-report.js';
export { ReportInputError } from './report-input-error.js';
export { DEFAULT_MISUSE_KINDS, FLAG_KIND_INFO, FLAG_KINDS } from './flag-kinds.js';
export { EVERY_RULE_JUDGED, formatAcrTable, formatReport, periodBasisWords, persistenceNotJudged, REPORT_LINE_WIDTH } from './format-report.js';
export { formatPercent } from './percent.js';
export { formatCount, formatFigure } from './numbers.js';
export { createReportBuilder, type ReportBuilder, type ReportBuilderOptions } from './report-builder.js';
export { report, type ReportOptions } from './report.js';
export { MAX_LISTED_WEEKS } from './sections/scopes.js';
export { NOT_JUDGED_FROM_RECORDS } from './sections/coverage.js';
export type {
  AcrSummary,
  AmdCounts,
  CoverageRule,
  RecordsCannotJudge,
  AmdEvidence,
  CategoryCounts,
  CategoryRates,
  FlagCounts,
  FlagKindSummary,
  Persistence,
  Report,
  ReportAcr,
  ReportCell,
  ReportComplaint,
  ReportComplaints,
  ReportCoverage,
  ReportData,
  ReportDay,
  ReportExample,
  ReportExampleOf,
  ReportFactor,
  ReportFlagRefs,
  ReportNotJudged,
  ReportPeriod,
  PeriodBasis,
  ReportPolicy,
  ReportScopeFlag,
  ReportSource,
  ReportWeek,
  RetentionHorizon,
  ScopeReport,
  WorstCalls,
} from './types.js';
