/**
 * A1.28–A1.31 IVM waits at their edges: an agent met before the request does not end the
 * wait, information told after the 15 s limit was not told by it, and records with no
 * agent or hang-up times are not judged — naming what they lack.
 */
import { describe, expect, it } from 'vitest';
import { classify, ivmWaitMs, parseCallRecord, type CallRecord } from '../../src/internals.js';
import { T0 } from '../support/calls.js';
import { answeredRecord } from '../support/records.js';

const ALL_TOLD = { identity: true, purpose: true, position: true, expectedWait: true } as const;

/** The dial of a stored record at T0 (for `parseCallRecord`). */
const DIAL = { callId: 'i2', campaignId: 'spring', callCentreId: 'leeds', to: '01632960001', cli: '01134961000', agentGuaranteed: false, amd: false, messagePlanned: true, dialAt: T0 };

/** Answered at T0 + 1 s, agent requested from the IVM at T0 + 10 s. */
const ivmCall = (over: Partial<CallRecord>): CallRecord =>
  answeredRecord('i1', { messageAt: T0 + 1_500, ivmAgentRequestedAt: T0 + 10_000, hangupAt: T0 + 100_000, lastEventAt: T0 + 100_000, ...over });

const ivm = (record: CallRecord) => {
  const c = classify(record);
  return {
    flags: c.flags.filter((f) => f.kind === 'ivmLongWait' || f.kind === 'ivmNoQueueInfo').map((f) => [f.kind, f.at, f.detail]),
    reason: (c.notJudged ?? []).find((n) => n.rule === 'ivmWait')?.reason ?? null,
  };
};

describe('IVM waits', () => {
  it('no agent after the request: the wait runs to the hang-up (90 s): both flags', () => {
    expect(ivm(ivmCall({})).flags).toEqual([
      ['ivmNoQueueInfo', T0 + 25_000, { waitMs: 90_000, limitMs: 15_000, missing: ['identity', 'purpose', 'position', 'expectedWait'] }],
      ['ivmLongWait', T0 + 70_000, { waitMs: 90_000, maxWaitMs: 60_000, informed: false }],
    ]);
  });

  it('an agent met before the request does not end the wait: it runs to the hang-up', () => {
    expect(ivm(ivmCall({ agentAt: T0 + 5_000, ivmInfo: ALL_TOLD, ivmInfoAt: T0 + 11_000 })).flags).toEqual([
      ['ivmLongWait', T0 + 70_000, { waitMs: 90_000, maxWaitMs: 60_000, informed: true }],
    ]);
  });

  it('an agent after the request ends the wait', () => {
    expect(ivm(ivmCall({ agentAt: T0 + 20_000 })).flags).toEqual([]);
  });

  it('queue information told only after the 15 s limit was not told by it (A1.29); it still counts for the long wait (A1.31)', () => {
    expect(ivm(ivmCall({ ivmInfo: ALL_TOLD, ivmInfoAt: T0 + 30_000 })).flags).toEqual([
      ['ivmNoQueueInfo', T0 + 25_000, { waitMs: 90_000, limitMs: 15_000, missing: ['identity', 'purpose', 'position', 'expectedWait'] }],
      ['ivmLongWait', T0 + 70_000, { waitMs: 90_000, maxWaitMs: 60_000, informed: true }],
    ]);
  });

  it('told exactly at the limit: told by it', () => {
    expect(ivm(ivmCall({ ivmInfo: ALL_TOLD, ivmInfoAt: T0 + 25_000 })).flags.map((f) => f[0])).toEqual(['ivmLongWait']);
  });

  it('no agent-connect or hang-up times: not judged, naming each fact missing', () => {
    expect(ivm(ivmCall({ unknown: ['agentAt'] }))).toEqual({ flags: [], reason: 'the records have no agent-connect times' });
    expect(ivm(ivmCall({ unknown: ['hangupAt'] }))).toEqual({ flags: [], reason: 'the records have no hang-up times' });
    expect(ivm(ivmCall({ unknown: ['agentAt', 'hangupAt'] })).reason).toBe('the records have no agent-connect times or hang-up times');
  });

  it('no IVM facts: not judged, naming them; no request for an agent: nothing to judge', () => {
    expect(ivm(ivmCall({ ivmAgentRequestedAt: null, unknown: ['ivmAgentRequestedAt'] }))).toEqual({ flags: [], reason: 'the records have no IVM facts' });
    expect(ivm(ivmCall({ ivmAgentRequestedAt: null, unknown: ['agentAt', 'hangupAt'] }))).toEqual({ flags: [], reason: null });
  });

  it('no IVM facts on a call known not to have been answered (answer time known, none): judged, no breach — an IVM speaks only to an answered call', () => {
    const unanswered = parseCallRecord({ ...DIAL, ringingAt: T0 + 1_000, hangupAt: T0 + 30_000, hangupBy: 'caller', unknown: ['ivmAgentRequestedAt'] });
    expect(classify(unanswered).category).toBe('unconnected');
    expect(ivm(unanswered)).toEqual({ flags: [], reason: null });
    // The answer time itself unknown (the dialler's outcome says unconnected): the IVM facts may still have happened.
    const unsure = parseCallRecord({ ...DIAL, hangupAt: T0 + 30_000, hangupBy: 'caller', unknown: ['answerAt', 'ivmAgentRequestedAt'], outcome: { status: 'NA', category: 'unconnected' } });
    expect(ivm(unsure).reason).toBe('the records have no IVM facts');
  });
});

describe('IVM waits on a call that never ended (no agent, no hang-up)', () => {
  /** Answered at T0 + 1 s, agent requested at T0 + 10 s, never hung up. */
  const open = (over: Partial<CallRecord>): CallRecord => ivmCall({ messageAt: null, hangupAt: null, hangupBy: null, ...over });

  it('seen 10 minutes after the request: the wait up to then is already over both limits — flagged, measured to the last moment seen', () => {
    const r = open({ lastEventAt: T0 + 610_000 });
    expect(ivmWaitMs(r)).toBeNull(); // the whole wait is not known
    expect(ivm(r)).toEqual({
      flags: [
        ['ivmNoQueueInfo', T0 + 25_000, { waitMs: 600_000, limitMs: 15_000, missing: ['identity', 'purpose', 'position', 'expectedWait'] }],
        ['ivmLongWait', T0 + 70_000, { waitMs: 600_000, maxWaitMs: 60_000, informed: false }],
      ],
      reason: null,
    });
  });

  it('closed by the host (incomplete) after its last event: measured to the close', () => {
    const r = open({ lastEventAt: T0 + 20_000, anomalies: [{ kind: 'incomplete', event: 'hangup', at: T0 + 100_000, detail: 'closed' }] });
    expect(ivm(r).flags.map((f) => [f[0], (f[2] as { waitMs: number }).waitMs])).toEqual([
      ['ivmNoQueueInfo', 90_000],
      ['ivmLongWait', 90_000],
    ]);
  });

  it('last seen within the limit (exactly 60 s, or less): not judged, never passed', () => {
    for (const seen of [70_000, 30_000, 10_000]) {
      expect(ivm(open({ lastEventAt: T0 + seen })), String(seen)).toEqual({
        flags: [],
        reason: 'no agent came and the records show no end of the wait: they stop (the call never hung up, was closed, or its hang-up time could not be read) before the wait passed the limit',
      });
    }
  });

  it('a hang-up whose time could not be read ended the call: the host closing it later measures nothing — not judged', () => {
    const anomalies = [
      { kind: 'invalidTime', event: 'hangup', at: Number.NaN, detail: 'no valid time' },
      { kind: 'incomplete', event: 'hangup', at: T0 + 600_000, detail: 'closed' },
    ] as const;
    expect(ivm(open({ lastEventAt: T0 + 20_000, anomalies }))).toMatchObject({ flags: [], reason: expect.stringContaining('no agent came') });
    // Seen past the limit before it hung up: flagged all the same.
    expect(ivm(open({ lastEventAt: T0 + 100_000, anomalies })).flags.map((f) => f[0])).toEqual(['ivmNoQueueInfo', 'ivmLongWait']);
  });

  it('an agent before the request does not end the wait; one after it does (a wait that ended is measured whole)', () => {
    expect(ivm(open({ agentAt: T0 + 5_000, lastEventAt: T0 + 610_000 })).flags.map((f) => f[0])).toEqual(['ivmNoQueueInfo', 'ivmLongWait']);
    expect(ivm(open({ agentAt: T0 + 20_000, lastEventAt: T0 + 610_000 }))).toEqual({ flags: [], reason: null });
  });
});

describe('IVM wait: an answered call whose recorded outcome says unconnected', () => {
  it('a recipient who asked for an agent at +10 s and hung up at +120 s with none is flagged: the records show the answer, whatever the outcome says', () => {
    const T = Date.UTC(2026, 2, 2, 10);
    const record = parseCallRecord({
      callId: 'i1', campaignId: 'spring', callCentreId: 'leeds', to: '01134960001', cli: '01134961000',
      agentGuaranteed: false, amd: false, messagePlanned: true,
      dialAt: T, ringingAt: T + 1000, answerAt: T + 5000, ivmAgentRequestedAt: T + 10_000, agentAt: null,
      hangupAt: T + 120_000, hangupBy: 'recipient',
      unknown: ['messageAt'], // no message times: the recorded outcome decides the category
      outcome: { status: 'NA', category: 'unconnected', machine: null },
    });
    const c = classify(record);
    expect(c.category).toBe('unconnected');
    expect(c.flags.map((f) => f.kind).sort()).toEqual(['ivmLongWait', 'ivmNoQueueInfo']);
  });
});
