import type { FlagKind } from '../flags.js';
import { FLAG_KIND_INFO, FLAG_KINDS } from '../rules/index.js';

/**
 * The paragraph each flag kind usually cites, and what it is, in the order reports list
 * them — taken from the rules (`src/rules/index.ts`): the call outcomes first (A2.3–A2.4),
 * then Annex 2's aggravating factors in their order, then the other forms of misuse
 * (Annex 1), then records. A flag's own `ref` may be a neighbouring paragraph (a silent
 * call by AMD cites A1.6); reports list the refs seen.
 */
export { FLAG_KIND_INFO, FLAG_KINDS };

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
