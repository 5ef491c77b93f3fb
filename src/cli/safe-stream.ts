/**
 * Writing to stderr and stdout without letting a broken stream change the outcome. A
 * closed stderr (`2>&-`, a log reader that went away) must never change the exit code or
 * lose the report: messages and the progress line are best effort. A closed stdout
 * (`dialguard audit … | head`) ends the report quietly: nothing more can be delivered, and
 * no stack trace is printed. Writes that throw are caught here; errors a stream emits later
 * (a pipe closed by the reader: EPIPE) are handled where the process's own streams are
 * wired (`main.ts`).
 */
import type { ProgressStream } from './progress.js';

/** Errors of a stream whose reader has gone: the write cannot be delivered, and that is all. */
export function isClosedStream(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === 'EPIPE' || code === 'ERR_STREAM_DESTROYED' || code === 'ERR_STREAM_WRITE_AFTER_END' || code === 'EBADF';
}

/** `stream` whose writes never throw: after the first failure it is not written to again. */
export function bestEffort(stream: ProgressStream): ProgressStream {
  let broken = false;
  return {
    isTTY: stream.isTTY,
    write(text: string): boolean {
      if (broken) return false;
      try {
        stream.write(text);
        return true;
      } catch {
        broken = true;
        return false;
      }
    },
  };
}

/** `stream` whose writes ignore a closed reader (EPIPE and the like) but still throw for any other failure. */
export function closedQuietly(stream: { write(text: string): unknown }): { write(text: string): boolean } {
  let closed = false;
  return {
    write(text: string): boolean {
      if (closed) return false;
      try {
        stream.write(text);
        return true;
      } catch (e) {
        if (!isClosedStream(e)) throw e;
        closed = true;
        return false;
      }
    },
  };
}
