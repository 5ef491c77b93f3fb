import { Observable, type MonoTypeOperatorFunction, type Observer } from 'rxjs';
import type { DialGuard } from '../guard/dial-guard.js';
import type { DialRequest, GuardReason } from '../guard/types.js';
import { linkedSubscriber } from './linked-subscriber.js';

/** A dial request the guard refused, with every reason (A1.20, A1.25, A2.9, A2.11, A2.14) and when waiting would cure them all. */
export interface RefusedDial<T extends DialRequest = DialRequest> {
  readonly request: T;
  readonly reasons: readonly GuardReason[];
  /** See `DialDecision.retryAt`. */
  readonly retryAt?: number;
}

/** Where refused requests (A1.20, A1.25, A2.9, A2.11, A2.14) go: a callback, or an observer such as a `Subject` (only its `next` is called). */
export type RefusedChannel<T extends DialRequest = DialRequest> = ((refused: RefusedDial<T>) => void) | Partial<Observer<RefusedDial<T>>>;

/** Options for the `guard` operator (the pre-dial rules, A1.20–A2.14). */
export interface GuardOperatorOptions<T extends DialRequest = DialRequest> {
  /** Receives each refused request with its reasons; default: dropped silently. Never completed or errored by the operator. */
  readonly onRefused?: RefusedChannel<T> | undefined;
}

/**
 * Filters a stream of dial requests through a pre-dial guard (`createDialGuard`): emits
 * the requests it allows (the same objects) and hands the refused ones, with their reasons
 * (A2.9 repeat, A2.11 hours, A1.25 TPS/do-not-call, A1.20/A2.13/A2.14 CLI), to a side
 * channel the caller chooses.
 *
 * Algorithm, for each request: 1. `dialGuard.check(request)`; 2. allowed → emit it;
 * refused → `onRefused({ request, reasons, retryAt })` (a function, or `observer.next`).
 * The guard is shared, not owned: the host keeps recording how calls end
 * (`dialGuard.observe`), and several streams may check against one guard. The side channel
 * is never completed by this operator. An error thrown by the guard (a host `isBarred`
 * that throws) or by the side channel goes to the subscriber (`error`, at once, in the
 * same call), and the operator unsubscribes from its source; an error from the source
 * goes to the subscriber as it is. Unsubscribing stops the source at once, even a
 * synchronous one (`from(array)` under `take(1)`): no request is checked after that.
 *
 * @example
 * ```ts
 * import { Subject } from 'rxjs';
 * import { createDialGuard, guard, type RefusedDial } from 'dialguard';
 * const dialGuard = createDialGuard();
 * const refused = new Subject<RefusedDial>();
 * refused.subscribe(({ request, reasons }) => console.log(request.to, reasons.map((r) => r.kind)));
 * requests$.pipe(guard(dialGuard, { onRefused: refused })).subscribe(placeCall);
 * ```
 */
export function guard<T extends DialRequest>(dialGuard: DialGuard, options: GuardOperatorOptions<T> = {}): MonoTypeOperatorFunction<T> {
  const channel = options.onRefused;
  const refuse: (r: RefusedDial<T>) => void =
    channel === undefined ? () => undefined : typeof channel === 'function' ? channel : (r) => channel.next?.(r);
  return (source) =>
    new Observable<T>((subscriber) =>
      source.subscribe(
        linkedSubscriber<T>(subscriber, {
          // An error thrown by the guard or the side channel goes to the subscriber: see linkedSubscriber.
          next(request) {
            const decision = dialGuard.check(request);
            if (decision.allowed) subscriber.next(request);
            else refuse(decision.retryAt === undefined ? { request, reasons: decision.reasons } : { request, reasons: decision.reasons, retryAt: decision.retryAt });
          },
        }),
      ),
    );
}
