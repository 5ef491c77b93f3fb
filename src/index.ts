/**
 * dialguard — keep an outbound dialler within Ofcom's rules on silent and abandoned calls,
 * and prove it. The public API: about fifty values a newcomer can hold in their head, and
 * their types. Lower-level building blocks are in `dialguard/internals`.
 */

// Events and records: what a dialler reports, and the facts of one call
export type {
  AgentEvent,
  AmdEvent,
  AmdResult,
  AnswerEvent,
  CallEvent,
  CallEventType,
  DialEvent,
  DispositionEvent,
  HangupBy,
  HangupCause,
  HangupEvent,
  IvmEvent,
  MessageContent,
  MessageEvent,
  QueueInformation,
  RecordingEvent,
  RingingEvent,
  SalutationEvent,
} from './events.js';
export type { CallRecord, Disposition, RecordedOutcome, UnknownFact } from './record.js';
export type { Anomaly, AnomalyKind } from './anomaly.js';
export { foldEvents } from './fold.js';

// Untrusted input (JSON from a dialler or a file): checked field by field
export { parseCallEvent, parseCallRecord, safeParseCallEvent, safeParseCallRecord } from './validate/index.js';
export type { ParseOptions, SafeParseResult, TimeRange } from './validate/index.js';

// Errors: every one extends DialguardError, with a stable `code` and the `callId`
export { DialguardError, DuplicateCallError, PolicyError, ValidationError } from './errors.js';
export { AcrInputError } from './acr/rate.js';
export { GuardStateError } from './guard/state.js';

// Policies as data (Ofcom 2017 by default; others as values)
export type { CallingWindow, DeadlineMoment, MessageElement, Policy } from './policy/policy.js';
export { ofcom2017 } from './policy/ofcom2017.js';
export { ofcom2010 } from './policy/ofcom2010.js';
export { usTsr } from './policy/us-tsr.js';
export { usFcc } from './policy/us-fcc.js';
export { canadaCrtc } from './policy/canada-crtc.js';
export { definePolicy, type PolicyChanges } from './policy/define-policy.js';

// The rules and the classifier
export type { AnyFlag, Flag, FlagDetails, FlagKind, SilentReason } from './flags.js';
export type { AnsweredBy, CallCategory, MachineKind } from './rules/category/index.js';
export { FLAG_KIND_INFO, RULES, type FlagKindInfo, type NotJudged, type RuleInfo } from './rules/index.js';
export { classify, type ClassifiedCall, type ClassifyOptions } from './classify.js';

// The call machine (XState v5): one actor per call
export { createCallMachine, nextTickAt, runCall } from './machine/index.js';
export type { CallMachine, CallMachineInput } from './machine/call-machine.js';
export type { RunCallResult } from './machine/run-call.js';
export type * from './machine/types.js';

// Abandoned Call Rate (Annex 3): per calendar day and scope, mergeable across nodes
export { abandonedCallRate, type AcrInput, type AcrResult } from './acr/rate.js';
export { emptyCounters, mergeCounters, type AcrCell, type AcrCounters } from './acr/counters.js';
export { acrTable, type AcrPeriodMeasure, type AcrRow, type AcrScope, type AcrTableOptions } from './acr/table.js';
export type { AcrWindow } from './acr/trailing.js';
export type { CallCounts } from './acr/counts.js';
export { zonedDay, type ZonedDay } from './time/zoned-day.js';

// RxJS operators (streams) and the batch audit
export { callRecords, type CallRecordsOptions, type LiveDeadlineNotice, type StreamAnomaly } from './operators/call-records.js';
export { classified } from './operators/classified.js';
export { acr, acrCounters, type AcrOptions, type AcrUpdate } from './operators/acr.js';
export { misuse } from './operators/misuse.js';
export { guard, type GuardOperatorOptions, type RefusedChannel, type RefusedDial } from './operators/guard.js';
export { pacing } from './operators/pacing.js';
export { createMisuseState, type MisuseOptions, type MisuseState, type MisuseUpdate } from './misuse/state.js';
export { audit, type AuditOptions, type AuditResult, type RejectedRecord } from './audit.js';

// Preventing breaches: the pre-dial guard (A1.20, A1.25, A2.9, A2.11, A2.14) and ACR pacing
export { createDialGuard, dialGuardFromJSON, type CliPlan, type DialGuard, type DialGuardOptions } from './guard/dial-guard.js';
export type { DialGuardState, GuardCallCategory } from './guard/state.js';
export type { BarredList, DialDecision, DialRequest, GuardReason, GuardReasonKind, HistoryIncompleteReason, InvalidRequestReason, RepeatUnknownReason } from './guard/types.js';
export type { BarredUnknownReason } from './rules/barred/index.js';
export type { PacingAdvice, PacingOptions } from './pacing/governor.js';

// The persistence and priority report (Section 1, Annex 2, Annex 3)
export { formatReport, report, type ReportOptions } from './report/index.js';
export type {
  AmdEvidence,
  CategoryCounts,
  CategoryRates,
  CoverageRule,
  FlagKindSummary,
  Persistence,
  Report,
  ReportAcr,
  ReportCoverage,
  ReportDay,
  ReportExample,
  ReportFactor,
  ReportPeriod,
  ReportPolicy,
  ReportWeek,
  RetentionHorizon,
  ScopeReport,
} from './report/index.js';

// Complaints (a carrier's view; A2.6)
export { matchComplaint } from './complaints/index.js';
export type { Complaint, ComplaintCallMatch, ComplaintFinding, ComplaintMatch, ComplaintOptions } from './complaints/index.js';

// UK numbers (A1.20, A1.33, A2.14 footnote 41)
export { classifyUkNumber, toE164, toNational } from './numbers/index.js';
export { numberKey } from './misuse/number-key.js';
export type { NormalisedNumber, UkNumberInfo, UkNumberKind } from './numbers/index.js';

// Values from the data, safe to print for people (terminal control characters shown visibly)
export { printable } from './text/printable.js';
