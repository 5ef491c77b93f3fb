import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { classify, foldEvents, ofcom2017 } from '../../src/index.js';
import { callEvents } from '../support/calls.js';

const MIN_RING = ofcom2017.ring.minMs; // 15 s, A2.15
const MAX_RING = ofcom2017.ring.maxMs;
const DEADLINE = ofcom2017.message.deadlineMs; // 2 s, A2.19
const around = (edge: number, spread: number) => fc.integer({ min: Math.max(0, edge - spread), max: edge + spread });

describe('timing boundaries', () => {
  it('A2.15: a caller hang-up after r ms of ringing is a short ring iff r < 15 000', () => {
    fc.assert(
      fc.property(around(MIN_RING, 3000), fc.integer({ min: 0, max: 10_000 }), (ring, ringingAt) => {
        const c = classify(foldEvents(callEvents('c', [['ringing', ringingAt], ['hangup', ringingAt + ring, 'caller']])));
        expect(c.flags.some((f) => f.kind === 'shortRing')).toBe(ring < MIN_RING);
      }),
      { numRuns: 500 },
    );
  });

  it('A2.15: ringing longer than the maximum is a long ring, exactly the maximum is not', () => {
    fc.assert(
      fc.property(around(MAX_RING, 3000), fc.constantFrom('caller', 'network') as fc.Arbitrary<'caller' | 'network'>, (ring, by) => {
        const c = classify(foldEvents(callEvents('c', [['ringing', 0], ['hangup', ring, by]])));
        expect(c.flags.some((f) => f.kind === 'longRing')).toBe(ring > MAX_RING);
      }),
      { numRuns: 300 },
    );
  });

  it('A2.19: a message d ms after pickup is late iff d > 2 000, and the call is abandoned either way', () => {
    fc.assert(
      fc.property(around(DEADLINE, 1500), fc.integer({ min: 0, max: 20_000 }), (d, answerAt) => {
        const c = classify(foldEvents(callEvents('c', [['answer', answerAt], ['message', answerAt + d], ['hangup', answerAt + d + 10_000, 'caller']])));
        expect(c.category).toBe('abandoned');
        const late = c.flags.find((f) => f.kind === 'lateMessage');
        expect(late !== undefined).toBe(d > DEADLINE);
        if (late?.kind === 'lateMessage') expect(late.detail.delayMs).toBe(d);
      }),
      { numRuns: 500 },
    );
  });

  it('A2.19 with AMD: the clock runs from the start of salutation, whenever the person began to speak', () => {
    fc.assert(
      fc.property(around(DEADLINE, 1500), fc.integer({ min: 0, max: 4000 }), (d, speakAfter) => {
        const answerAt = 5000;
        const salutation = answerAt + speakAfter;
        const c = classify(
          foldEvents(
            callEvents('c', [['answer', answerAt], ['salutation', salutation, 'start'], ['amd', salutation + Math.min(d, 500), 'human'], ['message', salutation + d], ['hangup', salutation + d + 5000, 'caller']], { amd: true }),
          ),
        );
        expect(c.flags.some((f) => f.kind === 'lateMessage')).toBe(d > DEADLINE);
      }),
      { numRuns: 500 },
    );
  });

  it('footnote 9: a recipient hang-up h ms after pickup with nothing played is abandoned iff h ≤ 2 000 (message planned), else silent', () => {
    fc.assert(
      fc.property(around(DEADLINE, 1500), fc.boolean(), (h, planned) => {
        const c = classify(foldEvents(callEvents('c', [['answer', 5000], ['hangup', 5000 + h, 'recipient']], { messagePlanned: planned })));
        expect(c.category).toBe(h <= DEADLINE && planned ? 'abandoned' : 'silent');
      }),
      { numRuns: 500 },
    );
  });

  it('A1.12: every call has exactly one category, and silent and abandoned flags never meet', () => {
    const step = fc.integer({ min: 0, max: 5000 });
    fc.assert(
      fc.property(step, step, step, fc.constantFrom('agent', 'message', 'none'), fc.constantFrom('caller', 'recipient', 'network'), (a, b, c, what, by) => {
        const steps: Parameters<typeof callEvents>[1] = [
          ['answer', a],
          ...(what === 'agent' ? [['agent', a + b] as const] : what === 'message' ? [['message', a + b] as const] : []),
          ['hangup', a + b + c, by as 'caller'],
        ];
        const call = classify(foldEvents(callEvents('c', steps)));
        const kinds = call.flags.map((f) => f.kind);
        expect(kinds.includes('silentCall') && kinds.includes('abandonedCall')).toBe(false);
        expect(kinds.includes('silentCall')).toBe(call.category === 'silent');
        expect(kinds.includes('abandonedCall')).toBe(call.category === 'abandoned');
      }),
      { numRuns: 500 },
    );
  });
});
