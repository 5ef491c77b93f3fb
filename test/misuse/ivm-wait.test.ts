import { describe, expect, it } from 'vitest';
import { classify, foldEvents, ofcom2017, type CallEvent } from '../../src/index.js';
import { ivmWaitMs, missingQueueItems } from '../../src/rules/ivm-wait/index.js';
import { ivmWait } from '../support/rules.js';
import { callEvents, T0 } from '../support/calls.js';
import { GOOD_CLI } from './helpers.js';

const ALL = { identity: true, purpose: true, position: true, expectedWait: true } as const;
type Info = Partial<Record<keyof typeof ALL, boolean>>;

/** A call answered at 5 s whose recipient asks for an agent at 10 s; `info` told at `infoAt`; agent at `agentAt` or hangup at `hangupAt` (ms after T0). */
function ivmCall(opts: { info?: Info; infoAt?: number; agentAt?: number; hangupAt: number }) {
  const events: CallEvent[] = callEvents('v1', [['answer', 5000]], { cli: GOOD_CLI });
  events.push({ type: 'ivm', callId: 'v1', at: T0 + 10_000, action: 'agentRequested' });
  if (opts.info) events.push({ type: 'ivm', callId: 'v1', at: T0 + (opts.infoAt ?? 11_000), action: 'queueInfo', info: opts.info });
  if (opts.agentAt !== undefined) events.push({ type: 'agent', callId: 'v1', at: T0 + opts.agentAt });
  events.push({ type: 'hangup', callId: 'v1', at: T0 + opts.hangupAt, by: 'recipient' });
  return foldEvents(events.sort((a, b) => a.at - b.at));
}
const kinds = (r: ReturnType<typeof ivmCall>) => ivmWait(r, ofcom2017).map((f) => f.kind);

describe('IVM waits (A1.28–A1.31)', () => {
  it('measures the wait from the request to the agent, or to the hangup when no agent came', () => {
    expect(ivmWaitMs(ivmCall({ agentAt: 40_000, hangupAt: 100_000 }))).toBe(30_000);
    expect(ivmWaitMs(ivmCall({ hangupAt: 50_000 }))).toBe(40_000);
  });

  it('a wait over 60 s is unfairly long (A1.28), flagged when the limit passed; exactly 60 s is not', () => {
    const r = ivmCall({ info: ALL, agentAt: 70_001, hangupAt: 200_000 });
    expect(ivmWait(r, ofcom2017)).toEqual([
      { kind: 'ivmLongWait', callId: 'v1', at: T0 + 70_000, ref: 'A1.31', detail: { waitMs: 60_001, maxWaitMs: 60_000, informed: true } },
    ]);
    expect(kinds(ivmCall({ info: ALL, agentAt: 70_000, hangupAt: 200_000 }))).toEqual([]);
  });

  it('a long wait without the queue information cites A1.28 and is not informed', () => {
    const flags = ivmWait(ivmCall({ hangupAt: 100_000 }), ofcom2017);
    expect(flags.find((f) => f.kind === 'ivmLongWait')).toMatchObject({ ref: 'A1.28', detail: { informed: false, waitMs: 90_000 } });
  });

  it('a wait over 15 s without identity, purpose, position and likely wait names what was missing (A1.29)', () => {
    const r = ivmCall({ info: { identity: true, purpose: true }, infoAt: 12_000, hangupAt: 30_000 });
    expect(ivmWait(r, ofcom2017)).toEqual([
      { kind: 'ivmNoQueueInfo', callId: 'v1', at: T0 + 25_000, ref: 'A1.29', detail: { waitMs: 20_000, limitMs: 15_000, missing: ['position', 'expectedWait'] } },
    ]);
  });

  it('information given only after the 15 s limit does not count for it', () => {
    const late = ivmCall({ info: ALL, infoAt: 26_000, hangupAt: 40_000 });
    expect(ivmWait(late, ofcom2017)[0]?.detail).toMatchObject({ missing: ['identity', 'purpose', 'position', 'expectedWait'] });
    expect(kinds(ivmCall({ info: ALL, infoAt: 25_000, hangupAt: 40_000 }))).toEqual([]);
    expect(missingQueueItems(late, T0 + 26_000)).toEqual([]);
  });

  it('a wait of exactly 15 s is not flagged, however little was said', () => {
    expect(kinds(ivmCall({ hangupAt: 25_000 }))).toEqual([]);
    expect(kinds(ivmCall({ hangupAt: 25_001 }))).toEqual(['ivmNoQueueInfo']);
  });

  it('no request for an agent, or a call that has not ended: nothing to judge', () => {
    const plain = foldEvents(callEvents('v2', [['answer', 5000], ['hangup', 200_000, 'recipient']], { cli: GOOD_CLI }));
    expect(ivmWait(plain, ofcom2017)).toEqual([]);
    const open = foldEvents([...callEvents('v3', [['answer', 5000]], { cli: GOOD_CLI }), { type: 'ivm', callId: 'v3', at: T0 + 6000, action: 'agentRequested' }]);
    expect(ivmWaitMs(open)).toBeNull();
  });

  it('classify raises both on one call', () => {
    const kindsOf = classify(ivmCall({ hangupAt: 200_000 })).flags.map((f) => f.kind);
    expect(kindsOf).toEqual(expect.arrayContaining(['ivmNoQueueInfo', 'ivmLongWait']));
  });
});
