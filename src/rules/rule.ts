/**
 * What a rule is: one paragraph (or a few neighbouring ones) of the policy, the flag kinds
 * it raises with their reference strings and titles, and how it judges. Every rule lives in
 * its own folder under `src/rules/`; `src/rules/index.ts` lists them, and the classifier,
 * the misuse rules, the pre-dial guard, the machine's deadlines and the report are derived
 * from that list — nothing else names a paragraph.
 */
import type { AnyFlag, FlagKind } from '../flags.js';
import type { Policy } from '../policy/policy.js';
import { UNKNOWN_FACTS, type CallRecord, type UnknownFact } from '../record.js';
import type { Categorisation } from './category/index.js';

/** The reference and title of one flag kind, as reports list it. */
export interface FlagKindInfo {
  /** The paragraph the flag usually cites (a flag's own `ref` may be a neighbouring one). */
  readonly ref: string;
  /** What the flag means, in a few words. */
  readonly title: string;
  /**
   * `true` when the flag is itself a form of misuse of Annex 1 (a silent or abandoned call,
   * CLI misuse under A1.20–A1.23, IVM misuse, number scanning): a day with one is a day "on
   * which misuse occurred" for persistence (Section 1). Absent for an Annex 2 factor, which
   * only aggravates misuse (A2.7), an alert (A4.20) or a matter of records (A2.23).
   */
  readonly misuse?: true;
}

/** A rule's identity: what reports and coverage tables call it. */
export interface RuleInfo<K extends FlagKind = FlagKind> {
  /** A stable identifier (the rule's folder, in camelCase). */
  readonly id: string;
  /** What the rule checks, in a few words (coverage tables use it). */
  readonly title: string;
  /** Every paragraph it enforces; the first is the one it usually cites. */
  readonly refs: readonly string[];
  /** The flag kinds it raises, each with its usual reference and title, in report order. */
  readonly flags: { readonly [P in K]: FlagKindInfo };
}

/**
 * A rule that could not be judged on a call, because a fact it needs is unknown: the
 * record's source could not show it (see `CallRecord.unknown`). Never a pass: reports
 * list it in their coverage section.
 */
export interface NotJudged {
  readonly rule: string;
  readonly title: string;
  readonly refs: readonly string[];
  /** Which facts were missing, in words ("the records have no message times"). */
  readonly reason: string;
}

/** What judging one call gives: a flag, several, none (`null`: judged, no breach), or `NotJudged`. */
export type Verdict<K extends FlagKind = FlagKind> = AnyFlag & { readonly kind: K } | readonly (AnyFlag & { readonly kind: K })[] | null | NotJudged;

/** What a per-call rule may know about the call beyond its record. */
export interface CallContext {
  /** The call's category and the facts that decided it. */
  readonly categorisation: Categorisation;
  /** The campaign has standing written notice of recording (call-recording guidance). */
  readonly standingRecordingNotice: boolean;
}

/** A rule judged on one call at a time: `classify` runs every one of them. */
export interface CallRule<K extends FlagKind = FlagKind> extends RuleInfo<K> {
  /** `false` when the policy switches the rule off (e.g. no numbering plan to judge CLIs by). */
  readonly appliesUnder?: (policy: Policy) => boolean;
  /** Judges one call. Pure; allocates only what it returns. */
  judge(record: CallRecord, policy: Policy, context: CallContext): Verdict<K>;
}

/**
 * A rule's identity as plain data (for rules judged outside `classify`: across calls, by
 * the guard or by the report): `id`, `title`, its paragraphs, and the flags it raises
 * with their usual reference and title.
 */
/* @__NO_SIDE_EFFECTS__ */
export function ruleInfo<K extends FlagKind = never>(id: string, title: string, refs: readonly string[], flags: { readonly [P in K]: FlagKindInfo }): RuleInfo<K> {
  return { id, title, refs, flags };
}

/** `true` when `v` is a `NotJudged` answer, not a flag or a list of flags. */
export function isNotJudged(v: Exclude<Verdict, null>): v is NotJudged {
  return 'reason' in v;
}

/** Builds the `NotJudged` answer of `rule` with `reason`. */
/* @__NO_SIDE_EFFECTS__ */
export function notJudged(rule: Pick<RuleInfo<never>, 'id' | 'title' | 'refs'>, reason: string): NotJudged {
  return { rule: rule.id, title: rule.title, refs: rule.refs, reason };
}

/**
 * The answer of `rule` on a call whose category is `undetermined` (A3.3: the records
 * cannot show the outcome the rule is about): not judged, with the category's own reason —
 * the facts it lacked. One place for that reason, so every rule gives the same one.
 */
/* @__NO_SIDE_EFFECTS__ */
export function notJudgedUndetermined(rule: Pick<RuleInfo<never>, 'id' | 'title' | 'refs'>, categorisation: Categorisation): NotJudged {
  return notJudged(rule, categorisation.undeterminedReason ?? UNDETERMINED_REASON);
}

/** Why a rule about the call's outcome was not judged on an undetermined call whose categorisation gives no reason of its own. */
export const UNDETERMINED_REASON = 'the category is undetermined';

/** What each fact is, for reasons in words. */
const FACT_WORDS: { readonly [F in UnknownFact]: string } = {
  ringingAt: 'ringing (alerting) times',
  answerAt: 'answer times',
  salutationStartAt: 'start-of-salutation times',
  amdResult: 'AMD verdicts',
  agentAt: 'agent-connect times',
  messageAt: 'message times',
  messageContent: 'message content',
  recordingAt: 'recording facts',
  ivmAgentRequestedAt: 'IVM facts',
  hangupAt: 'hang-up times',
  hangupBy: 'who hung up',
  disposition: 'agent dispositions',
};

/**
 * The fact each fact can only be recorded together with: who hung up with the hang-up; what
 * happens after pickup (the start of salutation, the AMD verdict, the agent, the message,
 * the IVM, the disposition) with the answer; what the message said with the message. A
 * source that cannot show that fact cannot show that this one did not happen either: with
 * it unknown, this one is unknown too, unless the record holds a value for it. The one
 * table of these implications: `isUnknown` and `missingFacts` read it, so every rule does.
 */
const RECORDED_WITH: { readonly [F in UnknownFact]?: UnknownFact } = {
  salutationStartAt: 'answerAt',
  amdResult: 'answerAt',
  agentAt: 'answerAt',
  messageAt: 'answerAt',
  messageContent: 'messageAt',
  ivmAgentRequestedAt: 'answerAt',
  disposition: 'answerAt',
  hangupBy: 'hangupAt',
};

/**
 * The listed unknown fact (of `unknown`, the record's list) that makes `fact` unknown on
 * `record`: `fact` itself when listed; else, when the record holds no value for `fact`, the
 * fact it is recorded with (`RECORDED_WITH`), and so on; `null` when `fact` is known.
 */
function unknownBecause(record: CallRecord, unknown: readonly UnknownFact[], fact: UnknownFact): UnknownFact | null {
  for (let f: UnknownFact | undefined = fact; f !== undefined; f = RECORDED_WITH[f]) {
    if (unknown.includes(f)) return f;
    if (record[f] !== null) return null; // recorded: known, and so is the absence of what it needs
  }
  return null;
}

/**
 * The facts not in `unknown` that a record with that list leaves unknown when it holds no
 * value for them (`isUnknown`): those recorded only with a listed fact, directly or through
 * another (`RECORDED_WITH`), in `UNKNOWN_FACTS` order. For a tally of the facts unknown
 * across many records: only these need testing on each record.
 */
export function factsUnknownWith(unknown: readonly UnknownFact[]): readonly UnknownFact[] {
  return UNKNOWN_FACTS.filter((fact) => {
    if (unknown.includes(fact)) return false;
    for (let f = RECORDED_WITH[fact]; f !== undefined; f = RECORDED_WITH[f]) if (unknown.includes(f)) return true;
    return false;
  });
}

/**
 * `true` when the record's source could not show `fact`: it is listed in `record.unknown`,
 * or the record holds no value for it and a fact it can only be recorded with is unknown
 * (`hangupBy` with `hangupAt`; the facts after pickup with `answerAt`; `messageContent`
 * with `messageAt`).
 */
export function isUnknown(record: CallRecord, fact: UnknownFact): boolean {
  const unknown = record.unknown;
  return unknown !== undefined && unknown.length > 0 && unknownBecause(record, unknown, fact) !== null;
}

/**
 * The reason in words when any of `facts` is unknown on `record` (see `isUnknown`) ("the
 * records have no agent-connect times or message times"), else `null`. It names the facts
 * the source lacks: a fact unknown because another is names that one ("no hang-up times"
 * for `hangupBy` when `hangupAt` is unknown), each once.
 */
export function missingFacts(record: CallRecord, facts: readonly UnknownFact[]): string | null {
  const unknown = record.unknown;
  if (!unknown?.length) return null; // most records know every fact
  let words: string[] | null = null;
  for (const f of facts) {
    const because = unknownBecause(record, unknown, f);
    if (because === null) continue;
    const w = FACT_WORDS[because];
    if (words === null) words = [w];
    else if (!words.includes(w)) words.push(w);
  }
  return words === null ? null : `the records have no ${words.join(' or ')}`;
}
