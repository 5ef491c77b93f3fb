/**
 * Whether misuse ran through the period or came at points (Section 1: "either throughout
 * or at different points during the period"). A description of the pattern, not a verdict.
 */
export interface Persistence {
  /** ISO weeks the period touches, and those with calls or with misuse. */
  readonly weeks: number;
  readonly weeksWithCalls: number;
  readonly weeksWithMisuse: number;
  /** weeksWithMisuse / weeksWithCalls; `null` with no calls. */
  readonly shareOfWeeksWithCalls: number | null;
  readonly daysWithCalls: number;
  readonly daysWithMisuse: number;
  /** The dates and weeks with misuse, in order. */
  readonly misuseDays: readonly string[];
  readonly misuseWeeks: readonly string[];
  /** Every week of the period that had calls had misuse (and at least one did). */
  readonly throughout: boolean;
  /** `throughout`; `atDifferentPoints` (two or more weeks, not all); `oneWeek`; `none`. */
  readonly pattern: 'throughout' | 'atDifferentPoints' | 'oneWeek' | 'none';
}

/** What persistence is read from: the weeks with calls or misuse, and the days. */
export interface PersistenceInput {
  /** ISO weeks the period touches. */
  readonly weeks: number;
  /** Per week with data: whether it had calls, and misuse. */
  readonly weekFacts: readonly { readonly week: string; readonly withCalls: boolean; readonly misuse: boolean }[];
  readonly daysWithCalls: number;
  readonly misuseDays: readonly string[];
}

/** The persistence of misuse over the period (Section 1). */
export function persistenceOf(input: PersistenceInput): Persistence {
  const withCalls = input.weekFacts.filter((w) => w.withCalls);
  const misuseWeeks = input.weekFacts.filter((w) => w.misuse).map((w) => w.week);
  const throughout = misuseWeeks.length > 0 && withCalls.every((w) => w.misuse);
  return {
    weeks: input.weeks,
    weeksWithCalls: withCalls.length,
    weeksWithMisuse: misuseWeeks.length,
    shareOfWeeksWithCalls: withCalls.length === 0 ? null : withCalls.filter((w) => w.misuse).length / withCalls.length,
    daysWithCalls: input.daysWithCalls,
    daysWithMisuse: input.misuseDays.length,
    misuseDays: input.misuseDays,
    misuseWeeks,
    throughout,
    pattern: misuseWeeks.length === 0 ? 'none' : throughout ? 'throughout' : misuseWeeks.length === 1 ? 'oneWeek' : 'atDifferentPoints',
  };
}
