import type { MisuseCallRef } from './index.js';

interface Entry extends MisuseCallRef {
  readonly key: string;
  /** The next older and newer entries for the same number (entries are kept newest first). */
  older: Entry | null;
  newer: Entry | null;
}

/** The silent and abandoned calls of the last repeat window, by number (A2.9). */
export interface RepeatHistory {
  /**
   * The latest silent or abandoned call to `key` dialled at or before `at`, other than
   * `callId` itself; `null` if none is held. It may lie outside the window: the rule checks.
   */
  previous(key: string, at: number, callId: string): MisuseCallRef | null;
  /** Remembers a silent or abandoned call to `key`, dialled at `at`. */
  remember(key: string, callId: string, at: number, category: MisuseCallRef['category']): void;
  /** Moves time on to dial time `at` (ignored if not later than the latest seen) and forgets what expired. */
  advance(at: number): void;
  /** Calls held. */
  size(): number;
  /** The calls held, in the order they were remembered (for persisting the history). */
  entries(): Generator<{ readonly key: string } & MisuseCallRef>;
}

/**
 * A per-number history of silent and abandoned calls whose entries expire with the window,
 * so memory stays flat on an endless stream.
 *
 * Algorithm:
 * 1. each number maps to its newest entry; its entries form a list, newest dial first
 *    (usually one entry; many only when a number keeps getting silent calls);
 * 2. every entry also joins a queue in arrival order;
 * 3. time is the latest dial seen; an entry can matter only to a call dialled less than
 *    `windowMs` after it, and calls arrive at most `latenessMs` behind the latest dial, so
 *    entries dialled at or before `latest − windowMs − latenessMs` are taken from the front
 *    of the queue and unlinked from their number's list in O(1).
 * Arrival order is dial order up to the lateness, so the queue is time-ordered up to it and
 * an entry is swept at most `latenessMs` late. Amortised O(1) per call.
 */
export function createRepeatHistory(windowMs: number, latenessMs: number): RepeatHistory {
  const newest = new Map<string, Entry>();
  const queue: (Entry | undefined)[] = [];
  let head = 0;
  let latest = -Infinity;

  const unlink = (e: Entry): void => {
    if (e.newer === null) {
      if (e.older === null) newest.delete(e.key);
      else newest.set(e.key, e.older);
    } else {
      e.newer.older = e.older;
    }
    if (e.older !== null) e.older.newer = e.newer;
    e.older = null;
    e.newer = null;
  };

  return {
    previous(key, at, callId) {
      let e = newest.get(key) ?? null;
      while (e !== null && (e.at > at || e.callId === callId)) e = e.older;
      return e;
    },
    remember(key, callId, at, category) {
      const e: Entry = { callId, at, category, key, older: null, newer: null };
      const first = newest.get(key);
      if (first === undefined || e.at >= first.at) {
        if (first !== undefined) {
          e.older = first;
          first.newer = e;
        }
        newest.set(key, e);
      } else {
        let p = first; // newer than e: find the last entry newer than e
        while (p.older !== null && p.older.at > e.at) p = p.older;
        e.older = p.older;
        e.newer = p;
        if (p.older !== null) p.older.newer = e;
        p.older = e;
      }
      queue.push(e);
    },
    advance(at) {
      if (!(at > latest)) return;
      latest = at;
      const expired = latest - windowMs - latenessMs;
      while (head < queue.length) {
        const e = queue[head] as Entry;
        if (e.at > expired) break;
        unlink(e);
        queue[head] = undefined;
        head += 1;
      }
      if (head === queue.length) {
        queue.length = 0;
        head = 0;
      } else if (head > 1024 && head * 2 > queue.length) {
        queue.copyWithin(0, head);
        queue.length -= head;
        head = 0;
      }
    },
    size: () => queue.length - head,
    *entries() {
      for (let i = head; i < queue.length; i++) {
        const e = queue[i] as Entry;
        yield { key: e.key, callId: e.callId, at: e.at, category: e.category };
      }
    },
  };
}
