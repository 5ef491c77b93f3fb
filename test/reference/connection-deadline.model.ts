/**
 * An independent reference model of the connection deadline the US and Canadian rules add
 * to what a call becomes: 16 CFR 310.4(b)(1)(iv) — a call is abandoned "if a person answers
 * it and the telemarketer does not connect the call to a sales representative within two
 * (2) seconds of the completed greeting"; 47 CFR 64.1200(a)(7)(i) and the CRTC's rules say
 * the same. Written from that text on top of the Ofcom model (`ofcom2017.model.ts`), not
 * from `src/rules`: with the same message clock, a call is abandoned when a person answered
 * and no agent was connected by the deadline — an agent too late, or none at all (the Ofcom
 * model's dead air, cut-off and AMD false positive). An agent who was connected and hung up
 * (A1.7) connected the call; a recipient who hung up before any message was due, with none
 * planned, hung up before the deadline ran out and stays as the Ofcom model has it.
 */
import type { CallRecord } from '../../src/index.js';
import { clockStart, modelVerdict, type ModelCategory } from './ofcom2017.model.js';

/** The category of a call under a connection deadline of `connectMs` from the message clock's start. */
export function connectionDeadlineCategory(r: CallRecord, connectMs: number): ModelCategory {
  const v = modelVerdict(r);
  if (v.category === 'live' && r.answerAt !== null && r.agentAt !== null && r.agentAt > clockStart(r, r.answerAt) + connectMs) return 'abandoned';
  if (v.category === 'silent' && (v.silentReason === 'deadAir' || v.silentReason === 'disconnected' || v.silentReason === 'amdFalsePositive')) return 'abandoned';
  return v.category;
}
