/**
 * A1.25: calls to numbers on the Telephone Preference Service or the caller's own
 * do-not-call list overlap with PECR. The pre-dial guard refuses them on the host's word
 * (dialguard ships no lists); there is no flag, as records do not say whether a number
 * was barred. An answer the guard cannot read is an unknown fact, never "not barred".
 */
import { describeReceived } from '../../validate/received.js';
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

/**
 * The pre-dial guard's refusal under A1.25 when the host's `isBarred` answered something
 * other than `false`, `true`, `'tps'` or `'dnc'` (a Promise from an async lookup, `'TPS'`,
 * `undefined`): whether the number is barred is unknown, so the call is not allowed.
 * `received` describes the answer (at most 40 characters of it).
 */
export interface BarredUnknownReason {
  readonly kind: 'barredUnknown';
  readonly ref: typeof BARRED_REF;
  readonly detail: { readonly received: string };
}

/** Rule information (A1.25): a guard-only rule. */
export const barredRule = /* @__PURE__ */ ruleInfo('barred', 'TPS and do-not-call lists', [BARRED_REF], {});

/** What an unreadable `isBarred` answer was, in words (A1.25), never longer than about 40 characters. */
function describeAnswer(answer: unknown): string {
  if (answer !== null && (typeof answer === 'object' || typeof answer === 'function') && typeof (answer as { then?: unknown }).then === 'function') {
    return 'a Promise (isBarred must answer synchronously)';
  }
  return describeReceived(answer, 32);
}

/**
 * A1.25: the guard's reason to refuse, from the host's answer: `false` alone means not
 * barred (`null`); `true`, `'tps'` or `'dnc'` is `barred` (the list named, or
 * `unspecified`); anything else — a Promise, `'TPS'`, `undefined`, `null` — is
 * `barredUnknown` (an unknown fact is never read as "not barred").
 */
export function barredReason(answer: unknown): BarredReason | BarredUnknownReason | null {
  if (answer === false) return null;
  const list: BarredList | null = answer === 'tps' || answer === 'dnc' ? answer : answer === true ? 'unspecified' : null;
  if (list !== null) return { kind: 'barred', ref: BARRED_REF, detail: { list } };
  return { kind: 'barredUnknown', ref: BARRED_REF, detail: { received: describeAnswer(answer) } };
}
