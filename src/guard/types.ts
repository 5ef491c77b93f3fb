/**
 * What the pre-dial guard is asked and what it answers: plain, serialisable data. Every
 * refusal names the rule it enforces (`kind`), the paragraph (`ref`), and — where waiting
 * would cure it — `until`, the first moment the rule allows the call.
 */
import type { BarredReason, BarredUnknownReason } from '../rules/barred/index.js';
import type { CliWithheldReason } from '../rules/cli/index.js';
import type { CliVerdict } from '../rules/cli/index.js';
import type { REPEAT_REF, RepeatReason, RepeatUnknownReason } from '../rules/repeat-within-72h/index.js';

export type { RepeatUnknownReason } from '../rules/repeat-within-72h/index.js';
import type { CallingHoursReason, UNSOCIABLE_HOURS_REF } from '../rules/unsociable-hours/index.js';

export type { BarredList } from '../rules/barred/index.js';
/** A call the dialler is about to place: what the pre-dial rules need (A1.20, A1.25, A2.9, A2.11, A2.13, A2.14). */
export interface DialRequest {
  /** Number to call. */
  readonly to: string;
  /** CLI to present; `null` withholds it (A1.20, A2.13). */
  readonly cli: string | null;
  readonly campaignId: string;
  /** When the call would be dialled, epoch ms (the host's clock: dialguard has none). A check never moves the guard's clock. */
  readonly at: number;
  /** A live agent is guaranteed for the call (preview, progressive, or reserved): repeats allowed (A2.9). Only `true` counts. */
  readonly agentGuaranteed: boolean;
  /** The recipient's IANA zone, when not the policy's (A2.11). */
  readonly zone?: string | null | undefined;
}

/**
 * A2.9 for the guard when its history cannot show the answer: the checked time is more
 * than `maxLatenessMs` behind the latest dial recorded (`latest`; one recorded far in the
 * future, say 2099, does this to every check), so calls in the window before it may have
 * been forgotten. No earlier silent or abandoned call was found, but none can be ruled
 * out: refused unless a live agent is guaranteed. Waiting does not cure it (no `until`).
 */
export interface HistoryIncompleteReason {
  readonly kind: 'historyIncomplete';
  readonly ref: typeof REPEAT_REF;
  readonly detail: { readonly latest: number; readonly maxLatenessMs: number; readonly why: string };
}

/**
 * A request the guard cannot read (A2.9, A2.11, A1.25 need its fields): `field` names it
 * (`at` with no calendar day — NaN, ±Infinity, 1e300 —, `to` not a string, `zone` not a
 * string, or `''` for a request that is not an object), `received` shows it (at most about
 * 40 characters). `ref` is the first paragraph that cannot be judged without it.
 */
export interface InvalidRequestReason {
  readonly kind: 'invalidRequest';
  readonly ref: typeof REPEAT_REF | typeof UNSOCIABLE_HOURS_REF;
  readonly detail: { readonly field: '' | 'at' | 'to' | 'zone'; readonly expected: string; readonly received: string };
}

/**
 * Why a dial was refused, by rule: `kind` names the rule, `ref` its paragraph — each
 * declared in its rule's folder (A1.20, A1.25, A2.9, A2.11, A2.13, A2.14):
 * - `repeatWithin72h` (A2.9): a silent or abandoned call to this number in the repeat
 *   window, and no guaranteed agent now; `until` the end of the window;
 * - `repeatAfterUndetermined` (A2.9): an undetermined call to this number in the window
 *   (it may have been silent or abandoned), and no guaranteed agent; `until` as above;
 * - `historyIncomplete` (A2.9): the checked time is too far behind the latest recorded
 *   dial for the history to show whether there was such a call;
 * - `unsociableHours` (A2.11): outside the calling window of the recipient's local day,
 *   `until` the next allowed moment; `unknownZone`: a zone whose time cannot be known;
 * - `barred` (A1.25): on the TPS or the caller's own do-not-call list; `barredUnknown`:
 *   the host's `isBarred` answer could not be read;
 * - `cliWithheld` (A1.20, A2.13), `cliInvalid`, `cliPremiumRate` (A1.20),
 *   `cliNotBasicRate` (A2.14);
 * - `invalidRequest`: a field the rules need is missing or unreadable (a time with no
 *   calendar day, a number that is not a string).
 */
export type GuardReason =
  | InvalidRequestReason
  | RepeatReason
  | RepeatUnknownReason
  | HistoryIncompleteReason
  | CallingHoursReason
  | BarredReason
  | BarredUnknownReason
  | CliWithheldReason
  | CliVerdict;

/** The kinds of `GuardReason` (A1.20, A1.25, A2.9, A2.11, A2.14). */
export type GuardReasonKind = GuardReason['kind'];

/** The guard's answer to one `DialRequest`: allowed, or refused with every reason (A1.20, A1.25, A2.9, A2.11, A2.14). */
export interface DialDecision {
  /** `true` when no rule refuses the call (`reasons` is then empty). */
  readonly allowed: boolean;
  /** Every rule that refuses it, in a fixed order: invalid request, repeat (and history), hours, zone, barred, CLI. */
  readonly reasons: readonly GuardReason[];
  /**
   * When every reason is cured by waiting (repeat window, calling hours): the first moment
   * at which all of them are — the first moment in calling hours at or after the repeat
   * window's end. Absent otherwise.
   */
  readonly retryAt?: number;
}
