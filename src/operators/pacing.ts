import { Observable, type OperatorFunction } from 'rxjs';
import type { ClassifiedCall } from '../classify.js';
import { createPacingGovernor, type PacingAdvice, type PacingOptions } from '../pacing/governor.js';
import type { Policy } from '../policy/policy.js';
import { linkedSubscriber } from './linked-subscriber.js';

/**
 * An ACR pacing governor: after each classified call, the recommended cap on the dial
 * ratio (dials per available agent) for the call's campaign, and the headroom left under
 * the user's target for the calendar day (A3.3) and the governed window, so the rate
 * x / (x + y) — with the A3.6 estimate for abandoned calls whose answerer is unknown —
 * stays under the target. Like a VICIdial adaptive dial level, but driven by the Annex 3
 * rate and its headroom rather than a raw drop percentage. The target is the user's
 * choice, never a safe harbour (A4.12, A4.20).
 *
 * Algorithm (per campaign; `createPacingGovernor` and `nextDialRatio`):
 * 1. count the call on its calendar day (policy zone); x, y and the rate for the day and,
 *    for `trailing30Days`, the 30 days ending today;
 * 2. headroom = (target·(x + y) − x) / (1 − target): abandoned calls still allowed if no
 *    more live calls came (the smaller of the day's and the window's); a day starts at 0;
 * 3. smooth, over `smoothingCalls` (exponential forgetting): the call's share of x (1;
 *    1 − z/(y + z) for an unknown answerer, A3.6; else 0), of y, and the ratio in force;
 *    the abandon curve x per dial ≈ c · (ratio − 1)³ gets c = Σx / Σ(ratio − 1)³ (with a
 *    weak prior of 50 dials at 2.0 abandoning at the target);
 * 4. allowance per dial a = headroom / horizonDials + live per dial · target / (1 − target);
 * 5. model ratio r* = 1 + (a / c)^⅓ — the ratio whose expected abandons per dial equal the
 *    allowance (scaled by headroom relative to expected abandons per dial) — at most
 *    `maxDialRatio`;
 * 6. move towards it: fast down (`fallRate`), slowly up (`riseRate`); with less headroom
 *    than `reserveAbandons`, scale the excess over 1.0 by headroom / reserve;
 * 7. invariants: headroom ≤ 0 → exactly 1.0 (progressive); a rate above the target →
 *    never higher than the last recommendation; always within [1, maxDialRatio].
 * The governor assumes the dialler follows its cap; it sees only calls that have ended,
 * so calls in flight are covered by the reserve and by spending the headroom over a
 * horizon, not at once. O(1) per call; state per campaign is a few numbers and the days
 * the window can reach. An error from upstream, or thrown by the governor for a malformed
 * call, goes to the subscriber (the latter at once, and the operator unsubscribes from its
 * source); the governor's state is dropped with the subscription. Unsubscribing stops the
 * source at once, even a synchronous one (`from(array)` under `take(1)`).
 *
 * @example
 * ```ts
 * import { classified, pacing, ofcom2017 } from 'dialguard';
 * records$.pipe(classified(), pacing(ofcom2017, { targetAcr: 0.025, maxDialRatio: 2.5 }))
 *   .subscribe((a) => dialler.setMaxRatio(a.campaignId, a.dialRatio));
 * ```
 */
export function pacing(policy: Policy, options: PacingOptions): OperatorFunction<ClassifiedCall, PacingAdvice> {
  createPacingGovernor(policy, options); // validate the options at once, not on subscription
  return (source) =>
    new Observable<PacingAdvice>((subscriber) => {
      const governor = createPacingGovernor(policy, options);
      return source.subscribe(
        linkedSubscriber<ClassifiedCall>(subscriber, {
          // an error thrown here (a malformed call) goes to the subscriber: see linkedSubscriber
          next: (call) => subscriber.next(governor.next(call)),
        }),
      );
    });
}
