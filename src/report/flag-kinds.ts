import type { FlagKind } from '../flags.js';
import { RECORDING_GUIDANCE_REF } from '../rules/recording-notice.js';

/**
 * The paragraph each flag kind usually cites, and what it is, in the order reports list
 * them: the call outcomes first (A2.3–A2.4), then Annex 2's aggravating factors in their
 * order, then the other forms of misuse (Annex 1), then records. A flag's own `ref` may be a
 * neighbouring paragraph (a silent call by AMD cites A1.6); reports list the refs seen.
 * A `Record` over every `FlagKind`, so a new kind is a compile error here until listed.
 */
export const FLAG_KIND_INFO: { readonly [K in FlagKind]: { readonly ref: string; readonly title: string } } = {
  silentCall: { ref: 'A1.3', title: 'silent call' },
  abandonedCall: { ref: 'A1.9', title: 'abandoned call' },
  acrAlert: { ref: 'A3.4', title: 'ACR above the alert level (an alert, never a safe harbour)' },
  repeatWithin72h: { ref: 'A2.9', title: 'repeat call within 72 h without a guaranteed agent' },
  unsociableHours: { ref: 'A2.11', title: 'call at unsociable hours' },
  cliWithheld: { ref: 'A2.13', title: 'CLI withheld' },
  cliInvalid: { ref: 'A1.20', title: 'CLI not a valid, diallable number' },
  cliPremiumRate: { ref: 'A1.20', title: 'premium-rate CLI' },
  cliNotBasicRate: { ref: 'A2.14', title: 'CLI not basic rate' },
  tooManyClis: { ref: 'A1.21', title: 'many CLIs in a campaign day' },
  shortRing: { ref: 'A2.15', title: 'ring under the minimum' },
  longRing: { ref: 'A2.15', title: 'left ringing for an extended period' },
  messageContent: { ref: 'A2.17', title: 'information message missing required content' },
  lateMessage: { ref: 'A2.19', title: 'information message later than the deadline' },
  numberScanning: { ref: 'A1.35', title: 'number scanning' },
  ivmLongWait: { ref: 'A1.28', title: 'IVM: held too long for an agent' },
  ivmNoQueueInfo: { ref: 'A1.29', title: 'IVM: kept waiting without queue information' },
  recordingWithoutNotice: { ref: RECORDING_GUIDANCE_REF, title: 'recorded without notice' },
  recordAnomaly: { ref: 'A2.23', title: 'inconsistent call record' },
};

/** Every flag kind, in report order. */
export const FLAG_KINDS: readonly FlagKind[] = /* @__PURE__ */ Object.keys(FLAG_KIND_INFO) as FlagKind[];

/** The position of each kind in `FLAG_KINDS` (for per-kind counter arrays). */
export const FLAG_KIND_INDEX: { readonly [K in FlagKind]: number } = /* @__PURE__ */ (() => Object.fromEntries(FLAG_KINDS.map((k, i) => [k, i])))() as {
  readonly [K in FlagKind]: number;
};

/**
 * The kinds that make a day or week count as one "on which misuse occurred" (Section 1)
 * by default: every kind except `recordAnomaly` (a fault in the records, weighed under
 * A2.23–A2.25, not a call that harmed anyone) and `recordingWithoutNotice` (call-recording
 * law, outside the persistent-misuse policy). Silent and abandoned calls always count.
 */
export const DEFAULT_MISUSE_KINDS: readonly FlagKind[] = /* @__PURE__ */ (() => FLAG_KINDS.filter((k) => k !== 'recordAnomaly' && k !== 'recordingWithoutNotice'))();
