/**
 * The order-independent front of the audit of call records: each row on its own, read
 * (`--set`, `--epoch`, `--input-tz` for JSON Lines), validated (`safeParseCallRecord`) and
 * classified (`classify`, a pure function of the record and the policy), or rejected with
 * its reason. Nothing here depends on any other row, so the worker threads of `--workers`
 * run it on their batches and the single thread runs the very same code; what depends on
 * the order of the calls (duplicates, the 72-hour and scanning rules, the ACR ledger, the
 * report) is the audit's ordered back (`audit-stream.ts`).
 */
import { classify, safeParseCallRecord, type ClassifiedCall, type Policy } from 'dialguard/internals';
import { CellError } from './columns.js';
import { RowValueError, type PlainNormaliser } from './mapping/plain.js';
import type { RowSink } from './rows.js';

/** Where the front hands each row on, in line order: a classified call, or a rejected row. */
export interface CallSink extends Pick<RowSink, 'reject'> {
  /** A valid record, classified. */
  call(line: number, call: ClassifiedCall): void;
}

/** A `RowSink` that validates and classifies each row as a call record and hands it on to `target`. */
export function recordFront(policy: Policy, target: CallSink): RowSink {
  return {
    row(line, value) {
      const parsed = safeParseCallRecord(value);
      if (parsed.ok) target.call(line, classify(parsed.value, policy));
      else target.reject(line, 'invalid', parsed.error.message, parsed.error.path, parsed.error.callId);
    },
    reject: (line, reason, message, path, callId) => target.reject(line, reason, message, path, callId),
  };
}

/**
 * A `RowSink` that reads each JSON Lines row with `normalise` (`--set`, `--epoch`,
 * `--input-tz`) before handing it on to `target`; a value that cannot be read rejects the
 * row (`invalid`, naming the field and the call).
 */
export function normalisedRows(normalise: PlainNormaliser, target: RowSink): RowSink {
  return {
    row(line, value) {
      let read: unknown;
      try {
        read = normalise(value);
      } catch (e) {
        if (!(e instanceof CellError)) throw e;
        target.reject(line, 'invalid', e.message, e.path, e instanceof RowValueError ? e.callId : null);
        return;
      }
      target.row(line, read);
    },
    reject: (line, reason, message, path, callId) => target.reject(line, reason, message, path, callId),
  };
}
