/**
 * What the input could not show, counted as the calls go by, and the warning when it
 * matters: answered calls whose file has no agent or message times and whose status the
 * mapping does not turn into an outcome cannot be told live from silent. Without this a
 * CDR audit would report every answered call as silent and say nothing.
 */
import { factsUnknownWith, isUnknown, printable, type ClassifiedCall } from 'dialguard/internals';
import type { UnshownFacts } from './prepare.js';
import { UNKNOWN_FACT_NAMES } from './fields.js';
import { MAX_UNMAPPED_STATUSES } from './status-tally.js';
import type { UnknownFact } from './types.js';

/** The evidence figures of some calls: how many, with an outcome, and undecidable. */
export interface EvidenceCounts {
  readonly calls: number;
  /** Calls with a recorded outcome (a status the mapping knows). */
  readonly withOutcome: number;
  /** Answered (or possibly answered) calls with agent and message times unknown and no outcome: live cannot be told from silent. */
  readonly undecidable: number;
  /** Of those, how many the classifier still put in a category (not `undetermined`), by category. */
  readonly undecidableAs: Readonly<Record<string, number>>;
}

/** The `evidence` section of the command's report. */
export interface EvidenceSummary {
  /**
   * Facts unknown on at least one call, in the order of the record's fields: listed as
   * unknown, or unknown because a fact they are only recorded with is (`hangupBy` with no
   * value when `hangupAt` is unknown; the facts after pickup when `answerAt` is).
   */
  readonly unknownFacts: readonly UnknownFact[];
  /**
   * Facts the input has no source for at all — no column in the header, or neither mapped
   * nor listed by the mapping — so they are unknown on every call, not absent, with why;
   * `null` when it has a source for every fact (or lists those it lacks).
   */
  readonly unshownFacts: UnshownFacts | null;
  /** Calls counted (in and out of the period). */
  readonly calls: number;
  /** Calls with a recorded outcome (a status the mapping knows). */
  readonly withOutcome: number;
  /** Answered (or possibly answered: the answer time unknown) calls with agent and message times unknown and no outcome: live cannot be told from silent. */
  readonly undecidable: number;
  /** Of those, how many the classifier still put in a category (not `undetermined`), by category. */
  readonly undecidableAs: Readonly<Record<string, number>>;
  /** Statuses the mapping's outcome table does not know, with their rows (most first). */
  readonly unmappedStatuses: readonly { readonly status: string; readonly rows: number }[];
  /**
   * The same figures for the calls in the period alone (`--from`/`--to`; without them every
   * call counted): the warning speaks of these.
   */
  readonly inPeriod: EvidenceCounts;
  /** Calls whose category differs from the outcome the dialler recorded, as `recorded → classified` with their count. */
  readonly outcomeDisagreements: Readonly<Record<string, number>>;
  /** The warning, or `null` when every call's category rests on evidence. */
  readonly warning: string | null;
  /** A note on the disagreements, or `null` when there are none. */
  readonly note: string | null;
}

/** Counts the evidence of each call; `summary` gives the section. */
export interface EvidenceTally {
  add(call: ClassifiedCall): void;
  /** The section; `source`: how the input was read (default: with a mapping that has a source for every fact). */
  summary(unmappedStatuses: readonly { readonly status: string; readonly rows: number }[], source?: EvidenceSource): EvidenceSummary;
}

/** How the input was read, for the summary's words. */
export interface EvidenceSource {
  /** The facts the input has no source for (`RowPlan.unshownFacts`), or `null`. */
  readonly unshown: UnshownFacts | null;
  /** Read with a mapping (`--preset`, `--mapping`): its outcome table is the way to tell live from silent; without one, an `outcome` column or the agent and message times. */
  readonly mapping: boolean;
}


const n = (v: number): string => v.toLocaleString('en-GB');

/** Longest status shown in the warning (then cut with `…`). */
const STATUS_SHOWN = 40;

/** Statuses the warning names (the rest counted: "… and N more"; the HTML report and the JSON list them all). */
const STATUSES_LISTED = 8;

/** The dial times of the period (`--from`/`--to`: [from, to), `null` open); absent: the whole input. */
export interface EvidencePeriod {
  readonly from: number | null;
  readonly to: number | null;
}

/** Mutable evidence counts. */
interface Counts {
  calls: number;
  withOutcome: number;
  undecidable: number;
  as: Record<string, number>;
}

const counts = (): Counts => ({ calls: 0, withOutcome: 0, undecidable: 0, as: {} });
const frozen = (c: Counts): EvidenceCounts => ({ calls: c.calls, withOutcome: c.withOutcome, undecidable: c.undecidable, undecidableAs: { ...c.as } });

/** `n call` or `n calls`. */
const calls = (k: number): string => `${n(k)} call${k === 1 ? '' : 's'}`;

/**
 * A fresh tally. With `period` (`--from`/`--to`), the warning counts the calls in it (the
 * report's calls), naming those outside it apart; the JSON figures `calls`, `withOutcome`
 * and `undecidable` stay those of every call counted, and `inPeriod` holds the period's.
 */
export function createEvidenceTally(period: EvidencePeriod = { from: null, to: null }): EvidenceTally {
  const seen = new Set<UnknownFact>();
  let lastUnknown: readonly UnknownFact[] | undefined;
  /** The facts `lastUnknown` may leave unknown (`factsUnknownWith`) not yet seen. */
  let implied: readonly UnknownFact[] = [];
  const all = counts();
  const inside = counts();
  const { from, to } = period;
  const periodGiven = from !== null || to !== null;
  const disagree: Record<string, number> = {};
  const undecidableCall = (c: Counts, category: string): void => {
    c.undecidable += 1;
    c.as[category] = (c.as[category] ?? 0) + 1;
  };
  return {
    add(call) {
      const r = call.record;
      const isIn = (from === null || r.dialAt >= from) && (to === null || r.dialAt < to);
      all.calls += 1;
      if (isIn) inside.calls += 1;
      if (r.outcome != null) {
        all.withOutcome += 1;
        if (isIn) inside.withOutcome += 1;
        if (r.outcome.category !== call.category) {
          const key = `${r.outcome.category} → ${call.category}`;
          disagree[key] = (disagree[key] ?? 0) + 1;
        }
      }
      const unknown = r.unknown;
      if (unknown === undefined || unknown.length === 0) return;
      if (unknown !== lastUnknown) {
        for (const f of unknown) seen.add(f);
        lastUnknown = unknown;
        implied = factsUnknownWith(unknown).filter((f) => !seen.has(f));
      }
      // A fact recorded only with an unknown one is unknown too when the record holds no value for it (`isUnknown`): each tested until one record shows it.
      for (let i = 0; i < implied.length; i++) {
        const f = implied[i]!;
        if (!seen.has(f) && isUnknown(r, f)) seen.add(f);
      }
      if (r.outcome != null) return;
      // `isUnknown`: the agent and message are unknown too when the answer is (they are recorded with it).
      const maybeAnswered = r.answerAt !== null || unknown.includes('answerAt');
      if (maybeAnswered && isUnknown(r, 'agentAt') && isUnknown(r, 'messageAt')) {
        undecidableCall(all, call.category);
        if (isIn) undecidableCall(inside, call.category);
      }
    },
    summary(unmappedStatuses, { unshown, mapping } = { unshown: null, mapping: true }) {
      let warning: string | null = null;
      const outside = all.undecidable - inside.undecidable;
      if (inside.undecidable > 0) {
        // A status is the file's text: escaped and cut here (`unmappedStatuses` keeps it exact, for JSON).
        const listed = unmappedStatuses.slice(0, STATUSES_LISTED);
        const statuses = listed.map((s) => `"${printable(s.status.slice(0, STATUS_SHOWN + 1), STATUS_SHOWN)}" ${n(s.rows)}`).join(', ');
        const more = unmappedStatuses.length - listed.length;
        const rest = more > 0 ? `, … and ${n(more)} more` : '';
        // Only the first MAX_UNMAPPED_STATUSES distinct statuses are tallied: there may be others.
        const capped = unmappedStatuses.length >= MAX_UNMAPPED_STATUSES ? `; only the first ${n(MAX_UNMAPPED_STATUSES)} statuses met were counted` : '';
        const rows = periodGiven ? 'rows in the whole input: ' : '';
        const shownAs = Object.entries(inside.as).filter(([c]) => c !== 'undetermined').map(([c, k]) => `${n(k)} as ${c}`).join(', ');
        const who = periodGiven
          ? `${n(inside.undecidable)} of ${n(inside.calls)} calls in the period${outside > 0 ? ` (and ${calls(outside)} outside it)` : ''}`
          : `${n(inside.undecidable)} of ${n(inside.calls)} calls`;
        const without = !mapping
          ? 'no recorded outcome'
          : statuses === '' ? 'no status the mapping knows' : `their statuses have no outcome in the mapping (${rows}${statuses}${rest}${capped})`;
        const remedy = mapping
          ? "Add the statuses to the mapping's outcome table (copy the preset: --mapping FILE.json)."
          : "Give the records their agent and message times (agentAt, messageAt) or the dialler's recorded outcome (outcome), or read the file with a mapping whose outcome table knows its statuses (--mapping FILE.json).";
        warning =
          `${who} cannot be told live from silent: the file has no agent or message times and ${without}. ` +
          `Their categories${shownAs === '' ? '' : ` (${shownAs})`} are not findings. ${remedy}`;
      }
      const disagreements = Object.entries(disagree);
      const total = disagreements.reduce((a, [, k]) => a + k, 0);
      const notes: string[] = [];
      if (unshown !== null) {
        const one = unshown.facts.length === 1;
        notes.push(
          `${unshown.reason}: ${one ? 'that fact is' : 'those facts are'} unknown on every call, not absent, and the rules that need ${one ? 'it' : 'them'} are not judged (see the coverage).`,
        );
      }
      if (total > 0) {
        notes.push(
          `${n(total)} call${total === 1 ? "'s" : "s'"} category differs from the outcome the dialler recorded (recorded → classified: ${disagreements.map(([k, c]) => `${k} ${n(c)}`).join(', ')}): ` +
            'the classifier decides from the times where they show the category; where they cannot, check the figures against the recorded outcomes.',
        );
      }
      if (inside.undecidable === 0 && outside > 0) {
        notes.push(
          `${calls(outside)} outside the period cannot be told live from silent (no agent or message times, and a status with no outcome in the mapping): ` +
            'they are not in the figures of the period, but the rules across calls (repeats within 72 hours, A2.9) read the calls just before it.',
        );
      }
      return {
        unknownFacts: UNKNOWN_FACT_NAMES.filter((f) => seen.has(f)),
        unshownFacts: unshown,
        calls: all.calls,
        withOutcome: all.withOutcome,
        undecidable: all.undecidable,
        undecidableAs: { ...all.as },
        inPeriod: frozen(inside),
        unmappedStatuses,
        outcomeDisagreements: { ...disagree },
        warning,
        note: notes.length === 0 ? null : notes.join(' '),
      };
    },
  };
}
