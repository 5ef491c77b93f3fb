/**
 * What the input could not show, counted as the calls go by, and the warning when it
 * matters: answered calls whose file has no agent or message times and whose status the
 * mapping does not turn into an outcome cannot be told live from silent. Without this a
 * CDR audit would report every answered call as silent and say nothing.
 */
import { printable, type ClassifiedCall } from 'dialguard/internals';
import type { UnknownFact } from './types.js';

/** The `evidence` section of the command's report. */
export interface EvidenceSummary {
  /** Facts unknown on at least one call, in record order. */
  readonly unknownFacts: readonly UnknownFact[];
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
  summary(unmappedStatuses: readonly { readonly status: string; readonly rows: number }[]): EvidenceSummary;
}

const ORDER: readonly UnknownFact[] = [
  'ringingAt', 'answerAt', 'salutationStartAt', 'amdResult', 'agentAt', 'messageAt', 'messageContent',
  'recordingAt', 'ivmAgentRequestedAt', 'hangupAt', 'hangupBy', 'disposition',
];

const n = (v: number): string => v.toLocaleString('en-GB');

/** Longest status shown in the warning (then cut with `…`). */
const STATUS_SHOWN = 40;

/** A fresh tally. */
export function createEvidenceTally(): EvidenceTally {
  const seen = new Set<UnknownFact>();
  let lastUnknown: readonly UnknownFact[] | undefined;
  let calls = 0;
  let withOutcome = 0;
  let undecidable = 0;
  const as: Record<string, number> = {};
  const disagree: Record<string, number> = {};
  return {
    add(call) {
      calls += 1;
      const r = call.record;
      if (r.outcome != null) {
        withOutcome += 1;
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
      }
      if (r.outcome != null) return;
      const maybeAnswered = r.answerAt !== null || unknown.includes('answerAt');
      if (maybeAnswered && unknown.includes('agentAt') && unknown.includes('messageAt')) {
        undecidable += 1;
        as[call.category] = (as[call.category] ?? 0) + 1;
      }
    },
    summary(unmappedStatuses) {
      let warning: string | null = null;
      if (undecidable > 0) {
        // A status is the file's text: escaped and cut here (`unmappedStatuses` keeps it exact, for JSON).
        const statuses = unmappedStatuses.slice(0, 8).map((s) => `"${printable(s.status.slice(0, STATUS_SHOWN + 1), STATUS_SHOWN)}" ${n(s.rows)}`).join(', ');
        const shownAs = Object.entries(as).filter(([c]) => c !== 'undetermined').map(([c, k]) => `${n(k)} as ${c}`).join(', ');
        warning =
          `${n(undecidable)} of ${n(calls)} calls cannot be told live from silent: the file has no agent or message times ` +
          `and ${statuses === '' ? 'no status the mapping knows' : `their statuses have no outcome in the mapping (${statuses}${unmappedStatuses.length > 8 ? ', …' : ''})`}. ` +
          `Their categories${shownAs === '' ? '' : ` (${shownAs})`} are not findings. Add the statuses to the mapping's outcome table (copy the preset: --mapping FILE.json).`;
      }
      const disagreements = Object.entries(disagree);
      const total = disagreements.reduce((a, [, k]) => a + k, 0);
      const note =
        total === 0
          ? null
          : `${n(total)} call${total === 1 ? "'s" : "s'"} category differs from the outcome the dialler recorded (recorded → classified: ${disagreements.map(([k, c]) => `${k} ${n(c)}`).join(', ')}): ` +
            'the classifier decides from the times where they show the category; where they cannot, check the figures against the recorded outcomes.';
      return {
        unknownFacts: ORDER.filter((f) => seen.has(f)),
        calls,
        withOutcome,
        undecidable,
        undecidableAs: { ...as },
        unmappedStatuses,
        outcomeDisagreements: { ...disagree },
        warning,
        note,
      };
    },
  };
}
