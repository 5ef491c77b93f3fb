/**
 * A1.28–A1.31 IVM waits at their edges: an agent met before the request does not end the
 * wait, information told after the 15 s limit was not told by it, and records with no
 * agent or hang-up times are not judged — naming what they lack.
 */
import { describe, expect, it } from 'vitest';
import { classify, type CallRecord } from '../../src/internals.js';
import { T0 } from '../support/calls.js';
import { answeredRecord } from '../support/records.js';

const ALL_TOLD = { identity: true, purpose: true, position: true, expectedWait: true } as const;

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
});
