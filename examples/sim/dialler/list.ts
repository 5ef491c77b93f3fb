/**
 * The dialler's list manager: which number to call next — a redial that is due, else a
 * fresh one — and, from the call machine's classification of each finished call, whether
 * to call the number again and when. A well-run dialler does not call a number again
 * within 72 h of a silent or abandoned call (A2.9): the machine's output says which calls
 * those are.
 */
import type { ClassifiedCall } from 'dialguard';
import type { RedialConfig } from '../config.js';
import { createEventQueue, type EventQueue } from '../queue.js';
import type { Rng } from '../rng.js';

/** The state of a number list: attempts per number, numbers done with, redials due. */
export interface CallList {
  readonly size: number;
  readonly attempts: Uint8Array;
  readonly done: Uint8Array;
  readonly retries: EventQueue<{ readonly at: number; readonly index: number }>;
  /** The next number never called. */
  fresh: number;
  /** The list ran out before the end. */
  exhausted: boolean;
}

/** A list of `size` numbers, none called yet. */
export function createCallList(size: number): CallList {
  return { size, attempts: new Uint8Array(size), done: new Uint8Array(size), retries: createEventQueue(), fresh: 0, exhausted: false };
}

/** The next number to call at `now` (its index in the list): a redial that is due, else a fresh one; `null` when there is none. */
export function nextNumber(list: CallList, now: number): number | null {
  for (;;) {
    const due = list.retries.peek();
    if (due !== undefined && due.at <= now) {
      list.retries.pop();
      if (list.done[due.index] === 0) return due.index;
      continue;
    }
    if (list.fresh < list.size) return list.fresh++;
    if (list.retries.size === 0) list.exhausted = true;
    return null;
  }
}

/** Counts a new attempt to number `index`; returns its number (1, 2 …). */
export function countAttempt(list: CallList, index: number): number {
  return ++list.attempts[index]!;
}

/** What to do with number `index` after its call `out` ended at `now`: done with it, or a redial later. */
export function afterCall(list: CallList, index: number, out: ClassifiedCall, redial: RedialConfig, rng: Rng, now: number): void {
  const again = (): void => {
    if (list.attempts[index]! >= redial.maxAttempts) list.done[index] = 1;
    else list.retries.push({ at: now + Math.round(redial.afterMs * rng.uniform(0.9, 1.1)), index });
  };
  switch (out.category) {
    case 'live':
      list.done[index] = 1;
      return;
    case 'unconnected':
      if (out.record.hangupCause === 'invalidNumber') list.done[index] = 1;
      else again();
      return;
    case 'answerMachine':
      again();
      return;
    case 'silent':
    case 'abandoned':
      // A2.9: no repeat within 72 h without a guaranteed agent.
      if (redial.respectRepeatWindow) list.done[index] = 1;
      else again();
      return;
  }
}
