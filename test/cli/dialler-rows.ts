/**
 * Test helper: rows as the diallers write them (/work/shared/formats): Asterisk's Master.csv
 * (cdr_csv: strings quoted, integers bare, an empty answer bare; 16 default columns, then
 * `uniqueid` and `userfield` each when configured) and VICIdial's vicidial_log
 * (tab-separated), with the command-line options of their presets.
 */

/** One Master.csv cell as cdr_csv writes a string: quoted, quotes doubled. */
export const q = (s: string): string => `"${s.replaceAll('"', '""')}"`;

/** One Master.csv row's values (defaults for the columns a test does not care about). */
export interface AsteriskRow {
  readonly accountcode?: string;
  readonly src?: string;
  readonly dst: string;
  readonly dcontext?: string;
  readonly clid?: string;
  readonly channel: string;
  readonly dstchannel?: string;
  readonly lastapp: string;
  readonly lastdata?: string;
  readonly start: string;
  readonly answer: string | null;
  readonly end: string;
  readonly duration: number;
  readonly billsec: number;
  readonly disposition: string;
  readonly amaflags?: number;
  readonly uniqueid?: string;
  readonly userfield?: string;
}

/** Which optional columns cdr_csv appends: `loguniqueid=yes`, `loguserfield=yes`. */
export interface AsteriskSettings {
  readonly uniqueid: boolean;
  readonly userfield: boolean;
}

/** A Master.csv line: the 16 default columns, then uniqueid and/or userfield as `settings` say (both by default). */
export function asteriskLine(r: AsteriskRow, settings: AsteriskSettings = { uniqueid: true, userfield: true }): string {
  const cells = [
    q(r.accountcode ?? 'spring'), q(r.src ?? '01134960000'), q(r.dst), q(r.dcontext ?? 'outbound'), q(r.clid ?? '"Acme" <01134960000>'),
    q(r.channel), q(r.dstchannel ?? ''), q(r.lastapp), q(r.lastdata ?? ''), q(r.start), r.answer === null ? '' : q(r.answer), q(r.end),
    String(r.duration), String(r.billsec), q(r.disposition), String(r.amaflags ?? 3),
  ];
  if (settings.uniqueid) cells.push(q(r.uniqueid ?? ''));
  if (settings.userfield) cells.push(q(r.userfield ?? ''));
  return cells.join(',');
}

/** `dialguard audit` options for a UK Master.csv: the preset and the values the file does not hold. */
export const ASTERISK_OPTIONS: readonly string[] = [
  '--preset', 'asterisk-cdr', '--input-tz', 'Europe/London', '--set', 'callCentreId=leeds', '--set', 'agentGuaranteed=false', '--set', 'amd=true', '--set', 'messagePlanned=true', '--workers', '1',
];

/** `dialguard audit` options for a vicidial_log export. */
export const VICIDIAL_OPTIONS: readonly string[] = [
  '--preset', 'vicidial-log', '--set', 'callCentreId=leeds', '--set', 'cli=01132345678', '--set', 'agentGuaranteed=false', '--set', 'amd=true', '--set', 'messagePlanned=true', '--workers', '1',
];

/** vicidial_log's columns, in order. */
export const VICIDIAL_COLUMNS: readonly string[] = [
  'uniqueid', 'lead_id', 'list_id', 'campaign_id', 'call_date', 'start_epoch', 'end_epoch', 'length_in_sec', 'status', 'phone_code', 'phone_number',
  'user', 'comments', 'processed', 'user_group', 'term_reason', 'alt_dial', 'called_count',
];

/** A vicidial_log row (tab-separated) for call `i` dialled at epoch second `start`, lasting `len` s. */
export function vicidialRow(i: number, start: number, len: number, status: string, termReason: string, user = 'VDAD'): string {
  const row: Record<string, string> = {
    uniqueid: `${start}.${1000 + i}`, lead_id: String(1000 + i), list_id: '101', campaign_id: 'SPRING',
    call_date: new Date(start * 1000).toISOString().replace('T', ' ').slice(0, 19), // any: the preset reads the epochs
    start_epoch: String(start), end_epoch: String(start + len), length_in_sec: String(len), status, phone_code: '44',
    phone_number: `77009${String(i).padStart(5, '0')}`, user, comments: 'AUTO', processed: 'N', user_group: '', term_reason: termReason, alt_dial: 'MAIN', called_count: '1',
  };
  return VICIDIAL_COLUMNS.map((c) => row[c] ?? '').join('\t');
}
