/**
 * audit() over records built in code that break their type in a field the engine reads:
 * each such record is listed in `rejected` with a ValidationError naming the field, and
 * every other record is counted as if it were not there. Never a bare TypeError.
 */
import { describe, expect, it } from 'vitest';
import { audit, DuplicateCallError, foldEvents, ValidationError, type CallRecord } from '../../src/index.js';
import { callEvents } from '../support/calls.js';

const HOUR = 3_600_000;
const callAt = (callId: string, at: number): CallRecord =>
  foldEvents(callEvents(callId, [['answer', 5000], ['hangup', 9000, 'caller']], { at, to: '01632 960123' })); // silent calls to one number: a repeat at +1 h
const good = [callAt('a', 0), callAt('b', HOUR), callAt('c', 2 * HOUR)];

/** `b` with `field` set to `value` (`undefined`: the field left out). */
function broken(field: string, value: unknown): CallRecord {
  const r: Record<string, unknown> = { ...callAt('bad', HOUR / 2) };
  if (value === undefined) delete r[field];
  else r[field] = value;
  return r as unknown as CallRecord;
}

const CASES: readonly (readonly [string, unknown, string | null])[] = [
  ['callId', undefined, null],
  ['callId', 7, null],
  ['campaignId', undefined, 'bad'],
  ['campaignId', null, 'bad'],
  ['callCentreId', 42, 'bad'],
  ['to', undefined, 'bad'],
  ['to', [], 'bad'],
  ['cli', undefined, 'bad'],
  ['cli', {}, 'bad'],
  ['messageContent', undefined, 'bad'],
  ['messageContent', 'text', 'bad'],
  ['anomalies', undefined, 'bad'],
  ['anomalies', {}, 'bad'],
  ['unknown', 42, 'bad'],
];

describe('audit() and records the engine cannot read', () => {
  const clean = audit(good);

  for (const [field, value, callId] of CASES) {
    it(`${field} ${value === undefined ? 'missing' : `= ${JSON.stringify(value)}`}: rejected with a ValidationError on ${field}; the other calls counted as without it`, () => {
      const result = audit([good[0]!, broken(field, value), good[1]!, good[2]!]);
      expect(result.rejected).toHaveLength(1);
      const [rejected] = result.rejected;
      expect(rejected!.callId).toBe(callId);
      expect(rejected!.error).toBeInstanceOf(ValidationError);
      expect((rejected!.error as ValidationError).path).toBe(field);
      expect(rejected!.error.callId).toBe(callId);
      expect(result.calls).toBe(3);
      expect(result.counters).toEqual(clean.counters);
      expect(result.flagCounts).toEqual(clean.flagCounts);
      expect(result.report).toEqual(clean.report);
    });
  }

  it('a value that is no object at all: rejected, path ""', () => {
    const result = audit([good[0]!, null as unknown as CallRecord, 5 as unknown as CallRecord, good[1]!]);
    expect(result.rejected.map((r) => [r.callId, (r.error as ValidationError).path])).toEqual([
      [null, ''],
      [null, ''],
    ]);
    expect(result.calls).toBe(2);
  });

  it('fields the engine reads in a form it accepts are not rejected: cli null (withheld), unknown absent, an empty id', () => {
    const withheld = { ...good[1]!, cli: null };
    const { unknown: _unknown, ...noUnknown } = good[2]!;
    const result = audit([good[0]!, withheld, noUnknown as CallRecord, { ...good[0]!, callId: '' }]);
    expect(result.rejected).toEqual([]);
    expect(result.calls).toBe(4);
  });

  it('a rejected record holds no call id: a later record with its id is counted, and duplicates are still rejected after it', () => {
    const result = audit([broken('campaignId', undefined), callAt('bad', 0), callAt('bad', HOUR)]);
    expect(result.rejected.map((r) => r.error.constructor)).toEqual([ValidationError, DuplicateCallError]);
    expect(result.calls).toBe(1);
  });
});
