import { stringHash } from '../../string-hash.js';
import type { MisuseCallRef } from './index.js';

/**
 * A call a repeat history holds: a silent or abandoned call (misuse, footnote 37), or an
 * answered call whose records cannot show its category (`undetermined`): it may have been
 * misuse, so a silent or abandoned call after it cannot be shown not to be a repeat.
 */
export interface HeldCall {
  readonly callId: string;
  /** Its dial time, epoch ms. */
  readonly at: number;
  readonly category: MisuseCallRef['category'] | 'undetermined';
}

/** One number's silent and abandoned calls held by a repeat history, newest dial first (A2.9). */
export interface RepeatList {
  /** The number's key (`numberKey`). */
  readonly key: string;
  /** Its newest entry of a silent or abandoned call (`null`: none held). Only the history changes it. */
  newest: RepeatEntry | null;
  /**
   * Its newest entry of an undetermined call (`null`: none held; the usual case). The two
   * kinds are linked in chains of their own, so a lookup of one never walks the other.
   * Only the history changes it.
   */
  newestUndetermined: RepeatEntry | null;
}

/** A call held in a number's list. */
export interface RepeatEntry extends HeldCall {
  readonly list: RepeatList;
  /** `stringHash(callId)`: a call is told from another without reading their ids (read long ago, they are cold in memory). */
  readonly idHash: number;
  /** The next older and newer entries for the same number, in the chain of its kind (misuse, or undetermined). */
  older: RepeatEntry | null;
  newer: RepeatEntry | null;
}

/**
 * The silent and abandoned calls of the last repeat window, by number (A2.9), the number
 * named by `N`: its key (`RepeatHistory`) or its list (`RepeatLists`).
 */
export interface RepeatCalls<N> {
  /**
   * The latest silent or abandoned call to `number` dialled at or before `at`, other than
   * `callId` itself (`null`: a call not yet dialled, so none is ignored — any stored id,
   * `''` included, counts); `null` if none is held. It may lie outside the window: the rule checks.
   */
  previous(number: N, at: number, callId: string | null): MisuseCallRef | null;
  /** The same as `previous`, for the latest `undetermined` call held (none unless the caller remembers such calls). */
  previousUndetermined(number: N, at: number, callId: string | null): HeldCall | null;
  /**
   * `true` when a call dialled at `at` would be remembered now: it is dialled after the
   * latest dial seen less the window and the lateness. An earlier one can matter only to
   * calls that `covers` says are not judged, so `remember` leaves it out.
   */
  keeps(at: number): boolean;
  /** Remembers a call to `number`, dialled at `at`: silent or abandoned, or undetermined (nothing when `keeps(at)` is `false`). */
  remember(number: N, callId: string, at: number, category: HeldCall['category']): void;
  /** Moves time on to dial time `at` (no change if not later than the latest seen) and forgets what expired. */
  advance(at: number): void;
  /**
   * `true` when the history still holds every call that can matter to a call dialled at
   * `at`: `at` is no more than the lateness behind the latest dial seen. For an earlier
   * `at`, calls within the window before it may already be forgotten, so a `null` from
   * `previous` does not show there was none.
   */
  covers(at: number): boolean;
  /** Calls held. */
  size(): number;
  /** The calls held, in the order they were remembered (for persisting the history). */
  entries(): Generator<{ readonly key: string } & HeldCall>;
}

/** The repeat window's calls, held in per-number lists that the caller keeps (see `createRepeatLists`). */
export type RepeatLists = RepeatCalls<RepeatList>;

/** The silent and abandoned calls of the last repeat window, by number key (`numberKey`). */
export type RepeatHistory = RepeatCalls<string>;

/**
 * Silent and abandoned calls (and, when the caller remembers them, undetermined ones)
 * whose entries expire with the window, kept in per-number
 * lists (`RepeatList`) that the caller holds — so a caller that keeps more about each
 * number finds the number once per call — and memory stays flat on an endless stream.
 *
 * Algorithm:
 * 1. each number's list points to its newest entry of each kind (silent or abandoned;
 *    undetermined); the entries of a kind are linked newest dial first (usually one entry;
 *    many only when a number keeps getting such calls), so a lookup of one kind never
 *    walks the other;
 * 2. every entry also joins a queue in arrival order;
 * 3. time is the latest dial seen; an entry can matter only to a call dialled less than
 *    `windowMs` after it, and calls arrive at most `latenessMs` behind the latest dial, so
 *    entries dialled at or before `latest − windowMs − latenessMs` are taken from the front
 *    of the queue and unlinked from their number's list in O(1); `onEmpty` is told when a
 *    list is left empty.
 * Arrival order is dial order up to the lateness, so the queue is time-ordered up to it and
 * an entry is swept at most `latenessMs` late. Amortised O(1) per call.
 */
export function createRepeatLists(windowMs: number, latenessMs: number, onEmpty: (list: RepeatList) => void = () => {}): RepeatLists {
  const queue: (RepeatEntry | undefined)[] = [];
  let head = 0;
  let latest = -Infinity;

  const unlink = (e: RepeatEntry): void => {
    if (e.newer === null) {
      const list = e.list;
      if (e.category === 'undetermined') list.newestUndetermined = e.older;
      else list.newest = e.older;
      // Stryker disable next-line ConditionalExpression,EqualityOperator,LogicalOperator: equivalent: an entry older than one expiring is expired too; within the lateness no answer reads it, and an empty list kept is memory only
      if (list.newest === null && list.newestUndetermined === null) onEmpty(list);
      // Stryker disable next-line BlockStatement: equivalent: as above, a link left to an expired entry leads only to expired entries
    } else {
      e.newer.older = e.older;
    }
    // Stryker disable next-line ConditionalExpression: equivalent: as above
    if (e.older !== null) e.older.newer = e.newer;
    e.older = null;
    e.newer = null;
  };

  /** The newest entry of the chain from `newest` dialled at or before `at`, not `callId`'s. */
  const newestHeld = (newest: RepeatEntry | null, at: number, callId: string | null): RepeatEntry | null => {
    let e = newest;
    let idHash = 0;
    let hashed = false;
    while (e !== null) {
      if (e.at <= at) {
        if (callId === null) return e;
        // Stryker disable ConditionalExpression,BooleanLiteral: equivalent: the id hashed once per lookup; hashing again gives the same hash
        if (!hashed) {
          idHash = stringHash(callId);
          hashed = true;
        }
        // Stryker restore ConditionalExpression,BooleanLiteral
        // Stryker disable next-line ConditionalExpression: equivalent: the hashes only shortcut comparing the ids
        if (e.idHash !== idHash || e.callId !== callId) return e;
      }
      e = e.older;
    }
    return null;
  };

  // Already expired (dialled at or before latest − window − lateness): it can matter only to
  // calls that arrive later still, which `covers` says are not judged. Holding it would pin
  // every later entry behind it in the queue (calls fed newest first, or after a far-future dial).
  const keeps = (at: number): boolean => at > latest - windowMs - latenessMs;

  return {
    // The misuse chain holds only silent and abandoned calls: MisuseCallRefs.
    previous: (list, at, callId) => newestHeld(list.newest, at, callId) as MisuseCallRef | null,
    previousUndetermined: (list, at, callId) => newestHeld(list.newestUndetermined, at, callId),
    keeps,
    remember(list, callId, at, category) {
      if (!keeps(at)) return;
      const e: RepeatEntry = { callId, at, category, list, idHash: stringHash(callId), older: null, newer: null };
      const undetermined = category === 'undetermined';
      const first = undetermined ? list.newestUndetermined : list.newest;
      if (first === null || e.at >= first.at) {
        if (first !== null) {
          e.older = first;
          first.newer = e;
        }
        if (undetermined) list.newestUndetermined = e;
        else list.newest = e;
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
      latest = Math.max(latest, at);
      const expired = latest - windowMs - latenessMs;
      while (head < queue.length) {
        const e = queue[head] as RepeatEntry;
        if (e.at > expired) break;
        unlink(e);
        queue[head] = undefined;
        head += 1;
      }
      // Stryker disable next-line all: equivalent: when the queue drops its expired slots changes memory only (test/misuse/bounded.test.ts), never an answer
      if (head > 1024 && head * 2 > queue.length) {
        queue.copyWithin(0, head);
        queue.length -= head;
        head = 0;
      }
    },
    // Entries dialled at or before latest − window − lateness are forgotten; a call at `at` needs those after at − window.
    covers: (at) => at >= latest - latenessMs,
    size: () => queue.length - head,
    *entries() {
      for (let i = head; i < queue.length; i++) {
        const e = queue[i] as RepeatEntry;
        yield { key: e.list.key, callId: e.callId, at: e.at, category: e.category };
      }
    },
  };
}

/**
 * A per-number history of silent and abandoned calls whose entries expire with the window
 * (`createRepeatLists`, with the lists kept by number key and dropped when empty), so
 * memory stays flat on an endless stream. Amortised O(1) per call.
 */
export function createRepeatHistory(windowMs: number, latenessMs: number): RepeatHistory {
  const lists = new Map<string, RepeatList>();
  // Stryker disable next-line ArrowFunction: equivalent: an empty list kept in the map is memory only; it answers as a missing one does
  const held = createRepeatLists(windowMs, latenessMs, (list) => lists.delete(list.key));
  return {
    previous(key, at, callId) {
      const list = lists.get(key);
      return list === undefined ? null : held.previous(list, at, callId);
    },
    previousUndetermined(key, at, callId) {
      const list = lists.get(key);
      return list === undefined ? null : held.previousUndetermined(list, at, callId);
    },
    remember(key, callId, at, category) {
      // A call the lists would not keep makes no list either (after a far-future dial, every later call is one).
      // Stryker disable next-line ConditionalExpression: equivalent: an empty list made is memory only (test/misuse/future-outlier-bounded.test.ts); it answers as a missing one does
      if (!held.keeps(at)) return;
      let list = lists.get(key);
      if (list === undefined) {
        list = { key, newest: null, newestUndetermined: null };
        lists.set(key, list);
      }
      held.remember(list, callId, at, category);
    },
    keeps: (at) => held.keeps(at),
    advance: (at) => held.advance(at),
    covers: (at) => held.covers(at),
    size: () => held.size(),
    entries: () => held.entries(),
  };
}
