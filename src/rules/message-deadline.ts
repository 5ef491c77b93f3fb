import { flag, type Flag } from '../flags.js';
import type { DeadlineMoment, Policy } from '../policy/policy.js';
import type { CallRecord } from '../record.js';

/** The moment that starts the information-message clock, and which one it was. */
export interface MessageClock {
  readonly from: DeadlineMoment;
  readonly startsAt: number;
  /** The message is late after this moment (start + deadline; exactly this moment is on time). */
  readonly deadlineAt: number;
}

function momentAt(record: CallRecord, moment: DeadlineMoment): number | null {
  switch (moment) {
// Stryker disable next-line StringLiteral: equivalent: an unmatched moment gives undefined, and the clock then falls back to pickup anyway
    case 'pickup':
      return record.answerAt;
    case 'salutationStart':
      return record.salutationStartAt;
    case 'salutationEnd':
      return record.salutationEndAt;
  }
}

/**
 * A2.19: the message clock. With AMD the policy's `withAmd` moment (Ofcom: the start of
 * salutation), else its `withoutAmd` moment (Ofcom: pickup). When that moment never came
 * (the person never spoke) the clock runs from pickup — "in any other case" (A2.19). So it
 * does when the person began to speak only after the message began: that message did not
 * wait for their voice. `null` for an unanswered call.
 */
export function messageClock(record: CallRecord, policy: Policy): MessageClock | null {
  if (record.answerAt === null) return null;
  const wanted = record.amd ? policy.message.deadlineFrom.withAmd : policy.message.deadlineFrom.withoutAmd;
  const spoke = momentAt(record, wanted);
  const at = wanted === 'salutationStart' && spoke !== null && record.messageAt !== null && record.messageAt < spoke ? null : spoke;
  const from: DeadlineMoment = at === null ? 'pickup' : wanted;
  const startsAt = at ?? record.answerAt;
  return { from, startsAt, deadlineAt: startsAt + policy.message.deadlineMs };
}

/**
 * A2.18–A2.19 late message: the information message started more than
 * `policy.message.deadlineMs` (2 s) after the clock's start. Exactly 2.000 s is on time.
 * Returns the flag with the measured delay, or `null`.
 */
export function lateMessage(record: CallRecord, policy: Policy): Flag<'lateMessage'> | null {
  const clock = messageClock(record, policy);
  if (clock === null || record.messageAt === null || record.agentAt !== null && record.agentAt <= record.messageAt) return null;
  const delayMs = record.messageAt - clock.startsAt;
  if (record.messageAt <= clock.deadlineAt) return null;
  return flag('lateMessage', record.callId, record.messageAt, 'A2.19', { delayMs, deadlineMs: policy.message.deadlineMs, from: clock.from });
}
