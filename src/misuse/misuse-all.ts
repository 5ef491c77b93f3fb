import type { ClassifiedCall } from '../classify.js';
import { ofcom2017 } from '../policy/ofcom2017.js';
import type { Policy } from '../policy/policy.js';
import { createMisuseState, type MisuseOptions, type MisuseUpdate } from './state.js';

/**
 * The cross-call rules (A1.21–A1.23, A1.35, A2.9, A3.4) over a batch of classified calls,
 * synchronously: the batch form of the `misuse` operator, with the same engine
 * (`createMisuseState`), so an audit and a live stream give the same flags. Give the calls
 * in dial order where possible (see `MisuseOptions.maxLatenessMs`).
 *
 * Returns one update per call, in order: the call with its cross-call flags, and every
 * flag it raised.
 */
export function misuseAll(calls: Iterable<ClassifiedCall>, policy: Policy = ofcom2017, options: MisuseOptions = {}): MisuseUpdate[] {
  const state = createMisuseState(policy, options);
  const out: MisuseUpdate[] = [];
  for (const call of calls) out.push(state.next(call));
  return out;
}
