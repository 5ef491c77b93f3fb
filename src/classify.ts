/**
 * The classifier: a pure function of a call record and a policy, derived from the rules
 * (`src/rules/index.ts`): the category, then every per-call rule in turn.
 */
import type { AnyFlag } from './flags.js';
import { ofcom2017 } from './policy/ofcom2017.js';
import type { Policy } from './policy/policy.js';
import type { CallRecord } from './record.js';
import type { AnsweredBy } from './rules/category/answered-by.js';
import { categorise, type CallCategory, type MachineKind } from './rules/category/index.js';
import { CALL_RULES } from './rules/index.js';
import { isNotJudged, type CallContext, type NotJudged } from './rules/rule.js';

/** A call with its category, every per-call flag, and the rules its record could not judge. */
export interface ClassifiedCall {
  readonly record: CallRecord;
  readonly category: CallCategory;
  /** For `answerMachine`: which of the three kinds (A3.5). */
  readonly machine?: MachineKind;
  /** Who answered (`null`: nobody); `unknown` abandoned calls are counted by the A3.6 estimate. */
  readonly answeredBy: AnsweredBy | null;
  readonly flags: readonly AnyFlag[];
  /**
   * The rules that could not be judged on this call, because a fact they need is unknown
   * (see `CallRecord.unknown`), with the reason. Never a pass: reports count them in their
   * coverage section. Always set by `classify` (empty when every rule was judged).
   */
  readonly notJudged?: readonly NotJudged[];
}

/** Options for `classify`. */
export interface ClassifyOptions {
  /** Campaigns with standing written notice of recording (terms of business, publicity): recording without a per-call notice is not flagged for them. */
  readonly standingRecordingNotice?: ReadonlySet<string> | readonly string[];
}

const ALL_JUDGED: readonly NotJudged[] = /* @__PURE__ */ Object.freeze([]);
/** The flags of a call that raised none: one frozen empty list, shared (most calls raise none). */
const NO_FLAGS: readonly AnyFlag[] = /* @__PURE__ */ Object.freeze([]);

/** `list` with `item` added; a list is made at its first item, holding it (`[x]` is sized 1, where `[]` then push reserves 16 slots). */
function append<T>(list: T[] | null, item: T): T[] {
  if (list === null) return [item];
  list.push(item);
  return list;
}

function hasStandingNotice(campaignId: string, options: ClassifyOptions): boolean {
  const s = options.standingRecordingNotice;
  if (s === undefined) return false;
  return Array.isArray(s) ? s.includes(campaignId) : (s as ReadonlySet<string>).has(campaignId);
}

/**
 * Classifies one call: its category (live, abandoned, silent, unconnected, answer machine,
 * or undetermined when the record cannot show it; see `categorise`), then each rule of
 * `CALL_RULES` in turn — `silentCall` (A1.3, A1.6, A1.7), `abandonedCall` (A1.9, A1.10),
 * `shortRing` and `longRing` (A2.15), `lateMessage` (A2.19), `messageMissing` (A2.19;
 * under a connection deadline, 16 CFR 310.4(b)(4)(iii)), `messageContent` (A2.17),
 * `cliWithheld` (A1.20, A2.13), `cliInvalid`, `cliPremiumRate` and `cliNotBasicRate`
 * (A1.20, A2.14; under a UK numbering plan), `unsociableHours` (A2.11), `ivmNoQueueInfo`
 * and `ivmLongWait` (A1.28–A1.31), `recordingWithoutNotice` (call-recording guidance) and
 * `recordAnomaly` (A2.23). A rule that needs a fact the record's source could not show is
 * listed in `notJudged`, never passed. Pure: the same record and policy always give the
 * same answer; the record is not changed.
 */
export function classify(record: CallRecord, policy: Policy = ofcom2017, options: ClassifyOptions = {}): ClassifiedCall {
  const categorisation = categorise(record, policy);
  const context: CallContext = { categorisation, standingRecordingNotice: hasStandingNotice(record.campaignId, options) };
  let flags: AnyFlag[] | null = null; // made on the first flag: most calls raise none
  let notJudged: NotJudged[] | null = null;
  for (let i = 0; i < CALL_RULES.length; i++) {
    const rule = CALL_RULES[i]!;
    if (rule.appliesUnder !== undefined && !rule.appliesUnder(policy)) continue;
    const verdict = rule.judge(record, policy, context);
    if (verdict === null) continue;
    if (Array.isArray(verdict)) for (const f of verdict as readonly AnyFlag[]) flags = append(flags, f);
    else if (isNotJudged(verdict)) notJudged = append(notJudged, verdict);
    else flags = append(flags, verdict as AnyFlag);
  }
  const category = categorisation.category;
  const answeredBy = categorisation.answeredBy;
  return categorisation.machine === null
    ? { record, category, answeredBy, flags: flags ?? NO_FLAGS, notJudged: notJudged ?? ALL_JUDGED }
    : { record, category, answeredBy, flags: flags ?? NO_FLAGS, notJudged: notJudged ?? ALL_JUDGED, machine: categorisation.machine };
}
