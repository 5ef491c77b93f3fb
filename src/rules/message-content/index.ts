/**
 * A2.17: the information message must identify the caller, explain the attempt, give a
 * basic-rate number to decline further calls, and carry no marketing (the policy may add
 * an automated opt-out, as the US FCC does).
 */
import type { MessageContent } from '../../events.js';
import { flag } from '../../flags.js';
import { classifyUkNumber } from '../../numbers/index.js';
import type { MessageElement, Policy } from '../../policy/policy.js';
import { missingFacts, notJudged, notJudgedUndetermined, type CallRule } from '../rule.js';

/** The paragraph of the message's content. */
export const MESSAGE_CONTENT_REF = 'A2.17';

/** The measured values of a `messageContent` flag: the required elements missing. */
export interface MessageContentDetail {
  readonly missing: readonly MessageElement[];
}

function hasElement(content: MessageContent, element: MessageElement): boolean {
  switch (element) {
    case 'identifiesCaller':
      return typeof content.onBehalfOf === 'string' && content.onBehalfOf.trim() !== '';
    case 'explainsAttempt':
      return content.explainsAttempt === true;
    case 'basicRateOptOutNumber':
      return typeof content.optOutNumber === 'string' && classifyUkNumber(content.optOutNumber).basicRate;
    case 'noMarketing':
      return content.marketing !== true;
    case 'automatedOptOut':
      return content.automatedOptOut === true;
  }
}

/** The elements of `policy.message.requiredContent` that `content` lacks (A2.17); an absent `marketing` field is no marketing. */
export function missingMessageElements(content: MessageContent, policy: Policy): readonly MessageElement[] {
  return policy.message.requiredContent.filter((element) => !hasElement(content, element));
}

/**
 * A2.17 message content: on a live or abandoned call, a message that played, and lacks any
 * required element — each missing one named. A message whose content the dialler did not describe is not judged
 * (`NotJudged`, never a pass); nor is a call whose records have no message times, or whose
 * category is undetermined. Raised at the message's start.
 */
export const messageContentRule: CallRule<'messageContent'> = {
  id: 'messageContent',
  title: 'information-message content',
  refs: [MESSAGE_CONTENT_REF],
  flags: { messageContent: { ref: MESSAGE_CONTENT_REF, title: 'information message missing required content' } },
  judge(record, policy, { categorisation }) {
    const category = categorisation.category;
    if (category === 'undetermined') return notJudgedUndetermined(messageContentRule, categorisation);
    // Information messages are played to people who answered and found no agent (A2.16–A2.17): not to unanswered, silent or machine calls.
    if (category !== 'live' && category !== 'abandoned') return null;
    const noTimes = missingFacts(record, ['messageAt']);
    if (noTimes !== null) return notJudged(messageContentRule, noTimes);
    if (record.messageAt === null) return null;
    if (record.messageContent === null) return notJudged(messageContentRule, 'the message played, but its content was not described');
    const missing = missingMessageElements(record.messageContent, policy);
    return missing.length === 0 ? null : flag('messageContent', record.callId, record.messageAt, MESSAGE_CONTENT_REF, { missing });
  },
};
