/**
 * The command line of `dialguard audit`, read with Node's `util.parseArgs` and checked
 * into plain options. Everything wrong with it is a `UsageError` (exit 2).
 */
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { ACR_SCOPES, DEFAULT_MAX_IN_FLIGHT, isTimeZone, printable, RULES, type AcrScope } from 'dialguard/internals';
import { unknownOptionMessage, unknownOptionOf } from './did-you-mean.js';
import { UsageError } from './exit-codes.js';
import { PRINTED_PER_KIND } from './reject-printer.js';
import type { EpochUnit } from './mapping/cells.js';

/** What each input row is: a `CallRecord` or a `CallEvent` (`--input`). */
export type InputKind = 'records' | 'events';
/** How the input is written (`--format`). */
export type InputFormat = 'jsonl' | 'csv';

/** The checked options of one `dialguard audit` run. */
export interface AuditArgs {
  /** Path of the input, or `-` for stdin. */
  readonly file: string;
  /** `undefined`: detected from the first row (has `type` → events). */
  readonly input: InputKind | undefined;
  /** `undefined`: from the extension, else sniffed from the first byte. */
  readonly format: InputFormat | undefined;
  /** `--columns`, unparsed (see `columns.ts`). */
  readonly columns: string | undefined;
  readonly header: boolean;
  readonly delimiter: string;
  readonly json: boolean;
  readonly scopes: readonly AcrScope[];
  readonly timeZone: string | undefined;
  readonly from: string | undefined;
  readonly to: string | undefined;
  readonly strict: boolean;
  readonly quiet: boolean;
  readonly dedupeWindow: number;
  readonly examples: number;
  /** `--disposition-wait S`: seconds an answered call of an events file waits after its hangup for the agent's disposition (A2.24, A3.5). */
  readonly dispositionWaitS: number;
  /** `--max-in-flight N`: calls of an events file in flight at once (`callRecords`' `maxInFlight`); beyond it the oldest is closed, `incomplete`. */
  readonly maxInFlight: number;
  /** `--delimiter` as given (`undefined`: from the mapping, or tab for `.tsv`, else comma). */
  readonly delimiterOption: string | undefined;
  /** `--preset NAME`: a mapping shipped in the package. */
  readonly preset: string | undefined;
  /** `--mapping FILE.json`: a mapping file. */
  readonly mapping: string | undefined;
  /** `--set field=value`, in order (a later one wins). */
  readonly set: ReadonlyMap<string, string>;
  /** `--input-tz ZONE`: the zone of zoneless times in the input. */
  readonly inputTz: string | undefined;
  /** `--epoch s|ms`: the unit of epoch numbers in the input. */
  readonly epoch: EpochUnit | undefined;
  /** `--html FILE`: also write the report as one self-contained HTML page. */
  readonly html: string | undefined;
  /** `--workers N`: threads in all that read and classify call records (JSON Lines or CSV), this one included (1: this thread alone, no worker). */
  readonly workers: number;
}

/** The command line understood: help, or an audit with its checked options. */
export type ParsedCommand = { readonly kind: 'help' } | { readonly kind: 'version' } | { readonly kind: 'audit'; readonly args: AuditArgs };

/** Default `--dedupe-window`: call ids remembered for the duplicate check. */
export const DEFAULT_DEDUPE_WINDOW = 1_000_000;
/** Largest `--dedupe-window` (its tables take 32 bytes per id of the window at most: 320 MB). */
export const MAX_DEDUPE_WINDOW = 10_000_000;
/** Default `--disposition-wait`, seconds: an agent's disposition comes within minutes of the hangup. */
export const DEFAULT_DISPOSITION_WAIT_S = 900;
/** Largest `--disposition-wait`, seconds: the longest wait a call machine can set (2^31 − 1 ms). */
export const MAX_DISPOSITION_WAIT_S = 2_147_483;
/**
 * Largest `--max-in-flight`: a call in flight holds about 5 KB (the README's benchmark), so
 * a million is about 5 GB, past which no machine that runs this command would keep up.
 */
export const MAX_IN_FLIGHT_LIMIT = 1_000_000;
/** Most `--workers`. */
export const MAX_WORKERS = 256;
/**
 * Most threads `--workers` uses by default. The rules that depend on the order of the
 * calls run on the main thread, at about 300,000 calls/s on this project's machine, and a
 * worker reads, validates and classifies about 190,000 rows/s: two or three workers
 * already give the main thread all it can take, and each thread more costs a V8 heap and
 * its batches in flight for nothing. `--workers N` still sets any number.
 */
export const DEFAULT_MAX_THREADS = 4;

/** Default `--workers` on `cpus` CPUs: one thread a CPU (this one and one worker fewer), at most `DEFAULT_MAX_THREADS`. */
export function defaultWorkersFor(cpus: number): number {
  return Math.min(DEFAULT_MAX_THREADS, Math.max(1, Math.floor(cpus)));
}

/** Default `--workers` here: `defaultWorkersFor` the CPUs this process may use (`os.availableParallelism()`). */
export function defaultWorkers(): number {
  return defaultWorkersFor(availableParallelism());
}

/** Default `--examples`: rejected rows listed in the report. */
export const DEFAULT_EXAMPLES = 20;

/** The `--help` text: options and exit codes. */
/** The rules the audit judges (those that raise flags), one a line, from the library's list of rules (`RULES`). */
function rulesHelp(): string {
  return RULES.filter((r) => Object.keys(r.flags).length > 0)
    .map((r) => `  ${r.title.padEnd(34)} ${r.refs.join(', ')}`)
    .join('\n');
}

export const USAGE = `Usage: dialguard audit FILE [options]

Audits call records or call events against Ofcom's persistent-misuse policy (2017) and
prints the compliance report (daily Abandoned Call Rate, flags by kind with their
paragraphs, persistence, AMD evidence, the Annex 2 factors) and the rows rejected.
FILE is JSON Lines (.jsonl, .ndjson) or CSV (.csv); "-" reads stdin. The file is
streamed: memory stays flat however large it is.

Input
  --input records|events   what each row is (default: detected from the first row:
                           a "type" field or column means events)
  --format jsonl|csv       (default: from the extension; otherwise "{" first means jsonl)
  --columns LIST           CSV column mapping, comma-separated:
                             with a header:  field=header,…  e.g. callId=call_id,dialAt=start_time
                             (unmapped fields are read from the header of their own name;
                             other headers are ignored; a header or entry that is not a
                             field, e.g. content.optout or __proto__.x, is exit 2)
                             with --no-header: the fields in column order, e.g. callId,,dialAt
                             (an empty entry skips a column)
  --no-header              the CSV has no header row (needs --columns)
  --delimiter CHAR         CSV field delimiter (default ","; "\\t" for tabs)
  Fields are named as in CallRecord / CallEvent (callId, dialAt, …; nested ones dotted:
  messageContent.optOutNumber, content.optOutNumber, ivmInfo.position). Timestamps are
  ISO-8601 date-times with a zone (2026-03-02T10:00:00Z), zoneless local times with
  --input-tz, or epoch numbers (milliseconds; seconds with --epoch s). Booleans:
  true/false, 1/0, yes/no, y/n, any case. A .tsv file is read tab-separated.

A dialler's own records
  --preset asterisk-cdr|vicidial-log
                           read Asterisk's Master.csv or VICIdial's vicidial_log with the
                           mapping shipped in the package (presets/*.json)
  --mapping FILE.json      read any other CDR with a mapping file: columns by header or
                           position, constants, time zone, epoch unit, and the table of
                           the dialler's statuses and what each means (copy a preset and
                           edit it; "extends": "vicidial-log" changes only what differs)
  --set FIELD=VALUE        a value for every row that has none (repeatable), e.g.
                           --set callCentreId=leeds --set cli=01132345678
  --input-tz ZONE          the zone the file's zoneless times were written in. The hour
                           repeated in October is read as its earlier (summer-time)
                           instant; a time in the hour skipped in March is rejected
  --epoch s|ms             the unit of epoch numbers (a number too small for ms is
                           refused unless the unit is given)
  A status the mapping does not know, on a call whose file has no agent or message times,
  leaves the call undetermined: the command warns, and lists those statuses.

  Asterisk (Master.csv has no call centre, no AMD or message setting):
    dialguard audit /var/log/asterisk/cdr-csv/Master.csv --preset asterisk-cdr \\
      --input-tz Europe/London --set callCentreId=leeds --set agentGuaranteed=false \\
      --set amd=true --set messagePlanned=true
  VICIdial (vicidial_log has no CLI: it is a campaign setting):
    dialguard audit vicidial_log.tsv --preset vicidial-log --set callCentreId=leeds \\
      --set cli=01132345678 --set agentGuaranteed=false --set amd=true --set messagePlanned=true

Audit
  --tz ZONE                IANA zone for calendar days and recipients without a zone
                           (default: the policy's, Europe/London)
  --from DATE|DATETIME     the report's period: calls dialled from this day (a date in
  --to DATE|DATETIME       --tz, or a date-time with Z or an offset, widened to its day:
                           the report counts whole calendar days) to this day, included.
                           Default: the whole input. Calls outside the period still feed
                           the cross-call rules (a repeat within 72 h of an earlier call).
  --workers N              threads that read, validate and classify call records (JSON
                           Lines or CSV): this one and N - 1 worker threads (default: the
                           CPUs available, at most ${DEFAULT_MAX_THREADS}, here ${defaultWorkers()}; 1: this thread alone). The
                           rules that depend on the order of the calls (duplicates,
                           repeats within 72 h, scanning, the ACR) stay on this thread:
                           the report is the same for any N. Call events are always
                           read on this thread, and so is a CSV file from its first
                           batch that one parser might read differently (bad quoting,
                           a line end \\r\\n inside quotes).
  --disposition-wait S     call events: seconds an answered call waits after its hangup
                           for the agent's disposition event, which can show AMD took a
                           person for a machine (A1.6) (default ${DEFAULT_DISPOSITION_WAIT_S}; 0: none)
  --max-in-flight N        call events: calls in flight at once, each about 5 KB; beyond
                           it the oldest is closed and counted incomplete (default
                           ${DEFAULT_MAX_IN_FLIGHT.toLocaleString('en-GB')}; 1 to ${MAX_IN_FLIGHT_LIMIT.toLocaleString('en-GB')})
  --dedupe-window N        how many of the latest call ids are remembered to reject
                           duplicates (default ${DEFAULT_DEDUPE_WINDOW.toLocaleString('en-GB')}: 16 MB; at most
                           ${MAX_DEDUPE_WINDOW.toLocaleString('en-GB')}; 0 turns the check off)

Output
  --by SCOPES              scopes to list, comma-separated: all, campaign, callCentre,
                           campaignCallCentre (default: all four; A3.4)
  --json                   write the report as JSON to stdout (the library's Report, with
                           "input", "rejected" and "evidence")
  --html FILE              also write the report as one self-contained HTML page (charts
                           drawn inline; nothing fetched)
  --examples N             rejected rows listed in the report (default ${DEFAULT_EXAMPLES})
  --quiet                  do not print rejected rows on stderr (the report still counts them)
  --strict                 exit 1 when any row was rejected, even with no flags
  -h, --help               show this help
  -V, --version            show the version

Rules judged (paragraphs of the policy; a rule the file's facts cannot judge is listed
in the report's coverage section as not judged, never as passed)
${rulesHelp()}

Exit codes
  0  no flags raised (rejected rows, if any, are reported; see --strict)
  1  flags raised, or an ACR above the alert level (or, with --strict, rows rejected)
  2  bad usage, unreadable input, or the audit could not finish
  3  nothing audited: no call counted (an empty input, every row rejected, or no
     call in the period), or every call in the period undetermined (the records
     show none live, abandoned or silent) and no flag raised; the report is still
     written

Rejected rows (bad JSON, a line that is not UTF-8, a field that fails validation, a
wrong column count, a duplicate call id, an event for no call in flight) are skipped
and counted in the report, which lists the first N (--examples); the first ${PRINTED_PER_KIND}
of each kind are printed on stderr with their line number, the rest only counted. The
audit never stops on one. A progress line (rows read, rows/s) is shown on stderr when
it is a terminal. A closed stderr never changes the exit code. Ids and messages are shown
with control characters escaped (\\u001b) and the backslashes of values doubled
(\\\\), so two ids never print alike; --json keeps the values exact.
`;

const SCOPE_SET: ReadonlySet<string> = new Set(ACR_SCOPES);

function choice<T extends string>(name: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${name} should be one of ${allowed.join(', ')}; received "${value}"`);
}

/** Decimal digits, with `_` or `,` between them for legibility (not hex, exponents or signs: `0x2` and `1e3` are refused). */
const WHOLE_NUMBER = /^\s*\d(?:[\d_,]*\d)?\s*$/;

function count(name: string, value: string | undefined, fallback: number, max = Number.MAX_SAFE_INTEGER, min = 0): number {
  if (value === undefined) return fallback;
  const n = Number(value.replaceAll('_', '').replaceAll(',', ''));
  if (!WHOLE_NUMBER.test(value) || !Number.isSafeInteger(n) || n < min || n > max) {
    throw new UsageError(`--${name} should be a whole number from ${min} to ${max.toLocaleString('en-GB')}; received "${value}"`);
  }
  return n;
}

function workerCount(value: string | undefined): number {
  if (value === undefined) return defaultWorkers();
  const n = Number(value.trim());
  if (!/^\s*\d+\s*$/.test(value) || !Number.isSafeInteger(n) || n < 1 || n > MAX_WORKERS) {
    throw new UsageError(`--workers should be a whole number from 1 to ${MAX_WORKERS}; received "${value}"`);
  }
  return n;
}

function scopes(values: readonly string[] | undefined): readonly AcrScope[] {
  if (values === undefined || values.length === 0) return ACR_SCOPES;
  const out: AcrScope[] = [];
  for (const s of values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '')) {
    if (!SCOPE_SET.has(s)) throw new UsageError(`--by should list scopes among ${ACR_SCOPES.join(', ')}; received "${s}"`);
    if (!out.includes(s as AcrScope)) out.push(s as AcrScope);
  }
  if (out.length === 0) throw new UsageError('--by should name at least one scope');
  // Shown in the table's order, whatever order they were given in.
  return ACR_SCOPES.filter((s) => out.includes(s));
}

/** Every long option, for "did you mean". */
const OPTION_NAMES: readonly string[] = [
  'input', 'format', 'columns', 'no-header', 'delimiter', 'json', 'by', 'tz', 'from', 'to', 'strict', 'quiet', 'dedupe-window', 'disposition-wait', 'max-in-flight',
  'examples', 'help', 'version', 'preset', 'mapping', 'set', 'input-tz', 'epoch', 'html', 'workers',
];

function setPairs(values: readonly string[] | undefined): ReadonlyMap<string, string> {
  const out = new Map<string, string>();
  for (const v of values ?? []) {
    const eq = v.indexOf('=');
    if (eq <= 0) throw new UsageError(`--set should be field=value, e.g. --set callCentreId=leeds; received "${v}"`);
    out.set(v.slice(0, eq).trim(), v.slice(eq + 1).trim());
  }
  return out;
}

/** A zone option, checked before the input is read (an unknown zone would otherwise stop the audit at the first zoneless time, or pass unseen). */
function zoneOption(name: string, value: string | undefined): string | undefined {
  if (value !== undefined && (value.trim() === '' || !isTimeZone(value))) {
    throw new UsageError(`--${name} should be an IANA time zone, e.g. Europe/London; received "${printable(value, 80)}"`);
  }
  return value;
}

function nonEmpty(name: string, value: string | undefined): string | undefined {
  if (value !== undefined && value.trim() === '') throw new UsageError(`--${name} should name a file`);
  return value;
}

/**
 * Reads `argv` (without `node` and the script): `audit FILE [options]`, or `--help`.
 * @throws UsageError for an unknown command or option, a missing FILE or a bad value
 */
export function parseCommand(argv: readonly string[]): ParsedCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        input: { type: 'string' },
        format: { type: 'string' },
        columns: { type: 'string', multiple: true },
        'no-header': { type: 'boolean' },
        delimiter: { type: 'string' },
        json: { type: 'boolean' },
        by: { type: 'string', multiple: true },
        tz: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        strict: { type: 'boolean' },
        quiet: { type: 'boolean' },
        'dedupe-window': { type: 'string' },
        examples: { type: 'string' },
        'disposition-wait': { type: 'string' },
        'max-in-flight': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'V' },
        preset: { type: 'string' },
        mapping: { type: 'string' },
        set: { type: 'string', multiple: true },
        'input-tz': { type: 'string' },
        epoch: { type: 'string' },
        html: { type: 'string' },
        workers: { type: 'string' },
      },
    });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const unknown = unknownOptionOf(message);
    throw new UsageError(unknown !== null ? unknownOptionMessage(unknown, OPTION_NAMES) : message.split('\n')[0]!);
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };
  const [command, file, ...rest] = positionals;
  if (command === undefined) throw new UsageError('missing command: dialguard audit FILE');
  if (command !== 'audit') throw new UsageError(`unknown command "${command}": the only command is audit`);
  if (file === undefined || file === '') throw new UsageError('missing FILE: dialguard audit FILE (or - for stdin)');
  if (rest.length > 0) throw new UsageError(`one FILE at a time; unexpected "${rest.join(' ')}"`);
  const header = values['no-header'] !== true;
  const columns = values.columns?.join(',');
  const mapped = values.preset !== undefined || values.mapping !== undefined;
  if (values.preset !== undefined && values.mapping !== undefined) throw new UsageError('give --preset or --mapping, not both (a mapping file can extend a preset: "extends": "vicidial-log")');
  if (mapped && columns !== undefined) throw new UsageError('--columns does not go with --preset or --mapping: the mapping names the columns');
  if (!header && !mapped && (columns === undefined || columns.trim() === '')) {
    throw new UsageError('--no-header needs --columns to give the fields in column order (or --preset asterisk-cdr | vicidial-log, or --mapping FILE.json)');
  }
  const delimiter = values.delimiter ?? ',';
  if (delimiter.length === 0) throw new UsageError('--delimiter should be one or more characters');
  const tz = values.tz;
  if (tz !== undefined && tz.trim() === '') throw new UsageError('--tz should be an IANA time zone, e.g. Europe/London');
  return {
    kind: 'audit',
    args: {
      file,
      input: choice('input', values.input, ['records', 'events'] as const),
      format: choice('format', values.format, ['jsonl', 'csv'] as const),
      columns,
      header,
      delimiter: delimiter === '\\t' ? '\t' : delimiter,
      json: values.json === true,
      scopes: scopes(values.by),
      timeZone: tz,
      from: values.from,
      to: values.to,
      strict: values.strict === true,
      quiet: values.quiet === true,
      dedupeWindow: count('dedupe-window', values['dedupe-window'], DEFAULT_DEDUPE_WINDOW, MAX_DEDUPE_WINDOW),
      examples: count('examples', values.examples, DEFAULT_EXAMPLES),
      dispositionWaitS: count('disposition-wait', values['disposition-wait'], DEFAULT_DISPOSITION_WAIT_S, MAX_DISPOSITION_WAIT_S),
      maxInFlight: count('max-in-flight', values['max-in-flight'], DEFAULT_MAX_IN_FLIGHT, MAX_IN_FLIGHT_LIMIT, 1),
      delimiterOption: values.delimiter === undefined ? undefined : delimiter === '\\t' ? '\t' : delimiter,
      preset: values.preset,
      mapping: values.mapping,
      set: setPairs(values.set),
      inputTz: zoneOption('input-tz', values['input-tz']),
      epoch: choice('epoch', values.epoch, ['s', 'ms'] as const),
      html: nonEmpty('html', values.html),
      workers: workerCount(values.workers),
    },
  };
}
