/**
 * Whether misuse ran through the period or came at points (Section 1: "we are more likely
 * to regard misuse as persistent where there is evidence it occurred: either throughout or
 * at different points during the period investigated"). A description of the pattern, read
 * literally over every week of the period — weeks without calls included — not a verdict.
 */
export interface Persistence {
  /** ISO weeks the period touches (a week cut by the period's ends counts), and those with calls or with misuse. */
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
  /**
   * Misuse occurred in every week of the period (`weeksWithMisuse === weeks`), and the
   * period has at least two weeks (Section 1: "throughout … the period investigated"). A
   * week without calls had no misuse, so it breaks "throughout".
   */
  readonly throughout: boolean;
  /**
   * `none` (no week with misuse); `oneWeek` (exactly one); `throughout` (see `throughout`);
   * else `atDifferentPoints` (two or more weeks, not every week of the period).
   */
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

/**
 * The persistence of misuse over the period (Section 1): the weeks and days with calls and
 * with misuse, and the pattern — `throughout` only when every one of the period's weeks
 * (at least two) had misuse, `oneWeek` when exactly one had.
 */
export function persistenceOf(input: PersistenceInput): Persistence {
  const withCalls = input.weekFacts.filter((w) => w.withCalls);
  const misuseWeeks = input.weekFacts.filter((w) => w.misuse).map((w) => w.week);
  const throughout = input.weeks >= 2 && misuseWeeks.length >= input.weeks;
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
    pattern: misuseWeeks.length === 0 ? 'none' : misuseWeeks.length === 1 ? 'oneWeek' : throughout ? 'throughout' : 'atDifferentPoints',
  };
}
