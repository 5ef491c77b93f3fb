/**
 * numberKey (A2.8–A2.9: "the same number"; A1.21: one CLI) is idempotent — a key is its own
 * key — and every written form of one UK number has one key: the national form. A guard
 * state saves keys and keys them again on restore (`parseGuardState`), so a key that keyed
 * again named another number would lose a silent call's 72 h window on a restart. A `+44`
 * number written with something `normaliseUkNumber` refuses (`(home)`, a trailing `,`,
 * slashes, `mobile`) was keyed as its bare digits `441632960001`, and those digits keyed
 * again as `01632960001`; now such digits, after the `+` or `00`, are keyed as the UK
 * number they name.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { numberKey } from '../../src/misuse/number-key.js';

const digits = (n: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });
/** National UK numbers of 10 and 11 digits (8- and 9-digit ones, 0800 1111, are rarer but keyed the same way). */
const national = fc.oneof(fc.tuple(fc.constantFrom('01', '02', '03', '07', '08'), digits(9)), fc.tuple(fc.constantFrom('0800', '0500'), digits(6))).map(([a, b]) => a + b);

/** Ways a dialler's records write the UK number `n` (national form). */
function writtenForm(n: string, sep: string, form: number, suffix: string): string {
  const nsn = n.slice(1);
  const spaced = (prefix: string, rest: string) => `${prefix}${sep}${rest.slice(0, 4)}${sep}${rest.slice(4)}`;
  const forms = [
    n,
    `${n.slice(0, 5)}${sep}${n.slice(5)}`,
    spaced('+44', nsn),
    spaced('0044', nsn),
    `+44 (0)${nsn}`,
    `44${nsn}`,
    `tel:+44-${nsn.slice(0, 4)}-${nsn.slice(4)}`,
    `sip:+44${nsn}@10.0.0.1:5060;user=phone`,
    `"Unit 5" <sip:${n}@carrier.example>`,
    `${n} ext 7`,
  ];
  return forms[form % forms.length]! + (form < forms.length - 3 ? suffix : '');
}

describe('numberKey: one number, one key (A2.9)', () => {
  it.each([
    ['+44 1632 960001 (home)', '01632960001'],
    ['+44 1632 960001,', '01632960001'],
    ['+44/1632/960001', '01632960001'],
    ['0044 1632 960001 mobile', '01632960001'],
    ['+44 (0)1632 960001 mobile', '01632960001'],
    ['441632960001 (home)', '01632960001'],
  ])('%j is keyed as the national form %j, as every other form of the number', (raw, key) => {
    expect(numberKey(raw)).toBe(key);
    expect(numberKey(numberKey(raw))).toBe(key);
  });

  it('property: the written forms of one UK number share its national form as their key', () => {
    fc.assert(
      fc.property(national, fc.constantFrom(' ', '-', '.', '/', ''), fc.nat({ max: 9 }), fc.constantFrom('', ' (home)', ',', ';', ' mobile', ' '), (n, sep, form, suffix) => {
        expect(numberKey(writtenForm(n, sep, form, suffix))).toBe(n);
      }),
      { numRuns: 2_000 },
    );
  });

  it('property: a key is its own key, for any string (numberKey(numberKey(x)) === numberKey(x))', () => {
    const piece = fc.constantFrom('0', '1', '4', '7', '9', '00', '44', '+', ' ', '-', '/', ',', '(', ')', 'x', 'ext', '#', ';ext=', 'home', 'tel:', 'sip:', '@host', '<', '>', '"A 5" ', '01632', '960001', '1632', '07700', '900123', '*31#');
    const written = fc.oneof(fc.array(piece, { maxLength: 10 }).map((a) => a.join('')), fc.string({ maxLength: 24 }));
    fc.assert(
      fc.property(written, (raw) => {
        const key = numberKey(raw);
        expect(numberKey(key)).toBe(key);
      }),
      { numRuns: 5_000 },
    );
  });
});
