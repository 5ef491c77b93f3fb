/**
 * Abandoned calls (A1.9–A1.10): a person answered, no agent was available, and an
 * information message played — or would have, but they hung up first (footnote 9). The x
 * of the Abandoned Call Rate (Annex 3).
 */
import { flag } from '../../flags.js';
import { notJudgedUndetermined, type CallRule } from '../rule.js';

/** The measured values of an `abandonedCall` flag (A1.9–A1.10). */
export interface AbandonedCallDetail {
  /** `true`: the message played; `false`: the recipient hung up before it would have (footnote 9); `null`: the records cannot show it. */
  readonly messagePlayed: boolean | null;
  /** Who the dialler believes answered: a person, or not known (counted by the A3.6 estimate). */
  readonly answeredBy: 'human' | 'unknown';
}

/**
 * A1.9–A1.10 abandoned call: the call's category is `abandoned` (see `categorise`). Cites
 * A1.10 when the recipient hung up before the message would have played, else A1.9 (so too
 * a call a connection deadline makes abandoned with nothing played: dead air, a cut-off, an
 * AMD false positive — `categorise` step 9); raised
 * at the message (else the hangup, the pickup or the dial). Not judged on an
 * `undetermined` call.
 */
export const abandonedCallRule: CallRule<'abandonedCall'> = {
  id: 'abandonedCall',
  title: 'abandoned calls',
  refs: ['A1.9', 'A1.10'],
  flags: { abandonedCall: { ref: 'A1.9', title: 'abandoned call', misuse: true } },
  judge(record, _policy, { categorisation: c }) {
    if (c.category === 'undetermined') return notJudgedUndetermined(abandonedCallRule, c);
    if (c.category !== 'abandoned') return null;
    return flag('abandonedCall', record.callId, record.messageAt ?? record.hangupAt ?? record.answerAt ?? record.dialAt, c.messagePlayed === false && c.silentReason === null ? 'A1.10' : 'A1.9', {
      messagePlayed: c.messagePlayed,
      answeredBy: c.answeredBy === 'unknown' ? 'unknown' : 'human',
    });
  },
};
