import type { CallCounts } from '../../acr/counts.js';
import type { CallRecord } from '../../record.js';
import type { CallCategory } from '../../rules/category/index.js';
import { isUnknown } from '../../rules/rule.js';
import { categories, share } from './categories.js';

/** Evidence of AMD accuracy, counted per call (A2.24, A1.6, A3.5). */
export interface AmdCounts {
  /** Calls placed with AMD on. */
  calls: number;
  /**
   * Of those, answered: an answer time, or (the file could not show the answer time) a
   * category that shows it, any but `unconnected` and `undetermined`.
   */
  answered: number;
  /** AMD verdicts given (on any call). */
  verdictHuman: number;
  verdictMachine: number;
  verdictUnknown: number;
  /** Verdicts `human` / `machine` that a later disposition confirms or contradicts. */
  checkedHuman: number;
  checkedMachine: number;
  /** AMD said machine, the disposition says a person (A1.6: a silent call if dropped). */
  falsePositives: number;
  /** AMD said person, the disposition says machine (A3.5: z if passed to an agent). */
  falseNegatives: number;
  /** Of the calls with AMD on, those whose answer the file could not show (answer time unknown, category `undetermined`): neither answered nor not. */
  answerUnknown: number;
  /**
   * Calls (AMD on or not) whose category is `undetermined` but whose records show an answer
   * (an answer time): counted in `answeredCalls`. An undetermined call whose records show
   * none — they stop while it rang, or the answer time is unknown — is not. Data stored
   * before this field existed reads it as 0.
   */
  undeterminedAnswered: number;
}

/** AMD evidence (A2.24): how often it erred, by the later dispositions. */
export interface AmdEvidence extends Readonly<AmdCounts> {
  /** falsePositives / checkedMachine; `null` when none was checked. */
  readonly falsePositiveRate: number | null;
  /** falseNegatives / checkedHuman; `null` when none was checked. */
  readonly falseNegativeRate: number | null;
  /**
   * Answered calls (all, with or without AMD): every call of a category that shows an
   * answer (not `unconnected`, not `undetermined`), and the undetermined calls whose
   * records show one (`undeterminedAnswered`); and those a machine answered.
   */
  readonly answeredCalls: number;
  readonly machineAnswered: number;
  /** machineAnswered / answeredCalls; `null` when none was answered. */
  readonly machineShareOfAnswered: number | null;
}

/** The AMD counters in their order (the layout of the report's count vectors). */
export const AMD_FIELDS = [
  'calls',
  'answered',
  'verdictHuman',
  'verdictMachine',
  'verdictUnknown',
  'checkedHuman',
  'checkedMachine',
  'falsePositives',
  'falseNegatives',
  'answerUnknown',
  'undeterminedAnswered',
] as const satisfies readonly (keyof AmdCounts)[];

/** Zeroed AMD evidence counters (A2.24). */
export function emptyAmdCounts(): AmdCounts {
  return { calls: 0, answered: 0, verdictHuman: 0, verdictMachine: 0, verdictUnknown: 0, checkedHuman: 0, checkedMachine: 0, falsePositives: 0, falseNegatives: 0, answerUnknown: 0, undeterminedAnswered: 0 };
}

/**
 * Adds one call's AMD evidence (A2.24) into `v` at `at` (`AMD_FIELDS` order): AMD on and
 * answered (by its answer time or, where the file could not show one, by its `category`;
 * neither shown: `answerUnknown`); the verdict; and whether a later disposition confirms it
 * (false positives, A1.6; false negatives, A3.5). Any undetermined call whose records show
 * an answer counts in `undeterminedAnswered`.
 */
export function countAmd(r: CallRecord, category: CallCategory, v: Float64Array, at: number): void {
  if (category === 'undetermined' && r.answerAt !== null) v[at + 10]! += 1;
  if (r.amd) {
    v[at]! += 1;
    if (r.answerAt !== null) v[at + 1]! += 1;
    else if (isUnknown(r, 'answerAt') && category !== 'unconnected') {
      if (category === 'undetermined') v[at + 9]! += 1;
      else v[at + 1]! += 1;
    }
  }
  const verdict = r.amdResult;
  if (verdict === null) return;
  const disposition = r.disposition;
  if (verdict === 'human') {
    v[at + 2]! += 1;
    if (disposition === null) return;
    v[at + 5]! += 1;
    if (disposition === 'machine') v[at + 8]! += 1;
  } else if (verdict === 'machine') {
    v[at + 3]! += 1;
    if (disposition === null) return;
    v[at + 6]! += 1;
    if (disposition === 'human') v[at + 7]! += 1;
  } else v[at + 4]! += 1;
}

/** AMD counts read from `v` at `at`. */
export function amdCountsAt(v: ArrayLike<number>, at: number): AmdCounts {
  const out = emptyAmdCounts();
  AMD_FIELDS.forEach((k, i) => (out[k] = v[at + i]!));
  return out;
}

/**
 * The AMD evidence of a scope (A2.24): the counts, their error rates, and the machine share
 * of answered calls — an undetermined call counted answered only when its records show it.
 */
export function amdEvidence(a: AmdCounts, c: Readonly<CallCounts>): AmdEvidence {
  const cats = categories(c);
  const answeredCalls = cats.calls - cats.unconnected - cats.undetermined + a.undeterminedAnswered;
  return {
    ...a,
    falsePositiveRate: share(a.falsePositives, a.checkedMachine),
    falseNegativeRate: share(a.falseNegatives, a.checkedHuman),
    answeredCalls,
    machineAnswered: cats.answerMachine,
    machineShareOfAnswered: share(cats.answerMachine, answeredCalls),
  };
}
