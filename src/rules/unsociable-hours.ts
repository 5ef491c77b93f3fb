import { flag, type Flag } from '../flags.js';
import type { CallingWindow, Policy } from '../policy/policy.js';
import type { CallRecord } from '../record.js';
import { localMinuteOfDay, zonedDay } from '../time/zoned-day.js';

/** Minutes since midnight of a policy clock time `HH:MM` (`24:00` is 1440). */
export function clockMinutes(hhmm: string): number {
  return ((hhmm.charCodeAt(0) - 48) * 10 + hhmm.charCodeAt(1) - 48) * 60 + (hhmm.charCodeAt(3) - 48) * 10 + hhmm.charCodeAt(4) - 48;
}

function clockText(minute: number): string {
  const h = Math.floor(minute / 60);
  const m = minute % 60;
  return `${h < 10 ? '0' : ''}${h}:${m < 10 ? '0' : ''}${m}`;
}

/** `true` when wall-clock minute `minute` lies in `window` (start inclusive, end exclusive); a `null` window allows nothing. */
export function inCallingWindow(minute: number, window: CallingWindow | null): boolean {
  return window !== null && minute >= clockMinutes(window.start) && minute < clockMinutes(window.end);
}

/**
 * A2.11 unsociable hours: a call dialled outside its day's calling window, in the
 * recipient's local time — `record.zone`, else `policy.timeZone`; never the host's zone.
 *
 * The window is `policy.callingHours[weekday]` of the local date (0 Sunday … 6 Saturday),
 * `HH:MM` start inclusive and end exclusive, read against the wall clock: with 08:00–21:00
 * a call at 07:59:59 or at 21:00:00 is flagged, one at 08:00:00 or 20:59:59 is not. On the
 * day the clocks go back, 01:30 happens twice and is judged as 01:30 both times; on the day
 * they go forward, 01:00–01:59 (London) never happens. A `null` window means no calls that
 * day. Every dialled call is judged, whatever its outcome: a phone ringing in the night
 * disturbs whether or not it is answered. A record whose zone this runtime does not know
 * (the validators reject such input) is not judged.
 *
 * Returns the flag — at the dial, with the local time, weekday, zone and window — or `null`.
 */
export function unsociableHours(record: CallRecord, policy: Policy): Flag<'unsociableHours'> | null {
  const zone = record.zone ?? policy.timeZone;
  let weekday: number;
  let minute: number;
  try {
    weekday = zonedDay(record.dialAt, zone).weekday;
    minute = localMinuteOfDay(record.dialAt, zone);
  } catch {
    return null;
  }
  const window = policy.callingHours[weekday] ?? null;
  if (inCallingWindow(minute, window)) return null;
  return flag('unsociableHours', record.callId, record.dialAt, 'A2.11', { localTime: clockText(minute), weekday, zone, window });
}
