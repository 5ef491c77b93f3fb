import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classify, foldEvents, ofcom2017 } from '../../src/index.js';
import { callEvents } from '../support/calls.js';

/** A1.7: "where the agent making the call hangs up when the call recipient answers the phone". */
describe('A1.7: the calling side hangs up at or just after pickup, with an agent connected', () => {
  const call = (hangupAfterPickupMs: number, by: 'caller' | 'recipient' | 'network' = 'caller', amd = false, salutationMs?: number) =>
    classify(
      foldEvents(
        callEvents(
          'a17',
          [
            ['answer', 5_000],
            ...(salutationMs === undefined ? [] : ([['salutation', 5_000 + salutationMs, 'start']] as const)),
            ['agent', 5_000 + (salutationMs ?? 0) + 100],
            ['hangup', 5_000 + hangupAfterPickupMs, by],
          ],
          { amd },
        ),
      ),
    );

  it('is silent, citing A1.7, when the caller ends it within the message deadline — agent or not', () => {
    const c = call(1_500);
    expect(c.category).toBe('silent');
    expect(c.flags[0]).toMatchObject({ kind: 'silentCall', ref: 'A1.7', detail: { reason: 'agentHungUp', hangupBy: 'caller', durationMs: 1_500 } });
  });

  it('exactly at the deadline (2.000 s) is still "just after" pickup; 1 ms later the call is live', () => {
    expect(call(2_000).category).toBe('silent');
    expect(call(2_001).category).toBe('live');
  });

  it('a recipient or the network ending it is not the caller hanging up: live', () => {
    expect(call(1_000, 'recipient').category).toBe('live');
    expect(call(1_000, 'network').category).toBe('live');
  });

  it('with AMD the deadline runs from the start of salutation (A2.19), as the message clock does', () => {
    expect(call(2_900, 'caller', true, 1_000).category).toBe('silent'); // salutation at +1 s: deadline +3 s
    expect(call(3_001, 'caller', true, 1_000).category).toBe('live');
  });

  it('property: with an agent connected and the caller hanging up t ms after pickup, silent iff t ≤ 2 s', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: 100, max: 10_000 }), fc.constantFrom(100, 1_999, 2_000, 2_001)), (t) => {
        const c = call(t);
        expect(c.category).toBe(t <= ofcom2017.message.deadlineMs ? 'silent' : 'live');
      }),
      { numRuns: 300 },
    );
  });
});
