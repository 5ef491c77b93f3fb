import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { abandonedCallRate, acrCounters, acrTable, classify, newRecord, type CallRecord, type UnknownFact } from '../../src/internals.js';
import { from, lastValueFrom } from 'rxjs';
import { dial, T0 } from '../support/calls.js';

const base = newRecord({ ...dial('e1'), dialAt: T0 });

/** A record as a status-only CDR gives it: dial, answer and end times, nothing of the agent or the message. */
const cdr = (over: Partial<CallRecord> = {}): CallRecord => ({
  ...base,
  answerAt: T0 + 8_000,
  hangupAt: T0 + 60_000,
  lastEventAt: T0 + 60_000,
  unknown: ['ringingAt', 'agentAt', 'messageAt', 'messageContent', 'hangupBy', 'amdResult', 'salutationStartAt', 'recordingAt', 'ivmAgentRequestedAt', 'disposition'],
  ...over,
});

const ruleIds = (c: ReturnType<typeof classify>) => (c.notJudged ?? []).map((n) => n.rule);

describe('unknown facts: not judged, never passed', () => {
  it('an answered call with no agent or message times and no recorded outcome is undetermined, not silent', () => {
    const c = classify(cdr());
    expect(c.category).toBe('undetermined');
    expect(c.flags.map((f) => f.kind)).not.toContain('silentCall');
    expect(ruleIds(c)).toEqual(expect.arrayContaining(['silentCall', 'abandonedCall', 'lateMessage', 'messageContent']));
    const reason = c.notJudged!.find((n) => n.rule === 'lateMessage')!;
    expect(reason).toMatchObject({ title: '2 s information-message deadline', refs: ['A2.19', 'A2.18'] });
    expect(reason.reason).toMatch(/the records have no .*agent-connect times.*message times/);
  });

  it('the same timings with every fact known: the classifier judges them (dead air past the deadline is silent)', () => {
    const c = classify(cdr({ unknown: [] }));
    expect(c.category).toBe('silent');
    expect(c.notJudged).toEqual([]);
  });

  it('a recorded outcome decides where the timings cannot: DROP → abandoned (x by the A3.6 estimate), SALE → live, AA → answer machine', () => {
    const drop = classify(cdr({ outcome: { status: 'DROP', category: 'abandoned', machine: null } }));
    expect(drop).toMatchObject({ category: 'abandoned', answeredBy: 'unknown' });
    expect(drop.flags[0]).toMatchObject({ kind: 'abandonedCall', ref: 'A1.9', detail: { messagePlayed: null, answeredBy: 'unknown' } });
    expect(ruleIds(drop)).toContain('lateMessage'); // its message time is unknown: the 2 s rule is not judged
    const sale = classify(cdr({ outcome: { status: 'SALE', category: 'live', machine: null } }));
    expect(sale).toMatchObject({ category: 'live', answeredBy: 'human' });
    expect(ruleIds(sale)).toContain('lateMessage');
    const aa = classify(cdr({ outcome: { status: 'AA', category: 'answerMachine', machine: 'disconnectedByAmd' } }));
    expect(aa).toMatchObject({ category: 'answerMachine', machine: 'disconnectedByAmd', answeredBy: 'machine' });
    const na = classify({ ...base, hangupAt: T0 + 30_000, lastEventAt: T0 + 30_000, unknown: ['answerAt', 'hangupBy'], outcome: { status: 'NA', category: 'unconnected', machine: null } });
    expect(na.category).toBe('unconnected');
    expect(ruleIds(na)).toContain('shortRing'); // who gave up is unknown
  });

  it('timings that decide win over the recorded outcome', () => {
    const c = classify(cdr({ agentAt: T0 + 8_500, hangupBy: 'recipient', unknown: ['messageAt', 'messageContent'], outcome: { status: 'DROP', category: 'abandoned', machine: null } }));
    expect(c.category).toBe('live');
  });

  it('the ACR from outcomes alone: x by the A3.6 estimate, y from the live calls; undetermined calls are outside both', async () => {
    const records: CallRecord[] = [];
    for (let i = 0; i < 392; i++) records.push(cdr({ callId: `l${i}`, outcome: { status: 'SALE', category: 'live', machine: null } }));
    for (let i = 0; i < 8; i++) records.push(cdr({ callId: `d${i}`, outcome: { status: 'DROP', category: 'abandoned', machine: null } }));
    for (let i = 0; i < 400; i++) records.push(cdr({ callId: `z${i}`, outcome: { status: 'AMAG', category: 'answerMachine', machine: 'falseNegative' } }));
    for (let i = 0; i < 50; i++) records.push(cdr({ callId: `u${i}` }));
    const counters = await lastValueFrom(from(records.map((r) => classify(r))).pipe(acrCounters()));
    const all = acrTable(counters).find((r) => r.scope === 'all')!;
    expect(all.acr.x).toBeCloseTo(3.96, 2); // the worked example, A3.8–A3.12
    expect(all.acr.rate! * 100).toBeCloseTo(1.0, 1);
    expect(all.counts.undetermined).toBe(50);
    expect(abandonedCallRate({ live: 392, abandoned: 8, machineToAgent: 400 }).x).toBeCloseTo(all.acr.x, 9);
  });

  it('message content: a played message the dialler did not describe is not judged (was: passed)', () => {
    const c = classify({ ...base, answerAt: T0 + 5_000, messageAt: T0 + 6_000, hangupAt: T0 + 20_000, hangupBy: 'recipient', lastEventAt: T0 + 20_000 });
    expect(c.category).toBe('abandoned');
    expect(c.notJudged?.map((n) => [n.rule, n.reason])).toEqual([['messageContent', 'the message played, but its content was not described']]);
  });

  it('ring rules with no alerting time: a ring from the dial under 15 s is short for sure; a longer one is not judged', () => {
    const unanswered = (ms: number) => classify({ ...base, hangupAt: T0 + ms, hangupBy: 'caller', lastEventAt: T0 + ms, unknown: ['ringingAt'] });
    expect(unanswered(14_999).flags.map((f) => f.kind)).toContain('shortRing');
    expect(ruleIds(unanswered(15_000))).toEqual(['shortRing']);
    expect(unanswered(61_000).notJudged?.map((n) => n.rule)).toEqual(['shortRing', 'longRing']);
  });

  it('property: listing no fact as unknown changes nothing; listing facts never adds a flag the full record lacks', () => {
    const facts: UnknownFact[] = ['ringingAt', 'answerAt', 'salutationStartAt', 'amdResult', 'agentAt', 'messageAt', 'messageContent', 'recordingAt', 'ivmAgentRequestedAt', 'hangupAt', 'hangupBy', 'disposition'];
    const record = fc.record({
      answer: fc.option(fc.integer({ min: 1_000, max: 30_000 }), { nil: null }),
      agent: fc.option(fc.integer({ min: 0, max: 5_000 }), { nil: null }),
      message: fc.option(fc.integer({ min: 0, max: 5_000 }), { nil: null }),
      hangup: fc.integer({ min: 0, max: 120_000 }),
      by: fc.constantFrom('caller' as const, 'recipient' as const, 'network' as const),
    });
    fc.assert(
      fc.property(record, fc.subarray(facts), (spec, unknown) => {
        const answerAt = spec.answer === null ? null : T0 + spec.answer;
        const r: CallRecord = {
          ...base,
          answerAt,
          agentAt: answerAt === null || spec.agent === null ? null : answerAt + spec.agent,
          messageAt: answerAt === null || spec.message === null ? null : answerAt + spec.message,
          hangupAt: (answerAt ?? T0) + spec.hangup,
          hangupBy: spec.by,
          lastEventAt: (answerAt ?? T0) + spec.hangup + 10_000,
        };
        const full = classify(r);
        expect(classify({ ...r, unknown: [] })).toEqual(full);
        const partial = classify({ ...r, unknown });
        if (partial.category !== 'undetermined') expect(partial.category).toBe(full.category);
        const fullKinds = new Set(full.flags.map((f) => f.kind));
        for (const f of partial.flags) expect(fullKinds.has(f.kind)).toBe(true);
        const judgedOrFlagged = new Set([...partial.flags.map((f) => f.kind), ...(partial.notJudged ?? []).map((n) => n.rule)]);
        // Every flag of the full record is either raised or reported as not judged: never silently passed.
        for (const f of full.flags) {
          const rule = f.kind.startsWith('cli') ? 'cli' : f.kind;
          expect([...judgedOrFlagged].some((k) => k === f.kind || k.startsWith(rule) || (f.kind.startsWith('ivm') && k === 'ivmWait'))).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });
});
