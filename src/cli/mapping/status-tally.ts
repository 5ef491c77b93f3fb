/**
 * The statuses a mapping met that its outcome table does not know, with how many rows had
 * each, for the evidence summary (`evidence.ts`): at most `MAX_UNMAPPED_STATUSES` distinct,
 * the first met; a status met after that many others is not counted.
 */

/** Distinct statuses kept: the summary shows the first eight, the HTML report all of them. */
export const MAX_UNMAPPED_STATUSES = 100;

/** A status and its rows, in the order the status was first met. */
export type StatusCount = readonly [status: string, rows: number];

/** Counts statuses in the order met. */
export interface StatusTally {
  /** `rows` more rows with `status`. */
  add(status: string, rows: number): void;
  /** The counts since the last `take`, in the order first met, and starts again (a batch's, for the reading thread to `add`). */
  take(): StatusCount[];
  /** Every status counted, most rows first (in the order first met between equals). */
  list(): { readonly status: string; readonly rows: number }[];
}

/**
 * A tally of at most `cap` distinct statuses (the reading thread's), or of every status
 * (`Infinity`: a worker thread's, taken after each batch, so bounded by a batch's rows).
 * Adding the worker's batches in order to a capped tally gives the counts one thread would.
 */
export function createStatusTally(cap: number = MAX_UNMAPPED_STATUSES): StatusTally {
  let counts = new Map<string, number>();
  return {
    add(status, rows) {
      const n = counts.get(status);
      if (n !== undefined) counts.set(status, n + rows);
      else if (counts.size < cap) counts.set(status, rows);
    },
    take() {
      const taken = [...counts];
      counts = new Map();
      return taken;
    },
    list: () => [...counts].map(([status, rows]) => ({ status, rows })).sort((a, b) => b.rows - a.rows),
  };
}
