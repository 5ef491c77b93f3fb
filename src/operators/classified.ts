import { map, type OperatorFunction } from 'rxjs';
import { classify, type ClassifiedCall, type ClassifyOptions } from '../classify.js';
import { ofcom2017 } from '../policy/ofcom2017.js';
import type { Policy } from '../policy/policy.js';
import type { CallRecord } from '../record.js';

/**
 * Classifies each call record as it arrives: category and per-call flags.
 *
 * Algorithm: `map(record => classify(record, policy, options))` — a pure step, so live
 * streams and batch audits give identical results.
 *
 * @example
 * ```ts
 * import { from } from 'rxjs';
 * import { classified } from 'dialguard';
 * from(records).pipe(classified()).subscribe((call) => console.log(call.category, call.flags));
 * ```
 */
export function classified(policy: Policy = ofcom2017, options: ClassifyOptions = {}): OperatorFunction<CallRecord, ClassifiedCall> {
  return map((record) => classify(record, policy, options));
}
