import { CLI_WITHHELD_SILENT_REF, isWithheld } from '../rules/cli/index.js';
import { classify, type ClassifiedCall } from '../classify.js';
import { normaliseUkNumber } from '../numbers/index.js';
import { ofcom2017 } from '../policy/ofcom2017.js';
import { numberKey } from '../misuse/number-key.js';
import type { Policy } from '../policy/policy.js';
import type { CallRecord } from '../record.js';
import { ComplaintError, DEFAULT_COMPLAINT_TOLERANCE_MS, DEFAULT_MAX_MATCHES, type Complaint, type ComplaintCallMatch, type ComplaintFinding, type ComplaintMatch, type ComplaintOptions } from './complaint.js';

/** A running matcher of a fixed set of complaints against calls seen one at a time. */
export interface ComplaintMatcher {
  /** Checks one call (a record, or a classified call whose flags then include the cross-call ones) against every complaint about its number. */
  add(call: CallRecord | ClassifiedCall): void;
  /** The matches so far, one per complaint in the order given. */
  results(): ComplaintMatch[];
}

interface State {
  readonly complaint: Complaint;
  readonly window: { readonly from: number; readonly to: number } | null;
  /** `undefined`: the complaint names no CLI; `null`: it says withheld; else the CLI's key. */
  readonly cliKey: string | null | undefined;
  /** Ids of the calls to the number counted so far, while they fit `MAX_SEEN_IDS` and `MAX_SEEN_CHARS`. */
  readonly seen: Set<string>;
  /** Characters of the ids in `seen`. */
  seenChars: number;
  /** Calls counted whose ids `seen` had no room for: a second copy of one of them would be counted again. */
  unchecked: number;
  callsToNumber: number;
  nearestBefore: number | null;
  nearestAfter: number | null;
  matchCount: number;
  /** Of the matches: those whose CLI is the one the complainant saw, those that withheld it, those silent or abandoned, those undetermined. */
  cliMatched: number;
  withheld: number;
  misuse: number;
  undetermined: number;
  /** Earliest first, at most `maxMatches`. */
  readonly matches: ComplaintCallMatch[];
}

/**
 * At most this many call ids, of at most `MAX_SEEN_CHARS` characters in all, are kept per
 * complaint to count a call given twice once: memory is bounded by the complaints, never by
 * the calls or the ids' length (hostile input). Calls beyond are counted unchecked, and the
 * result says so (`duplicatesUnchecked`).
 */
const MAX_SEEN_IDS = 16_384;
const MAX_SEEN_CHARS = 1 << 20;

const finite = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);

function windowOf(c: Complaint, toleranceMs: number): { from: number; to: number } | null {
  if (c.window !== undefined) {
    if (!finite(c.window.from) || !finite(c.window.to)) throw new ComplaintError(c.id, 'window', 'should have finite epoch-ms `from` and `to`');
    if (c.window.from > c.window.to) throw new ComplaintError(c.id, 'window', `should start no later than it ends; received from ${c.window.from} after to ${c.window.to}`);
    return { from: c.window.from, to: c.window.to };
  }
  if (c.reportedAt !== undefined) {
    if (!finite(c.reportedAt)) throw new ComplaintError(c.id, 'reportedAt', `should be epoch ms; received ${String(c.reportedAt)}`);
    return { from: c.reportedAt - toleranceMs, to: c.reportedAt + toleranceMs };
  }
  return null;
}

/** No CLI presented: `null`, or blank (as `cliWithheld` judges it, A1.20). */
/** The record withheld its CLI (`isWithheld`, the rule's own test). */
const withheld = (r: CallRecord): boolean => isWithheld(r.cli);

const earlier = (a: ComplaintCallMatch, b: ComplaintCallMatch): boolean => a.at < b.at || (a.at === b.at && a.callId < b.callId);

/**
 * Matches complaints against calls in one pass, whatever their order, in memory bounded by
 * the complaints (not the calls): complaints are indexed by the key of their number, so a
 * call costs one normalisation and one lookup. A call given twice counts once: each
 * complaint keeps the ids of the calls to its number, up to 16,384 ids of 1,048,576
 * characters in all; beyond that, calls are counted without that check and the result has
 * a `duplicatesUnchecked` finding (A2.6; hostile input cannot grow the matcher).
 *
 * A call matches a complaint when its called number has the same key
 * (`numberKey`) and its span — dial to hangup, or to its last event if it never
 * ended — overlaps the complaint's window (closed at both ends): `window` if given, else
 * `reportedAt` ± `toleranceMs`, else any time. Records are classified with `policy` to
 * give each match its category and flags; pass classified calls (e.g. from `misuse`) to
 * include the cross-call flags.
 *
 * @throws ComplaintError for an empty number, a reversed window or a non-finite time.
 */
export function createComplaintMatcher(complaints: readonly Complaint[], policy: Policy = ofcom2017, options: ComplaintOptions = {}): ComplaintMatcher {
  const toleranceMs = options.toleranceMs ?? DEFAULT_COMPLAINT_TOLERANCE_MS;
  const maxMatches = options.maxMatches ?? DEFAULT_MAX_MATCHES;
  if (!finite(toleranceMs) || toleranceMs < 0) throw new ComplaintError(undefined, 'toleranceMs', `should be 0 or more milliseconds; received ${toleranceMs}`);
  if (!Number.isInteger(maxMatches) || maxMatches < 0) throw new ComplaintError(undefined, 'maxMatches', `should be a whole number, 0 or more; received ${maxMatches}`);
  const states: State[] = [];
  const byNumber = new Map<string, State[]>();
  for (const complaint of complaints) {
    if (typeof complaint.calledNumber !== 'string' || complaint.calledNumber.trim() === '') {
      throw new ComplaintError(complaint.id, 'calledNumber', 'should be the number that was called, e.g. 01632 960001');
    }
    const cli = complaint.presentedCli;
    const state: State = {
      complaint,
      window: windowOf(complaint, toleranceMs),
      // A blank CLI is a withheld one, as on the records (`isWithheld`).
      cliKey: cli === undefined ? undefined : isWithheld(cli) ? null : numberKey(cli as string), // isWithheld(null) is true
      seen: new Set(),
      seenChars: 0,
      unchecked: 0,
      callsToNumber: 0,
      nearestBefore: null,
      nearestAfter: null,
      matchCount: 0,
      cliMatched: 0,
      withheld: 0,
      misuse: 0,
      undetermined: 0,
      matches: [],
    };
    states.push(state);
    const key = numberKey(complaint.calledNumber);
    const list = byNumber.get(key);
    if (list === undefined) byNumber.set(key, [state]);
    else list.push(state);
  }

  const cliMatches = (r: CallRecord, s: State): boolean | null =>
    s.cliKey === undefined ? null : s.cliKey === null ? withheld(r) : !withheld(r) && numberKey(r.cli as string) === s.cliKey;

  return {
    add(call) {
      if (byNumber.size === 0) return;
      const r = 'record' in call ? call.record : call;
      const list = byNumber.get(numberKey(r.to));
      if (list === undefined) return;
      const start = r.dialAt;
      const end = Math.max(start, r.hangupAt ?? r.lastEventAt);
      let classified: ClassifiedCall | null = null;
      for (const s of list) {
        const id = r.callId;
        if (s.seen.has(id)) continue; // the same call given twice counts once
        if (s.seen.size < MAX_SEEN_IDS && s.seenChars + id.length <= MAX_SEEN_CHARS) {
          s.seen.add(id);
          s.seenChars += id.length;
        } else {
          s.unchecked += 1; // no room to remember it: counted, but a second copy would be too
        }
        s.callsToNumber += 1;
        const w = s.window;
        if (w !== null && end < w.from) {
          if (s.nearestBefore === null || start > s.nearestBefore) s.nearestBefore = start;
          continue;
        }
        if (w !== null && start > w.to) {
          if (s.nearestAfter === null || start < s.nearestAfter) s.nearestAfter = start;
          continue;
        }
        const c: ClassifiedCall = classified ?? ('record' in call ? call : classify(call, policy));
        classified = c;
        const cli = cliMatches(r, s);
        s.matchCount += 1;
        if (cli === true) s.cliMatched += 1;
        if (withheld(r)) s.withheld += 1;
        if (c.category === 'silent' || c.category === 'abandoned') s.misuse += 1;
        else if (c.category === 'undetermined') s.undetermined += 1;
        const m = s.matches;
        if (m.length === maxMatches && (maxMatches === 0 || !earlier({ at: start, callId: r.callId } as ComplaintCallMatch, m[m.length - 1]!))) continue;
        const match: ComplaintCallMatch = {
          callId: r.callId,
          at: start,
          endAt: r.hangupAt ?? r.lastEventAt,
          category: c.category,
          flags: c.flags.map((f) => ({ kind: f.kind, ref: f.ref })),
          cliMatches: cli,
        };
        let i = m.length;
        while (i > 0 && earlier(match, m[i - 1]!)) i--;
        m.splice(i, 0, match);
        if (m.length > maxMatches) m.pop();
      }
    },
    results: () => states.map(resultOf),
  };
}

function resultOf(s: State): ComplaintMatch {
  const findings: ComplaintFinding[] = [];
  const c = s.complaint;
  if (normaliseUkNumber(c.calledNumber) === null) {
    findings.push({ kind: 'calledNumberNotUk', message: 'the called number is not a UK number; calls were compared by its digits as written' });
  }
  if (s.window === null) findings.push({ kind: 'noTimeGiven', message: 'the complaint gives no time: every call to the number matches' });
  if (s.callsToNumber === 0) {
    findings.push({ kind: 'noCallToNumber', message: 'the records hold no call to this number' });
  } else if (s.matchCount === 0) {
    findings.push({
      kind: 'outsideWindow',
      callsToNumber: s.callsToNumber,
      nearestBefore: s.nearestBefore,
      nearestAfter: s.nearestAfter,
      message: `the records hold ${s.callsToNumber} call(s) to this number, none at the time given`,
    });
  }
  if (s.matchCount > 0 && s.cliKey !== undefined && s.cliMatched === 0) {
    findings.push({
      kind: 'noCallFromCli',
      matches: s.matchCount,
      message:
        s.cliKey === null
          ? 'every matching call presented a CLI, but the complainant saw it withheld: the call complained of may not be in these records'
          : 'no matching call presented the CLI the complainant saw: the call complained of may not be in these records (a spoofed CLI, or another caller)',
    });
  }
  if (s.withheld > 0) {
    findings.push({
      kind: 'cliWithheldOnMatches',
      ref: CLI_WITHHELD_SILENT_REF,
      withheld: s.withheld,
      matches: s.matchCount,
      message: `${s.withheld} of ${s.matchCount} matching call(s) withheld the CLI (aggravating, especially on silent calls: A2.13)`,
    });
  }
  if (s.matchCount > 0 && s.misuse === 0 && s.undetermined > 0) {
    // Unknown is not absent: an undetermined call may have been silent or abandoned (A1.3, A1.9).
    findings.push({
      kind: 'silentOrAbandonedUnknown',
      matches: s.matchCount,
      undetermined: s.undetermined,
      message: `no matching call was silent or abandoned by these records, but ${s.undetermined} of ${s.matchCount} have an undetermined category: the records cannot show whether they were`,
    });
  } else if (s.matchCount > 0 && s.misuse === 0) {
    findings.push({ kind: 'noSilentOrAbandoned', matches: s.matchCount, message: 'no matching call was silent or abandoned by these records' });
  }
  if (s.unchecked > 0) {
    findings.push({
      kind: 'duplicatesUnchecked',
      unchecked: s.unchecked,
      message: `${s.unchecked} call(s) to this number came after the matcher's room for call ids was full: a call given twice among them is counted twice`,
    });
  }
  return { complaint: c, window: s.window, matches: s.matches.slice(), matchCount: s.matchCount, findings };
}
