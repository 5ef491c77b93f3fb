/** The pre-dial guard (A1.20, A1.25, A2.9, A2.11, A2.13, A2.14): ask before each dial. */
export { createDialGuard, dialGuardFromJSON, type CliPlan, type DialGuard, type DialGuardOptions } from './dial-guard.js';
export { firstInstantAt, nextCallingMoment } from '../rules/unsociable-hours/index.js';
export { GuardStateError, parseGuardState, type DialGuardState, type GuardCallEntry } from './state.js';
export type { BarredList, DialDecision, DialRequest, GuardReason, GuardReasonKind, HistoryIncompleteReason, InvalidRequestReason, RepeatUnknownReason } from './types.js';
