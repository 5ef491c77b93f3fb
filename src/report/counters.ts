import type { FlagKind } from '../flags.js';
import { FLAG_KINDS } from './flag-kinds.js';
import type { AmdCounts, FlagCounts } from './types.js';

/** Zeroed AMD evidence counters (A2.24). */
export function emptyAmdCounts(): AmdCounts {
  return { calls: 0, answered: 0, verdictHuman: 0, verdictMachine: 0, verdictUnknown: 0, checkedHuman: 0, checkedMachine: 0, falsePositives: 0, falseNegatives: 0 };
}

/** Per-kind counts (indexed as `FLAG_KINDS`) as a record of the kinds with any. */
export function flagCountsOf(counts: readonly number[]): FlagCounts {
  const out: { [K in FlagKind]?: number } = {};
  for (let i = 0; i < counts.length; i++) if (counts[i]! > 0) out[FLAG_KINDS[i]!] = counts[i]!;
  return out;
}
