/**
 * The command line of `dialguard audit`, read with Node's `util.parseArgs` and checked
 * into plain options. Everything wrong with it is a `UsageError` (exit 2).
 */
import { parseArgs } from 'node:util';
import { ACR_SCOPES, type AcrScope } from 'dialguard';
import { UsageError } from './exit-codes.js';

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
}

/** The command line understood: help, or an audit with its checked options. */
export type ParsedCommand = { readonly kind: 'help' } | { readonly kind: 'audit'; readonly args: AuditArgs };

/** Default `--dedupe-window`: call ids remembered for the duplicate check. */
export const DEFAULT_DEDUPE_WINDOW = 1_000_000;
/** Largest `--dedupe-window` (its tables take 32 bytes per id of the window at most: 320 MB). */
export const MAX_DEDUPE_WINDOW = 10_000_000;
/** Default `--examples`: rejected rows listed in the report. */
export const DEFAULT_EXAMPLES = 20;

/** The `--help` text: options and exit codes. */
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
  epoch milliseconds (JSON only) or ISO-8601 date-times with a zone, e.g. 2026-03-02T10:00:00Z.

Audit
  --tz ZONE                IANA zone for calendar days and recipients without a zone
                           (default: the policy's, Europe/London)
  --from DATE|DATETIME     the report's period: calls dialled from this day (a date in
  --to DATE|DATETIME       --tz, or a date-time with Z or an offset, widened to its day:
                           the report counts whole calendar days) to this day, included.
                           Default: the whole input. Calls outside the period still feed
                           the cross-call rules (a repeat within 72 h of an earlier call).
  --dedupe-window N        how many of the latest call ids are remembered to reject
                           duplicates (default ${DEFAULT_DEDUPE_WINDOW.toLocaleString('en-GB')}: 16 MB; at most
                           ${MAX_DEDUPE_WINDOW.toLocaleString('en-GB')}; 0 turns the check off)

Output
  --by SCOPES              scopes to list, comma-separated: all, campaign, callCentre,
                           campaignCallCentre (default: all four; A3.4)
  --json                   write the report as JSON to stdout (the library's Report, with
                           "input" and "rejected")
  --examples N             rejected rows listed in the report (default ${DEFAULT_EXAMPLES})
  --quiet                  do not print each rejected row on stderr (the report still counts them)
  --strict                 exit 1 when any row was rejected, even with no flags
  -h, --help               show this help

Exit codes
  0  no flags raised (rejected rows, if any, are reported; see --strict)
  1  flags raised, or an ACR above the alert level (or, with --strict, rows rejected)
  2  bad usage, unreadable input, or the audit could not finish
  3  nothing audited: no call counted (an empty input, every row rejected, or no
     call in the period); the report is still written

Rejected rows (bad JSON, a line that is not UTF-8, a field that fails validation, a
wrong column count, a duplicate call id, an event for no call in flight) are printed
on stderr with their line number, skipped, and counted in the report; the audit never
stops on one. A progress line (rows read, rows/s) is shown on stderr when it is a
terminal. A closed stderr never changes the exit code. Ids and messages are shown
with control characters escaped (\\u001b); --json keeps the values exact.
`;

const SCOPE_SET: ReadonlySet<string> = new Set(ACR_SCOPES);

function choice<T extends string>(name: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${name} should be one of ${allowed.join(', ')}; received "${value}"`);
}

function count(name: string, value: string | undefined, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  if (value === undefined) return fallback;
  const n = Number(value.replaceAll('_', '').replaceAll(',', ''));
  if (value.trim() === '' || !Number.isSafeInteger(n) || n < 0 || n > max) {
    throw new UsageError(`--${name} should be a whole number from 0 to ${max.toLocaleString('en-GB')}; received "${value}"`);
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
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  const [command, file, ...rest] = positionals;
  if (command === undefined) throw new UsageError('missing command: dialguard audit FILE');
  if (command !== 'audit') throw new UsageError(`unknown command "${command}": the only command is audit`);
  if (file === undefined || file === '') throw new UsageError('missing FILE: dialguard audit FILE (or - for stdin)');
  if (rest.length > 0) throw new UsageError(`one FILE at a time; unexpected "${rest.join(' ')}"`);
  const header = values['no-header'] !== true;
  const columns = values.columns?.join(',');
  if (!header && (columns === undefined || columns.trim() === '')) throw new UsageError('--no-header needs --columns to give the fields in column order');
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
    },
  };
}
