import { newRecord, type CallRecord } from '../../src/internals.js';
import { dial, T0 } from './calls.js';

/** A call record dialled at T0 with the `dial` defaults, every fact known, then `over`. */
export function dialledRecord(callId: string, over: Partial<CallRecord> = {}): CallRecord {
  return { ...newRecord({ ...dial(callId), dialAt: T0 }), unknown: [], ...over };
}

/** Answered at T0 + 1 s, hung up by the recipient at T0 + 60 s; nothing else happened unless `over` says so. */
export function answeredRecord(callId: string, over: Partial<CallRecord> = {}): CallRecord {
  return dialledRecord(callId, { answerAt: T0 + 1_000, hangupAt: T0 + 60_000, hangupBy: 'recipient', lastEventAt: T0 + 60_000, ...over });
}

/** Never answered: ringing from T0 + 0.5 s until the caller hung up at T0 + 2.5 s (a short ring, and a scanning probe under Ofcom 2017). */
export function unansweredRecord(callId: string, over: Partial<CallRecord> = {}): CallRecord {
  return dialledRecord(callId, { ringingAt: T0 + 500, hangupAt: T0 + 2_500, hangupBy: 'caller', lastEventAt: T0 + 2_500, ...over });
}
