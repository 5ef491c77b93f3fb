/**
 * A2.8–A2.10 with footnote 37: calls that are misuse (silent or abandoned) made within 72
 * hours after a first instance of misuse to the same number, without a live agent
 * guaranteed for the repeat call, aggravate it. The half-open window, what is remembered,
 * the flag and the pre-dial guard's refusal all come from here.
 */
import { flag } from '../../flags.js';
import type { Policy } from '../../policy/policy.js';
import type { CallRecord } from '../../record.js';
import type { CallCategory } from '../category/index.js';
import { NotJudged, notJudged, ruleInfo } from '../rule.js';
import type { HeldCall } from './history.js';

export { createRepeatHistory, createRepeatLists, type HeldCall, type RepeatCalls, type RepeatHistory, type RepeatList, type RepeatLists } from './history.js';

/** The paragraph of repeat calls. */
export const REPEAT_REF = 'A2.9';

/** A silent or abandoned call, remembered against its number for the repeat rule (A2.9). */
export interface MisuseCallRef {
  readonly callId: string;
  /** Its dial time, epoch ms. */
  readonly at: number;
  readonly category: 'silent' | 'abandoned';
}

/** The measured values of a `repeatWithin72h` flag. */
export interface RepeatWithin72hDetail {
  readonly previousCallId: string;
  readonly previousAt: number;
  readonly previousCategory: 'silent' | 'abandoned';
  readonly gapMs: number;
  readonly windowMs: number;
}

/** The pre-dial guard's refusal under A2.9. */
export interface RepeatReason {
  readonly kind: 'repeatWithin72h';
  readonly ref: typeof REPEAT_REF;
  /** The earlier call's dial + the window: from this moment (inclusive) the number may be called without a guaranteed agent. */
  readonly until: number;
  readonly detail: Omit<RepeatWithin72hDetail, 'gapMs'>;
}

/** Footnote 37: the calls that are misuse, remembered against their number — silent and abandoned calls. */
export function isMisuseCall(category: CallCategory): category is 'silent' | 'abandoned' {
  return category === 'silent' || category === 'abandoned';
}

/**
 * `true` when a call dialled at `at` falls in the repeat window opened by a misuse call
 * dialled at `previousAt`: from the earlier dial, at least 0 and less than
 * `policy.repeat.windowMs` (72 h) — exactly 72:00:00.000 later is outside. A 0 window (US,
 * Canada) holds nothing.
 */
export function inRepeatWindow(previousAt: number, at: number, policy: Policy): boolean {
  const gap = at - previousAt;
  return gap >= 0 && gap < policy.repeat.windowMs;
}

/**
 * The pre-dial guard's side of `inRepeatWindow` (A2.9): `true` when a dial not yet placed,
 * at `at`, would fall in the repeat window of a misuse call already dialled at `previousAt`.
 * That call has been dialled, so the new dial comes after it whatever the clocks say: `at`
 * is less than `policy.repeat.windowMs` (72 h) after `previousAt`, or before it (the host's
 * clock behind the switch's that stamped the record). Exactly 72:00:00.000 later is
 * allowed, as `inRepeatWindow` says; a 0 window (US, Canada) holds nothing.
 */
export function beforeRepeatWindowEnds(previousAt: number, at: number, policy: Policy): boolean {
  const windowMs = policy.repeat.windowMs;
  return windowMs > 0 && at - previousAt < windowMs;
}

/** Rule information for reports (A2.9): the flag is raised by the misuse rules. */
export const repeatRule = /* @__PURE__ */ ruleInfo<'repeatWithin72h'>('repeatWithin72h', '72 h repeat after misuse', [REPEAT_REF, 'A2.8', 'A2.10'], { repeatWithin72h: { ref: REPEAT_REF, title: 'silent or abandoned repeat within 72 h, no guaranteed agent' } });

/**
 * A2.9 repeat within 72 hours: a call that is itself misuse — silent or abandoned
 * (footnote 37: "calls constituting misuse … made within the 72 hours following the first
 * instance of misuse") — dialled within the repeat window (`inRepeatWindow`) after the
 * dial of a silent or abandoned call to the same number (`previous`), without a guaranteed
 * live agent (`record.agentGuaranteed`). A repeat that reached an agent is not misuse and
 * is not flagged (the pre-dial guard still refuses such redials, as prevention). A repeat
 * whose category is undetermined is not judged.
 *
 * Returns the flag — at the repeat's dial, citing the earlier call, its category and the
 * gap — `null`, or `NotJudged`.
 */
export function repeatWithin72h(
  record: CallRecord,
  category: CallCategory,
  previous: MisuseCallRef | null,
  policy: Policy,
): ReturnType<typeof flag<'repeatWithin72h'>> | NotJudged | null {
  if (previous === null || record.agentGuaranteed || !inRepeatWindow(previous.at, record.dialAt, policy)) return null;
  if (category === 'undetermined') return notJudged(repeatRule, 'the repeat call\'s category is undetermined');
  if (!isMisuseCall(category)) return null;
  return flag('repeatWithin72h', record.callId, record.dialAt, REPEAT_REF, {
    previousCallId: previous.callId,
    previousAt: previous.at,
    previousCategory: previous.category,
    gapMs: record.dialAt - previous.at,
    windowMs: policy.repeat.windowMs,
  });
}

/**
 * A2.9 when the calls before this one cannot show whether there was a first instance of
 * misuse: no silent or abandoned call to the number is held in the window, but an
 * answered call whose category is undetermined (`previousUndetermined`, latest at or
 * before this call) is, and this call — silent, abandoned or itself undetermined —
 * had no guaranteed agent. It may be a repeat: not judged, never passed. Otherwise `null`.
 */
export function repeatAfterUndetermined(record: CallRecord, category: CallCategory, previousUndetermined: HeldCall | null, policy: Policy): NotJudged | null {
  if (previousUndetermined === null || record.agentGuaranteed || !inRepeatWindow(previousUndetermined.at, record.dialAt, policy)) return null;
  if (!isMisuseCall(category) && category !== 'undetermined') return null;
  return notJudged(repeatRule, AFTER_UNDETERMINED);
}

/** Why a call after an undetermined one in the window is not judged, or refused before its dial (A2.9). */
const AFTER_UNDETERMINED = 'an earlier call to the number within the repeat window has an undetermined category: it may have been misuse';

/**
 * A2.9 for the guard when an earlier call to the number within the repeat window has an
 * undetermined category (its records cannot show whether it was silent or abandoned,
 * footnote 37): it may have been the first instance of misuse, so a redial without a
 * guaranteed agent is refused until its dial + the window (`until`). `why` is the repeat
 * rule's own words (`repeatAfterUndetermined`'s reason).
 */
export interface RepeatUnknownReason {
  readonly kind: 'repeatAfterUndetermined';
  readonly ref: typeof REPEAT_REF;
  /** The undetermined call's dial + the window: from this moment (inclusive) it no longer refuses. */
  readonly until: number;
  readonly detail: {
    readonly previousCallId: string;
    readonly previousAt: number;
    readonly previousCategory: 'undetermined';
    readonly windowMs: number;
    readonly why: string;
  };
}

/**
 * A2.9 for the pre-dial guard (prevention) after an undetermined call: a dial at `at`
 * without a guaranteed agent, in the repeat window of the newest answered call to the
 * number whose category is undetermined (`previousUndetermined`, dialled before or after
 * `at`: `beforeRepeatWindowEnds`), is refused until that call's dial + the window — the
 * guard's side of `repeatAfterUndetermined`, whatever the redial would become.
 */
export function repeatUnknownReason(previousUndetermined: HeldCall | null, at: number, agentGuaranteed: boolean, policy: Policy): RepeatUnknownReason | null {
  if (previousUndetermined === null || agentGuaranteed || !beforeRepeatWindowEnds(previousUndetermined.at, at, policy)) return null;
  const windowMs = policy.repeat.windowMs;
  return {
    kind: 'repeatAfterUndetermined',
    ref: REPEAT_REF,
    until: previousUndetermined.at + windowMs,
    detail: { previousCallId: previousUndetermined.callId, previousAt: previousUndetermined.at, previousCategory: 'undetermined', windowMs, why: AFTER_UNDETERMINED },
  };
}

/**
 * A2.9 for a call the history cannot judge (`covered` false: dialled more than the
 * lateness before the latest call seen, so the calls in the window before it may be
 * forgotten) when no earlier call was found: not judged, if the rule could have flagged it
 * (a silent, abandoned or undetermined call without a guaranteed agent, under a policy
 * with a repeat window); otherwise `null`. A repeat found is still flagged by
 * `repeatWithin72h`: what is held is never wrong, only possibly incomplete.
 */
export function repeatNotHeld(record: CallRecord, category: CallCategory, covered: boolean, policy: Policy): NotJudged | null {
  if (covered || policy.repeat.windowMs <= 0 || record.agentGuaranteed) return null;
  if (!isMisuseCall(category) && category !== 'undetermined') return null;
  return notJudged(repeatRule, 'the call arrived more than maxLatenessMs behind the latest call seen: the silent and abandoned calls before it may no longer be held');
}

/**
 * A2.9 for the pre-dial guard (prevention): a dial at `at` without a guaranteed agent, in
 * the repeat window of the newest silent or abandoned call to the number (`previous`,
 * dialled before or after `at`: `beforeRepeatWindowEnds`), is refused until that call's
 * dial + the window, whatever the redial would become.
 */
export function repeatReason(previous: MisuseCallRef | null, at: number, agentGuaranteed: boolean, policy: Policy): RepeatReason | null {
  if (previous === null || agentGuaranteed || !beforeRepeatWindowEnds(previous.at, at, policy)) return null;
  const windowMs = policy.repeat.windowMs;
  return {
    kind: 'repeatWithin72h',
    ref: REPEAT_REF,
    until: previous.at + windowMs,
    detail: { previousCallId: previous.callId, previousAt: previous.at, previousCategory: previous.category, windowMs },
  };
}
