import type { MisuseCallRef } from './repeat-within-72h.js';

interface Entry extends MisuseCallRef {
  readonly key: string;
  /** The next older entry for the same number (entries are kept newest first). */
  older: Entry | null;
}

/** The silent and abandoned calls of the last repeat window, by number (A2.9). */
export interface RepeatHistory {
  /**
   * The latest silent or abandoned call to `key` dialled at or before `at`, other than
   * `callId` itself; `null` if none is held. It may lie outside the window: the rule checks.
   */
  previous(key: string, at: number, callId: string): MisuseCallRef | null;
  /** Remembers a silent or abandoned call to `key`. */
  remember(key: string, call: MisuseCallRef): void;
  /** Moves time on to dial time `at` (ignored if earlier than the latest seen) and forgets what expired. */
  advance(at: number): void;
  /** Calls held. */
  size(): number;
}

/**
 * A per-number history of silent and abandoned calls whose entries expire with the window,
 * so memory stays flat on an endless stream.
 *
 * Algorithm:
 * 1. each number maps to its entries, newest dial first (almost always just one);
 * 2. every entry also joins a queue in arrival order;
 * 3. time is the latest dial seen; an entry can matter only to a call dialled less than
 *    `windowMs` after it, and calls arrive at most `latenessMs` behind the latest dial, so
 *    entries dialled at or before `latest − windowMs − latenessMs` are swept from the front
 *    of the queue and unlinked from their number.
 * Arrival order is dial order up to the lateness, so the queue is time-ordered up to it and
 * each entry is swept at most `latenessMs` late. Amortised O(1) per call.
 */
export function createRepeatHistory(windowMs: number, latenessMs: number): RepeatHistory {
  const newest = new Map<string, Entry>();
  const queue: (Entry | undefined)[] = [];
  let head = 0;
  let count = 0;
  let latest = -Infinity;

  const unlink = (e: Entry): void => {
    const first = newest.get(e.key);
    if (first === e) {
      if (e.older === null) newest.delete(e.key);
      else newest.set(e.key, e.older);
    } else {
      let p = first ?? null;
      while (p !== null && p.older !== e) p = p.older;
      if (p !== null) p.older = e.older;
    }
    count -= 1;
  };

  return {
    previous(key, at, callId) {
      let e = newest.get(key) ?? null;
      while (e !== null && (e.at > at || e.callId === callId)) e = e.older;
      return e;
    },
    remember(key, call) {
      const e: Entry = { callId: call.callId, at: call.at, category: call.category, key, older: null };
      const first = newest.get(key);
      if (first === undefined || e.at >= first.at) {
        e.older = first ?? null;
        newest.set(key, e);
      } else {
        let p = first;
        while (p.older !== null && p.older.at > e.at) p = p.older;
        e.older = p.older;
        p.older = e;
      }
      queue.push(e);
      count += 1;
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
      if (head > 1024 && head * 2 > queue.length) {
        queue.copyWithin(0, head);
        queue.length -= head;
        head = 0;
      }
      if (head === queue.length) {
        queue.length = 0;
        head = 0;
      }
    },
    size: () => count,
  };
}
