/**
 * The progress line on stderr: rows read and rows per second, redrawn in place at most
 * ten times a second, and only when stderr is a terminal (never in a pipe or a log file).
 */

/** Where progress and messages go. */
export interface ProgressStream {
  write(text: string): unknown;
  readonly isTTY?: boolean | undefined;
}

/** The progress line of one run. */
export interface Progress {
  /** Counts `rows` read so far; redraws when 100 ms have passed since the last redraw. */
  update(rows: number): void;
  /** Writes `text` (a whole line) to stderr, clearing the progress line first. */
  message(text: string): void;
  /** Clears the line. */
  done(): void;
}

/** Least time between redraws. */
export const PROGRESS_INTERVAL_MS = 100;
/** Rows between clock reads: reading the clock on every row would cost more than the row. */
const CHECK_EVERY = 1024;

const fmt = (n: number): string => Math.round(n).toLocaleString('en-GB');

/** A progress line on `stream` when it is a TTY (else it only forwards messages); `now` is injectable for tests. */
export function createProgress(stream: ProgressStream, now: () => number = () => performance.now()): Progress {
  const live = stream.isTTY === true;
  const started = now();
  let last = started;
  let lastRows = 0;
  let shown = false;
  const clear = (): void => {
    if (shown) stream.write('\r\x1b[2K');
    shown = false;
  };
  return {
    update(rows) {
      if (!live || rows - lastRows < CHECK_EVERY) return;
      lastRows = rows;
      const t = now();
      if (t - last < PROGRESS_INTERVAL_MS) return;
      last = t;
      const seconds = (t - started) / 1000;
      stream.write(`\r\x1b[2Kdialguard: ${fmt(rows)} rows read, ${fmt(seconds > 0 ? rows / seconds : 0)} rows/s`);
      shown = true;
    },
    message(text) {
      clear();
      stream.write(text.endsWith('\n') ? text : `${text}\n`);
    },
    done: clear,
  };
}
