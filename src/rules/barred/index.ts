/**
 * A1.25: calls to numbers on the Telephone Preference Service or the caller's own
 * do-not-call list overlap with PECR. The pre-dial guard refuses them on the host's word
 * (dialguard ships no lists); there is no flag, as records do not say whether a number
 * was barred.
 */
import { ruleInfo } from '../rule.js';

/** The paragraph of barred numbers. */
export const BARRED_REF = 'A1.25';

/** Which list barred a number (A1.25): the Telephone Preference Service, the caller's own do-not-call list, or the host did not say. */
export type BarredList = 'tps' | 'dnc' | 'unspecified';

/** The pre-dial guard's refusal under A1.25. */
export interface BarredReason {
  readonly kind: 'barred';
  readonly ref: typeof BARRED_REF;
  readonly detail: { readonly list: BarredList };
}

/** Rule information (A1.25): a guard-only rule. */
export const barredRule = /* @__PURE__ */ ruleInfo('barred', 'TPS and do-not-call lists', [BARRED_REF], {});

/** A1.25: the guard's reason to refuse, from the host's answer (`true`, `'tps'`, `'dnc'`), or `null` when the number is not barred. */
export function barredReason(answer: boolean | 'tps' | 'dnc'): BarredReason | null {
  const list: BarredList | null = answer === 'tps' || answer === 'dnc' ? answer : answer === true ? 'unspecified' : null;
  return list === null ? null : { kind: 'barred', ref: BARRED_REF, detail: { list } };
}
