import type { CallRecord } from '../../record.js';

/** Who picked up: a person, an answer machine, or not known. */
export type AnsweredBy = 'human' | 'machine' | 'unknown';

/**
 * Who answered the call, best evidence first: the later disposition (A2.24, A3.5), then
 * the AMD verdict (A1.6), then an agent who talked to them without marking a machine.
 * `unknown` when none of these exists — such abandoned calls are counted with the A3.6
 * estimate. `null` for an unanswered call.
 */
export function answeredBy(record: CallRecord): AnsweredBy | null {
  if (record.answerAt === null) return null;
  if (record.disposition !== null) return record.disposition;
  if (record.amdResult === 'human' || record.amdResult === 'machine') return record.amdResult;
  if (record.agentAt !== null) return 'human';
  return 'unknown';
}
