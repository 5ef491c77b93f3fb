/**
 * The simulator's event queue: a binary min-heap ordered by time, then by insertion order,
 * so events of the same millisecond run in the order they were scheduled (FIFO) and a run
 * is reproducible. `push` and `pop` are O(log n).
 */

/** Something that happens at a moment of simulated time (epoch ms). */
export interface Timed {
  readonly at: number;
}

/** A time-ordered queue of events. */
export interface EventQueue<T extends Timed> {
  push(item: T): void;
  /** The earliest event (ties: the first pushed), removed; `undefined` when empty. */
  pop(): T | undefined;
  /** The earliest event, left in place. */
  peek(): T | undefined;
  readonly size: number;
}

/** An empty event queue. */
export function createEventQueue<T extends Timed>(): EventQueue<T> {
  const items: T[] = [];
  const seqs: number[] = [];
  let seq = 0;
  const before = (i: number, j: number): boolean => {
    const a = items[i] as T;
    const b = items[j] as T;
    return a.at < b.at || (a.at === b.at && (seqs[i] as number) < (seqs[j] as number));
  };
  const swap = (i: number, j: number): void => {
    const t = items[i] as T;
    items[i] = items[j] as T;
    items[j] = t;
    const s = seqs[i] as number;
    seqs[i] = seqs[j] as number;
    seqs[j] = s;
  };
  return {
    push(item) {
      items.push(item);
      seqs.push(seq++);
      let i = items.length - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!before(i, parent)) break;
        swap(i, parent);
        i = parent;
      }
    },
    pop() {
      const n = items.length;
      if (n === 0) return undefined;
      const top = items[0];
      swap(0, n - 1);
      items.pop();
      seqs.pop();
      const m = n - 1;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let least = i;
        if (l < m && before(l, least)) least = l;
        if (r < m && before(r, least)) least = r;
        if (least === i) break;
        swap(i, least);
        i = least;
      }
      return top;
    },
    peek: () => items[0],
    get size() {
      return items.length;
    },
  };
}
