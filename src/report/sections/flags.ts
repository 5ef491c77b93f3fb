import type { FlagKind } from '../../flags.js';
import { ruleOfKind } from '../../rules/index.js';
import { FLAG_KIND_INFO, FLAG_KINDS } from '../flag-kinds.js';
import type { ReportCoverage } from './coverage.js';

/** How many flags of each kind; kinds with none are left out. */
export type FlagCounts = { readonly [K in FlagKind]?: number };

/** One flag kind over the period. */
export interface FlagKindSummary {
  readonly kind: FlagKind;
  readonly title: string;
  /** The paragraphs its flags cited (the usual one when none was seen). */
  readonly refs: readonly string[];
  readonly count: number;
  /**
   * Calls on which the rule that raises this kind could not be judged (the records lack a
   * fact it needs; see the coverage section). When above 0, `count` is a lower bound, never
   * a clean result.
   */
  readonly notJudged: number;
}

/** Per-kind counts read from `v` at `at` (`FLAG_KINDS` order), as a record of the kinds with any. */
export function flagCountsOf(v: ArrayLike<number>, at = 0): FlagCounts {
  const out: { [K in FlagKind]?: number } = {};
  for (let i = 0; i < FLAG_KINDS.length; i++) {
    const n = v[at + i] ?? 0;
    if (n > 0) out[FLAG_KINDS[i]!] = n;
  }
  return out;
}

/**
 * The flags section: every kind, its title, the paragraphs its flags cited, its count in
 * the period (zero included), and on how many calls its rule could not be judged.
 */
export function flagSummaries(counts: FlagCounts, refs: { readonly [K in FlagKind]?: readonly string[] }, coverage: ReportCoverage): FlagKindSummary[] {
  const unjudged = new Map(coverage.rules.map((r) => [r.rule, r.notJudged]));
  return FLAG_KINDS.map((kind) => ({
    kind,
    title: FLAG_KIND_INFO[kind].title,
    refs: refs[kind] ?? [FLAG_KIND_INFO[kind].ref],
    count: counts[kind] ?? 0,
    notJudged: unjudged.get(ruleOfKind(kind).id) ?? 0,
  }));
}
