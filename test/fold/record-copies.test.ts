/**
 * How the fold makes each next record (`applyEvent`, `withAnomaly`, `foldEvents`): a fresh
 * copy with the event's facts, never the input changed, every field kept, and — what the
 * live path's and the batch path's speed rest on — one shape (V8 hidden class) for every
 * record whatever events made it, checked with V8's own `%HaveSameMap` in a child process.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { applyEvent, foldEvents } from '../../src/internals.js';
import { withAnomaly } from '../../src/fold.js';
import type { CallEvent } from '../../src/events.js';
import type { CallRecord } from '../../src/record.js';
import { call, T0 } from '../machine/calls.js';

const c = call();

describe('the fold copies records', () => {
  it('returns a new record with the facts of each event type, leaving the input as it was', () => {
    const content = { onBehalfOf: 'Acme', explainsAttempt: true, optOutNumber: '08001234567', marketing: false };
    const steps: [CallEvent, Partial<CallRecord>][] = [
      [c.ringing(500), { ringingAt: T0 + 500 }],
      [c.answer(4_000), { answerAt: T0 + 4_000 }],
      [c.salutation(4_200), { salutationStartAt: T0 + 4_200 }],
      [c.salutation(4_900, 'end'), { salutationEndAt: T0 + 4_900 }],
      [c.amd(5_000, 'human'), { amdResult: 'human', amdAt: T0 + 5_000 }],
      [c.recording(5_100, true), { recordingAt: T0 + 5_100, recordingNotice: true }],
      [c.message(5_200, content), { messageAt: T0 + 5_200, messageContent: content }],
      [{ type: 'ivm', callId: 'c1', at: T0 + 5_300, action: 'agentRequested' }, { ivmAgentRequestedAt: T0 + 5_300 }],
      [{ type: 'ivm', callId: 'c1', at: T0 + 5_400, action: 'queueInfo', info: { position: true } }, { ivmInfo: { position: true }, ivmInfoAt: T0 + 5_400 }],
      [c.agent(5_500), { agentAt: T0 + 5_500 }],
      [{ type: 'hangup', callId: 'c1', at: T0 + 9_000, by: 'network', cause: 'busy' }, { hangupAt: T0 + 9_000, hangupBy: 'network', hangupCause: 'busy' }],
      [c.disposition(9_500, 'human'), { disposition: 'human' }],
    ];
    let record = foldEvents([c.dial(0, { amd: true })]);
    for (const [event, facts] of steps) {
      const before = structuredClone(record);
      const next = applyEvent(Object.freeze(record), event);
      expect(next).not.toBe(record);
      expect(record).toEqual(before);
      expect(next).toEqual({ ...before, ...facts, lastEventAt: event.at });
      record = next;
    }
  });

  it('keeps the first time it was told about the queue, and overlays what it is told next', () => {
    const answered = foldEvents([c.dial(0), c.answer(1_000)]);
    const once = applyEvent(answered, { type: 'ivm', callId: 'c1', at: T0 + 2_000, action: 'queueInfo', info: { position: true, identity: false } });
    const twice = applyEvent(once, { type: 'ivm', callId: 'c1', at: T0 + 3_000, action: 'queueInfo', info: { identity: true, expectedWait: true } });
    expect(twice).toMatchObject({ ivmInfo: { position: true, identity: true, expectedWait: true }, ivmInfoAt: T0 + 2_000, lastEventAt: T0 + 3_000 });
  });

  it('an event it cannot apply adds an anomaly to a copy and changes nothing else', () => {
    const record = foldEvents([c.dial(0), c.answer(1_000)]);
    const next = applyEvent(record, c.answer(2_000));
    expect(next).not.toBe(record);
    expect(next).toEqual({ ...record, anomalies: [expect.objectContaining({ kind: 'repeated', event: 'answer' })] });
    expect(record.anomalies).toEqual([]);
    const again = withAnomaly(next, { kind: 'outOfOrder', event: 'agent', at: T0, detail: 'x' });
    expect(again.anomalies.map((a) => a.kind)).toEqual(['repeated', 'outOfOrder']);
    expect(next.anomalies).toHaveLength(1);
  });

  it('gives a record without outcome or unknown (as a caller may build one) their empty values: none recorded, every fact known', () => {
    const { outcome: _o, unknown: _u, ...bare } = foldEvents([c.dial(0)]);
    const next = applyEvent(bare as CallRecord, c.ringing(500));
    expect(next.outcome).toBeNull();
    expect(next.unknown).toEqual([]);
  });

  it("copies only CallRecord's fields: a property a caller added is not carried on", () => {
    const record = { ...foldEvents([c.dial(0)]), extra: 'not a field' } as CallRecord;
    expect(Object.keys(applyEvent(record, c.ringing(500)))).not.toContain('extra');
  });
});

describe('one shape for every record', () => {
  // Spawns node with V8's natives syntax: a few seconds; a check of the engine, not of a rule.
  it.skipIf(process.env.DIALGUARD_MUTATION_RUN === '1')('records folded from different events, and parsed ones, share one V8 hidden class', () => {
    const script = fileURLToPath(new URL('./same-shape.child.ts', import.meta.url));
    const out = execFileSync(process.execPath, ['--allow-natives-syntax', '--import', 'tsx', script], { encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual({ records: 8, sameShape: 8 });
  });
});
