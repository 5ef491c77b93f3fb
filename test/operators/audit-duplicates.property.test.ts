import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { audit, DuplicateCallError, foldEvents, type CallRecord } from '../../src/index.js';
import { callEvents } from '../support/calls.js';

const base: CallRecord = foldEvents(callEvents('x', [['answer', 5000], ['agent', 5500], ['hangup', 60_000, 'caller']]));
const withId = (callId: string): CallRecord => ({ ...base, callId });

/** The model: the first record of each id counts, every later one is rejected, in order. */
function model(ids: readonly string[]): { calls: number; rejected: string[] } {
  const seen = new Set<string>();
  const rejected: string[] = [];
  for (const id of ids) {
    if (seen.has(id)) rejected.push(id);
    else seen.add(id);
  }
  return { calls: seen.size, rejected };
}

describe('audit() duplicate call ids', () => {
  it('counts the first record of each id and rejects every later one, in order, for any ids', () => {
    const id = fc.oneof(fc.constantFrom('', 'a', 'b', 'c1', 'c10', '1c'), fc.string({ maxLength: 6 }), fc.string({ unit: 'binary', maxLength: 4 }));
    fc.assert(
      fc.property(fc.array(id, { maxLength: 300 }), (ids) => {
        const result = audit(ids.map(withId), undefined, { misuse: false });
        const expected = model(ids);
        expect(result.calls).toBe(expected.calls);
        expect(result.rejected.map((r) => r.callId)).toEqual(expected.rejected);
        for (const r of result.rejected) expect(r.error).toBeInstanceOf(DuplicateCallError);
      }),
    );
  });

  it('tells thousands of ids apart, from an array (its table made at size) or any iterable (its table grows), and still finds each one again', () => {
    function* each(records: readonly CallRecord[]): Generator<CallRecord> {
      yield* records;
    }
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4000 }), fc.integer({ min: 0, max: 1_000_000 }), fc.boolean(), (n, offset, asArray) => {
        const ids = Array.from({ length: n }, (_, i) => `c${offset + i}`);
        const again = ids.filter((_, i) => i % 7 === 0);
        const records = [...ids, ...again].map(withId);
        const result = audit(asArray ? records : each(records), undefined, { misuse: false });
        expect(result.calls).toBe(n);
        expect(result.rejected.map((r) => r.callId)).toEqual(again);
      }),
      { numRuns: 20 },
    );
  });
});
