/**
 * A queue of deadlines with one entry per key (a call), for running many calls on one
 * clock: an indexed binary min-heap, so moving an entry's deadline, removing it and
 * taking the earliest each cost O(log n) however many calls are in flight, and no entry
 * is ever left behind when a deadline moves (unlike a heap of timers with lazy cancel).
 */

/** What the queue keeps on each entry: its deadline and its place. Owned by the queue; do not set. */
export interface QueueEntry {
  /** The entry's deadline, epoch ms (`Infinity` when it is not in the queue). */
  due: number;
  /** Its index in the heap, `-1` when it is not in the queue. */
  index: number;
  /** Breaks ties between equal deadlines: the lower comes first (e.g. the order the calls were dialled in). */
  readonly order: number;
}

/** A deadline queue; see `createDeadlineQueue`. */
export interface DeadlineQueue<E extends QueueEntry> {
  /** Entries in the queue. */
  size(): number;
  /** The entry with the earliest deadline (ties: the lowest `order`), or `undefined`. */
  peek(): E | undefined;
  /** Puts `entry` in the queue at `due`, or moves it there; a `due` that is not finite (`Infinity`, `NaN`) takes it out. */
  schedule(entry: E, due: number): void;
  /** Takes `entry` out of the queue (nothing if it is not in it). */
  remove(entry: E): void;
}

const before = (a: QueueEntry, b: QueueEntry): boolean => a.due < b.due || (a.due === b.due && a.order < b.order);

/** Creates an empty deadline queue. */
/* @__NO_SIDE_EFFECTS__ */
export function createDeadlineQueue<E extends QueueEntry>(): DeadlineQueue<E> {
  const heap: E[] = [];

  const place = (entry: E, i: number): void => {
    heap[i] = entry;
    entry.index = i;
  };
  const up = (i: number): void => {
    const entry = heap[i] as E;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent] as E;
      if (!before(entry, p)) break;
      place(p, i);
      i = parent;
    }
    place(entry, i);
  };
  const down = (i: number): void => {
    const entry = heap[i] as E;
    const n = heap.length;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const child = r < n && before(heap[r] as E, heap[l] as E) ? r : l;
      const c = heap[child] as E;
      if (!before(c, entry)) break;
      place(c, i);
      i = child;
    }
    place(entry, i);
  };
  const remove = (entry: E): void => {
    const i = entry.index;
    if (i < 0) return;
    entry.index = -1;
    entry.due = Infinity;
    const last = heap.pop() as E;
    if (last === entry) return;
    place(last, i);
    up(i);
    down(last.index);
  };

  return {
    size: () => heap.length,
    peek: () => heap[0],
    schedule(entry, due) {
      if (!Number.isFinite(due)) return remove(entry);
      if (entry.index < 0) {
        entry.due = due;
        heap.push(entry);
        up(heap.length - 1);
        return;
      }
      // Stryker disable next-line ConditionalExpression: equivalent for `false` only (an entry moved to the deadline it has: `down` finds no earlier child); `true` and `!==` are killed by the operator tests
      if (due === entry.due) return;
      // Stryker disable next-line EqualityOperator: equivalent for `<=` only (an equal deadline returned above); `>=` is killed
      const earlier = due < entry.due;
      entry.due = due;
      if (earlier) up(entry.index);
      else down(entry.index);
    },
    remove,
  };
}
