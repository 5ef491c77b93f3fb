/**
 * Edges of the cross-call rules and the ACR formula that survived mutation
 * (`npm run mutate`): each test fails when its rule is changed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { abandonedCallRate, AcrInputError, newRecord, normaliseUkNumber, numberKey, ofcom2017, type CallRecord } from '../../src/internals.js';
import { isScanningProbe } from '../../src/rules/number-scanning/index.js';
import { T0 } from '../support/calls.js';

const rec = (facts: Partial<CallRecord>): CallRecord => ({
  ...newRecord({ callId: 'r1', campaignId: 'spring', callCentreId: 'leeds', to: '01632960001', cli: '01134961000', agentGuaranteed: false, amd: false, messagePlanned: true, dialAt: T0 }),
  ...facts,
});

describe('numberKey (A2.9, A1.21)', () => {
  it('is the national form of a UK number, else the digits as written, else the string itself', () => {
    expect(numberKey('01632960001')).toBe('01632960001');
    expect(numberKey('+44 1632 960001')).toBe('01632960001');
    expect(numberKey('0044 1632 960001')).toBe('01632960001');
    expect(numberKey('01632 960001')).toBe('01632960001');
    expect(numberKey('+1 (212) 555-0100')).toBe('12125550100');
    expect(numberKey('00 1 212 555 0100')).toBe('12125550100'); // the 00 prefix is the + of the same number
    expect(numberKey('00353 1 234 5678')).toBe(numberKey('+353 1 234 5678'));
    expect(numberKey('0001632960001')).toBe('0001632960001'); // 00 then 0 is no country code: never a UK key
    expect(numberKey('withheld')).toBe('withheld');
  });

  it('keys a tel: or sip: URI by the number in its user part, never by its host, port or parameters', () => {
    expect(numberKey('tel:+441632960001')).toBe('01632960001');
    expect(numberKey('tel:+44-1632-960001;ext=12')).toBe('01632960001');
    expect(numberKey('TEL:01632960001')).toBe('01632960001');
    expect(numberKey('sip:+441632960001@carrier.example;user=phone')).toBe('01632960001');
    expect(numberKey('<sips:01632960001@10.0.0.1:5060>')).toBe('01632960001');
    expect(numberKey('sip:01632960001;isub=7@192.168.1.20')).toBe('01632960001');
    expect(numberKey('sip:+12125550100@gw2.example:5061')).toBe('12125550100');
    // No digits in the user part: the URI is its own key (the host's digits never make one).
    expect(numberKey('sip:alice@10.0.0.1')).toBe('sip:alice@10.0.0.1');
    expect(numberKey('sip:bob@10.0.0.1')).not.toBe(numberKey('sip:alice@10.0.0.1'));
  });

  it('property: a number written as a tel: or sip: URI has the key of the number itself', () => {
    const piece = fc.constantFrom('0', '1', '4', '7', '9', '44', '+', '-', '01632', '960001', '07700', '900123');
    const number = fc.array(piece, { minLength: 1, maxLength: 6 }).map((a) => a.join('')).filter((n) => /[0-9]/.test(n));
    const host = fc.constantFrom('', '@10.0.0.1', '@10.0.0.1:5060', '@carrier.example;user=phone');
    fc.assert(
      fc.property(number, fc.constantFrom('tel:', 'sip:', 'sips:', 'SIP:'), host, fc.constantFrom('', ';ext=99'), (n, scheme, at, params) => {
        const uri = scheme === 'tel:' ? `${scheme}${n}${params}` : `${scheme}${n}${params}${at}`;
        expect(numberKey(uri)).toBe(numberKey(n));
      }),
      { numRuns: 1_000 },
    );
  });

  it('property: equals normaliseUkNumber’s national form, else that of the digits (after a leading + or a 00 before a country code), else those digits, else the input; an extension (x and digits at the end) is cut off first', () => {
    const piece = fc.constantFrom('0', '1', '2', '4', '7', '8', '9', '00', '44', '+', ' ', '-', '(', ')', 'x', '01632', '960001', '07700', '900123');
    const model = (raw: string): string => {
      const digits = raw.replace(/[^0-9]/g, '');
      if (digits === '') return normaliseUkNumber(raw)?.national ?? raw;
      const international = /^00[1-9]/.test(digits) ? digits.slice(2) : raw.trimStart().startsWith('+') ? digits : null;
      return normaliseUkNumber(raw)?.national ?? normaliseUkNumber(international === null ? digits : `+${international}`)?.national ?? international ?? digits;
    };
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }).map((a) => a.join('')), (raw) => {
        const ext = /^([^x]*[0-9][^x]*?) *x *[0-9]+ *$/.exec(raw);
        expect(numberKey(raw)).toBe(model(ext === null ? raw : ext[1]!));
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('abandonedCallRate inputs (Annex 3)', () => {
  it('names the field at fault, with the error code', () => {
    const base = { live: 1, abandoned: 1, machineToAgent: 1 };
    for (const [field, input] of [
      ['live', { ...base, live: -1 }],
      ['abandoned', { ...base, abandoned: -1 }],
      ['machineToAgent', { ...base, machineToAgent: 0.5 }],
      ['abandonedToLive', { ...base, abandonedToLive: -1 }],
      ['abandonedToMachine', { ...base, abandonedToMachine: 1.5 }],
    ] as const) {
      expect(() => abandonedCallRate(input), field).toThrow(new RegExp(`^${field} should be a whole number`));
    }
    try {
      abandonedCallRate({ ...base, live: -1 });
    } catch (e) {
      expect(e).toBeInstanceOf(AcrInputError);
      expect((e as AcrInputError).code).toBe('INVALID_ACR_INPUT');
    }
  });

  it('knowing only the machine share makes the rest known too: no estimate', () => {
    expect(abandonedCallRate({ live: 100, abandoned: 10, abandonedToMachine: 4, machineToAgent: 100 })).toMatchObject({ unknown: 6, x: 3, estimated: true });
    expect(abandonedCallRate({ live: 100, abandoned: 10, abandonedToMachine: 10, machineToAgent: 100 })).toMatchObject({ unknown: 0, x: 0, estimated: false });
    expect(abandonedCallRate({ live: 100, abandoned: 10, machineToAgent: 100 })).toMatchObject({ unknown: 10, x: 5, estimated: true });
  });
});

describe('isScanningProbe (A1.35)', () => {
  it('only an unanswered call the caller ended within 3 s of ringing', () => {
    const probe = rec({ ringingAt: T0 + 500, hangupAt: T0 + 3500, hangupBy: 'caller' });
    expect(isScanningProbe(probe, ofcom2017)).toBe(true);
    expect(isScanningProbe({ ...probe, hangupAt: T0 + 3501 }, ofcom2017)).toBe(false);
    expect(isScanningProbe({ ...probe, answerAt: T0 + 3000 }, ofcom2017)).toBe(false);
    expect(isScanningProbe({ ...probe, hangupBy: 'recipient' }, ofcom2017)).toBe(false);
    expect(isScanningProbe({ ...probe, hangupBy: 'network' }, ofcom2017)).toBe(false);
    expect(isScanningProbe({ ...probe, hangupAt: null, hangupBy: null }, ofcom2017)).toBe(false);
  });
});

describe('ACR counts (A3.3–A3.5)', () => {
  it('countKey files each category and machine kind under its own counter; addCounts adds every counter', async () => {
    const { countKey, addCounts, emptyCounts: empty, COUNT_FIELDS } = await import('../../src/acr/counts.js');
    const base = { record: rec({}), flags: [] };
    expect(countKey({ ...base, category: 'live', answeredBy: 'human' })).toBe('live');
    expect(countKey({ ...base, category: 'abandoned', answeredBy: 'human' })).toBe('abandonedLive');
    expect(countKey({ ...base, category: 'abandoned', answeredBy: 'unknown' })).toBe('abandonedUnknown');
    expect(countKey({ ...base, category: 'silent', answeredBy: 'human' })).toBe('silent');
    expect(countKey({ ...base, category: 'unconnected', answeredBy: null })).toBe('unconnected');
    expect(countKey({ ...base, category: 'answerMachine', answeredBy: 'machine', machine: 'falseNegative' })).toBe('machineToAgent');
    expect(countKey({ ...base, category: 'answerMachine', answeredBy: 'machine', machine: 'disconnectedByAmd' })).toBe('machineDisconnected');
    expect(countKey({ ...base, category: 'answerMachine', answeredBy: 'machine', machine: 'abandoned' })).toBe('machineAbandoned');
    const a = empty();
    const b = Object.fromEntries(COUNT_FIELDS.map((f, i) => [f, i + 1])) as unknown as ReturnType<typeof empty>;
    addCounts(a, b);
    addCounts(a, b);
    expect(a).toEqual(Object.fromEntries(COUNT_FIELDS.map((f, i) => [f, 2 * (i + 1)])));
  });
});

describe('numberKey: a caller id written as a SIP name-addr (RFC 3261 §25.1)', () => {
  it('is keyed by the address in its <…>, never by the display name\'s digits or the host\'s', () => {
    expect(numberKey('"Alice" <sip:01632960001@10.0.0.1:5060>')).toBe('01632960001');
    expect(numberKey('"Unit 5" <01632960001>')).toBe('01632960001');
    expect(numberKey('Sales 2 <tel:+44-1632-960001>')).toBe('01632960001');
    expect(numberKey('"0800 100 200" <+441632960001>')).toBe('01632960001');
    // No digits in the address: its own key, whatever the name says.
    expect(numberKey('"Alice 2" <sip:alice@10.0.0.1>')).toBe('"Alice 2" <sip:alice@10.0.0.1>');
    expect(numberKey('"Alice" <>')).toBe('"Alice" <>');
  });

  it('property: a number as the address of a name-addr, with any display name, has the key of the number itself', () => {
    const piece = fc.constantFrom('0', '1', '4', '7', '44', '+', '-', '01632', '960001', '07700', '900123');
    const number = fc.array(piece, { minLength: 1, maxLength: 6 }).map((a) => a.join('')).filter((n) => /[0-9]/.test(n));
    const name = fc.constantFrom('', '"Alice" ', '"Unit 5" ', 'Sales 2 ', '"0800 100 200" ', '"a <b>" ');
    const wrap = fc.constantFrom((n: string) => n, (n: string) => `sip:${n}@10.0.0.1:5060`, (n: string) => `tel:${n};ext=9`);
    fc.assert(
      fc.property(number, name, wrap, (n, display, uri) => {
        expect(numberKey(`${display}<${uri(n)}>`)).toBe(numberKey(n));
      }),
      { numRuns: 1_000 },
    );
  });
});
