import type { MessageContent } from '../events.js';
import { flag, type Flag } from '../flags.js';
import { classifyUkNumber } from '../numbers/index.js';
import type { MessageElement, Policy } from '../policy/policy.js';
import type { CallRecord } from '../record.js';

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

/** The elements of `policy.message.requiredContent` that `content` lacks (A2.17). */
export function missingMessageElements(content: MessageContent, policy: Policy): readonly MessageElement[] {
  return policy.message.requiredContent.filter((element) => !hasElement(content, element));
}

/**
 * A2.17 message content: a message that played, whose content the dialler described, and
 * that lacks any required element — the caller's identity, the explanation, a basic-rate
 * number to decline further calls, or freedom from marketing. Each missing element is
 * named. A message with no content descriptor is not judged. Returns the flag, or `null`.
 */
export function messageContent(record: CallRecord, policy: Policy): Flag<'messageContent'> | null {
  if (record.messageAt === null || record.messageContent === null) return null;
  const missing = missingMessageElements(record.messageContent, policy);
  return missing.length === 0 ? null : flag('messageContent', record.callId, record.messageAt, 'A2.17', { missing });
}
