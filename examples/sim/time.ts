/**
 * Local wall-clock time in an IANA zone, for building a campaign day and labelling hours —
 * computed with `Intl`, never the host machine's zone. (dialguard itself decides calendar
 * days with `zonedDay`; these helpers only set up the simulation and its charts.)
 */

const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(zone: string): Intl.DateTimeFormat {
  let f = formats.get(zone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'short',
    });
    formats.set(zone, f);
  }
  return f;
}

/** The wall-clock fields of `at` in `zone`, with the zone's abbreviation (`GMT`, `BST`, `GMT+1`). */
export function wallClock(at: number, zone: string): { date: string; hour: number; minute: number; zoneName: string } {
  const parts = formatFor(zone).formatToParts(at);
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return {
    date: `${get('year')}-${get('month')}-${get('day')}`,
    hour: Number(get('hour')),
    minute: Number(get('minute')),
    zoneName: get('timeZoneName'),
  };
}

/** Offset of `zone` from UTC at `at`, in ms (London: 0 in winter, +3 600 000 in summer). */
export function zoneOffsetMs(at: number, zone: string): number {
  const w = wallClock(at, zone);
  const [y, m, d] = w.date.split('-').map(Number) as [number, number, number];
  const asUtc = Date.UTC(y, m - 1, d, w.hour, w.minute);
  return asUtc - (at - (((at % 60_000) + 60_000) % 60_000));
}

/**
 * The instant the wall clock in `zone` shows `date` `hhmm` (e.g. `'2026-03-10'`, `'09:00'`).
 * A time that happens twice (clocks going back) gives the first; one that never happens
 * (clocks going forward) gives the instant an hour later on the wall clock.
 */
export function localInstant(date: string, hhmm: string, zone: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [h, min] = hhmm.split(':').map(Number) as [number, number];
  const guess = Date.UTC(y, m - 1, d, h, min);
  // Try the offsets either side of the guess; the earliest that shows the wanted time wins.
  const candidates = [guess - zoneOffsetMs(guess - 86_400_000 / 2, zone), guess - zoneOffsetMs(guess, zone), guess - zoneOffsetMs(guess + 86_400_000 / 2, zone)];
  const hits = candidates.filter((t) => {
    const w = wallClock(t, zone);
    return w.date === date && w.hour === h && w.minute === min;
  });
  if (hits.length > 0) return Math.min(...hits);
  return Math.min(...candidates);
}

/** `HH:MM` of `at` on the wall clock in `zone`. */
export function hhmm(at: number, zone: string): string {
  const w = wallClock(at, zone);
  return `${String(w.hour).padStart(2, '0')}:${String(w.minute).padStart(2, '0')}`;
}

const secondFormats = new Map<string, Intl.DateTimeFormat>();

/** `HH:MM:SS` of `at` on the wall clock in `zone`. */
export function hhmmss(at: number, zone: string): string {
  let f = secondFormats.get(zone);
  if (f === undefined) secondFormats.set(zone, (f = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })));
  return f.format(at);
}

const hourCache = new Map<string, Map<number, number>>();

/** The local hour (0–23) of `at` in `zone`, cached per UTC hour (the zones used move by whole hours). */
export function localHour(at: number, zone: string): number {
  let hours = hourCache.get(zone);
  if (hours === undefined) hourCache.set(zone, (hours = new Map()));
  const key = Math.floor(at / 3_600_000);
  let h = hours.get(key);
  if (h === undefined) hours.set(key, (h = wallClock(at, zone).hour));
  return h;
}
