/**
 * A clock driven by the events' own timestamps, for running many call machines at once.
 * It implements XState's `Clock` (`setTimeout`/`clearTimeout`), so deadlines (A2.15,
 * A2.19) fire on event time, never on the host's time. Timers sit in a binary heap:
 * moving the clock costs O(log n) per timer that fires, however many calls are in
 * flight (XState's `SimulatedClock` sorts every pending timer on each move, which is
 * fine for one call and quadratic for thousands).
 */

/** A clock the host (or an operator) moves forward; pass it to `createActor(machine, { clock })`. */
export interface EventClock {
  /** The clock's time, epoch ms (or any origin the host chose). */
  now(): number;
  /** Moves the clock to `time` (never back: an earlier time is ignored), firing every timer due by then, in due order. */
  set(time: number): void;
  /** Moves the clock forward by `ms`. */
  increment(ms: number): void;
  /** Timers waiting to fire. */
  pending(): number;
  /** XState's clock interface: run `fn` `timeout` ms from now. */
  setTimeout(fn: (...args: unknown[]) => void, timeout: number): number;
  /** XState's clock interface: cancel a timer. */
  clearTimeout(id: number): void;
}

interface Timer {
  readonly id: number;
  readonly due: number;
  readonly fn: (...args: unknown[]) => void;
}

const before = (a: Timer, b: Timer): boolean => a.due < b.due || (a.due === b.due && a.id < b.id);

/** Creates an event-time clock starting at `start` (default 0). */
/* @__NO_SIDE_EFFECTS__ */
export function createEventClock(start = 0): EventClock {
  let now = start;
  let nextId = 1;
  const heap: Timer[] = [];
  const live = new Set<number>();

  const push = (t: Timer): void => {
    heap.push(t);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(heap[i] as Timer, heap[parent] as Timer)) break;
      [heap[i], heap[parent]] = [heap[parent] as Timer, heap[i] as Timer];
      i = parent;
    }
  };
  const pop = (): Timer => {
    const top = heap[0] as Timer;
    const last = heap.pop() as Timer;
    if (heap.length > 0) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && before(heap[l] as Timer, heap[m] as Timer)) m = l;
        if (r < heap.length && before(heap[r] as Timer, heap[m] as Timer)) m = r;
        if (m === i) break;
        [heap[i], heap[m]] = [heap[m] as Timer, heap[i] as Timer];
        i = m;
      }
    }
    return top;
  };
  const flush = (): void => {
    while (heap.length > 0 && (heap[0] as Timer).due <= now) {
      const t = pop();
      if (live.delete(t.id)) t.fn();
    }
  };

  return {
    now: () => now,
    set(time) {
      if (time > now) now = time;
      flush();
    },
    increment(ms) {
      if (ms > 0) now += ms;
      flush();
    },
    pending: () => live.size,
    setTimeout(fn, timeout) {
      const id = nextId++;
      live.add(id);
      push({ id, due: now + Math.max(0, timeout), fn });
      return id;
    },
    clearTimeout(id) {
      live.delete(id);
    },
  };
}
