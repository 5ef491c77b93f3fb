import { Observable, type OperatorFunction } from 'rxjs';
import type { ClassifiedCall } from '../classify.js';
import { createMisuseState, type MisuseOptions, type MisuseUpdate } from '../misuse/state.js';
import { ofcom2017 } from '../policy/ofcom2017.js';
import type { Policy } from '../policy/policy.js';
import { linkedSubscriber } from './linked-subscriber.js';

/**
 * Flags misuse that shows only across calls — repeat calls within 72 h of a silent or
 * abandoned call (A2.9), many CLIs in a campaign's day (A1.21–A1.23), number scanning
 * (A1.35), and the ACR alert (A3.4; an alert, never a safe harbour, A4.20) — and emits,
 * for each classified call, the call with its cross-call flags and every flag it raised.
 *
 * Algorithm (per subscription, one `createMisuseState(policy, options)`):
 * 1. look the call's number up in the history of silent and abandoned calls of the last
 *    72 h (by dial time, numbers normalised) and flag a repeat without a guaranteed agent;
 *    remember the call if it is silent or abandoned, and forget what has expired;
 * 2. count the call's CLI and number in its campaign's calendar day (policy zone), and its
 *    outcome in the ACR tally; raise a day's `tooManyClis`, `numberScanning` and each
 *    scope's `acrAlert` once, when first crossed;
 * 3. emit `{ call, raised }`.
 * State is bounded: the repeat history expires with the window, day state is kept for two
 * days. Errors from upstream, or thrown by a malformed call, go to the subscriber (the
 * latter at once, and the operator unsubscribes from its source); the state is dropped
 * with the subscription. Unsubscribing stops the source at once, even a synchronous one
 * (`from(array)` under `take(1)`).
 *
 * @example
 * ```ts
 * import { from } from 'rxjs';
 * import { classified, misuse } from 'dialguard';
 * from(records)
 *   .pipe(classified(), misuse())
 *   .subscribe(({ raised }) => raised.forEach((f) => console.log(f.kind, f.ref, f.detail)));
 * ```
 */
export function misuse(policy: Policy = ofcom2017, options: MisuseOptions = {}): OperatorFunction<ClassifiedCall, MisuseUpdate> {
  return (source) =>
    new Observable<MisuseUpdate>((subscriber) => {
      const state = createMisuseState(policy, options);
      return source.subscribe(
        linkedSubscriber<ClassifiedCall>(subscriber, {
          // an error thrown here (a malformed call) goes to the subscriber: see linkedSubscriber
          next: (call) => subscriber.next(state.next(call)),
        }),
      );
    });
}
