/**
 * Edges of the per-call rules that survived mutation (`npm run mutate`): the exported rule
 * functions called directly, where `classify` never reaches the branch (a rule it calls
 * only for some categories), and the less-travelled policies.
 */
import { describe, expect, it } from 'vitest';
import {
  categorise,
  classify,
  definePolicy,
  foldEvents,
  ivmWaitMs,
  messageClock,
  newRecord,
  ofcom2010,
  ofcom2017,
  RECORDING_GUIDANCE_REF,
  ringTimeMs,
  usTsr,
  type CallRecord,
  type ClassifiedCall,
} from '../../src/internals.js';
import { ivmWait, longRing, recordingWithoutNotice, shortRing } from '../support/rules.js';
import { callEvents, T0 } from '../support/calls.js';

type Steps = Parameters<typeof callEvents>[1];
const fold = (steps: Steps, over: Parameters<typeof callEvents>[2] = {}): CallRecord => foldEvents(callEvents('c1', steps, over));
const run = (steps: Steps, over: Parameters<typeof callEvents>[2] = {}): ClassifiedCall => classify(fold(steps, over));
const kinds = (c: ClassifiedCall): string[] => c.flags.map((f) => f.kind);

/** A bare record dialled at T0, with some facts set. */
const rec = (facts: Partial<CallRecord>): CallRecord => ({
  ...newRecord({ callId: 'r1', campaignId: 'spring', callCentreId: 'leeds', to: '01632960001', cli: '01134961000', agentGuaranteed: false, amd: false, messagePlanned: true, dialAt: T0 }),
  ...facts,
});

describe('categorise', () => {
  it('messagePlayed is false for every category but a played abandoned call', () => {
    expect(categorise(fold([['answer', 5000], ['agent', 5500], ['hangup', 60_000, 'caller']]), ofcom2017)).toMatchObject({ category: 'live', messagePlayed: false });
    expect(categorise(fold([['answer', 5000], ['hangup', 9000, 'caller']]), ofcom2017)).toMatchObject({ category: 'silent', messagePlayed: false });
    expect(categorise(fold([['ringing', 0], ['hangup', 20_000, 'caller']]), ofcom2017)).toMatchObject({ category: 'unconnected', messagePlayed: false });
    expect(categorise(fold([['answer', 5000], ['message', 6000], ['hangup', 20_000, 'caller']]), ofcom2017)).toMatchObject({ category: 'abandoned', messagePlayed: true });
  });

  it('US TSR: an agent after the 2 s connection deadline makes the call abandoned; the message counts as played only if it began by the agent', () => {
    const late = (extra: Steps) => categorise(fold([['answer', 5000], ...extra, ['hangup', 60_000, 'caller']]), usTsr);
    expect(late([['agent', 7000]])).toMatchObject({ category: 'live' });
    expect(late([['agent', 7001]])).toMatchObject({ category: 'abandoned', messagePlayed: false });
    expect(late([['message', 6000], ['agent', 7001]])).toMatchObject({ category: 'abandoned', messagePlayed: true });
    expect(late([['message', 7001], ['agent', 7001]])).toMatchObject({ category: 'abandoned', messagePlayed: true });
    expect(late([['agent', 7001], ['message', 7002]])).toMatchObject({ category: 'abandoned', messagePlayed: false });
  });
});

describe('message clock (A2.19)', () => {
  it('an unanswered call has none', () => {
    expect(messageClock(fold([['ringing', 0], ['hangup', 20_000, 'caller']]), ofcom2017)).toBeNull();
  });

  it('with AMD and no message, a recipient hang-up is timed from the start of salutation', () => {
    // spoke 1 s after pickup; hung up 2.5 s after pickup, 1.5 s after speaking: within the deadline
    const c = run([['answer', 5000], ['salutation', 6000, 'start'], ['hangup', 7500, 'recipient']], { amd: true });
    expect(c.category).toBe('abandoned');
    expect(messageClock(c.record, ofcom2017)).toEqual({ from: 'salutationStart', startsAt: T0 + 6000, deadlineAt: T0 + 8000 });
  });

  it('Ofcom 2010 (end of salutation): a message that began before the greeting ended is not late', () => {
    const steps: Steps = [['answer', 5000], ['salutation', 5500, 'start'], ['message', 7600], ['salutation', 8000, 'end'], ['hangup', 20_000, 'caller']];
    const c = classify(fold(steps, { amd: true }), ofcom2010);
    expect(c.category).toBe('abandoned');
    expect(kinds(c)).not.toContain('lateMessage');
    expect(messageClock(c.record, ofcom2010)?.from).toBe('salutationEnd');
  });
});

describe('ring time (A2.15), called directly', () => {
  it('ringTimeMs: to pickup, else to the hang-up, from ringing (else the dial); null while ringing; never negative', () => {
    expect(ringTimeMs(rec({ ringingAt: T0 + 1000, answerAt: T0 + 7000, hangupAt: T0 + 60_000 }))).toBe(6000);
    expect(ringTimeMs(rec({ answerAt: T0 + 7000 }))).toBe(7000);
    expect(ringTimeMs(rec({ ringingAt: T0 + 1000, hangupAt: T0 + 21_000 }))).toBe(20_000);
    expect(ringTimeMs(rec({ ringingAt: T0 + 1000 }))).toBeNull();
    expect(ringTimeMs(rec({ ringingAt: T0 + 5000, answerAt: T0 + 4000 }))).toBe(0);
  });

  it('shortRing and longRing never flag an answered call', () => {
    const answered = rec({ ringingAt: T0, answerAt: T0 + 3000, hangupAt: T0 + 90_000, hangupBy: 'caller' });
    expect(shortRing({ ...answered, hangupAt: T0 + 3000 }, ofcom2017)).toBeNull();
    expect(longRing(answered, ofcom2017)).toBeNull();
    expect(longRing({ ...answered, answerAt: null }, ofcom2017)?.kind).toBe('longRing');
    expect(shortRing({ ...answered, answerAt: null, hangupAt: T0 + 3000 }, ofcom2017)?.kind).toBe('shortRing');
  });
});

describe('recording without notice, called directly', () => {
  it('flags a recording with no notice when no standing notice is given (the default), with when it began', () => {
    const r = rec({ answerAt: T0 + 5000, recordingAt: T0 + 6000, recordingNotice: false });
    expect(recordingWithoutNotice(r)).toEqual({ kind: 'recordingWithoutNotice', callId: 'r1', at: T0 + 6000, ref: RECORDING_GUIDANCE_REF, detail: { recordingAt: T0 + 6000 } });
    expect(recordingWithoutNotice(r, true)).toBeNull();
    expect(recordingWithoutNotice({ ...r, recordingNotice: true })).toBeNull();
  });
});

describe('IVM waits (A1.28–A1.31), called directly', () => {
  const base = { answerAt: T0 + 5000, ivmAgentRequestedAt: T0 + 10_000, hangupAt: T0 + 100_000, hangupBy: 'recipient' as const };

  it('no request, no wait', () => {
    expect(ivmWaitMs(rec({ answerAt: T0 + 5000, agentAt: T0 + 20_000, hangupAt: T0 + 60_000 }))).toBeNull();
  });

  it('to an agent at or after the request; an agent before it does not end the wait, the hang-up does', () => {
    expect(ivmWaitMs(rec({ ...base, agentAt: T0 + 10_000 }))).toBe(0);
    expect(ivmWaitMs(rec({ ...base, agentAt: T0 + 30_000 }))).toBe(20_000);
    expect(ivmWaitMs(rec({ ...base, agentAt: T0 + 8000 }))).toBe(90_000);
    expect(ivmWaitMs(rec(base))).toBe(90_000);
  });

  it('queue information first given after the 15 s limit does not count as given by it', () => {
    const info = { identity: true, purpose: true, position: true, expectedWait: true };
    const told = (at: number) => ivmWait(rec({ ...base, agentAt: T0 + 40_000, ivmInfo: info, ivmInfoAt: T0 + at }), ofcom2017);
    expect(told(25_000)).toEqual([]); // exactly at the limit: given by it
    expect(told(25_001).map((f) => [f.kind, f.kind === 'ivmNoQueueInfo' ? f.detail.missing : null])).toEqual([['ivmNoQueueInfo', ['identity', 'purpose', 'position', 'expectedWait']]]);
  });
});

describe('other flags', () => {
  it('a record anomaly cites A2.23', () => {
    const c = run([['answer', 5000], ['answer', 5100], ['hangup', 9000, 'caller']]);
    expect(c.flags.find((f) => f.kind === 'recordAnomaly')).toMatchObject({ ref: 'A2.23', detail: { anomaly: 'repeated', event: 'answer' } });
  });

  it('unsociable hours: the local time is written HH:MM, with leading zeros', () => {
    const late = definePolicy(ofcom2017, { callingHours: Array.from({ length: 7 }, () => ({ start: '11:00', end: '21:00' })) });
    const at = (ms: number) => classify(foldEvents(callEvents('c1', [['hangup', 20_000, 'caller']], { at: ms })), late).flags.find((f) => f.kind === 'unsociableHours');
    expect(at(10 * 60_000)?.detail).toMatchObject({ localTime: '10:10' });
    expect(at(-3 * 3_600_000 + 5 * 60_000)?.detail).toMatchObject({ localTime: '07:05' });
    expect(at(11 * 3_600_000 + 9 * 60_000)?.detail).toMatchObject({ localTime: '21:09' });
  });
});
