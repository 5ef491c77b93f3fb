/**
 * Flags: what dialguard found wrong, each with the paragraph it cites and the measured
 * values beside the threshold, so a person can check it by hand.
 */
import type { AbandonedCallDetail } from './rules/abandoned-call/index.js';
import type { AcrAlertDetail } from './rules/acr-alert/index.js';
import type { CliNumberKindDetail, CliInvalidDetail } from './rules/cli/index.js';
import type { CliWithheldDetail } from './rules/cli/index.js';
import type { IvmLongWaitDetail, IvmNoQueueInfoDetail } from './rules/ivm-wait/index.js';
import type { LateMessageDetail, MessageMissingDetail } from './rules/message-deadline/index.js';
import type { MessageContentDetail } from './rules/message-content/index.js';
import type { NumberScanningDetail } from './rules/number-scanning/index.js';
import type { RecordAnomalyDetail } from './rules/record-anomaly/index.js';
import type { RecordingWithoutNoticeDetail } from './rules/recording-notice/index.js';
import type { RepeatWithin72hDetail } from './rules/repeat-within-72h/index.js';
import type { LongRingDetail, ShortRingDetail } from './rules/ring-time/index.js';
import type { SilentCallDetail } from './rules/silent-call/index.js';
import type { TooManyClisDetail } from './rules/too-many-clis/index.js';
import type { UnsociableHoursDetail } from './rules/unsociable-hours/index.js';

export type { SilentReason } from './rules/category/index.js';

/**
 * The measured values behind each flag kind, each declared in its rule's folder
 * (`src/rules/<rule>/`), so a flag's detail narrows by its `kind`.
 */
export interface FlagDetails {
  /** A1.3–A1.7, A2.3: top enforcement priority. */
  silentCall: SilentCallDetail;
  /** A1.9–A1.10. */
  abandonedCall: AbandonedCallDetail;
  /** A2.15: an unanswered call ended by the caller before the minimum ring. */
  shortRing: ShortRingDetail;
  /** A2.15: left ringing for an extended period. */
  longRing: LongRingDetail;
  /** A2.18–A2.19: the message started later than the deadline. */
  lateMessage: LateMessageDetail;
  /** A2.19 under a connection deadline (16 CFR 310.4(b)(4)(iii)): no agent in time, and no message played. */
  messageMissing: MessageMissingDetail;
  /** A2.17: required elements missing from the message. */
  messageContent: MessageContentDetail;
  /** A1.20, A1.25, A2.13: no CLI presented. */
  cliWithheld: CliWithheldDetail;
  /** Call-recording guidance: recorded without notice to the recipient. */
  recordingWithoutNotice: RecordingWithoutNoticeDetail;
  /** A2.23–A2.25: the records of the call are inconsistent. */
  recordAnomaly: RecordAnomalyDetail;
  /** A2.9: a silent or abandoned call to a number within the repeat window after a silent or abandoned call to it, without a guaranteed agent. */
  repeatWithin72h: RepeatWithin72hDetail;
  /** A2.11: a call outside the allowed hours in the recipient's local time. */
  unsociableHours: UnsociableHoursDetail;
  /** A1.20 (A1.33): the presented CLI is not a valid, diallable UK number. */
  cliInvalid: CliInvalidDetail;
  /** A1.20: the presented CLI is a premium-rate (09) number. */
  cliPremiumRate: CliNumberKindDetail;
  /** A2.14 (footnote 41): the presented CLI is not basic rate (084, 087, 070, 118 …). */
  cliNotBasicRate: CliNumberKindDetail;
  /** A1.21–A1.23: more distinct CLIs in one campaign on one day than the policy allows. */
  tooManyClis: TooManyClisDetail;
  /** A1.35–A1.36: many calls in a campaign ended by the caller within moments of ringing, to numbers not otherwise called. */
  numberScanning: NumberScanningDetail;
  /** A1.28, A1.31: a recipient who asked for an agent was kept waiting longer than the limit. */
  ivmLongWait: IvmLongWaitDetail;
  /** A1.29: a recipient kept waiting without the caller's identity, purpose, queue position and likely wait. */
  ivmNoQueueInfo: IvmNoQueueInfoDetail;
  /** The ACR of a scope on a day rose above the alert level the user set — an alert, never a safe harbour (A4.20). */
  acrAlert: AcrAlertDetail;
}

/** Every kind of flag. */
export type FlagKind = keyof FlagDetails;

/** One finding: `{ kind, callId, at, ref, detail }`. `callId` is `null` for findings about a scope (e.g. an ACR alert). */
export interface Flag<K extends FlagKind = FlagKind> {
  readonly kind: K;
  readonly callId: string | null;
  /** The moment of the breach, epoch ms. */
  readonly at: number;
  /** The paragraph it cites, e.g. `A2.19`. */
  readonly ref: string;
  readonly detail: FlagDetails[K];
}

/** Any flag, narrowed by `kind`. */
export type AnyFlag = { [K in FlagKind]: Flag<K> }[FlagKind];

/** Builds a flag (plain data). */
/* @__NO_SIDE_EFFECTS__ */
export function flag<K extends FlagKind>(kind: K, callId: string | null, at: number, ref: string, detail: FlagDetails[K]): Flag<K> {
  return { kind, callId, at, ref, detail };
}
