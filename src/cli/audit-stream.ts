/**
 * The audit of a stream of rows, one pass, in flat memory: each row is validated and
 * pushed through the library's operators as it is read, and nothing of a call is kept
 * once it has been counted — only the operators' bounded state (calls in flight, the
 * cross-call rules' 72-hour history and two days of day state, counters per day and
 * scope) and the duplicate window.
 *
 * records: row → `safeParseCallRecord` → duplicate window → `classified(policy)`
 *          → `misuse(policy)` → period → flag counts and ACR counters
 * events:  row → `safeParseCallEvent` → `callRecords({ policy })` → the same from the
 *          duplicate window on
 *
 * This is `audit()`'s pipeline, fed from a file instead of an array: the operators run on
 * an RxJS `Subject` fed synchronously from the reader, so a row is fully counted before
 * the next is read (the reader's backpressure is the audit's). Calls outside `--from`/`--to`
 * still pass through the cross-call rules, so a call early in the period is judged against
 * the calls just before it (A2.9: 72 h), but they are not counted.
 */
import { Subject, filter, type Observable } from 'rxjs';
import {
  acrTable,
  callRecords,
  classified,
  createAcrTally,
  misuse,
  safeParseCallEvent,
  safeParseCallRecord,
  type AcrRow,
  type AcrScope,
  type CallEvent,
  type CallRecord,
  type FlagKind,
  type MisuseUpdate,
  type Policy,
  type StreamAnomaly,
} from 'dialguard';
import type { InputFormat, InputKind } from './args.js';
import { createDuplicateWindow } from './dedupe.js';
import { inPeriod, type Period } from './period.js';
import { createRejectedLog, type RejectedRow, type RejectedSummary } from './rejected.js';
import type { RejectReason, RowSink } from './rows.js';

/** What `dialguard audit --json` writes: plain data. */
export interface CliReport {
  readonly input: {
    readonly name: string;
    readonly format: InputFormat;
    readonly kind: InputKind;
    /** Rows read (blank lines and the CSV header not included), counted or not. */
    readonly rows: number;
  };
  readonly policy: string;
  readonly timeZone: string;
  /** The period counted (ISO instants), `null` ends unbounded. */
  readonly period: { readonly from: string | null; readonly to: string | null };
  /** Calls counted. */
  readonly calls: number;
  /** Valid calls dialled outside `--from`/`--to`: read and given to the cross-call rules, not counted, not rejected. */
  readonly outsidePeriod: number;
  /** Flags raised by the calls counted, by kind: per call, cross-call (`repeatWithin72h`) and about a scope (`tooManyClis`, `numberScanning`, `acrAlert`). */
  readonly flagCounts: Readonly<Partial<Record<FlagKind, number>>>;
  /** Scope-days whose ACR is above the policy's alert level (every scope, whatever `--by` shows). An alert, never a safe harbour (A4.20). */
  readonly acrAlerts: number;
  /** The daily ACR table, the scopes of `--by`. */
  readonly table: readonly AcrRow[];
  readonly rejected: RejectedSummary;
}

/** Options of a streaming audit. */
export interface StreamAuditOptions {
  readonly name: string;
  readonly format: InputFormat;
  readonly policy: Policy;
  /** `undefined`: the first row decides (a `type` field → events). */
  readonly kind: InputKind | undefined;
  readonly period: Period;
  readonly scopes: readonly AcrScope[];
  readonly dedupeWindow: number;
  readonly examples: number;
  /** Told of each rejected row as it happens (stderr). */
  readonly onReject?: (row: RejectedRow) => void;
}

/** A running audit: feed it rows (it is the readers' sink), then `finish()`. */
export interface StreamAudit extends RowSink {
  /** Rows read so far. */
  rows(): number;
  /** Ends the stream (closing calls still in flight) and returns the report. @throws the error that stopped the operators, if any */
  finish(): CliReport;
}

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

function hasType(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'type' in value;
}

/** Starts a streaming audit. */
export function createStreamAudit(options: StreamAuditOptions): StreamAudit {
  const { policy, period } = options;
  const rejected = createRejectedLog(options.examples);
  const duplicates = createDuplicateWindow(options.dedupeWindow);
  const flagCounts: Partial<Record<FlagKind, number>> = {};
  let kind = options.kind;
  let rows = 0;
  let calls = 0;
  let outsidePeriod = 0;
  let line = 0; // line of the row being processed
  const tally = createAcrTally(policy.timeZone);
  let failure: { error: unknown } | null = null;
  let records: Subject<CallRecord> | null = null;
  let events: Subject<CallEvent> | null = null;
  /** Events mode: the line of each call in flight's dial, so a duplicate record names it. Bounded by the calls in flight. */
  const dialLines = new Map<string, number>();

  const reject = (at: number, reason: RejectReason, message: string, callId: string | null = null, path: string | null = null): void => {
    const row: RejectedRow = { line: at, reason, callId, path, message };
    rejected.add(row);
    options.onReject?.(row);
  };

  /** Duplicate check of a record about to be classified. */
  const firstOfItsId = (record: CallRecord, recordLine: number): boolean => {
    if (duplicates.first(record.callId)) return true;
    reject(recordLine, 'duplicate', `call ${record.callId} appears more than once; the first one was counted`, record.callId, 'callId');
    return false;
  };

  const count = (source: Observable<CallRecord>): void => {
    source.pipe(classified(policy), misuse(policy)).subscribe({
      next({ call, raised }: MisuseUpdate) {
        if (!inPeriod(period, call.record.dialAt)) {
          outsidePeriod += 1;
          return;
        }
        calls += 1;
        for (const f of raised) flagCounts[f.kind] = (flagCounts[f.kind] ?? 0) + 1;
        tally.add(call);
      },
      error: (error: unknown) => (failure ??= { error }),
    });
  };

  const start = (k: InputKind): void => {
    kind = k;
    if (k === 'records') {
      records = new Subject<CallRecord>();
      count(records.pipe(filter((r) => firstOfItsId(r, line))));
      return;
    }
    events = new Subject<CallEvent>();
    const onAnomaly = (a: StreamAnomaly): void =>
      reject(line, 'unknownCall', `${a.event} event for call ${a.callId}, which is not in flight (never dialled, or already ended)`, a.callId, null);
    count(
      events.pipe(
        callRecords({ policy, onAnomaly }),
        filter((r) => {
          const dialLine = dialLines.get(r.callId) ?? line;
          dialLines.delete(r.callId);
          return firstOfItsId(r, dialLine);
        }),
      ),
    );
  };

  const throwIfFailed = (): void => {
    if (failure !== null) throw failure.error;
  };

  return {
    row(at, value) {
      rows += 1;
      line = at;
      if (kind === undefined || (records === null && events === null)) start(kind ?? (hasType(value) ? 'events' : 'records'));
      if (records !== null) {
        const parsed = safeParseCallRecord(value);
        if (parsed.ok) records.next(parsed.value);
        else reject(at, 'invalid', parsed.error.message, parsed.error.callId, parsed.error.path);
      } else if (events !== null) {
        const parsed = safeParseCallEvent(value);
        if (parsed.ok) {
          const event = parsed.value;
          if (event.type === 'dial' && !dialLines.has(event.callId)) dialLines.set(event.callId, at);
          events.next(event);
        } else {
          reject(at, 'invalid', parsed.error.message, parsed.error.callId, parsed.error.path);
        }
      }
      throwIfFailed();
    },
    reject(at, reason, message, path = null) {
      rows += 1;
      reject(at, reason, message, null, path);
    },
    rows: () => rows,
    finish() {
      if (records === null && events === null) start(kind ?? 'records');
      records?.complete();
      events?.complete();
      throwIfFailed();
      const alertRate = policy.acr.alertRate;
      const everyScope = acrTable(tally.counters(), { alertRate });
      return {
        input: { name: options.name, format: options.format, kind: kind ?? 'records', rows },
        policy: policy.id,
        timeZone: policy.timeZone,
        period: { from: iso(period.from), to: iso(period.to) },
        calls,
        outsidePeriod,
        flagCounts: { ...flagCounts },
        acrAlerts: everyScope.filter((r) => r.alert).length,
        table: everyScope.filter((r) => options.scopes.includes(r.scope)),
        rejected: rejected.summary(),
      };
    },
  };
}
