import { Subscriber } from 'rxjs';

/** The operator's own subscriber, as `linkedSubscriber` uses it. */
export type OuterSubscriber = Pick<Subscriber<never>, 'add' | 'error' | 'complete'>;

/** What an operator does with its source's notifications (`linkedSubscriber`). */
export interface SourceObserver<T> {
  readonly next: (value: T) => void;
  /** Default: the error goes to the outer subscriber. */
  readonly error?: (err: unknown) => void;
  /** Default: the outer subscriber completes. */
  readonly complete?: () => void;
}

/**
 * The subscriber an operator gives its source, linked to the operator's own (outer)
 * subscriber before the source is subscribed, as RxJS's own operators do
 * (`OperatorSubscriber`, which RxJS 7 keeps internal): when the consumer unsubscribes —
 * even while a synchronous source (`from(array)`, `from(generator)`) is still emitting,
 * say under `take(1)` — the source is unsubscribed at once and stops, and nothing more
 * reaches `observer`.
 *
 * An error thrown by `observer.next` or `observer.complete` (the operator's own work, or a
 * host callback it calls) goes to the outer subscriber, which tears down as for a source
 * error; it is never thrown into the source nor reported later on a timer.
 *
 * Usage, inside `new Observable((subscriber) => …)`:
 * `return source.subscribe(linkedSubscriber(subscriber, { next… }))` (the teardown returned,
 * if any, runs after the source's).
 *
 * Wraps RxJS 7's `new Subscriber(observer)`, whose constructor is marked deprecated for
 * public use ("will be made internal in v8"): this is the one place the library calls it.
 */
export function linkedSubscriber<T>(outer: OuterSubscriber, observer: SourceObserver<T>): Subscriber<T> {
  /** `handle(value)`, with what it throws sent to the outer subscriber. */
  const guarded =
    <V,>(handle: (value: V) => void) =>
    (value: V): void => {
      try {
        handle(value);
      } catch (e: unknown) {
        outer.error(e);
      }
    };
  const { error, complete } = observer;
  // Deprecated for public use in RxJS 7 (see above); RxJS 7 exports no other linked subscriber.
  const inner = new Subscriber<T>({
    next: guarded(observer.next),
    error: error === undefined ? (e: unknown) => outer.error(e) : guarded(error),
    complete: complete === undefined ? () => outer.complete() : guarded<void>(complete),
  });
  outer.add(inner);
  return inner;
}
