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
 * by default: the forms of misuse of Annex 1, as the rules mark them (`FlagKindInfo.misuse`)
 * — silent and abandoned calls (A1.3–A1.12), CLI misuse (A1.20–A1.23), IVM misuse
 * (A1.28–A1.31) and number scanning (A1.35). Not Annex 2's factors (A2.7: they aggravate
 * misuse; a silent or abandoned call they sit on counts on its own), the ACR alert (a
 * criterion for prioritising, A4.20), record anomalies (A2.23) or recording without notice
 * (outside the policy). Silent and abandoned calls count whatever the list.
 */
export const DEFAULT_MISUSE_KINDS: readonly FlagKind[] = /* @__PURE__ */ (() => FLAG_KINDS.filter((k) => FLAG_KIND_INFO[k].misuse === true))();
