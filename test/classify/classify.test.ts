import { describe, expect, it } from 'vitest';
import { classify, definePolicy, foldEvents, ofcom2017, type AnyFlag, type CallEvent, type ClassifiedCall } from '../../src/index.js';
import { callEvents, goodMessage, T0 } from '../support/calls.js';

type Steps = Parameters<typeof callEvents>[1];
const run = (steps: Steps, over: Parameters<typeof callEvents>[2] = {}): ClassifiedCall => classify(foldEvents(callEvents('c1', steps, over)));
const kinds = (c: ClassifiedCall): string[] => c.flags.map((f) => f.kind);
const flagOf = <K extends AnyFlag['kind']>(c: ClassifiedCall, kind: K) => c.flags.find((f) => f.kind === kind) as Extract<AnyFlag, { kind: K }> | undefined;

describe('unconnected calls and ring time (A2.15)', () => {
  it('a call the caller gives up on after 14.999 s of ringing is a short ring', () => {
    const c = run([['ringing', 1000], ['hangup', 15_999, 'caller']]);
    expect(c.category).toBe('unconnected');
    expect(flagOf(c, 'shortRing')).toMatchObject({ ref: 'A2.15', at: T0 + 15_999, detail: { ringMs: 14_999, minMs: 15_000 } });
  });

  it('exactly 15.000 s of ringing is not short', () => {
    expect(kinds(run([['ringing', 1000], ['hangup', 16_000, 'caller']]))).toEqual([]);
  });

  it('measures from the dial when the dialler reports no ringing', () => {
    expect(flagOf(run([['hangup', 14_000, 'caller']]), 'shortRing')?.detail.ringMs).toBe(14_000);
  });

  it('a busy line, a rejection or a network failure is never a short ring', () => {
    expect(kinds(run([['hangup', 3000, 'network', 'busy']]))).toEqual([]);
    expect(kinds(run([['ringing', 100], ['hangup', 3000, 'recipient', 'rejected']]))).toEqual([]);
  });

  it('an answered call has no ring-time breach, however short the ring', () => {
    const c = run([['ringing', 100], ['answer', 2000], ['agent', 2500], ['hangup', 60_000, 'caller']]);
    expect(kinds(c)).toEqual([]);
  });

  it('ringing past the maximum is a long ring, flagged at the moment it became long', () => {
    const c = run([['ringing', 0], ['hangup', 90_000, 'caller', 'noAnswer']]);
    expect(flagOf(c, 'longRing')).toMatchObject({ ref: 'A2.15', at: T0 + 60_000, detail: { ringMs: 90_000, maxMs: 60_000 } });
    expect(kinds(run([['ringing', 0], ['hangup', 60_000, 'caller']]))).toEqual([]);
  });

  it('counts rings where the policy allows a minimum in rings (US TSR: 15 s or 4 rings)', () => {
    const tsrLike = definePolicy(ofcom2017, { ring: { minRings: 2, ringCycleMs: 6000 } });
    const rec = foldEvents(callEvents('c1', [['ringing', 0], ['hangup', 7000, 'caller']]));
    expect(classify(rec, tsrLike).flags).toEqual([]);
    const short = foldEvents(callEvents('c1', [['ringing', 0], ['hangup', 6000, 'caller']]));
    expect(classify(short, tsrLike).flags.map((f) => f.kind)).toEqual(['shortRing']);
  });
});

describe('live calls (A3.3)', () => {
  it('answered and connected to an agent is live, with no flags', () => {
    const c = run([['ringing', 100], ['answer', 5000], ['agent', 5800], ['hangup', 90_000, 'recipient']]);
    expect(c).toMatchObject({ category: 'live', answeredBy: 'human' });
    expect(c.flags).toEqual([]);
  });
});

describe('a connection deadline, where a policy sets one (US TSR, CRTC)', () => {
  const strict = definePolicy(ofcom2017, { connection: { deadlineMs: 2000 } });
  const at = (agent: number) => classify(foldEvents(callEvents('c1', [['answer', 5000], ['agent', 5000 + agent], ['hangup', 60_000, 'caller']])), strict);
  it('an agent at exactly the deadline makes a live call; 1 ms later the call is abandoned', () => {
    expect(at(2000).category).toBe('live');
    expect(at(2001).category).toBe('abandoned');
    // No agent came in time and no message played before one (16 CFR 310.4(b)(4)(iii)): the message was missing too.
    expect(at(2001).flags.map((f) => f.kind)).toEqual(['abandonedCall', 'messageMissing']);
  });
  it('under Ofcom an agent at any time makes a live call (A3.3)', () => {
    expect(classify(foldEvents(callEvents('c1', [['answer', 5000], ['agent', 9000], ['hangup', 60_000, 'caller']]))).category).toBe('live');
  });
});

describe('abandoned calls (A1.9, A1.10, A2.19)', () => {
  it('an information message within 2 s makes an abandoned call, not a silent one', () => {
    const c = run([['answer', 5000], ['message', 6500, goodMessage], ['hangup', 20_000, 'caller']]);
    expect(c.category).toBe('abandoned');
    expect(kinds(c)).toEqual(['abandonedCall']);
    expect(flagOf(c, 'abandonedCall')).toMatchObject({ ref: 'A1.9', detail: { messagePlayed: true, answeredBy: 'unknown' } });
  });

  it('a message at exactly 2.000 s is on time; at 2.001 s it is late, with the measured delay', () => {
    expect(kinds(run([['answer', 5000], ['message', 7000, goodMessage], ['hangup', 20_000, 'caller']]))).toEqual(['abandonedCall']);
    const late = run([['answer', 5000], ['message', 7001, goodMessage], ['hangup', 20_000, 'caller']]);
    expect(late.category).toBe('abandoned');
    expect(flagOf(late, 'lateMessage')).toMatchObject({ ref: 'A2.19', at: T0 + 7001, detail: { delayMs: 2001, deadlineMs: 2000, from: 'pickup' } });
  });

  it('a recipient who hangs up before the message would have played, within the deadline, had an abandoned call (footnote 9)', () => {
    const c = run([['answer', 5000], ['hangup', 6200, 'recipient']]);
    expect(c.category).toBe('abandoned');
    expect(flagOf(c, 'abandonedCall')).toMatchObject({ ref: 'A1.10', detail: { messagePlayed: false } });
  });

  it('…but a silent one when no message was planned', () => {
    const c = run([['answer', 5000], ['hangup', 6200, 'recipient']], { messagePlanned: false });
    expect(c.category).toBe('silent');
    expect(flagOf(c, 'silentCall')?.detail.reason).toBe('noMessagePlanned');
  });

  it('with AMD the 2 s run from the start of salutation', () => {
    const c = run([['answer', 5000], ['salutation', 5600, 'start'], ['amd', 7000, 'human'], ['message', 7600], ['hangup', 20_000, 'caller']], { amd: true });
    expect(c.category).toBe('abandoned');
    expect(kinds(c)).toEqual(['abandonedCall']);
    const late = run([['answer', 5000], ['salutation', 5600, 'start'], ['amd', 7000, 'human'], ['message', 7601], ['hangup', 20_000, 'caller']], { amd: true });
    expect(flagOf(late, 'lateMessage')?.detail).toEqual({ delayMs: 2001, deadlineMs: 2000, from: 'salutationStart' });
  });

  it('with AMD but no salutation (the person never spoke), the 2 s run from pickup (A2.19 "any other case")', () => {
    const c = run([['answer', 5000], ['amd', 7500, 'unknown'], ['message', 7600], ['hangup', 20_000, 'caller']], { amd: true });
    expect(flagOf(c, 'lateMessage')?.detail).toEqual({ delayMs: 2600, deadlineMs: 2000, from: 'pickup' });
  });

  it('without AMD a salutation does not move the clock', () => {
    const c = run([['answer', 5000], ['salutation', 5600, 'start'], ['message', 7600], ['hangup', 20_000, 'caller']]);
    expect(flagOf(c, 'lateMessage')?.detail.from).toBe('pickup');
  });

  it('an abandoned call whose answerer AMD called human is counted as reaching a person', () => {
    const c = run([['answer', 5000], ['salutation', 5100, 'start'], ['amd', 6000, 'human'], ['message', 6500], ['hangup', 20_000, 'caller']], { amd: true });
    expect(c.answeredBy).toBe('human');
    expect(flagOf(c, 'abandonedCall')?.detail.answeredBy).toBe('human');
  });
});

describe('silent calls (A1.3–A1.7)', () => {
  it('no message and no agent by the deadline, then the caller disconnects: silent dead air', () => {
    const c = run([['answer', 5000], ['hangup', 9000, 'caller']]);
    expect(c.category).toBe('silent');
    expect(flagOf(c, 'silentCall')).toMatchObject({ ref: 'A1.3', at: T0 + 5000, detail: { reason: 'deadAir', durationMs: 4000, hangupBy: 'caller', cliWithheld: false } });
  });

  it('cut off by the caller at or shortly after pickup: silent', () => {
    const c = run([['answer', 5000], ['hangup', 5300, 'caller']]);
    expect(flagOf(c, 'silentCall')?.detail.reason).toBe('disconnected');
  });

  it('the recipient hangs up in dead air after the deadline, before a late message: silent', () => {
    const c = run([['answer', 5000], ['hangup', 7500, 'recipient']]);
    expect(c.category).toBe('silent');
    expect(flagOf(c, 'silentCall')?.detail.reason).toBe('deadAir');
  });

  it('the recipient hangs up at exactly the deadline: still abandoned; 1 ms later: silent', () => {
    expect(run([['answer', 5000], ['hangup', 7000, 'recipient']]).category).toBe('abandoned');
    expect(run([['answer', 5000], ['hangup', 7001, 'recipient']]).category).toBe('silent');
  });

  it('AMD false positive: AMD said machine, the agent later marks a person — silent, citing A1.6', () => {
    const c = run([['answer', 5000], ['salutation', 5200, 'start'], ['amd', 6500, 'machine'], ['hangup', 6600, 'caller'], ['disposition', 30_000, 'human']], { amd: true });
    expect(c.category).toBe('silent');
    expect(flagOf(c, 'silentCall')).toMatchObject({ ref: 'A1.6', detail: { reason: 'amdFalsePositive' } });
  });

  it('a silent call with a withheld CLI is aggravated (A2.13)', () => {
    const c = run([['answer', 5000], ['hangup', 9000, 'caller']], { cli: null });
    expect(flagOf(c, 'silentCall')?.detail.cliWithheld).toBe(true);
    expect(flagOf(c, 'cliWithheld')).toMatchObject({ ref: 'A2.13', detail: { aggravated: true, category: 'silent' } });
  });

  it('a call that never ended, with nothing played, seen past the deadline, is silent dead air', () => {
    const c = run([['answer', 5000], ['recording', 9000, true]]);
    expect(flagOf(c, 'silentCall')?.detail).toMatchObject({ reason: 'deadAir', durationMs: null, hangupBy: null });
  });

  it('a call that never ended and whose records stop by the deadline is undetermined, never silent', () => {
    const c = run([['answer', 5000]]);
    expect(c.category).toBe('undetermined');
    expect(c.notJudged).toContainEqual(expect.objectContaining({ rule: 'silentCall', reason: expect.stringMatching(/never hung up .* cannot show whether a message or an agent came in time/) }));
    expect(flagOf(c, 'silentCall')).toBeUndefined();
  });
});

describe('answer machines (A3.5)', () => {
  it('AMD says machine and the call is dropped: disconnected by AMD, excluded and unflagged', () => {
    const c = run([['answer', 5000], ['salutation', 5100, 'start'], ['amd', 8000, 'machine'], ['hangup', 8100, 'caller']], { amd: true });
    expect(c).toMatchObject({ category: 'answerMachine', machine: 'disconnectedByAmd', answeredBy: 'machine' });
    expect(c.flags).toEqual([]);
  });

  it('AMD says human, the agent marks an answer machine: a false negative (z)', () => {
    const c = run([['answer', 5000], ['amd', 6000, 'human'], ['agent', 6100], ['hangup', 9000, 'caller'], ['disposition', 12_000, 'machine']], { amd: true });
    expect(c).toMatchObject({ category: 'answerMachine', machine: 'falseNegative' });
  });

  it('a message left on a machine the dialler did not detect: abandoned to the machine', () => {
    const c = run([['answer', 5000], ['message', 6000], ['hangup', 20_000, 'caller'], ['disposition', 30_000, 'machine']]);
    expect(c).toMatchObject({ category: 'answerMachine', machine: 'abandoned' });
    expect(kinds(c)).toEqual([]);
  });
});

describe('message content (A2.17)', () => {
  it('names each missing element', () => {
    const c = run([['answer', 5000], ['message', 6000, { onBehalfOf: '', explainsAttempt: false, optOutNumber: '09098790123', marketing: true }], ['hangup', 20_000, 'caller']]);
    expect(flagOf(c, 'messageContent')).toMatchObject({
      ref: 'A2.17',
      detail: { missing: ['identifiesCaller', 'explainsAttempt', 'basicRateOptOutNumber', 'noMarketing'] },
    });
  });

  it('a 084 opt-out number is not basic rate; a geographic, 03, mobile or 080 one is', () => {
    const msg = (optOutNumber: string) => run([['answer', 5000], ['message', 6000, { ...goodMessage, optOutNumber }], ['hangup', 20_000, 'caller']]);
    expect(flagOf(msg('0845 123 4567'), 'messageContent')?.detail.missing).toEqual(['basicRateOptOutNumber']);
    for (const n of ['0113 496 0123', '0300 123 4567', '07700 900123', '+44 800 123 4567']) expect(flagOf(msg(n), 'messageContent')).toBeUndefined();
  });

  it('a message with no content descriptor is not judged', () => {
    expect(kinds(run([['answer', 5000], ['message', 6000], ['hangup', 20_000, 'caller']]))).toEqual(['abandonedCall']);
  });
});

describe('CLI and recording', () => {
  it('a withheld CLI on an ordinary call cites A1.20', () => {
    expect(flagOf(run([['answer', 5000], ['agent', 5500], ['hangup', 60_000, 'caller']], { cli: null }), 'cliWithheld')).toMatchObject({
      ref: 'A1.20',
      detail: { aggravated: false, category: 'live' },
    });
  });

  it('recording without notice is flagged; with notice, or with a standing written notice, it is not', () => {
    const steps: Steps = [['answer', 5000], ['agent', 5500], ['recording', 5600, false], ['hangup', 60_000, 'caller']];
    expect(flagOf(run(steps), 'recordingWithoutNotice')).toMatchObject({ at: T0 + 5600 });
    expect(kinds(run([['answer', 5000], ['agent', 5500], ['recording', 5600, true], ['hangup', 60_000, 'caller']]))).toEqual([]);
    expect(classify(foldEvents(callEvents('c1', steps)), ofcom2017, { standingRecordingNotice: ['spring'] }).flags).toEqual([]);
  });
});

describe('bad records', () => {
  it('anomalies in the events are flagged, citing the records paragraph (A2.23)', () => {
    const c = run([['answer', 5000], ['agent', 4000], ['hangup', 9000, 'caller'], ['agent', 9500]]);
    expect(c.flags.filter((f) => f.kind === 'recordAnomaly').map((f) => (f.kind === 'recordAnomaly' ? f.detail.anomaly : ''))).toEqual(['outOfOrder', 'afterHangup']);
  });

  it('an event of unknown type, or with no valid time, becomes an anomaly and the call goes on (JavaScript callers)', () => {
    const events = callEvents('c1', [['answer', 5000], ['agent', 5500], ['hangup', 9000, 'caller']]);
    const bogus = [
      ...events.slice(0, 2),
      { type: 'teleport', callId: 'c1', at: T0 + 5200 } as unknown as CallEvent,
      { type: 'message', callId: 'c1', at: Number.NaN } as CallEvent,
      ...events.slice(2),
    ];
    const c = classify(foldEvents(bogus));
    expect(c.category).toBe('live');
    expect(c.record.anomalies.map((a) => [a.kind, a.event])).toEqual([
      ['unknownEvent', 'teleport'],
      ['invalidTime', 'message'],
    ]);
  });

  it('classify does not change the record', () => {
    const record = Object.freeze(foldEvents(callEvents('c1', [['answer', 5000], ['hangup', 9000, 'caller']])));
    expect(() => classify(record)).not.toThrow();
    expect(classify(record)).toEqual(classify(record));
  });
});
