/**
 * The rules: one folder each, listed here. The classifier runs `CALL_RULES` in order; the
 * misuse rules, the pre-dial guard and the live machine call the cross-call rules' and
 * the timing rules' own functions; reports take every flag kind's reference and title from
 * `FLAG_KIND_INFO`. Adding a rule is its folder plus a line here (and its detail type in
 * `FlagDetails`).
 */
import type { FlagKind } from '../flags.js';
import { abandonedCallRule } from './abandoned-call/index.js';
import { acrAlertRule } from './acr-alert/index.js';
import { barredRule } from './barred/index.js';
import { complaintsRule } from './complaints/index.js';
import { cliNumberRule, cliWithheldRule } from './cli/index.js';
import { ivmWaitRule } from './ivm-wait/index.js';
import { lateMessageRule, messageMissingRule } from './message-deadline/index.js';
import { messageContentRule } from './message-content/index.js';
import { numberScanningRule } from './number-scanning/index.js';
import { recordAnomalyRule } from './record-anomaly/index.js';
import { recordingNoticeRule } from './recording-notice/index.js';
import { repeatRule } from './repeat-within-72h/index.js';
import { longRingRule, shortRingRule } from './ring-time/index.js';
import type { CallRule, FlagKindInfo, RuleInfo } from './rule.js';
import { silentCallRule } from './silent-call/index.js';
import { tooManyClisRule } from './too-many-clis/index.js';
import { unsociableHoursRule } from './unsociable-hours/index.js';

/** The rules judged on each call, in the order their flags appear on it. */
export const CALL_RULES: readonly CallRule[] = [
  silentCallRule,
  abandonedCallRule,
  shortRingRule,
  longRingRule,
  lateMessageRule,
  messageMissingRule,
  messageContentRule,
  cliWithheldRule,
  cliNumberRule,
  unsociableHoursRule,
  ivmWaitRule,
  recordingNoticeRule,
  recordAnomalyRule,
] as readonly CallRule[] as unknown as readonly CallRule[];

/**
 * Every rule, in report order: the call outcomes first (A2.3–A2.4), then Annex 2's
 * aggravating factors in their order, then the other forms of misuse (Annex 1), then
 * records; the guard-only A1.25 and the report-only A2.6 last.
 */
export const RULES: readonly RuleInfo[] = [
  silentCallRule,
  abandonedCallRule,
  acrAlertRule,
  repeatRule,
  unsociableHoursRule,
  cliWithheldRule,
  cliNumberRule,
  tooManyClisRule,
  shortRingRule,
  longRingRule,
  messageContentRule,
  lateMessageRule,
  messageMissingRule,
  numberScanningRule,
  ivmWaitRule,
  recordingNoticeRule,
  recordAnomalyRule,
  barredRule,
  complaintsRule,
] as unknown as readonly RuleInfo[]; // each rule's `flags` names only its own kinds

/**
 * The rules judged across calls, by the misuse rules (`createMisuseState`, `misuse`,
 * `audit` unless `misuse: false`), in report order: the ACR alert (A3.4), repeats within
 * 72 h (A2.9), too many CLIs (A1.21) and number scanning (A1.35). A report of calls they
 * did not run on lists these as not judged on them.
 */
export const CROSS_CALL_RULES: readonly RuleInfo[] = [acrAlertRule, repeatRule, tooManyClisRule, numberScanningRule] as unknown as readonly RuleInfo[];

/** Every flag kind's reference and title, gathered from `rules` in their order. */
/* @__NO_SIDE_EFFECTS__ */
function flagKindInfo(rules: readonly RuleInfo[]): { readonly [K in FlagKind]: FlagKindInfo } {
  const info: Partial<Record<FlagKind, FlagKindInfo>> = {};
  for (const r of rules) Object.assign(info, r.flags);
  return Object.freeze(info as { [K in FlagKind]: FlagKindInfo });
}

/** The reference and title of every flag kind, from the rule that raises it, in report order. */
export const FLAG_KIND_INFO: { readonly [K in FlagKind]: FlagKindInfo } = /* @__PURE__ */ flagKindInfo(RULES);

/** Every flag kind, in report order. */
export const FLAG_KINDS: readonly FlagKind[] = /* @__PURE__ */ Object.freeze(/* @__PURE__ */ Object.keys(FLAG_KIND_INFO) as FlagKind[]);

/** The rule that raises each flag kind. */
export function ruleOfKind(kind: FlagKind): RuleInfo {
  for (const r of RULES) if (kind in r.flags) return r;
  throw new Error(`no rule raises ${kind}`);
}

export type { CallContext, CallRule, FlagKindInfo, NotJudged, RuleInfo, Verdict } from './rule.js';
