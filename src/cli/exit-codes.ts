/**
 * Exit codes of `dialguard audit`. Scripts branch on these, so they are stable.
 */

/**
 * No flags raised, with some call of the period judged live, abandoned, silent, a machine or
 * unconnected (rules not judged on some calls are in the report's coverage, never passed;
 * rows may have been rejected: they are reported, see `--strict`).
 */
export const EXIT_CLEAN = 0;
/** The audit ran and found flags (or, with `--strict`, rejected rows). */
export const EXIT_FLAGS = 1;
/** Bad usage, an unreadable input, or an audit that could not finish: no report is trustworthy. */
export const EXIT_USAGE = 2;
/**
 * The audit ran but judged nothing about the calls' outcomes: it counted no call (an empty
 * input, every row rejected, or no call in the period), or every call of the period is
 * undetermined (the records show none live, abandoned or silent) and no flag was raised.
 */
export const EXIT_NOTHING_AUDITED = 3;

/** A problem with the command line or the input as a whole: reported on stderr, exit 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
