/**
 * The rejected section of the report: how many rows were not counted, by reason, and the
 * first few of them with their line numbers. Bounded: only `examples` rows are kept.
 */
import { printable, printableMessage } from 'dialguard/internals';
import type { RejectReason } from './rows.js';

/** One row that was not counted. */
export interface RejectedRow {
  /** Line in the input (1-based; for CSV the header is line 1). */
  readonly line: number;
  readonly reason: RejectReason;
  /** The call, when the row named one. */
  readonly callId: string | null;
  /** The field at fault (`dialAt`, `content.optOutNumber`; `''` for the whole row), when known. */
  readonly path: string | null;
  readonly message: string;
}

/** The rejected section of the report. */
export interface RejectedSummary {
  readonly count: number;
  readonly byReason: Readonly<Partial<Record<RejectReason, number>>>;
  /** The first rows rejected, in input order. */
  readonly examples: readonly RejectedRow[];
}

/** Counts rejected rows and keeps the first few as examples (the report's "rejected" section). */
export interface RejectedLog {
  add(row: RejectedRow): void;
  summary(): RejectedSummary;
}

/** A rejected-row log keeping at most `examples` rows; the count covers them all. */
export function createRejectedLog(examples: number): RejectedLog {
  let count = 0;
  const byReason: Partial<Record<RejectReason, number>> = {};
  const kept: RejectedRow[] = [];
  return {
    add(row) {
      count += 1;
      byReason[row.reason] = (byReason[row.reason] ?? 0) + 1;
      if (kept.length < examples) kept.push(row);
    },
    summary: () => ({ count, byReason: { ...byReason }, examples: [...kept] }),
  };
}

/** Longest field path shown for a rejected row; longer ones are cut with `…`. */
export const MAX_PATH_SHOWN = 80;
/** Longest message shown for a rejected row (it may quote a call id of any length). */
export const MAX_MESSAGE_SHOWN = 300;

/** `row`'s field and message as shown to people: control characters visible, cut when long. */
export function shownRejected(row: RejectedRow): { readonly field: string; readonly message: string } {
  return { field: row.path ? ` [${printable(row.path, MAX_PATH_SHOWN)}]` : '', message: printableMessage(row.message, MAX_MESSAGE_SHOWN) };
}

/** One line of stderr for a rejected row: one line, whatever the row held. */
export function describeRejected(row: RejectedRow): string {
  const { field, message } = shownRejected(row);
  return `dialguard: line ${row.line}: rejected (${row.reason})${field}: ${message}`;
}
