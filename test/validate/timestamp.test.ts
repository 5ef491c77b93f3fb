import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_VALID_TIME, isoToEpochMs, parseCallEvent, parseCallRecord, parseOptionalTimestamp, parseTimestamp, safeParseCallRecord, ValidationError } from '../../src/internals.js';
import { validationError } from './helpers.js';

const T = Date.UTC(2024, 2, 1, 9, 30, 0); // 2024-03-01T09:30:00Z

describe('parseTimestamp', () => {
  it('returns finite numbers in the valid time range as they are', () => {
    for (const n of [DEFAULT_VALID_TIME.from, T, T + 1.5, DEFAULT_VALID_TIME.to - 1]) expect(parseTimestamp(n, 'c', 'at')).toBe(n);
    const all = { from: -62_135_424_000_000, to: 253_402_128_000_000 };
    for (const n of [0, -1, 1.5]) expect(parseTimestamp(n, 'c', 'at', all)).toBe(n);
  });

  it.each([
    ['2024-03-01T09:30:00Z', T],
    ['2024-03-01t09:30:00z', T],
    ['2024-03-01 09:30:00Z', T],
    ['2024-03-01T09:30Z', T],
    ['2024-03-01T09:30:00.123Z', T + 123],
    ['2024-03-01T09:30:00,5Z', T + 500],
    ['2024-03-01T09:30:00.12Z', T + 120],
    ['2024-03-01T09:30:00.123999Z', T + 123],
    ['2024-03-01T10:30:00+01:00', T],
    ['2024-03-01T10:30:00+0100', T],
    ['2024-03-01T10:30:00+01', T],
    ['2024-03-01T04:00:00-05:30', T],
    ['2024-03-01T09:30:00-00:00', T],
    ['2024-03-01T00:30:00+23:00', T - 32 * 3_600_000],
    ['2024-02-29T00:00:00Z', Date.UTC(2024, 1, 29)],
    ['2000-02-29T00:00:00Z', Date.UTC(2000, 1, 29)],
  ])('reads ISO %s', (text, expected) => {
    expect(parseTimestamp(text, 'c', 'at')).toBe(expected);
  });

  it.each([
    ['1969-12-31T23:59:59.999Z', -1],
    ['0050-06-15T12:00:00Z', new Date('0050-06-15T12:00:00Z').getTime()],
    ['0001-01-01T00:00:00Z', -62_135_596_800_000],
    ['0099-12-31T23:59:59Z', -59_011_459_201_000],
    ['0000-01-01T00:00:00Z', new Date('0000-01-01T00:00:00Z').getTime()],
    ['9999-12-31T23:59:59.999Z', new Date('9999-12-31T23:59:59.999Z').getTime()],
  ])('isoToEpochMs converts %s (years 0–99 are not read as 1900–1999)', (text, expected) => {
    expect(isoToEpochMs(text)).toBe(expected);
  });

  it.each([
    '2024-03-01T09:30:00',
    '2024-03-01T09:30',
    '2024-03-01 09:30:00.250',
  ])('refuses %s: no zone, ambiguous', (text) => {
    const error = validationError(() => parseTimestamp(text, 'c7', 'hangupAt'));
    expect(error.path).toBe('hangupAt');
    expect(error.callId).toBe('c7');
    expect(error.expected).toBe('an ISO-8601 date-time with a zone (Z or ±hh:mm): without one the time is ambiguous');
  });

  it.each([
    '',
    '2024-03-01',
    '2024-03-01Z',
    '1709285400000',
    '1709285400',
    'Fri, 01 Mar 2024 09:30:00 GMT',
    '2024-03-01T09:30:00 Z',
    ' 2024-03-01T09:30:00Z',
    '2024-03-01T09:30:00Z ',
    '2024-3-1T09:30:00Z',
    '2024-13-01T09:30:00Z',
    '2024-00-01T09:30:00Z',
    '2024-02-30T09:30:00Z',
    '2023-02-29T09:30:00Z',
    '1900-02-29T09:30:00Z',
    '2024-04-31T09:30:00Z',
    '2024-03-01T24:00:00Z',
    '2024-03-01T09:60:00Z',
    '2024-03-01T09:30:60Z',
    '2024-03-01T09:30:00.Z',
    '2024-03-01T09:30:00+1:00',
    '2024-03-01T09:30:00+24:00',
    '2024-03-01T09:30:00+01:60',
    '2024-03-01T09:30:00+01:0',
    '2024-03-01T09:30:00+01:000',
    '2024-03-01T09:30:00ZZ',
    '2024-03-01T09:30:00+01:00[Europe/London]',
    '+002024-03-01T09:30:00Z',
    '２０２４-03-01T09:30:00Z',
  ])('refuses %j', (text) => {
    const error = validationError(() => parseTimestamp(text, 'c8', 'at'));
    expect(error.path).toBe('at');
    expect(error.callId).toBe('c8');
    expect(error.received).toBe(JSON.stringify(text));
  });

  it('refuses non-finite numbers and other types, naming the call and field', () => {
    for (const value of [Number.NaN, Infinity, -Infinity, null, undefined, true, {}, [], 1n]) {
      const error = validationError(() => parseTimestamp(value, null, 'dialAt'));
      expect(error.path).toBe('dialAt');
      expect(error.callId).toBeNull();
    }
    expect(validationError(() => parseTimestamp(Number.NaN, 'c1', 'at')).message).toBe(
      'call c1: at should be epoch milliseconds (a finite number) or an ISO-8601 date-time with a zone, e.g. "2024-03-01T09:30:00Z" or "2024-03-01T09:30:00+01:00", received NaN',
    );
  });

  it('agrees with Date for every instant written by toISOString (years 0000–9999)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -62_167_219_200_000, max: 253_402_300_799_999 }), (ms) => {
        expect(isoToEpochMs(new Date(ms).toISOString())).toBe(ms);
      }),
    );
  });

  it('agrees with Date.parse on date-times with an offset', () => {
    const two = (n: number): string => String(n).padStart(2, '0');
    fc.assert(
      fc.property(
        fc.integer({ min: 1970, max: 2200 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        fc.integer({ min: 0, max: 59 }),
        fc.integer({ min: 0, max: 999 }),
        fc.constantFrom('+', '-'),
        fc.integer({ min: 0, max: 14 }),
        fc.constantFrom(0, 30, 45),
        (y, mo, d, h, mi, s, ms, sign, oh, om) => {
          const text = `${y}-${two(mo)}-${two(d)}T${two(h)}:${two(mi)}:${two(s)}.${String(ms).padStart(3, '0')}${sign}${two(oh)}:${two(om)}`;
          expect(isoToEpochMs(text)).toBe(Date.parse(text));
        },
      ),
    );
  });

  it('isoToEpochMs returns NaN or a finite number for any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const ms = isoToEpochMs(text);
        expect(Number.isNaN(ms) || Number.isFinite(ms)).toBe(true);
      }),
    );
  });
});

describe('parseOptionalTimestamp', () => {
  it('reads undefined, null and an empty CSV cell as absent', () => {
    for (const value of [undefined, null, '']) expect(parseOptionalTimestamp(value, 'c', 'answerAt')).toBeNull();
  });

  it('checks anything else like parseTimestamp', () => {
    expect(parseOptionalTimestamp('2024-03-01T09:30:00Z', 'c', 'answerAt')).toBe(T);
    expect(validationError(() => parseOptionalTimestamp('soon', 'c', 'answerAt')).path).toBe('answerAt');
  });
});

describe('the valid time range (default 2000-01-01T00:00Z inclusive to 2100-01-01T00:00Z exclusive)', () => {
  const FROM = Date.UTC(2000, 0, 1);
  const TO = Date.UTC(2100, 0, 1);

  it('is documented data', () => {
    expect(DEFAULT_VALID_TIME).toEqual({ from: FROM, to: TO });
    expect(Object.isFrozen(DEFAULT_VALID_TIME)).toBe(true);
  });

  it('accepts its first instant and the last millisecond before its end; refuses one millisecond either side', () => {
    expect(parseTimestamp(FROM, 'c', 'at')).toBe(FROM);
    expect(parseTimestamp('2099-12-31T23:59:59.999Z', 'c', 'at')).toBe(TO - 1);
    for (const value of [FROM - 1, TO, '1999-12-31T23:59:59.999Z', '2100-01-01T00:00:00Z', '2100-01-01T01:00:00+01:00']) {
      const error = validationError(() => parseTimestamp(value, 'c3', 'hangupAt'));
      expect(error.path).toBe('hangupAt');
      expect(error.callId).toBe('c3');
      expect(error.expected).toBe('a time from 2000-01-01T00:00:00.000Z (inclusive) to 2100-01-01T00:00:00.000Z (exclusive), the valid time range');
      expect(error.received).toBe(typeof value === 'string' ? JSON.stringify(value) : String(value));
    }
  });

  it('refuses the usual mistakes: 0, seconds read as ms, microseconds, the largest Date', () => {
    for (const value of [0, 1_709_285_400, 1_709_285_400_000_000, 8.64e15, -8.64e15, '0001-01-01T00:00:00Z', '9999-12-31T23:59:59Z']) {
      expect(() => parseTimestamp(value, 'c', 'at')).toThrow(ValidationError);
    }
  });

  it('is checked on every timestamp of an event and of a record, and the safe forms return the error', () => {
    expect(validationError(() => parseCallEvent({ type: 'answer', callId: 'e', at: 8.64e15 })).path).toBe('at');
    const record = { callId: 'r', campaignId: 'k', callCentreId: 'cc', to: '0113', cli: null, agentGuaranteed: false, amd: false, messagePlanned: false, dialAt: T };
    expect(validationError(() => parseCallRecord({ ...record, dialAt: -8.64e15 })).path).toBe('dialAt');
    expect(validationError(() => parseCallRecord({ ...record, hangupAt: '2100-01-01T00:00:00Z' })).path).toBe('hangupAt');
    expect(validationError(() => parseCallRecord({ ...record, lastEventAt: 1e300 })).path).toBe('lastEventAt');
    const anomaly = { kind: 'beforeDial', event: 'answer', at: 5, detail: '' };
    expect(validationError(() => parseCallRecord({ ...record, anomalies: [anomaly] })).path).toBe('anomalies.0.at');
    const safe = safeParseCallRecord({ ...record, dialAt: 0 });
    expect(safe.ok).toBe(false);
    if (!safe.ok) expect(safe.error.path).toBe('dialAt');
  });

  it('can be set per parse with { validTime }', () => {
    const validTime = { from: 0, to: FROM };
    expect(parseCallEvent({ type: 'answer', callId: 'e', at: 5 }, { validTime })).toEqual({ type: 'answer', callId: 'e', at: 5 });
    expect(validationError(() => parseCallEvent({ type: 'answer', callId: 'e', at: T }, { validTime })).expected).toBe(
      'a time from 1970-01-01T00:00:00.000Z (inclusive) to 2000-01-01T00:00:00.000Z (exclusive), the valid time range',
    );
  });

  it('a bad validTime option is a programming error: RangeError, even from the safe forms', () => {
    for (const validTime of [{ from: 2, to: 1 }, { from: Number.NaN, to: 1 }, { from: 0, to: 8.64e15 }, { from: -8.64e15, to: 0 }]) {
      expect(() => parseCallEvent({}, { validTime })).toThrow(RangeError);
      expect(() => safeParseCallRecord({}, { validTime })).toThrow(RangeError);
    }
  });

  it('property: a finite number is accepted exactly when it lies in the range', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: FROM - 1_000, max: FROM + 1_000 }), fc.integer({ min: TO - 1_000, max: TO + 1_000 })),
        (ms) => {
          const inRange = ms >= FROM && ms < TO;
          if (inRange) expect(parseTimestamp(ms, 'c', 'at')).toBe(ms);
          else expect(() => parseTimestamp(ms, 'c', 'at')).toThrow(ValidationError);
        },
      ),
    );
  });
});
