/**
 * `dialguard/internals`: the building blocks behind the public API (`dialguard`), for the
 * `dialguard` command, tests and hosts that need a lower level — the rules' single
 * functions, the ACR ledger, the report builder, time-zone helpers, field tables.
 * Everything in `dialguard` is here too. Less stable than `dialguard`: names may change in
 * a minor release.
 */

export * from './index.js';

// Events, records and their errors
export type { CallEventBase, CallEventFields, CallEventOf } from './events.js';
export { AMD_RESULTS, CALL_EVENT_BASE_FIELDS, CALL_EVENT_FIELDS, CALL_EVENT_TYPES, HANGUP_CAUSES, HANGUP_PARTIES, IVM_ACTIONS, MESSAGE_CONTENT_FIELDS, QUEUE_INFORMATION_FIELDS, SALUTATION_PHASES, VERDICTS } from './events.js';
export type { ChoiceField, Field, FieldKind, FieldReader, Infer, ObjectField, Shape } from './validate/field.js';
export type { DialFacts } from './record.js';
export { newRecord, UNKNOWN_FACTS } from './record.js';

export { applyEvent, recordFromDial } from './fold.js';
export { addAnomaly, MAX_ANOMALIES } from './anomaly.js';
export { MissingDialError, MixedCallsError } from './errors.js';
export { ComplaintError } from './complaints/index.js';

// Validation of untrusted input (JSON from a dialler or a file)
export { DEFAULT_VALID_TIME, isTimeZone, isoToEpochMs, parseOptionalTimestamp, parseTimestamp, recordShapeProblem } from './validate/index.js';
export { isObject } from './validate/fields.js';

// Policy
export { validatePolicy } from './policy/define-policy.js';

export { POLICIES, policyById } from './policy/index.js';

// Rules and the classifier
export { categorise, type Categorisation } from './rules/category/index.js';
export { CALL_RULES, type CallRule } from './rules/index.js';
export { factsUnknownWith, isUnknown } from './rules/rule.js';

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

// UK numbers (A1.20, A1.33, A2.14 footnote 41)
export { BASIC_RATE_KINDS, DRAMA_RANGES, isBasicRateKind, isDramaNumber, normaliseUkNumber, UK_NUMBER_KINDS, type DramaRange } from './numbers/index.js';

// Abandoned Call Rate
export { ACR_ESTIMATE_REF, callsInRate, xShareOf } from './acr/rate.js';

export { cellKey, CounterZoneMismatchError } from './acr/counters.js';
export { createAcrTally, type AcrTally } from './acr/tally.js';
export { createAcrLedger, type AcrLedger, type AcrLedgerOptions } from './acr/ledger.js';
export { ACR_SCOPES, acrOf } from './acr/table.js';
export { ACR_TRAILING_DAYS, addDays } from './acr/trailing.js';
export { CALENDAR_RANGE, hasCalendarDay, zonedDayOrNull, localMinuteOfDay, localTime } from './time/zoned-day.js';
export { daysInMonth } from './time/civil.js';
export { createEventClock, type EventClock } from './time/event-clock.js';

// Operators and the batch audit
export { DEFAULT_MAX_CALL_AGE_MS, DEFAULT_MAX_IN_FLIGHT } from './operators/call-records.js';

// Rules across calls (A1.21–A1.36, A2.9, A3.4 alert)
export { DEFAULT_MAX_LATENESS_MS } from './misuse/state.js';
export { misuseAll } from './misuse/misuse-all.js';

// Preventing breaches: pre-dial guard (A2.9, A2.11, A1.25, A1.20, A2.14) and ACR pacing (Annex 3)
export { parseGuardState, type GuardCallEntry } from './guard/state.js';

export { createPacingGovernor, type PacingGovernor } from './pacing/governor.js';
export { nextDialRatio, type DialRatioInputs, type DialRatioSettings, type DialRatioStep, type PacingReason } from './pacing/dial-ratio.js';
export { acrHeadroom, roomPerLiveCall, type AcrHeadroom } from './pacing/headroom.js';

// Persistence and priority report (Section 1, Annex 2, Annex 3)
export { buildReport, createReportBuilder, DEFAULT_MISUSE_KINDS, EVERY_RULE_JUDGED, FLAG_KINDS, formatAcrTable, formatCount, formatFigure, formatPercent, MAX_LISTED_WEEKS, NOT_JUDGED_FROM_RECORDS, periodBasisWords, persistenceNotJudged, REPORT_LINE_WIDTH, ReportInputError, type AcrSummary, type AmdCounts, type BuildReportOptions, type FlagCounts, type ReportBuilder, type ReportBuilderOptions, type ReportCell, type ReportComplaint, type ReportComplaints, type ReportData, type ReportExampleOf, type ReportFlagRefs, type ReportNotJudged, type ReportScopeFlag, type ReportSource, type WorstCalls } from './report/index.js';

// Values from the data made safe to print for people (terminal control characters shown visibly)
export { clipPrintable, ELLIPSIS, printableMessage } from './text/printable.js';

// Complaints (A2.6; a carrier's view)
export { createComplaintMatcher, DEFAULT_COMPLAINT_TOLERANCE_MS, DEFAULT_MAX_MATCHES, type ComplaintFindingKind, type ComplaintMatcher } from './complaints/index.js';

// Hashing strings from the data into tables without letting the data choose their slots
export { fmix32, hashSeed } from './string-hash.js';
