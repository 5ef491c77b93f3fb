/**
 * Silent calls (A1.3–A1.7): a person answered and heard nothing directed at them. Top
 * enforcement priority (A2.3); excluded from the ACR (A3.5) but always flagged.
 */
import { flag } from '../../flags.js';
import type { CallRecord } from '../../record.js';
import type { SilentReason } from '../category/index.js';
import { isWithheld } from '../cli/index.js';
import { notJudgedUndetermined, type CallRule } from '../rule.js';

/** The measured values of a `silentCall` flag (A1.3–A1.7, A2.3). */
export interface SilentCallDetail {
  readonly reason: SilentReason;
  /** Milliseconds from pickup to the end of the call (`null`: it never ended, or the records cannot show it). */
  readonly durationMs: number | null;
  /** Who ended the call (`null`: it never ended, or the records cannot show it). */
  readonly hangupBy: CallRecord['hangupBy'];
  /** The CLI was withheld too: aggravating (A2.13). */
  readonly cliWithheld: boolean;
}

/** The paragraph each reason cites: AMD false positives A1.6, an agent hanging up A1.7, the rest A1.3. */
function silentRef(reason: SilentReason): string {
  return reason === 'amdFalsePositive' ? 'A1.6' : reason === 'agentHungUp' ? 'A1.7' : 'A1.3';
}

/**
 * A1.3–A1.7 silent call: the call's category is `silent` (see `categorise`). Raised at
 * pickup (at the dial when the records have no answer time), with the reason, the
 * duration, who hung up and whether the CLI was withheld. Not judged on an
 * `undetermined` call.
 */
export const silentCallRule: CallRule<'silentCall'> = {
  id: 'silentCall',
  title: 'silent calls',
  refs: ['A1.3', 'A1.6', 'A1.7'],
  flags: { silentCall: { ref: 'A1.3', title: 'silent call', misuse: true } },
  judge(record, _policy, { categorisation: c }) {
    if (c.category === 'undetermined') return notJudgedUndetermined(silentCallRule, c);
    if (c.category !== 'silent') return null;
    const reason = c.silentReason ?? 'deadAir';
    return flag('silentCall', record.callId, record.answerAt ?? record.dialAt, silentRef(reason), {
      reason,
      durationMs: record.hangupAt === null || record.answerAt === null ? null : record.hangupAt - record.answerAt,
      hangupBy: record.hangupBy,
      cliWithheld: isWithheld(record.cli),
    });
  },
};
