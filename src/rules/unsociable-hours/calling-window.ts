/**
 * A2.11 calling windows: `HH:MM` start inclusive, end exclusive, read against the wall
 * clock of the recipient's zone. The one place the window arithmetic lives.
 */
import type { CallingWindow, Policy } from '../../policy/policy.js';
import { localMinuteOfDay, zonedDay } from '../../time/zoned-day.js';

/** Minutes since midnight of a policy clock time `HH:MM` (`24:00` is 1440). */
export function clockMinutes(hhmm: string): number {
  return ((hhmm.charCodeAt(0) - 48) * 10 + hhmm.charCodeAt(1) - 48) * 60 + (hhmm.charCodeAt(3) - 48) * 10 + hhmm.charCodeAt(4) - 48;
}

/** `HH:MM` of a minute of the day. */
export function clockText(minute: number): string {
  const h = Math.floor(minute / 60);
  const m = minute % 60;
  return `${h < 10 ? '0' : ''}${h}:${m < 10 ? '0' : ''}${m}`;
}

/** `true` when wall-clock minute `minute` lies in `window` (start inclusive, end exclusive); a `null` window allows nothing. */
export function inCallingWindow(minute: number, window: CallingWindow | null): boolean {
  return window !== null && minute >= clockMinutes(window.start) && minute < clockMinutes(window.end);
}

/** Where a moment falls against its local day's calling window (A2.11). */
export interface CallingWindowPlace {
  /** `true` inside the window. */
  readonly open: boolean;
  /** Local wall-clock time, `HH:MM`. */
  readonly localTime: string;
  /** Local weekday, 0 Sunday … 6 Saturday. */
  readonly weekday: number;
  readonly zone: string;
  /** That day's allowed window (`null`: no calls allowed that day). */
  readonly window: CallingWindow | null;
}

/**
 * Where `at` falls against the calling window of its local weekday in `zone`
 * (`policy.callingHours`), or `null` when this runtime does not know `zone`. On the day
 * the clocks go back, 01:30 happens twice and is judged as 01:30 both times; on the day
 * they go forward, the skipped hour never happens.
 */
export function callingWindowAt(at: number, zone: string, policy: Policy): CallingWindowPlace | null {
  const minute = wallMinuteAt(at, zone);
  if (minute < 0) return null;
  const weekday = zonedDay(at, zone).weekday;
  const window = policy.callingHours[weekday] ?? null;
  return { open: inCallingWindow(minute, window), localTime: clockText(minute), weekday, zone, window };
}

/**
 * `callingWindowAt(at, zone, policy)?.open`, allocating nothing: `true` inside the window,
 * `false` outside, `null` when this runtime does not know `zone` (the classifier's test
 * on every call; the place is built only for a call outside).
 */
export function isInCallingWindowAt(at: number, zone: string, policy: Policy): boolean | null {
  const minute = wallMinuteAt(at, zone);
  if (minute < 0) return null;
  return inCallingWindow(minute, policy.callingHours[zonedDay(at, zone).weekday] ?? null);
}

/** The wall-clock minute of `at` in `zone` (`localMinuteOfDay`), or -1 when this runtime does not know `zone`. */
function wallMinuteAt(at: number, zone: string): number {
  try {
    return localMinuteOfDay(at, zone);
  } catch {
    return -1;
  }
}
