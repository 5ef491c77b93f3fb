/**
 * The audit of a stream of rows, one pass, in flat memory: each row is validated and
 * pushed through the library's operators as it is read, and nothing of a call is kept
 * once it has been counted — only the operators' bounded state (calls in flight, the
 * cross-call rules' 72-hour history and two days of day state), the report builder's
 * counters per day × campaign × call centre, and the duplicate window.
 *
 * records: row → `safeParseCallRecord` → `classify(policy)` (the front, `record-front.ts`)
 *          → duplicate window → `misuse(policy)` → `createReportBuilder(policy)`
 *          → `build({ from, to, scopes })`
 * events:  row → `safeParseCallEvent` → `callRecords({ policy, dispositionWaitMs })` → duplicate window →
 *          `classify(policy)` → the same from `misuse` on
 *
 * The front of records depends on no other row: with `--workers` it runs in worker threads
 * and the classified calls come back to `call()` in line order; everything from the
 * duplicate window on depends on the order and runs here, one call at a time.
 *
 * This is `audit()`'s loop fed from a file instead of an array: each call is counted as it
 * is read (events go through `callRecords` on an RxJS `Subject` fed synchronously), so a
 * row is fully counted before the next is read (the reader's backpressure is the audit's).
 * Every call passes through the cross-call rules, so a call early in the period is judged
 * against the calls just before it (A2.9: 72 h); the report then counts the calls of the
 * period (whole calendar days, A3.3) and says how many fell outside it.
 */
import { Subject, filter, map } from 'rxjs';
import {
  callRecords,
  classify,
  createAcrLedger,
  createMisuseState,
  createReportBuilder,
  safeParseCallEvent,
  type AcrScope,
  type CallEvent,
  type CallRecord,
  type ClassifiedCall,
  type MisuseUpdate,
  type Policy,
  type Report,
  type StreamAnomaly,
} from 'dialguard/internals';
import type { InputFormat, InputKind } from './args.js';
import { createDuplicateWindow } from './dedupe.js';
import { recordFront, type CallSink } from './record-front.js';
import type { EvidenceSummary } from './mapping/evidence.js';
import type { Period } from './period.js';
import { createRejectedLog, type RejectedRow, type RejectedSummary } from './rejected.js';
import type { RejectReason, RowSink } from './rows.js';

/** What was read, and how. */
export interface InputSummary {
  readonly name: string;
  readonly format: InputFormat;
  readonly kind: InputKind;
  /** Rows read (blank lines and the CSV header not included), counted or not. */
  readonly rows: number;
  /** `--dedupe-window`: how many of the latest call ids the duplicate check remembers (0: off). */
  readonly dedupeWindow: number;
}

/** What `dialguard audit --json` writes: the library's `Report`, with what was read and what was rejected. */
export interface CliReport extends Report {
  readonly input: InputSummary;
  readonly rejected: RejectedSummary;
  /** What the input could not show, and the warning when calls cannot be told live from silent (set by the command). */
  readonly evidence?: EvidenceSummary;
}

/** Options of a streaming audit. */
export interface StreamAuditOptions {
  readonly name: string;
  readonly format: InputFormat;
  readonly policy: Policy;
  /** `undefined`: the first row decides (a `type` field → events). */
  readonly kind: InputKind | undefined;
  /** `--from`/`--to`; an open start is the oldest call read (the whole input), an open end the newest call's day. */
  readonly period: Period;
  /** Scopes the report lists (A3.4). */
  readonly scopes: readonly AcrScope[];
  readonly dedupeWindow: number;
  readonly examples: number;
  /** Events: ms an answered call waits after its hangup for its disposition (`callRecords`' `dispositionWaitMs`); default 0. */
  readonly dispositionWaitMs?: number;
  /** Events: calls in flight at once (`callRecords`' `maxInFlight`); default `DEFAULT_MAX_IN_FLIGHT`. */
  readonly maxInFlight?: number;
  /** Told of each rejected row as it happens (stderr). */
  readonly onReject?: (row: RejectedRow) => void;
  /** Told of each call counted, classified (the evidence tally). */
  readonly onCall?: (call: ClassifiedCall) => void;
}

/** A running audit: feed it rows (it is the readers' sink), or calls already classified, then `finish()`. */
export interface StreamAudit extends RowSink, CallSink {
  /** Rows read so far. */
  rows(): number;
  /** What the input holds: `--input`, or what its first row settled; `undefined` before that row. */
  kind(): InputKind | undefined;
  /** Ends the stream (closing calls still in flight) and returns the report. @throws the error that stopped the operators, if any */
  finish(): CliReport;
  /** After `finish`: the report again, listing `scopes` instead. */
  rebuild(scopes: readonly AcrScope[]): Report;
}

/** `true` for a row that is a call event (it has a `type`): the first row decides what the input holds, when `--input` does not say. */
export function isEventRow(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'type' in value;
}

/** Starts a streaming audit. */
export function createStreamAudit(options: StreamAuditOptions): StreamAudit {
  const { policy, period } = options;
  const rejected = createRejectedLog(options.examples);
  const duplicates = createDuplicateWindow(options.dedupeWindow);
  // One ACR ledger counts each call once; the ACR alert and the report read it.
  const ledger = createAcrLedger({ timeZone: policy.timeZone });
  const builder = createReportBuilder(policy, { ledger });
  let kind = options.kind;
  let started = false; // `kind` is settled (by `--input`, or the first row) and its pipeline made
  let rows = 0;
  let oldest = Infinity; // the earliest dial, the default start of the period
  let line = 0; // line of the row being processed
  let failure: { error: unknown } | null = null;
  let events: Subject<CallEvent> | null = null;
  /** Events mode: the line of each call in flight's dial, so a duplicate record names it. Bounded by the calls in flight. */
  const dialLines = new Map<string, number>();

  const reject = (at: number, reason: RejectReason, message: string, callId: string | null = null, path: string | null = null): void => {
    const row: RejectedRow = { line: at, reason, callId, path, message };
    rejected.add(row);
    options.onReject?.(row);
  };

  /** Duplicate check of a record about to be classified (as `audit`: the first of an id counts). */
  const firstOfItsId = (record: CallRecord, recordLine: number): boolean => {
    if (duplicates.first(record.callId)) return true;
    reject(recordLine, 'duplicate', `call ${record.callId} appears more than once; the first one was counted`, record.callId, 'callId');
    return false;
  };

  // The cross-call rules (A1.21, A1.35, A2.9, A3.4) as `audit()` runs them: one state, called in order.
  const state = createMisuseState(policy, { acrLedger: ledger });
  /** Counts one call, first of its id, in order: the ledger, the cross-call rules, the report. After a failure, nothing more. */
  const count = (classified: ClassifiedCall): void => {
    if (failure !== null) return;
    ledger.add(classified);
    let update: MisuseUpdate;
    try {
      update = state.next(classified);
    } catch (error: unknown) {
      failure = { error };
      return;
    }
    if (update.call.record.dialAt < oldest) oldest = update.call.record.dialAt;
    // The call, and the flags about a scope (too many CLIs, scanning, ACR alert) it raised.
    builder.addUpdate(update);
    options.onCall?.(update.call);
  };

  const start = (k: InputKind): void => {
    kind = k;
    started = true;
    if (k === 'records') return;
    events = new Subject<CallEvent>();
    const onAnomaly = (a: StreamAnomaly): void =>
      reject(line, 'unknownCall', `${a.event} event for call ${a.callId}, which is not in flight (never dialled, or already ended)`, a.callId, null);
    events
      .pipe(
        // No dedupe window in the operator: `firstOfItsId` below rejects a repeated call once, at its dial line.
        callRecords({ policy, onAnomaly, dispositionWaitMs: options.dispositionWaitMs ?? 0, maxInFlight: options.maxInFlight, dedupeWindow: 0 }),
        filter((r) => {
          const dialLine = dialLines.get(r.callId) ?? line;
          dialLines.delete(r.callId);
          return firstOfItsId(r, dialLine);
        }),
        map((r) => classify(r, policy)),
      )
      .subscribe({ next: count, error: (error: unknown) => (failure ??= { error }) });
  };

  const throwIfFailed = (): void => {
    if (failure !== null) throw failure.error;
  };

  /** The ordered back of records: each classified call, in line order. */
  const back: CallSink = {
    call(at, call) {
      line = at;
      if (firstOfItsId(call.record, at)) count(call);
    },
    reject: (at, reason, message, path, callId) => reject(at, reason, message, callId ?? null, path ?? null),
  };
  const front = recordFront(policy, back);

  return {
    row(at, value) {
      rows += 1;
      line = at;
      if (!started) start(kind ?? (isEventRow(value) ? 'events' : 'records'));
      if (kind === 'records') front.row(at, value);
      else if (events !== null) {
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
    call(at, call) {
      rows += 1;
      if (!started) start(kind ?? 'records');
      if (kind !== 'records') throw new Error('classified calls are for an audit of call records, not events');
      back.call(at, call);
      throwIfFailed();
    },
    reject(at, reason, message, path = null, callId = null) {
      rows += 1;
      reject(at, reason, message, callId, path);
    },
    rows: () => rows,
    kind: () => kind,
    finish() {
      if (!started) start(kind ?? 'records');
      events?.complete();
      throwIfFailed();
      const report = build(options.scopes);
      return {
        ...report,
        input: { name: options.name, format: options.format, kind: kind ?? 'records', rows, dedupeWindow: options.dedupeWindow },
        rejected: rejected.summary(),
      };
    },
    rebuild: (scopes) => build(scopes),
  };

  function build(scopes: readonly AcrScope[]): Report {
    // The whole input by default: from the oldest call (before an explicit end, if it is later).
    let from = period.from ?? (oldest === Infinity ? undefined : oldest);
    if (period.from === null && from !== undefined && period.to !== null && from >= period.to) from = period.to - 1;
    const report = builder.build({ ...(from !== undefined ? { from } : {}), ...(period.to !== null ? { to: period.to } : {}), scopes });
    // Neither --from nor --to: the period is the whole input, not one the user gave.
    if (period.from !== null || period.to !== null || report.period.fromDate === null) return report;
    return { ...report, period: { ...report.period, basis: 'wholeInput' } };
  }
}
