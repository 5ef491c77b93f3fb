/**
 * The category when a fact it needs is unknown (A3.3, A3.5; `CallRecord.unknown`): each
 * step of `categorise` that reads a fact the source could not show leaves the call
 * undetermined (absent a recorded outcome) — never a guess — and a fact the step does not
 * read changes nothing.
 */
import { describe, expect, it } from 'vitest';
import { categorise, definePolicy, recordFromDial, ofcom2017, type CallRecord, type UnknownFact } from 'dialguard/internals';
import { dial, T0 } from '../support/calls.js';

/** A call dialled at T0 (Leeds CLI, no AMD, a message planned), nothing else known yet. */
const base = recordFromDial(dial('k1'));
const at = (ms: number) => T0 + ms;
/** A call answered 5 s after the dial (message deadline: pickup + 2 s, at 7 s, for a call without AMD). */
const answered = (facts: Partial<CallRecord>): CallRecord => ({ ...base, answerAt: at(5_000), hangupAt: at(60_000), hangupBy: 'recipient', lastEventAt: at(60_000), ...facts });

const SCENARIOS: readonly { name: string; record: CallRecord; category: string; needs: readonly UnknownFact[] }[] = [
  { name: 'a live call', record: answered({ agentAt: at(5_500) }), category: 'live', needs: ['answerAt', 'agentAt', 'hangupAt'] },
  { name: 'an agent who hung up at pickup', record: answered({ agentAt: at(5_500), hangupAt: at(6_000), hangupBy: 'caller' }), category: 'silent', needs: ['hangupBy', 'messageAt', 'hangupAt', 'agentAt'] },
  { name: 'a machine the AMD disconnected', record: answered({ amd: true, amdResult: 'machine', disposition: 'machine', hangupBy: 'caller' }), category: 'answerMachine', needs: ['agentAt', 'amdResult'] },
  { name: 'a message played, no agent', record: answered({ messageAt: at(6_000) }), category: 'abandoned', needs: ['messageAt', 'agentAt'] },
  { name: 'AMD said machine, a person answered', record: answered({ amd: true, amdResult: 'machine', disposition: 'human', salutationStartAt: at(5_200), hangupBy: 'caller', hangupAt: at(9_000) }), category: 'silent', needs: ['amdResult', 'messageAt', 'ivmAgentRequestedAt'] },
  { name: 'the recipient hung up within the deadline', record: answered({ hangupAt: at(6_500) }), category: 'abandoned', needs: ['hangupAt', 'hangupBy', 'messageAt'] },
  { name: 'dead air past the deadline', record: answered({}), category: 'silent', needs: ['hangupAt', 'messageAt', 'ivmAgentRequestedAt'] },
  { name: 'an AMD call whose person spoke at 6.5 s, hung up at 8 s', record: answered({ amd: true, amdResult: 'human', salutationStartAt: at(6_500), hangupAt: at(8_000) }), category: 'abandoned', needs: ['salutationStartAt', 'amdResult', 'hangupBy'] },
];

const ALL: readonly UnknownFact[] = ['ringingAt', 'answerAt', 'salutationStartAt', 'amdResult', 'agentAt', 'messageAt', 'messageContent', 'recordingAt', 'ivmAgentRequestedAt', 'hangupAt', 'hangupBy', 'disposition'];

describe('categorise with one fact unknown', () => {
  for (const { name, record, category, needs } of SCENARIOS) {
    it(`${name}: ${category} when every fact is known; undetermined without ${needs.join(', ')}`, () => {
      expect(categorise(record, ofcom2017).category).toBe(category);
      for (const fact of needs) {
        const c = categorise({ ...record, [fact]: null, unknown: [fact] }, ofcom2017);
        expect({ fact, category: c.category }).toEqual({ fact, category: 'undetermined' });
        expect(c.undeterminedReason).toMatch(/^the records have no /);
      }
    });
  }

  it('a fact no step reads leaves the category as it is', () => {
    for (const { record, category } of SCENARIOS) {
      for (const fact of ['ringingAt', 'messageContent', 'recordingAt'] as const) {
        expect(categorise({ ...record, unknown: [fact] }, ofcom2017).category).toBe(category);
      }
    }
  });

  it('the IVM facts matter only where no agent or message decided it: unknown, they keep a call from being silent (A1.4) and leave open whether a message played', () => {
    const ivmUnknown = ['ivmAgentRequestedAt'] as const;
    for (const { record, category } of SCENARIOS) {
      const c = categorise({ ...record, unknown: ivmUnknown }, ofcom2017);
      if (category === 'silent' && record.agentAt === null) expect(c.category).toBe('undetermined');
      else expect(c.category).toBe(category);
    }
    expect(categorise({ ...answered({}), unknown: ivmUnknown }, ofcom2017).undeterminedReason).toBe('the records have no IVM facts');
    // the recipient hung up within the deadline: abandoned either way, but an IVM prompt may have played
    expect(categorise({ ...answered({ hangupAt: at(6_500) }), unknown: ivmUnknown }, ofcom2017)).toMatchObject({ category: 'abandoned', messagePlayed: null });
    expect(categorise(answered({ hangupAt: at(6_500) }), ofcom2017)).toMatchObject({ category: 'abandoned', messagePlayed: false });
  });

  it('a call not answered is unconnected whatever else is unknown, so long as the answer is known', () => {
    const unanswered = { ...base, hangupAt: at(20_000), hangupBy: 'caller' as const, lastEventAt: at(20_000) };
    expect(categorise({ ...unanswered, unknown: ALL.filter((f) => f !== 'answerAt') }, ofcom2017).category).toBe('unconnected');
    expect(categorise({ ...unanswered, unknown: ['answerAt'] }, ofcom2017).category).toBe('undetermined');
  });

  it('who hung up does not matter to dead air past the deadline', () => {
    expect(categorise({ ...answered({ hangupBy: null }), unknown: ['hangupBy'] }, ofcom2017)).toMatchObject({ category: 'silent', silentReason: 'deadAir' });
  });

  it('a record with no list of unknown facts is decided by its timings', () => {
    const { unknown: _, ...noList } = answered({ agentAt: at(5_500) });
    expect(categorise(noList, ofcom2017)).toMatchObject({ category: 'live', decidedBy: 'facts' });
  });

  it('AMD verdicts matter only on calls made with AMD', () => {
    const noAmd = answered({ hangupAt: at(6_500) });
    expect(categorise({ ...noAmd, unknown: ['amdResult'] }, ofcom2017).category).toBe('abandoned');
  });

  it('with a connection deadline (agent later than it: abandoned), the message time decides whether a message played', () => {
    const connect = definePolicy(ofcom2017, { connection: { deadlineMs: 2_000 } });
    const late = answered({ agentAt: at(9_000) });
    expect(categorise(late, connect)).toMatchObject({ category: 'abandoned', messagePlayed: false });
    expect(categorise({ ...late, messageAt: at(6_000) }, connect)).toMatchObject({ category: 'abandoned', messagePlayed: true });
    expect(categorise({ ...late, messageAt: at(9_000) }, connect)).toMatchObject({ category: 'abandoned', messagePlayed: true });
    expect(categorise({ ...late, unknown: ['messageAt'] }, connect).category).toBe('undetermined');
    expect(categorise({ ...late, agentAt: at(7_000) }, connect).category).toBe('live');
  });

  it('an agent who hung up: silent unless a message played by then (the same moment counts as played)', () => {
    const hungUp = answered({ agentAt: at(5_500), hangupAt: at(6_000), hangupBy: 'caller' });
    expect(categorise(hungUp, ofcom2017)).toMatchObject({ category: 'silent', silentReason: 'agentHungUp' });
    expect(categorise({ ...hungUp, messageAt: at(6_500) }, ofcom2017)).toMatchObject({ category: 'silent', silentReason: 'agentHungUp' });
    expect(categorise({ ...hungUp, messageAt: at(6_000) }, ofcom2017).category).toBe('live');
    expect(categorise({ ...hungUp, hangupAt: at(7_000) }, ofcom2017).category).toBe('silent');
    expect(categorise({ ...hungUp, hangupAt: at(7_001) }, ofcom2017).category).toBe('live');
  });
});

describe('who answered, when the timings cannot decide (A3.6: unknown is estimated)', () => {
  const drop = { status: 'DROP', category: 'abandoned', machine: null } as const;

  it('undetermined: from the evidence there is, else unknown', () => {
    expect(categorise({ ...answered({ amdResult: 'human', amd: true }), unknown: ['agentAt'] }, ofcom2017)).toMatchObject({ category: 'undetermined', answeredBy: 'human' });
    expect(categorise({ ...answered({ answerAt: null }), unknown: ['answerAt'] }, ofcom2017)).toMatchObject({ category: 'undetermined', answeredBy: 'unknown' });
  });

  it('a recorded abandoned call: a person if the evidence says so; a machine or no evidence is unknown; a message time means one played', () => {
    const abandoned = (facts: Partial<CallRecord>) => categorise({ ...answered(facts), unknown: ['agentAt', 'messageAt'], outcome: drop }, ofcom2017);
    expect(abandoned({ amd: true, amdResult: 'human' })).toMatchObject({ category: 'abandoned', answeredBy: 'human', messagePlayed: null, decidedBy: 'recordedOutcome' });
    expect(abandoned({ disposition: 'machine' })).toMatchObject({ answeredBy: 'unknown' });
    expect(abandoned({})).toMatchObject({ answeredBy: 'unknown' });
    const unknownAnswer = { ...answered({ answerAt: null, disposition: 'human' }), unknown: ['answerAt' as const], outcome: drop };
    expect(categorise(unknownAnswer, ofcom2017)).toMatchObject({ category: 'abandoned', answeredBy: 'unknown' }); // not known to be answered
    expect(abandoned({ messageAt: at(6_000) })).toMatchObject({ messagePlayed: true });
  });

  it('a recorded answer-machine call with no kind given is abandoned to the machine; each other outcome keeps its category', () => {
    const recorded = (outcome: NonNullable<CallRecord['outcome']>) => categorise({ ...answered({}), unknown: ['agentAt', 'messageAt'], outcome }, ofcom2017);
    expect(recorded({ status: 'AA', category: 'answerMachine', machine: null })).toMatchObject({ category: 'answerMachine', answeredBy: 'machine', machine: 'abandoned', messagePlayed: false });
    expect(recorded({ status: 'B', category: 'unconnected', machine: null })).toMatchObject({ category: 'unconnected', answeredBy: null, messagePlayed: false });
    expect(recorded({ status: 'SALE', category: 'live', machine: null })).toMatchObject({ category: 'live', answeredBy: 'human', machine: null, messagePlayed: false });
    expect(recorded({ status: 'DC', category: 'silent', machine: null })).toMatchObject({ category: 'silent', answeredBy: 'human', silentReason: 'recordedOutcome', messagePlayed: false });
  });
});
