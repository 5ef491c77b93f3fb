/**
 * Rejected rows on stderr, said once: the first few rows of each kind of rejection (the
 * same reason and field) are printed; after that one line says the rest are not, and the
 * end of the run gives their count. A file whose every row lacks the same field gives a
 * few lines, not a million. The report still counts them all, and lists the first
 * `--examples` of them.
 */
import { describeRejected, shownRejected, type RejectedRow } from './rejected.js';

/** Rows printed per kind of rejection before the rest are only counted. */
export const PRINTED_PER_KIND = 5;
/** Kinds told apart; the rows of any further kind are counted as one kind, `OTHER_KINDS`. */
export const MAX_KINDS = 1000;
/** The kind of the rows past the first `MAX_KINDS` kinds. */
const OTHER_KINDS = `other kinds, past the first ${MAX_KINDS.toLocaleString('en-GB')}`;

/** Prints rejected rows through `write`, a few per kind. */
export interface RejectPrinter {
  (row: RejectedRow): void;
  /** Lines for the end of the run: the rows not printed, per kind; `[]` when none. */
  summary(): string[];
}

/** A printer that writes each line (without its line break) with `write`. */
export function createRejectPrinter(write: (line: string) => void): RejectPrinter {
  const seen = new Map<string, number>();
  const print = ((row: RejectedRow) => {
    // The field as shown (controls escaped, cut when long): a path may quote the data.
    let kind = `${row.reason}${shownRejected(row).field}`;
    // Bounded: past MAX_KINDS kinds, every new one is counted (and printed) as one.
    if (!seen.has(kind) && seen.size >= MAX_KINDS) kind = OTHER_KINDS;
    const n = (seen.get(kind) ?? 0) + 1;
    seen.set(kind, n);
    if (n <= PRINTED_PER_KIND) write(describeRejected(row));
    else if (n === PRINTED_PER_KIND + 1) write(`dialguard: further rows rejected (${kind}) are counted, not printed`);
  }) as RejectPrinter;
  print.summary = () =>
    [...seen]
      .filter(([, n]) => n > PRINTED_PER_KIND)
      .map(([kind, n]) => `dialguard: ${(n - PRINTED_PER_KIND).toLocaleString('en-GB')} more row(s) rejected (${kind}) not printed; ${n.toLocaleString('en-GB')} in all`);
  return print;
}
