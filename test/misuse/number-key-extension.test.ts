/**
 * numberKey and an extension written after a number: the extension is not part of the
 * number, so its digits must not join the line's and make another subscriber's key — a false
 * "same number" for the 72-hour rule (A2.8–A2.9), for distinct CLIs (A1.21) and for
 * complaints. 0800 numbers have 10 or 11 digits, and 01204 (Bolton) and the other mixed areas
 * have 10- and 11-digit numbers, so a one-digit extension makes a valid longer number.
 */
import { describe, expect, it } from 'vitest';
import { createMisuseState, matchComplaint, numberKey, ofcom2017 } from '../../src/index.js';
import { callAt, HOUR } from './helpers.js';

describe('numberKey: an extension is cut off, and the number before it keyed (A2.9, A1.21)', () => {
  it('"0800 123456 ext 7" is 0800 123456, not 0800 123 4567', () => {
    expect(numberKey('0800 123456 ext 7')).toBe('0800123456');
    expect(numberKey('0800 123456 ext 7')).not.toBe(numberKey('0800 123 4567'));
  });

  it('"01204 12345 x6" is 01204 12345, not 01204 123456', () => {
    expect(numberKey('01204 12345 x6')).toBe('0120412345');
    expect(numberKey('01204 12345 x6')).not.toBe(numberKey('01204 123456'));
  });

  it.each(['0800 123456 x7', '0800 123456x7', '0800 123456 ext. 7', '0800 123456 Extension 7', '0800 123456#7', '+44 800 123456;ext=7', '"Desk" <0800 123456 x7>'])(
    '%s keys as 0800 123456',
    (raw) => {
      expect(numberKey(raw)).toBe('0800123456');
    },
  );

  it('an overseas number with an extension keys as the number', () => {
    expect(numberKey('+1 212 555 0100 x12')).toBe(numberKey('+1 212 555 0100'));
  });
});

describe('the 72-hour rule and complaints do not take a number with an extension for another number', () => {
  it('a silent call to 01204 123456 does not make a later silent call to "01204 12345 x6" a repeat within 72 h', () => {
    const state = createMisuseState(ofcom2017, { alertRate: null });
    state.next(callAt('s1', 0, 'silent', { to: '01204 123456' }));
    const second = state.next(callAt('s2', HOUR, 'silent', { to: '01204 12345 x6' }));
    expect(second.call.flags.filter((f) => f.kind === 'repeatWithin72h')).toEqual([]);
  });

  it('a silent call to "01204 12345 x6" is a repeat of one to 01204 12345: the same line', () => {
    const state = createMisuseState(ofcom2017, { alertRate: null });
    state.next(callAt('s1', 0, 'silent', { to: '01204 12345' }));
    const second = state.next(callAt('s2', HOUR, 'silent', { to: '01204 12345 x6' }));
    expect(second.call.flags.map((f) => f.kind)).toContain('repeatWithin72h');
  });

  it('a complaint about 0800 123 4567 does not match a call to "0800 123456 ext 7"', () => {
    const call = callAt('c1', 0, 'silent', { to: '0800 123456 ext 7' });
    expect(matchComplaint({ calledNumber: '0800 123 4567' }, [call]).matchCount).toBe(0);
    expect(matchComplaint({ calledNumber: '0800 123456' }, [call]).matchCount).toBe(1);
  });
});
