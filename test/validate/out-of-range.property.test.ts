/**
 * Property (issue 11): whatever numbers a record built in code carries — any double, NaN,
 * ±Infinity, ±8.64e15, on the dial or any other timestamp — `audit()` returns, the
 * operators never call `error`, and the calls with a calendar day are counted exactly as
 * they would be without the others.
 */
import fc from 'fast-check';
import { config, from } from 'rxjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acr, acrCounters, audit, classified, hasCalendarDay, misuse, newRecord, ofcom2017, type CallRecord } from '../../src/internals.js';

const T0 = Date.UTC(2026, 10, 23, 10, 0, 0);

const anyTime = fc.oneof(
  fc.double(),
  fc.constantFrom(8.64e15, -8.64e15, 8.64e15 - 1, Number.NaN, Infinity, -Infinity, 0, -62_135_596_800_000, 253_402_300_799_999),
  fc.integer({ min: T0, max: T0 + 86_400_000 * 3 }),
);
const maybeTime = fc.option(anyTime, { nil: null });

const record: fc.Arbitrary<CallRecord> = fc
  .record({
    id: fc.nat(1_000),
    dialAt: anyTime,
    answerAt: maybeTime,
    agentAt: maybeTime,
    messageAt: maybeTime,
    hangupAt: maybeTime,
    ringingAt: maybeTime,
    to: fc.constantFrom('01632960001', '01632960002'),
  })
  .map(({ id, dialAt, to, ...times }) => ({
    ...newRecord({ callId: `c${id}`, campaignId: 'k', callCentreId: 'cc', to, cli: '01134961000', agentGuaranteed: false, amd: false, messagePlanned: true, dialAt }),
    ...times,
  }));

let unhandled: unknown[] = [];
let previous: typeof config.onUnhandledError;
beforeAll(() => {
  previous = config.onUnhandledError;
  config.onUnhandledError = (e) => void unhandled.push(e);
});
afterAll(() => {
  config.onUnhandledError = previous;
});

describe('records with any numbers in their timestamps', () => {
  it('audit() returns, and counts exactly the calls with a calendar day', () => {
    fc.assert(
      fc.property(fc.uniqueArray(record, { selector: (r) => r.callId, maxLength: 12 }), (records) => {
        const result = audit(records, ofcom2017);
        const dated = records.filter((r) => hasCalendarDay(r.dialAt));
        expect(result.calls).toBe(dated.length);
        expect(result.counters).toEqual(audit(dated, ofcom2017).counters);
        expect(result.flagCounts.recordAnomaly ?? 0).toBeGreaterThanOrEqual(records.length - dated.length);
      }),
      { numRuns: 200 },
    );
  });

  it('classified(), misuse(), acr() and acrCounters() never call error, and nothing is rethrown asynchronously', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(record, { maxLength: 12 }), async (records) => {
        unhandled = [];
        const errors: unknown[] = [];
        let done = 0;
        const observer = { error: (e: unknown) => void errors.push(e), complete: () => void done++ };
        from(records).pipe(classified(ofcom2017), misuse(ofcom2017)).subscribe(observer);
        from(records).pipe(classified(ofcom2017), acr({ policy: ofcom2017 })).subscribe(observer);
        from(records).pipe(classified(ofcom2017), acrCounters({ policy: ofcom2017 })).subscribe(observer);
        await new Promise((resolve) => setTimeout(resolve, 0)); // RxJS rethrows an error thrown in next() on a timer
        expect(errors).toEqual([]);
        expect(done).toBe(3);
        expect(unhandled).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });
});
