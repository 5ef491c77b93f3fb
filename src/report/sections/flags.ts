import type { FlagKind } from '../../flags.js';
import { ruleOfKind } from '../../rules/index.js';
import { FLAG_KIND_INFO, FLAG_KINDS } from '../flag-kinds.js';
import type { ReportCoverage } from './coverage.js';
import { inPeriod, type ReportPeriod } from './period.js';
import type { ReportFlagRefs } from '../types.js';

/** How many flags of each kind; kinds with none are left out. */
export type FlagCounts = { readonly [K in FlagKind]?: number };

/** Per kind, paragraphs its flags cited. */
export type FlagRefs = { readonly [K in FlagKind]?: readonly string[] };

/** One flag kind over the period. */
export interface FlagKindSummary {
  readonly kind: FlagKind;
  readonly title: string;
  /** The paragraphs its flags in the period cited (the usual one when it has none). */
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
 * The paragraphs each kind's flags cited on the days of the period (`ReportData.refsByDate`);
 * for data written before those were kept, `all` (those of all the data) instead.
 */
export function refsInPeriod(all: FlagRefs, byDate: readonly ReportFlagRefs[] | undefined, period: ReportPeriod): FlagRefs {
  if (byDate === undefined) return all;
  const sets: { [K in FlagKind]?: Set<string> } = {};
  for (const r of byDate) if (inPeriod(period, r.date)) for (const ref of r.refs) (sets[r.kind] ??= new Set()).add(ref);
  const out: { [K in FlagKind]?: readonly string[] } = {};
  for (const [kind, set] of Object.entries(sets)) out[kind as FlagKind] = [...set].sort();
  return out;
}

/**
 * The flags section: every kind, its title, the paragraphs its flags in the period cited
 * (`refs`, those of the period: see `refsInPeriod`; the usual one for a kind with none),
 * its count in the period (zero included), and on how many calls its rule could not be judged.
 */
export function flagSummaries(counts: FlagCounts, refs: FlagRefs, coverage: ReportCoverage): FlagKindSummary[] {
  const unjudged = new Map(coverage.rules.map((r) => [r.rule, r.notJudged]));
  return FLAG_KINDS.map((kind) => {
    const count = counts[kind] ?? 0;
    return {
      kind,
      title: FLAG_KIND_INFO[kind].title,
      refs: (count > 0 ? refs[kind] : undefined) ?? [FLAG_KIND_INFO[kind].ref],
      count,
      notJudged: unjudged.get(ruleOfKind(kind).id) ?? 0,
    };
  });
}
