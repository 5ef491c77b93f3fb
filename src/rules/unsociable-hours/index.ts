/**
 * A2.11 unsociable hours: calls at hours the recipient finds unsociable aggravate misuse.
 * The policy prescribes no hours, so the window is policy data (default 08:00–21:00). The
 * classifier's flag and the pre-dial guard's refusal (with the next allowed moment) both
 * come from here.
 */
import { flag } from '../../flags.js';
import type { CallingWindow, Policy } from '../../policy/policy.js';
import { hasCalendarDay } from '../../time/zoned-day.js';
import { notJudged, type CallRule } from '../rule.js';
import { callingWindowAt, isInCallingWindowAt } from './calling-window.js';
import { nextCallingMoment } from './next-calling-moment.js';

export { callingWindowAt, clockMinutes, clockText, inCallingWindow, isInCallingWindowAt, type CallingWindowPlace } from './calling-window.js';
export { firstInstantAt, nextCallingMoment } from './next-calling-moment.js';

/** The paragraph of unsociable hours. */
export const UNSOCIABLE_HOURS_REF = 'A2.11';

/** The measured values of an `unsociableHours` flag. */
export interface UnsociableHoursDetail {
  /** Local wall-clock time of the call, `HH:MM`. */
  readonly localTime: string;
  readonly weekday: number;
  readonly zone: string;
  /** That day's allowed window (`null`: no calls allowed that day). */
  readonly window: { readonly start: string; readonly end: string } | null;
}

/** The pre-dial guard's refusals under A2.11: outside the window, or a zone whose local time cannot be known (failing safe). */
export type CallingHoursReason =
  | {
      readonly kind: 'unsociableHours';
      readonly ref: typeof UNSOCIABLE_HOURS_REF;
      /** The next allowed moment (start of the next open window, clock changes included); absent when no day of the week is open. */
      readonly until?: number;
      readonly detail: UnsociableHoursDetail & { readonly window: CallingWindow | null };
    }
  | { readonly kind: 'unknownZone'; readonly ref: typeof UNSOCIABLE_HOURS_REF; readonly detail: { readonly zone: string } };

/**
 * A2.11 for the guard: `null` when a call at `at` to a recipient in `zone` is inside the
 * calling window; otherwise the refusal — `unsociableHours` with `until` the next allowed
 * moment (`nextCallingMoment`), or `unknownZone`. A new object each time, sharing nothing
 * with the policy.
 */
export function callingHoursReason(at: number, zone: string, policy: Policy): CallingHoursReason | null {
  const place = callingWindowAt(at, zone, policy);
  if (place === null) return { kind: 'unknownZone', ref: UNSOCIABLE_HOURS_REF, detail: { zone } };
  if (place.open) return null;
  const until = nextCallingMoment(at, zone, policy.callingHours);
  // The window copied: a refusal is the host's to keep or change, the policy's window is not.
  const window = place.window === null ? null : { start: place.window.start, end: place.window.end };
  const detail = { localTime: place.localTime, weekday: place.weekday, zone, window };
  return until === null ? { kind: 'unsociableHours', ref: UNSOCIABLE_HOURS_REF, detail } : { kind: 'unsociableHours', ref: UNSOCIABLE_HOURS_REF, until, detail };
}

/**
 * Why a call whose recipient's zone this runtime does not know is not judged (A2.11). One
 * fixed sentence, not naming the zone: the report counts calls not judged per day, rule and
 * reason, so a reason holding the zone would make one entry per distinct zone string (of
 * any length). The zone is the record's own (`record.zone`).
 */
export const UNKNOWN_ZONE_REASON = "the recipient's zone (the record's zone) is not a time zone this runtime knows";

/**
 * A2.11 unsociable hours: a call dialled outside its day's calling window, in the
 * recipient's local time — `record.zone`, else `policy.timeZone`; never the host's zone.
 *
 * The window is `policy.callingHours[weekday]` of the local date (0 Sunday … 6 Saturday),
 * `HH:MM` start inclusive and end exclusive, read against the wall clock: with 08:00–21:00
 * a call at 07:59:59 or at 21:00:00 is flagged, one at 08:00:00 or 20:59:59 is not. A
 * `null` window means no calls that day. Every dialled call is judged, whatever its
 * outcome: a phone ringing in the night disturbs whether or not it is answered. A record
 * whose zone this runtime does not know (the validators reject such input) is not judged
 * (`NotJudged`, never a pass; `UNKNOWN_ZONE_REASON`, the same for every such zone).
 * Raised at the dial, with the local time, weekday, zone and window.
 */
export const unsociableHoursRule: CallRule<'unsociableHours'> = {
  id: 'unsociableHours',
  title: 'calling hours',
  refs: [UNSOCIABLE_HOURS_REF],
  flags: { unsociableHours: { ref: UNSOCIABLE_HOURS_REF, title: 'call at unsociable hours' } },
  judge(record, policy) {
    const zone = record.zone ?? policy.timeZone;
    if (!hasCalendarDay(record.dialAt)) return notJudged(unsociableHoursRule, 'the dial time has no calendar day');
    const open = isInCallingWindowAt(record.dialAt, zone, policy);
    if (open === null) return notJudged(unsociableHoursRule, UNKNOWN_ZONE_REASON);
    if (open) return null;
    const place = callingWindowAt(record.dialAt, zone, policy)!;
    return flag('unsociableHours', record.callId, record.dialAt, UNSOCIABLE_HOURS_REF, {
      localTime: place.localTime,
      weekday: place.weekday,
      zone,
      window: place.window,
    });
  },
};
