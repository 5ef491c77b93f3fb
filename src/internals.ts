/**
 * `dialguard/internals`: the building blocks behind the public API (`dialguard`), for the
 * `dialguard` command, tests and hosts that need a lower level — the rules' single
 * functions, the ACR ledger, the report builder, time-zone helpers, field tables.
 * Everything in `dialguard` is here too. Less stable than `dialguard`: names may change in
 * a minor release.
 */

// Events, records and their errors
export type {
  AgentEvent,
  AmdEvent,
  AmdResult,
  AnswerEvent,
  CallEvent,
  CallEventBase,
  CallEventFields,
  CallEventOf,
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
export {
  AMD_RESULTS,
  CALL_EVENT_BASE_FIELDS,
  CALL_EVENT_FIELDS,
  CALL_EVENT_TYPES,
  HANGUP_CAUSES,
  HANGUP_PARTIES,
  IVM_ACTIONS,
  MESSAGE_CONTENT_FIELDS,
  QUEUE_INFORMATION_FIELDS,
  SALUTATION_PHASES,
  VERDICTS,
} from './events.js';
export type { ChoiceField, Field, FieldKind, FieldReader, Infer, ObjectField, Shape } from './validate/field.js';
export type { CallRecord, DialFacts, Disposition, RecordedOutcome, UnknownFact } from './record.js';
export { newRecord } from './record.js';
export type { Anomaly, AnomalyKind } from './anomaly.js';
export { applyEvent, foldEvents, recordFromDial } from './fold.js';
export {
  DialguardError,
  DuplicateCallError,
  MissingDialError,
  MixedCallsError,
  PolicyError,
  ValidationError,
} from './errors.js';
export { ComplaintError } from './complaints/index.js';

// Validation of untrusted input (JSON from a dialler or a file)
export {
  DEFAULT_VALID_TIME,
  isTimeZone,
  isoToEpochMs,
  parseCallEvent,
  parseCallRecord,
  parseOptionalTimestamp,
  parseTimestamp,
  safeParseCallEvent,
  safeParseCallRecord,
  type ParseOptions,
  type SafeParseResult,
  type TimeRange,
} from './validate/index.js';

// Policy
export type { CallingWindow, DeadlineMoment, MessageElement, Policy } from './policy/policy.js';
export { ofcom2017 } from './policy/ofcom2017.js';
export { definePolicy, validatePolicy, type PolicyChanges } from './policy/define-policy.js';
export { ofcom2010 } from './policy/ofcom2010.js';
export { usTsr } from './policy/us-tsr.js';
export { usFcc } from './policy/us-fcc.js';
export { canadaCrtc } from './policy/canada-crtc.js';
export { POLICIES, policyById } from './policy/index.js';

// Rules and the classifier
export type { AnyFlag, Flag, FlagDetails, FlagKind, SilentReason } from './flags.js';
export { categorise, type AnsweredBy, type CallCategory, type Categorisation, type MachineKind } from './rules/category/index.js';
export { CALL_RULES, FLAG_KIND_INFO, RULES, type CallRule, type FlagKindInfo, type NotJudged, type RuleInfo } from './rules/index.js';
export { classify, type ClassifiedCall, type ClassifyOptions } from './classify.js';
// The rules' own functions (each in its folder of src/rules)
export { messageClock, messageDueAt, type MessageClock } from './rules/message-deadline/index.js';
export { maxRingEndsAt, minRingEndsAt, ringStartAt, ringTimeMs } from './rules/ring-time/index.js';
export { missingMessageElements } from './rules/message-content/index.js';
export { ivmWait, ivmWaitMs, missingQueueItems, QUEUE_ITEMS, type QueueItem } from './rules/ivm-wait/index.js';
export { RECORDING_GUIDANCE_REF } from './rules/recording-notice/index.js';
export { callingWindowAt, inCallingWindow, nextCallingMoment } from './rules/unsociable-hours/index.js';
export { cliVerdict, INTERNATIONAL_CLI_KIND, isWithheld } from './rules/cli/index.js';
export { inRepeatWindow, isMisuseCall } from './rules/repeat-within-72h/index.js';
export { isScanningProbe } from './rules/number-scanning/index.js';

// The call machine
export {
  createCallMachine,
  nextTickAt,
  runCall,
  type CallMachine,
  type CallMachineContext,
  type CallMachineEvent,
  type CallMachineInput,
  type CallMachineOptions,
  type CallMachineOutput,
  type CloseEvent,
  type DeadlineKind,
  type DeadlineNotice,
  type Deadlines,
  type RunCallResult,
  type TickEvent,
} from './machine/index.js';

// UK numbers (A1.20, A1.33, A2.14 footnote 41)
export {
  BASIC_RATE_KINDS,
  classifyUkNumber,
  DRAMA_RANGES,
  isBasicRateKind,
  isDramaNumber,
  normaliseUkNumber,
  toE164,
  toNational,
  UK_NUMBER_KINDS,
  type DramaRange,
  type NormalisedNumber,
  type UkNumberInfo,
  type UkNumberKind,
} from './numbers/index.js';

// Abandoned Call Rate
export { abandonedCallRate, ACR_ESTIMATE_REF, AcrInputError, callsInRate, type AcrInput, type AcrResult } from './acr/rate.js';
export type { CallCounts } from './acr/counts.js';
export {
  cellKey,
  CounterZoneMismatchError,
  emptyCounters,
  mergeCounters,
  type AcrCell,
  type AcrCounters,
} from './acr/counters.js';
export { createAcrTally, type AcrTally } from './acr/tally.js';
export { createAcrLedger, type AcrLedger, type AcrLedgerOptions } from './acr/ledger.js';
export { ACR_SCOPES, acrOf, acrTable, type AcrRow, type AcrScope, type AcrTableOptions } from './acr/table.js';
export { ACR_TRAILING_DAYS, addDays, type AcrWindow } from './acr/trailing.js';
export { CALENDAR_RANGE, hasCalendarDay, zonedDay, zonedDayOrNull, localMinuteOfDay, type ZonedDay } from './time/zoned-day.js';
export { createEventClock, type EventClock } from './time/event-clock.js';

// Operators and the batch audit
export {
  callRecords,
  DEFAULT_MAX_CALL_AGE_MS,
  DEFAULT_MAX_IN_FLIGHT,
  type CallRecordsOptions,
  type LiveDeadlineNotice,
  type StreamAnomaly,
} from './operators/call-records.js';
export { classified } from './operators/classified.js';
export { acr, acrCounters, type AcrOptions, type AcrUpdate } from './operators/acr.js';

// Rules across calls (A1.21–A1.36, A2.9, A3.4 alert)
export { misuse } from './operators/misuse.js';
export { createMisuseState, DEFAULT_MAX_LATENESS_MS, type MisuseOptions, type MisuseState, type MisuseUpdate } from './misuse/state.js';
export { misuseAll } from './misuse/misuse-all.js';
export { numberKey } from './misuse/number-key.js';
export { audit, type AuditOptions, type AuditResult, type RejectedRecord } from './audit.js';

// Preventing breaches: pre-dial guard (A2.9, A2.11, A1.25, A1.20, A2.14) and ACR pacing (Annex 3)
export { createDialGuard, dialGuardFromJSON, type DialGuard, type DialGuardOptions } from './guard/dial-guard.js';
export { GuardStateError, parseGuardState, type DialGuardState, type GuardCallEntry } from './guard/state.js';
export type { BarredList, DialDecision, DialRequest, GuardReason, GuardReasonKind } from './guard/types.js';
export type { CliPlan } from './guard/dial-guard.js';
export { guard, type GuardOperatorOptions, type RefusedChannel, type RefusedDial } from './operators/guard.js';
export { pacing } from './operators/pacing.js';
export { createPacingGovernor, type PacingAdvice, type PacingGovernor, type PacingOptions } from './pacing/governor.js';
export { nextDialRatio, type DialRatioInputs, type DialRatioSettings, type DialRatioStep, type PacingReason } from './pacing/dial-ratio.js';
export { acrHeadroom, roomPerLiveCall, type AcrHeadroom } from './pacing/headroom.js';

// Persistence and priority report (Section 1, Annex 2, Annex 3)
export {
  buildReport,
  createReportBuilder,
  DEFAULT_MISUSE_KINDS,
  FLAG_KINDS,
  formatAcrTable,
  formatReport,
  MAX_LISTED_WEEKS,
  report,
  REPORT_LINE_WIDTH,
  ReportInputError,
  type AcrSummary,
  type AmdCounts,
  type AmdEvidence,
  type BuildReportOptions,
  type CoverageRule,
  type CategoryCounts,
  type CategoryRates,
  type FlagCounts,
  type FlagKindSummary,
  type Persistence,
  type Report,
  type ReportAcr,
  type ReportBuilder,
  type ReportBuilderOptions,
  type ReportCell,
  type ReportComplaint,
  type ReportComplaints,
  type ReportCoverage,
  type ReportData,
  type ReportDay,
  type ReportExample,
  type ReportExampleOf,
  type ReportFactor,
  type ReportNotJudged,
  type ReportOptions,
  type ReportPeriod,
  type ReportPolicy,
  type ReportScopeFlag,
  type ReportSource,
  type ReportWeek,
  type RetentionHorizon,
  type ScopeReport,
  type WorstCalls,
} from './report/index.js';

// Values from the data made safe to print for people (terminal control characters shown visibly)
export { clipPrintable, ELLIPSIS, printable } from './text/printable.js';

// Complaints (A2.6; a carrier's view)
export {
  createComplaintMatcher,
  DEFAULT_COMPLAINT_TOLERANCE_MS,
  DEFAULT_MAX_MATCHES,
  matchComplaint,
  type Complaint,
  type ComplaintCallMatch,
  type ComplaintFinding,
  type ComplaintFindingKind,
  type ComplaintMatch,
  type ComplaintMatcher,
  type ComplaintOptions,
} from './complaints/index.js';
