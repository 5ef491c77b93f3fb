/**
 * What the pre-dial guard is asked and what it answers: plain, serialisable data. Every
 * refusal names the rule it enforces (`kind`), the paragraph (`ref`), and — where waiting
 * would cure it — `until`, the first moment the rule allows the call.
 */
import type { CallingWindow } from '../policy/policy.js';

/** A call the dialler is about to place: what the pre-dial rules need (A1.20, A1.25, A2.9, A2.11, A2.13, A2.14). */
export interface DialRequest {
  /** Number to call. */
  readonly to: string;
  /** CLI to present; `null` withholds it (A1.20, A2.13). */
  readonly cli: string | null;
  readonly campaignId: string;
  /** When the call would be dialled, epoch ms (the host's clock: dialguard has none). */
  readonly at: number;
  /** A live agent is guaranteed for the call (preview, progressive, or reserved): repeats allowed (A2.9). */
  readonly agentGuaranteed: boolean;
  /** The recipient's IANA zone, when not the policy's (A2.11). */
  readonly zone?: string | null | undefined;
}

/** Which list barred a number (A1.25): the Telephone Preference Service, the caller's own do-not-call list, or the host did not say. */
export type BarredList = 'tps' | 'dnc' | 'unspecified';

/** Why a dial was refused, by rule: `kind` names the rule, `ref` its paragraph (A1.20, A1.25, A2.9, A2.11, A2.14). */
export type GuardReason =
  /** A2.9: a silent or abandoned call to this number in the repeat window, and no guaranteed agent now. */
  | {
      readonly kind: 'repeatWithin72h';
      readonly ref: 'A2.9';
      /** The earlier call's dial + the window: from this moment (inclusive) the number may be called without a guaranteed agent. */
      readonly until: number;
      readonly detail: {
        readonly previousCallId: string;
        readonly previousAt: number;
        readonly previousCategory: 'silent' | 'abandoned';
        readonly windowMs: number;
      };
    }
  /** A2.11: outside the calling window of the recipient's local day (`policy.callingHours`). */
  | {
      readonly kind: 'unsociableHours';
      readonly ref: 'A2.11';
      /** The next allowed moment (start of the next open window, clock changes included); absent when no day of the week is open. */
      readonly until?: number;
      readonly detail: {
        /** Local wall-clock time of `at`, `HH:MM`. */
        readonly localTime: string;
        readonly weekday: number;
        readonly zone: string;
        readonly window: CallingWindow | null;
      };
    }
  /** A2.11: the recipient's zone is not one this runtime knows, so its local time cannot be judged: refused, failing safe. */
  | { readonly kind: 'unknownZone'; readonly ref: 'A2.11'; readonly detail: { readonly zone: string } }
  /** A1.25: the host says the number is on the TPS or its own do-not-call list. */
  | { readonly kind: 'barred'; readonly ref: 'A1.25'; readonly detail: { readonly list: BarredList } }
  /** A1.20, A2.13: no CLI presented. */
  | { readonly kind: 'cliWithheld'; readonly ref: 'A1.20'; readonly detail: { readonly cli: string | null } }
  /** A1.20: the CLI is not a valid, diallable number. */
  | { readonly kind: 'cliInvalid'; readonly ref: 'A1.20'; readonly detail: { readonly cli: string; readonly reason: string } }
  /** A1.20: the CLI is a premium-rate number. */
  | { readonly kind: 'cliPremiumRate'; readonly ref: 'A1.20'; readonly detail: { readonly cli: string; readonly numberKind: string } }
  /** A2.14 (footnote 41): the CLI is not basic rate. */
  | { readonly kind: 'cliNotBasicRate'; readonly ref: 'A2.14'; readonly detail: { readonly cli: string; readonly numberKind: string } };

/** The kinds of `GuardReason` (A1.20, A1.25, A2.9, A2.11, A2.14). */
export type GuardReasonKind = GuardReason['kind'];

/** The guard's answer to one `DialRequest`: allowed, or refused with every reason (A1.20, A1.25, A2.9, A2.11, A2.14). */
export interface DialDecision {
  /** `true` when no rule refuses the call (`reasons` is then empty). */
  readonly allowed: boolean;
  /** Every rule that refuses it, in a fixed order: repeat, hours, zone, barred, CLI. */
  readonly reasons: readonly GuardReason[];
  /**
   * When every reason is cured by waiting (repeat window, calling hours): the first moment
   * at which all of them are — the first moment in calling hours at or after the repeat
   * window's end. Absent otherwise.
   */
  readonly retryAt?: number;
}
