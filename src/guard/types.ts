/**
 * What the pre-dial guard is asked and what it answers: plain, serialisable data. Every
 * refusal names the rule it enforces (`kind`), the paragraph (`ref`), and — where waiting
 * would cure it — `until`, the first moment the rule allows the call.
 */
import type { BarredReason } from '../rules/barred/index.js';
import type { CliWithheldReason } from '../rules/cli/index.js';
import type { CliVerdict } from '../rules/cli/index.js';
import type { RepeatReason } from '../rules/repeat-within-72h/index.js';
import type { CallingHoursReason } from '../rules/unsociable-hours/index.js';

export type { BarredList } from '../rules/barred/index.js';
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

/**
 * Why a dial was refused, by rule: `kind` names the rule, `ref` its paragraph — each
 * declared in its rule's folder (A1.20, A1.25, A2.9, A2.11, A2.13, A2.14):
 * - `repeatWithin72h` (A2.9): a silent or abandoned call to this number in the repeat
 *   window, and no guaranteed agent now; `until` the end of the window;
 * - `unsociableHours` (A2.11): outside the calling window of the recipient's local day,
 *   `until` the next allowed moment; `unknownZone`: a zone whose time cannot be known;
 * - `barred` (A1.25): on the TPS or the caller's own do-not-call list;
 * - `cliWithheld` (A1.20, A2.13), `cliInvalid`, `cliPremiumRate` (A1.20),
 *   `cliNotBasicRate` (A2.14).
 */
export type GuardReason = RepeatReason | CallingHoursReason | BarredReason | CliWithheldReason | CliVerdict;

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
