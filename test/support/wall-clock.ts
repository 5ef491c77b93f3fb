const formats = new Map<string, Intl.DateTimeFormat>();

/** The wall clock of `t` in `zone`, read as if it were UTC: an independent check on the library's zone arithmetic. */
export function wallAsUtc(t: number, zone: string): number {
  let f = formats.get(zone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone: zone, year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric', hourCycle: 'h23' });
    formats.set(zone, f);
  }
  const p = Object.fromEntries(f.formatToParts(t).map((x) => [x.type, Number(x.value)]));
  return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
}

/** The wall clock of `t` in `zone` as a dialler writes it, with no zone: `YYYY-MM-DD hh:mm:ss`. */
export function wallText(t: number, zone: string): string {
  return new Date(wallAsUtc(t, zone)).toISOString().slice(0, 19).replace('T', ' ');
}
