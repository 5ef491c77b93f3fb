import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors.js';
import type { CallEvent } from '../../src/events.js';
import { foldEvents } from '../../src/fold.js';
import { parseCallRecord, safeParseCallRecord } from '../../src/validate/index.js';
import { callEvent, eventOfType, VALID_FROM, VALID_TO } from './arbitraries.js';

/** One call's events: its dial, then events of any type at or around the dial's time, in any order. */
const oneCall: fc.Arbitrary<CallEvent[]> = fc
  .tuple(
    eventOfType.dial,
    fc.integer({ min: VALID_FROM + 2_000, max: VALID_TO - 120_001 }),
    fc.array(fc.tuple(callEvent, fc.integer({ min: -2_000, max: 120_000 })), { maxLength: 14 }),
  )
  .map(([dial, dialAt, rest]) => [
    { ...dial, callId: 'call', at: dialAt },
    ...rest.map(([event, offset]) => ({ ...event, callId: 'call', at: dialAt + offset })),
  ]);

describe('parseCallRecord properties', () => {
  it('every record folded from events is accepted, and survives JSON unchanged', () => {
    fc.assert(
      fc.property(oneCall, (events) => {
        const record = foldEvents(events);
        expect(parseCallRecord(JSON.parse(JSON.stringify(record)))).toEqual(record);
      }),
      { numRuns: 1_000 },
    );
  });

  it('without lastEventAt, the default is the latest timestamp: what folding computed, unless a later event left no timestamp', () => {
    fc.assert(
      fc.property(oneCall, (events) => {
        const { lastEventAt, ...rest } = foldEvents(events);
        const defaulted = parseCallRecord(rest).lastEventAt;
        // A disposition, or a second IVM queue message, moves lastEventAt without a timestamp of its own.
        expect(defaulted).toBeLessThanOrEqual(lastEventAt);
        const untimed = events.some((e) => e.type === 'disposition' || (e.type === 'ivm' && e.action === 'queueInfo'));
        if (!untimed) expect(defaulted).toBe(lastEventAt);
      }),
    );
  });

  it('safeParseCallRecord never throws on arbitrary values and objects', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything({ withBigInt: true, withNullPrototype: true, withMap: true }), fc.object()), (input) => {
        const result = safeParseCallRecord(input);
        if (!result.ok) expect(result.error).toBeInstanceOf(ValidationError);
      }),
      { numRuns: 1_000 },
    );
  });
});
