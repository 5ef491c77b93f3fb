/**
 * Flags: what dialguard found wrong, each with the paragraph it cites and the measured
 * values beside the threshold, so a person can check it by hand.
 */
import type { AnomalyKind } from './anomaly.js';
import type { MessageElement } from './policy/policy.js';

/** Why a call is silent (A1.3–A1.7). */
export type SilentReason =
  /** AMD took a person for a machine and disconnected (A1.6). */
  | 'amdFalsePositive'
  /** The caller (or the network) cut the call off at or shortly after pickup, within the deadline (A1.3 second bullet). */
  | 'disconnected'
  /** Nothing was played by the deadline and the call then ended, or never ended (A1.3 first and last bullets). */
  | 'deadAir'
  /** The recipient hung up within the deadline, and no message was planned to play (A1.3, A1.4). */
  | 'noMessagePlanned';

/** The measured values behind each flag kind. Extended by the cross-call rules. */
export interface FlagDetails {
  /** A1.3–A1.7, A2.3: top enforcement priority. */
  silentCall: {
    readonly reason: SilentReason;
    /** Milliseconds from pickup to the end of the call (or `null` if it never ended). */
    readonly durationMs: number | null;
    /** Who ended the call (`null`: it never ended). */
    readonly hangupBy: 'caller' | 'recipient' | 'network' | null;
    /** The CLI was withheld too: aggravating (A2.13). */
    readonly cliWithheld: boolean;
  };
  /** A1.9–A1.10. */
  abandonedCall: {
    /** `true`: the message played; `false`: the recipient hung up before it would have (footnote 13). */
    readonly messagePlayed: boolean;
    /** Who the dialler believes answered: a person, or not known (counted by the A3.6 estimate). */
    readonly answeredBy: 'human' | 'unknown';
  };
  /** A2.15: an unanswered call ended by the caller before the minimum ring. */
  shortRing: { readonly ringMs: number; readonly minMs: number; readonly rings: number; readonly minRings: number | null };
  /** A2.15: left ringing for an extended period. */
  longRing: { readonly ringMs: number; readonly maxMs: number };
  /** A2.18–A2.19: the message started later than the deadline. */
  lateMessage: {
    readonly delayMs: number;
    readonly deadlineMs: number;
    /** Which moment the clock ran from. */
    readonly from: 'pickup' | 'salutationStart' | 'salutationEnd';
  };
  /** A2.17: required elements missing from the message. */
  messageContent: { readonly missing: readonly MessageElement[] };
  /** A1.20, A1.25, A2.13: no CLI presented. */
  cliWithheld: { readonly aggravated: boolean; readonly category: string };
  /** Call-recording guidance: recorded without notice to the recipient. */
  recordingWithoutNotice: { readonly recordingAt: number };
  /** A2.23–A2.25: the records of the call are inconsistent. */
  recordAnomaly: { readonly anomaly: AnomalyKind; readonly event: string; readonly message: string };

  // Rules that look across calls or at the number and hour of a call (A1.18–A1.36, A2.9–A2.14).
  /** A2.9: a call to a number within the repeat window after a silent or abandoned call to it, without a guaranteed agent. */
  repeatWithin72h: {
    readonly previousCallId: string;
    readonly previousAt: number;
    readonly previousCategory: 'silent' | 'abandoned';
    readonly gapMs: number;
    readonly windowMs: number;
  };
  /** A2.11: a call outside the allowed hours in the recipient's local time. */
  unsociableHours: {
    /** Local wall-clock time of the call, `HH:MM`. */
    readonly localTime: string;
    readonly weekday: number;
    readonly zone: string;
    /** That day's allowed window (`null`: no calls allowed that day). */
    readonly window: { readonly start: string; readonly end: string } | null;
  };
  /** A1.20 (A1.33): the presented CLI is not a valid, diallable UK number. */
  cliInvalid: { readonly cli: string; readonly reason: string };
  /** A1.20: the presented CLI is a premium-rate (09) number. */
  cliPremiumRate: { readonly cli: string; readonly numberKind: string };
  /** A2.14 (footnote 41): the presented CLI is not basic rate (084, 087, 070, 118 …). */
  cliNotBasicRate: { readonly cli: string; readonly numberKind: string };
  /** A1.21–A1.23: more distinct CLIs in one campaign on one day than the policy allows. */
  tooManyClis: { readonly campaignId: string; readonly date: string; readonly distinct: number; readonly max: number };
  /** A1.35–A1.36: many calls in a campaign ended by the caller within moments of ringing, to numbers not otherwise called. */
  numberScanning: { readonly campaignId: string; readonly date: string; readonly calls: number; readonly minCalls: number; readonly maxRingMs: number };
  /** A1.28, A1.31: a recipient who asked for an agent was kept waiting longer than the limit. */
  ivmLongWait: { readonly waitMs: number; readonly maxWaitMs: number; readonly informed: boolean };
  /** A1.29: a recipient kept waiting without the caller's identity, purpose, queue position and likely wait. */
  ivmNoQueueInfo: { readonly waitMs: number; readonly limitMs: number; readonly missing: readonly string[] };
  /** The ACR of a scope on a day rose above the alert level the user set — an alert, never a safe harbour (A4.20). */
  acrAlert: {
    readonly date: string;
    readonly scope: string;
    readonly campaignId: string | null;
    readonly callCentreId: string | null;
    readonly rate: number;
    readonly alertRate: number;
    readonly x: number;
    readonly y: number;
    readonly z: number;
    readonly estimated: boolean;
    /** The calls behind x + y so far that day (live and abandoned, counted whole: `callsInRate`). */
    readonly calls: number;
    /** The fewest such calls a running rate needs before it can alert (`policy.acr.alertMinCalls`). */
    readonly minCalls: number;
  };
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
