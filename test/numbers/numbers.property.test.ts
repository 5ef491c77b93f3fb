import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  BASIC_RATE_KINDS,
  classifyUkNumber,
  DRAMA_RANGES,
  isDramaNumber,
  normaliseUkNumber,
  toE164,
  toNational,
  type UkNumberKind,
} from '../../src/numbers/index.js';

const digits = (n: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });
const oneOf = (...xs: string[]) => fc.constantFrom(...xs);
const join = (...parts: fc.Arbitrary<string>[]) => fc.tuple(...parts).map((xs) => xs.join(''));
const lit = (s: string) => fc.constant(s);

const MIXED_01 = ['01204', '01254', '01386', '01524', '01629', '01695', '01768', '01946', '01995', '016977'];

/** Valid national numbers of each kind (not 118/short codes, which have no E.164 form). */
const byKind: Record<Exclude<UkNumberKind, 'invalid' | 'directory118' | 'shortCode'>, fc.Arbitrary<string>> = {
  geographic: fc.oneof(
    join(lit('02'), oneOf('0', '3', '4', '8', '9'), digits(8)),
    join(lit('011'), oneOf('3', '4', '5', '6', '7', '8'), digits(7)),
    join(lit('01'), oneOf('2', '3', '4', '5', '6', '7', '8', '9'), digits(8)),
    fc.constantFrom(...MIXED_01).chain((area) => join(lit(area), digits(10 - area.length))),
  ),
  nonGeographic03: join(lit('03'), oneOf('0', '3', '4', '7'), digits(8)),
  mobile: fc.oneof(join(lit('07'), oneOf('1', '2', '3', '4', '5', '7', '8', '9'), digits(8)), join(lit('07624'), digits(6))),
  personal: join(lit('070'), digits(8)),
  pager: join(lit('076'), digits(8)).filter((s) => !s.startsWith('07624')),
  freephone: fc.oneof(join(lit('0800'), digits(7)), join(lit('0800'), digits(6)), join(lit('0808'), digits(7)), lit('08001111')),
  service084: fc.oneof(join(lit('084'), oneOf('2', '3', '4', '5'), digits(7)), lit('08454647')),
  service087: join(lit('087'), oneOf('0', '1', '2', '3'), digits(7)),
  premium: join(lit('09'), oneOf('0', '1', '8'), digits(8)),
  corporate: join(lit('055'), digits(8)),
  voip: join(lit('056'), digits(8)),
};

const kindAndNational = fc.oneof(
  ...Object.entries(byKind).map(([kind, arb]) => arb.map((national) => ({ kind: kind as UkNumberKind, national }))),
);

const drama = fc.constantFrom(...DRAMA_RANGES).chain((r) => digits(3).map((d) => r.prefix + d));

/** The ways a valid national number is written (a bare 44 only for 10- and 11-digit numbers). */
const written = (national: string) => {
  const nsn = national.slice(1);
  const forms = [national, '+44' + nsn, '0044' + nsn, '+44(0)' + nsn, '+44 (0) ' + nsn];
  if (national.length >= 10) forms.push('44' + nsn);
  return fc.constantFrom(...forms);
};

/** Anything: valid numbers in every form, short codes, and random digit strings with or without +. */
const anyNumber = fc.oneof(
  kindAndNational.chain(({ national }) => written(national)),
  drama,
  oneOf('118118', '118500', '999', '112', '116123', '1180', '118'),
  join(oneOf('', '+', '00', '0', '44', '+44'), fc.string({ unit: fc.constantFrom(...'0123456789'), maxLength: 16 })),
);

/** Inserts formatting characters at random places. */
const withNoise = (s: string) =>
  fc
    .array(fc.tuple(fc.nat({ max: s.length }), fc.constantFrom(' ', '-', '.', '(', ')', '  ', '\t')), { maxLength: 8 })
    .map((inserts) => {
      let out = s;
      for (const [at, noise] of inserts) {
        const i = Math.min(at, out.length);
        out = out.slice(0, i) + noise + out.slice(i);
      }
      return out;
    });

const withoutInput = ({ input: _input, ...rest }: ReturnType<typeof classifyUkNumber>) => rest;

describe('numbers: properties', () => {
  it('round trips national ⇄ E.164 for valid numbers of each kind, and the kind survives', () => {
    fc.assert(
      fc.property(kindAndNational, ({ kind, national }) => {
        const n = normaliseUkNumber(national);
        expect(n).not.toBeNull();
        expect(n!.national).toBe(national);
        expect(n!.e164).toBe('+44' + national.slice(1));
        expect(toNational(n!.e164)).toBe(national);
        expect(toE164(national)).toBe(n!.e164);
        expect(normaliseUkNumber(n!.e164)).toEqual(n);
        const a = classifyUkNumber(national);
        const b = classifyUkNumber(n!.e164);
        expect(a.kind).toBe(kind);
        expect(withoutInput(b)).toEqual(withoutInput(a));
      }),
      { numRuns: 2000 },
    );
  });

  it('every written form of a valid number classifies the same', () => {
    fc.assert(
      fc.property(kindAndNational.chain(({ national }) => fc.tuple(fc.constant(national), written(national))), ([national, form]) => {
        expect(withoutInput(classifyUkNumber(form))).toEqual(withoutInput(classifyUkNumber(national)));
      }),
      { numRuns: 1000 },
    );
  });

  it('formatting noise never changes the classification', () => {
    fc.assert(
      fc.property(anyNumber.chain((s) => fc.tuple(fc.constant(s), withNoise(s))), ([clean, noisy]) => {
        expect(withoutInput(classifyUkNumber(noisy))).toEqual(withoutInput(classifyUkNumber(clean)));
        expect(normaliseUkNumber(noisy)).toEqual(normaliseUkNumber(clean));
      }),
      { numRuns: 3000 },
    );
  });

  it('basicRate is true exactly for geographic, 03, mobile and freephone; the other flags follow the kind', () => {
    fc.assert(
      fc.property(fc.oneof(anyNumber, fc.string(), fc.string({ unit: 'grapheme' })), (s) => {
        const info = classifyUkNumber(s);
        expect(info.basicRate).toBe(BASIC_RATE_KINDS.includes(info.kind));
        expect(info.premiumRate).toBe(info.kind === 'premium');
        expect(info.diallable).toBe(info.kind !== 'invalid' && !info.drama);
        expect(info.national === null).toBe(info.kind === 'invalid');
        expect(info.reason === undefined).toBe(info.kind !== 'invalid');
        if (info.drama) expect(isDramaNumber(info.national!)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('drama numbers are valid numbers of their kind, never diallable', () => {
    fc.assert(
      fc.property(drama, (national) => {
        const info = classifyUkNumber(national);
        expect(info.kind).not.toBe('invalid');
        expect(info.drama).toBe(true);
        expect(info.diallable).toBe(false);
      }),
    );
  });
});

/**
 * Country codes other than 44, by length (ITU-T E.164): the one-digit 1 and 7, two-digit
 * codes, and three-digit ones, including codes whose first two digits are no two-digit code.
 */
const OVERSEAS_CODES = ['1', '7', '20', '27', '33', '49', '61', '86', '98', '212', '353', '354', '420', '683', '690', '880', '971'];

describe('numbers: digits after an overseas country code (A1.20, footnote 22; E.164)', () => {
  it('fewer than 4 is malformed (no line), 4 up to 15 digits in all is an overseas number, more is too long; with + or 00', () => {
    fc.assert(
      fc.property(fc.constantFrom(...OVERSEAS_CODES), fc.integer({ min: 0, max: 16 }).chain((n) => digits(n)), oneOf('+', '00', '+ ', '00 '), (cc, rest, prefix) => {
        const info = classifyUkNumber(`${prefix}${cc} ${rest}`);
        expect(info.kind).toBe('invalid');
        const expected = rest.length < 4 ? 'malformed' : cc.length + rest.length <= 15 ? 'not a UK number' : 'too long';
        expect(info.reason?.startsWith(expected), `${prefix}${cc} ${rest}: ${info.reason}`).toBe(true);
      }),
      { numRuns: 3_000 },
    );
  });

  it('the boundaries: 3 digits after the code is malformed, 4 is a number; 15 digits in all is a number, 16 is not', () => {
    for (const cc of OVERSEAS_CODES) {
      for (const prefix of ['+', '00']) {
        const reason = (n: number) => classifyUkNumber(prefix + cc + '5'.repeat(n)).reason ?? '';
        expect(reason(3)).toMatch(/^malformed/);
        expect(reason(4)).toMatch(/^not a UK number/);
        expect(reason(15 - cc.length)).toMatch(/^not a UK number/);
        expect(reason(16 - cc.length)).toMatch(/^too long/);
      }
    }
  });
});
