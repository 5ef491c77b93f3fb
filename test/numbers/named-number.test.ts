/**
 * The number a string names (src/numbers/named-number.ts, src/numbers/extension.ts): the one
 * reading `numberKey` (A1.21, A2.9) and the CLI rule (A1.20, A2.14) share — a SIP caller
 * id's address, a tel:/sip: URI's user part, and a number cut at its extension.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { namedNumber, splitExtension } from '../../src/numbers/index.js';

describe('splitExtension: a number written with an extension (A1.20, A2.9)', () => {
  it.each([
    ['0800 123456 ext 7', '0800 123456', '7'],
    ['0800 123456 ext. 7', '0800 123456', '7'],
    ['0800 123456 Ext: 7', '0800 123456', '7'],
    ['0800 123456 EXTENSION 7', '0800 123456', '7'],
    ['01204 12345 x6', '01204 12345', '6'],
    ['01204 12345x6', '01204 12345', '6'],
    ['01204 12345 X 6 ', '01204 12345', '6'],
    ['0800 123456#7', '0800 123456', '7'],
    ['0800 123456 # 7', '0800 123456', '7'],
    ['+44 800 123456;ext=7', '+44 800 123456', '7'],
    ['+1 (212) 555-0100 x1234', '+1 (212) 555-0100', '1234'],
  ])('%j is %j with extension %j', (text, number, extension) => {
    expect(splitExtension(text)).toEqual({ number, extension });
  });

  it.each(['0800 123456', '0800 123456 x', 'x6', 'ext 7', 'box 7', '0800 123456 fax 7', 'Flat 2 x 6', '0800 123456 x6 x7', '#7', '0800;123456 x6'])('%j has no extension', (text) => {
    expect(splitExtension(text)).toBeNull();
  });

  it('property: any number written with any marker and extension splits back into the two', () => {
    const number = fc.string({ unit: fc.constantFrom(...'0123456789 -()+'), minLength: 1, maxLength: 20 }).filter((s) => /[0-9]/.test(s) && s.trimEnd() === s);
    const marker = fc.constantFrom(' x', 'x', ' X ', ' ext ', ' ext.', ' Ext. ', ' ext: ', ' extension ', '#', ' # ', ';ext=');
    const extension = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(number, marker, extension, (n, m, e) => {
        expect(splitExtension(`${n}${m}${e}`)).toEqual({ number: n, extension: e });
      }),
      { numRuns: 1_000 },
    );
  });

  it('is linear in the length of the text: a 1 MB string of digits and spaces is read at once', () => {
    const long = '7 '.repeat(500_000) + 'x6';
    const t = performance.now();
    expect(splitExtension(long)?.extension).toBe('6');
    expect(splitExtension(long.slice(0, -2))).toBeNull();
    expect(performance.now() - t).toBeLessThan(1_000);
  });
});

describe('namedNumber: the number a caller id, a URI or a plain string names', () => {
  it.each([
    ['01134961234', '01134961234', null],
    ['tel:+44-113-496-1234', '+44-113-496-1234', null],
    ['tel:+44-113-496-1234;ext=7', '+44-113-496-1234', '7'],
    ['sip:+441134961234@10.0.0.1;user=phone', '+441134961234', null],
    ['sip:01134961234;isub=7@10.0.0.1', '01134961234', null],
    ['SIPS:01134961234@pbx.example:5061', '01134961234', null],
    ['"Acme Energy" <sip:01134961234@pbx.example>', '01134961234', null],
    ['"Unit 5" <01632960001>', '01632960001', null],
    ['"Unit 5" <01632960001 x12>', '01632960001', '12'],
    ['sip:alice@10.0.0.1', 'alice', null],
    ['0800 123456 ext 7', '0800 123456', '7'],
    ['withheld', 'withheld', null],
  ] as const)('%j names %j (extension %j)', (raw, number, extension) => {
    expect(namedNumber(raw)).toEqual({ number, extension });
  });
});
