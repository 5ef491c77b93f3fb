/**
 * Complaints, as a carrier or a calling party receives them: "this number keeps ringing me
 * and hanging up". The types of a complaint and of what the records show about it.
 *
 * Privacy: a match holds only what the complainant already gave (the complaint itself) and,
 * for each matching call, its call id, dial time, category, flag kinds with their
 * paragraphs, and whether its CLI is the one the complainant saw. It never copies the
 * record's called number, presented CLI, campaign, call centre or flag details, so it can
 * be shown to the complainant without revealing the carrier's customer.
 */
import type { CLI_WITHHELD_SILENT_REF } from '../rules/cli/index.js';
import { DialguardError } from '../errors.js';
import type { FlagKind } from '../flags.js';
import type { CallCategory } from '../rules/category/index.js';

/** A complaint about calls to one number. */
export interface Complaint {
  /** The complaint's own reference, echoed back. */
  readonly id?: string;
  /** The complainant's number, in any UK form (`+44 …`, `0044 …`, `0 …`, with spaces). */
  readonly calledNumber: string;
  /** The CLI the complainant saw: a number, `null` (or a blank string) when it was withheld, absent when not known. */
  readonly presentedCli?: string | null;
  /** When the call came, as reported (epoch ms); matched with a tolerance (default ±15 min). */
  readonly reportedAt?: number;
  /** When the calls came, as a closed interval (epoch ms, both ends included); wins over `reportedAt`. */
  readonly window?: { readonly from: number; readonly to: number };
  /** The complainant's words, echoed back, never read. */
  readonly text?: string;
}

/** Options for matching complaints. */
export interface ComplaintOptions {
  /** Tolerance around `reportedAt`, ms either side; default 15 minutes. */
  readonly toleranceMs?: number;
  /** At most this many matching calls are listed per complaint (the earliest); default 100. `matchCount` counts them all. */
  readonly maxMatches?: number;
}

/** Default tolerance around a reported time: 15 minutes either side. */
export const DEFAULT_COMPLAINT_TOLERANCE_MS = 15 * 60_000;

/** Default cap on matches listed per complaint. */
export const DEFAULT_MAX_MATCHES = 100;

/** One call that matches a complaint: ids, times and findings only, no customer data. */
export interface ComplaintCallMatch {
  readonly callId: string;
  /** Dial time, epoch ms. */
  readonly at: number;
  /** End of the call (hangup, else the last event), epoch ms. */
  readonly endAt: number;
  readonly category: CallCategory;
  /** The call's flags: kind and paragraph only (details can hold the customer's CLI). */
  readonly flags: readonly { readonly kind: FlagKind; readonly ref: string }[];
  /** The call presented the CLI the complainant saw (both withheld counts); `null` when the complaint names none. */
  readonly cliMatches: boolean | null;
}

/** What the records show, or do not show, about a complaint. */
export type ComplaintFinding =
  /** The called number is not a UK number `normaliseUkNumber` accepts: compared by its digits as written. */
  | { readonly kind: 'calledNumberNotUk'; readonly message: string }
  /** The complaint gives no time: every call to the number is a match. */
  | { readonly kind: 'noTimeGiven'; readonly message: string }
  /** The records hold no call to the number at all. */
  | { readonly kind: 'noCallToNumber'; readonly message: string }
  /** Calls to the number exist, but none in the window; the nearest dial times either side. */
  | {
      readonly kind: 'outsideWindow';
      readonly callsToNumber: number;
      readonly nearestBefore: number | null;
      readonly nearestAfter: number | null;
      readonly message: string;
    }
  /**
   * Calls to the number in the window exist, but none presented the CLI the complainant saw
   * (a number, or withheld): the call complained of may not be in these records — possibly a
   * spoofed CLI, or another caller.
   */
  | { readonly kind: 'noCallFromCli'; readonly matches: number; readonly message: string }
  /** Some matching calls withheld their CLI: aggravating, especially on silent calls (A2.13). */
  | { readonly kind: 'cliWithheldOnMatches'; readonly ref: typeof CLI_WITHHELD_SILENT_REF; readonly withheld: number; readonly matches: number; readonly message: string }
  /** Matching calls exist but none was silent or abandoned (A1.3, A1.9) by the records, and none is undetermined. */
  | { readonly kind: 'noSilentOrAbandoned'; readonly matches: number; readonly message: string }
  /**
   * Matching calls exist, none silent or abandoned by the records, but `undetermined` of
   * them have an undetermined category: the records cannot show whether they were silent
   * or abandoned (A1.3, A1.9; unknown is not absent). Given instead of `noSilentOrAbandoned`.
   */
  | { readonly kind: 'silentOrAbandonedUnknown'; readonly matches: number; readonly undetermined: number; readonly message: string }
  /**
   * More calls to the number were given than the matcher keeps ids for (16,384 ids, or
   * 1,048,576 characters of ids, per complaint): `unchecked` of them were counted without
   * checking whether the same call was given before, so a duplicate among them counts twice.
   */
  | { readonly kind: 'duplicatesUnchecked'; readonly unchecked: number; readonly message: string };

/** Every finding kind. */
export type ComplaintFindingKind = ComplaintFinding['kind'];

/** A complaint with the calls that match it and the findings. */
export interface ComplaintMatch {
  /** The complaint as given. */
  readonly complaint: Complaint;
  /** The interval compared (closed); `null` when the complaint gives no time. */
  readonly window: { readonly from: number; readonly to: number } | null;
  /** Matching calls — same number, a span overlapping the window — earliest first, at most `maxMatches`. */
  readonly matches: readonly ComplaintCallMatch[];
  /** How many calls matched, listed or not. */
  readonly matchCount: number;
  readonly findings: readonly ComplaintFinding[];
}

/** A complaint is malformed: `field` names what to fix. */
export class ComplaintError extends DialguardError {
  readonly field: string;
  constructor(id: string | undefined, field: string, message: string) {
    super('INVALID_COMPLAINT', `complaint${id === undefined ? '' : ` ${id}`}: ${field} ${message}`, null);
    this.field = field;
  }
}
