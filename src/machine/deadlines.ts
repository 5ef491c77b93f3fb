/**
 * Deadlines of a running call, computed by the rules' own functions (`minRingEndsAt`,
 * `maxRingEndsAt` in `rules/ring-time`, `messageDueAt` in `rules/message-deadline`), so a notice and a flag always agree
 * on the moment.
 */
import type { Policy } from '../policy/policy.js';
import type { CallRecord } from '../record.js';
import { MESSAGE_DEADLINE_REF, messageDueAt } from '../rules/message-deadline/index.js';
import { RING_TIME_REF, maxRingEndsAt, minRingEndsAt } from '../rules/ring-time/index.js';
import type { DeadlineKind, DeadlineNotice, Deadlines } from './types.js';

/** No deadline armed. */
export const NO_DEADLINES: Deadlines = /* @__PURE__ */ Object.freeze({ minRingAt: null, maxRingAt: null, messageDueAt: null });

/** Longest delay a host timer can take (`setTimeout` fires at once beyond it). */
export const MAX_DELAY_MS = 2_147_483_647;

/** A2.15: the ring deadlines of an unanswered call (from `ringStartAt`: ringing, else dial). */
export function ringDeadlines(record: CallRecord, policy: Policy): Deadlines {
  return { minRingAt: minRingEndsAt(record, policy), maxRingAt: maxRingEndsAt(record, policy), messageDueAt: null };
}

export { messageDueAt };

/** The message deadline of an answered call with no agent and no message yet. */
export function messageDeadlines(record: CallRecord, policy: Policy): Deadlines {
  return { minRingAt: null, maxRingAt: null, messageDueAt: messageDueAt(record, policy) };
}

/**
 * The delay, in ms, from `now` to `at`, clamped at 0 and at `MAX_DELAY_MS`. XState delays
 * are relative to the moment the timer is set, on the actor's clock. The machine sets
 * every timer while applying an event, so its "now" is the time of the latest event
 * applied (`record.lastEventAt`): on a clock that keeps pace with the events' times the
 * timer fires at `at`. A negative delay (a deadline already passed) fires at once.
 */
export function delayUntil(at: number, now: number): number {
  const ms = at - now;
  // NaN (an event with no usable time): as far off as a timer goes, i.e. not before the call moves on.
  if (Number.isNaN(ms)) return MAX_DELAY_MS;
  return Math.min(MAX_DELAY_MS, Math.max(0, ms));
}

/** The deadlines in the order they are announced when due at the same moment. */
const KINDS: readonly { readonly kind: DeadlineKind; readonly field: keyof Deadlines }[] = [
  { kind: 'minRingReached', field: 'minRingAt' },
  { kind: 'maxRingReached', field: 'maxRingAt' },
  { kind: 'messageDue', field: 'messageDueAt' },
];

/** The earliest armed deadline, epoch ms; `null` when none is armed. */
export function earliestDeadline(deadlines: Deadlines): number | null {
  let earliest: number | null = null;
  for (const { field } of KINDS) {
    const at = deadlines[field];
    if (at !== null) earliest = earliest === null ? at : Math.min(earliest, at);
  }
  return earliest;
}

/** The deadlines due by `now`, in due order (ring minimum, ring maximum, message on a tie), with their moments. */
export function dueDeadlines(deadlines: Deadlines, now: number): { readonly kind: DeadlineKind; readonly at: number }[] {
  const due: { kind: DeadlineKind; at: number }[] = [];
  for (const { kind, field } of KINDS) {
    const at = deadlines[field];
    if (at !== null && at <= now) due.push({ kind, at });
  }
  return due.sort((a, b) => a.at - b.at); // stable: a tie keeps the order of KINDS
}

/** The deadlines still upcoming after `now`: those due by then are settled (`null`). */
export function settleDue(deadlines: Deadlines, now: number): Deadlines {
  const keep = (at: number | null): number | null => ((at ?? Infinity) <= now ? null : at); // not armed: never due
  return { minRingAt: keep(deadlines.minRingAt), maxRingAt: keep(deadlines.maxRingAt), messageDueAt: keep(deadlines.messageDueAt) };
}

const REF: Readonly<Record<DeadlineKind, DeadlineNotice['ref']>> = {
  minRingReached: RING_TIME_REF,
  maxRingReached: RING_TIME_REF,
  messageDue: MESSAGE_DEADLINE_REF,
};

/** Builds a deadline notice (plain data). */
/* @__NO_SIDE_EFFECTS__ */
export function deadlineNotice(kind: DeadlineKind, callId: string, at: number): DeadlineNotice {
  return { type: 'deadline', kind, callId, at, ref: REF[kind] };
}
