import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoToEpochMs, parseOptionalTimestamp, parseTimestamp } from '../../src/validate/index.js';
import { validationError } from './helpers.js';

const T = Date.UTC(2024, 2, 1, 9, 30, 0); // 2024-03-01T09:30:00Z

describe('parseTimestamp', () => {
  it('returns finite numbers as they are', () => {
    for (const n of [0, T, -1, 1.5, Number.MAX_SAFE_INTEGER]) expect(parseTimestamp(n, 'c', 'at')).toBe(n);
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
    ['1969-12-31T23:59:59.999Z', -1],
    ['0050-06-15T12:00:00Z', new Date('0050-06-15T12:00:00Z').getTime()],
    ['0000-01-01T00:00:00Z', new Date('0000-01-01T00:00:00Z').getTime()],
    ['9999-12-31T23:59:59.999Z', new Date('9999-12-31T23:59:59.999Z').getTime()],
  ])('reads ISO %s', (text, expected) => {
    expect(parseTimestamp(text, 'c', 'at')).toBe(expected);
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
        expect(parseTimestamp(new Date(ms).toISOString(), 'c', 'at')).toBe(ms);
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
