import { describe, expect, it } from 'vitest';
import {
  BASIC_RATE_KINDS,
  classifyUkNumber,
  DRAMA_RANGES,
  isBasicRateKind,
  isDramaNumber,
  normaliseUkNumber,
  toE164,
  toNational,
  UK_NUMBER_KINDS,
  type UkNumberKind,
} from '../../src/numbers/index.js';

interface Row {
  readonly input: string;
  readonly kind: UkNumberKind;
  /** Expected national form; omitted for invalid rows. */
  readonly national?: string;
  readonly drama?: boolean;
  /** A fragment the reason must contain (invalid rows only). */
  readonly reason?: string;
}

const rows: readonly Row[] = [
  // geographic 01 and 02, in every accepted form
  { input: '+441632960123', kind: 'geographic', national: '01632960123', drama: true },
  { input: '00441632960123', kind: 'geographic', national: '01632960123', drama: true },
  { input: '441632960123', kind: 'geographic', national: '01632960123', drama: true },
  { input: '+44 (0)20 7946 0123', kind: 'geographic', national: '02079460123', drama: true },
  { input: '+44 20 7946 0123', kind: 'geographic', national: '02079460123', drama: true },
  { input: '0044 (0) 20 7946 0123', kind: 'geographic', national: '02079460123', drama: true },
  { input: '020 7946 0123', kind: 'geographic', national: '02079460123', drama: true },
  { input: '020-7946-0123', kind: 'geographic', national: '02079460123', drama: true },
  { input: '020.7946.0123', kind: 'geographic', national: '02079460123', drama: true },
  { input: '(020) 7946 0123', kind: 'geographic', national: '02079460123', drama: true },
  { input: ' \t020\u00a07946 0123 ', kind: 'geographic', national: '02079460123', drama: true },
  { input: '020 7946 1123', kind: 'geographic', national: '02079461123', drama: false },
  { input: '0121 234 5678', kind: 'geographic', national: '01212345678', drama: false },
  { input: '0113 496 0999', kind: 'geographic', national: '01134960999', drama: true },
  { input: '0113 497 0000', kind: 'geographic', national: '01134970000', drama: false },
  { input: '0161 496 0000', kind: 'geographic', national: '01614960000', drama: true },
  { input: '0191 498 0500', kind: 'geographic', national: '01914980500', drama: true },
  { input: '0191 496 0500', kind: 'geographic', national: '01914960500', drama: false },
  { input: '028 9649 6123', kind: 'geographic', national: '02896496123', drama: true }, // Ofcom: Northern Ireland 028 9649 6000–6999
  { input: '028 9649 6000', kind: 'geographic', national: '02896496000', drama: true },
  { input: '028 9649 6999', kind: 'geographic', national: '02896496999', drama: true },
  { input: '028 9018 0123', kind: 'geographic', national: '02890180123', drama: false }, // ordinary Belfast numbering
  { input: '029 2018 0123', kind: 'geographic', national: '02920180123', drama: true },
  { input: '023 8000 0000', kind: 'geographic', national: '02380000000', drama: false },
  { input: '024 7600 0000', kind: 'geographic', national: '02476000000', drama: false },
  { input: '01632 960999', kind: 'geographic', national: '01632960999', drama: true },
  { input: '01632 961000', kind: 'geographic', national: '01632961000', drama: false },
  { input: '01204 12345', kind: 'geographic', national: '0120412345' }, // Bolton: mixed area, 10 digits
  { input: '016977 4321', kind: 'geographic', national: '0169774321' }, // Brampton: 4-digit local numbers
  { input: '016974 12345', kind: 'geographic', national: '01697412345' },
  { input: '+44 1946 12345', kind: 'geographic', national: '0194612345' },
  // 03
  { input: '0300 123 4567', kind: 'nonGeographic03', national: '03001234567' },
  { input: '+443331234567', kind: 'nonGeographic03', national: '03331234567' },
  { input: '0345 123 4567', kind: 'nonGeographic03', national: '03451234567' },
  { input: '0370 123 4567', kind: 'nonGeographic03', national: '03701234567' },
  { input: '03069 990123', kind: 'nonGeographic03', national: '03069990123', drama: true },
  // mobile, personal, pager
  { input: '07700 900123', kind: 'mobile', national: '07700900123', drama: true },
  { input: '+44 7700 900999', kind: 'mobile', national: '07700900999', drama: true },
  { input: '07700 901000', kind: 'mobile', national: '07700901000', drama: false },
  { input: '+447911123456', kind: 'mobile', national: '07911123456' },
  { input: '07123 456789', kind: 'mobile', national: '07123456789' },
  { input: '07400 123456', kind: 'mobile', national: '07400123456' },
  { input: '07512-345678', kind: 'mobile', national: '07512345678' },
  { input: '07812 345678', kind: 'mobile', national: '07812345678' },
  { input: '07624 123456', kind: 'mobile', national: '07624123456' }, // Isle of Man
  { input: '07640 123456', kind: 'pager', national: '07640123456' },
  { input: '07623 123456', kind: 'pager', national: '07623123456' },
  { input: '07000 123456', kind: 'personal', national: '07000123456' },
  { input: '+44 70 1234 5678', kind: 'personal', national: '07012345678' },
  // freephone
  { input: '0800 123 4567', kind: 'freephone', national: '08001234567' },
  { input: '0800 123456', kind: 'freephone', national: '0800123456' },
  { input: '0800 1111', kind: 'freephone', national: '08001111' },
  { input: '+44 800 1111', kind: 'freephone', national: '08001111' },
  { input: '0808 123 4567', kind: 'freephone', national: '08081234567' },
  { input: '0808 157 0123', kind: 'freephone', national: '08081570123', drama: true },
  // 084, 087
  { input: '0845 123 4567', kind: 'service084', national: '08451234567' },
  { input: '0843 123 4567', kind: 'service084', national: '08431234567' },
  { input: '0845 4647', kind: 'service084', national: '08454647' },
  { input: '0870 123 4567', kind: 'service087', national: '08701234567' },
  { input: '0871 123 4567', kind: 'service087', national: '08711234567' },
  // 09
  { input: '0909 879 0123', kind: 'premium', national: '09098790123', drama: true },
  { input: '0906 123 4567', kind: 'premium', national: '09061234567' },
  { input: '0911 123 4567', kind: 'premium', national: '09111234567' },
  { input: '0983 123 4567', kind: 'premium', national: '09831234567' },
  // 05
  { input: '0560 123 4567', kind: 'voip', national: '05601234567' },
  { input: '0552 123 4567', kind: 'corporate', national: '05521234567' },
  // 118 and short codes
  { input: '118 118', kind: 'directory118', national: '118118' },
  { input: '118500', kind: 'directory118', national: '118500' },
  { input: '999', kind: 'shortCode', national: '999' },
  { input: '112', kind: 'shortCode', national: '112' },
  { input: '116 123', kind: 'shortCode', national: '116123' },
  { input: '100', kind: 'shortCode', national: '100' },
  // invalid
  { input: '', kind: 'invalid', reason: 'empty' },
  { input: '   ', kind: 'invalid', reason: 'empty' },
  { input: '+', kind: 'invalid', reason: 'malformed' },
  { input: '+44', kind: 'invalid', reason: 'malformed' },
  { input: '0044', kind: 'invalid', reason: 'malformed' },
  { input: '00', kind: 'invalid', reason: 'malformed' },
  { input: '0', kind: 'invalid', reason: 'too short' },
  { input: 'abc', kind: 'invalid', reason: 'not a number' },
  { input: '020 7946 012a', kind: 'invalid', reason: 'not a number' },
  // an extension is not part of the number: the number as written cannot be dialled (numberKey keys the number before it)
  { input: '020 7946 0123 x12', kind: 'invalid', reason: 'has an extension' },
  { input: '0800 123456 ext 7', kind: 'invalid', reason: 'has an extension' },
  { input: '0800 123456 Ext. 7', kind: 'invalid', reason: 'has an extension' },
  { input: '0800 123456 extension 7', kind: 'invalid', reason: 'has an extension' },
  { input: '01204 12345x6', kind: 'invalid', reason: 'has an extension' },
  { input: '0800 123456#7', kind: 'invalid', reason: 'has an extension' },
  { input: '+44 800 123456;ext=7', kind: 'invalid', reason: 'has an extension' },
  { input: '0+20 7946 0123', kind: 'invalid', reason: 'not a number' },
  { input: '++44 20 7946 0123', kind: 'invalid', reason: 'not a number' },
  { input: '+1 212 555 0123', kind: 'invalid', reason: 'not a UK number' },
  { input: '001 212 555 0123', kind: 'invalid', reason: 'not a UK number' },
  { input: '+353 1 234 5678', kind: 'invalid', reason: 'not a UK number' },
  // a country code with no number after it names no line (A1.20, footnote 22): malformed, not an overseas number
  { input: '+33', kind: 'invalid', reason: 'malformed' },
  { input: '+353', kind: 'invalid', reason: 'malformed' },
  { input: '0033', kind: 'invalid', reason: 'malformed' },
  { input: '+1 212', kind: 'invalid', reason: 'malformed' },
  { input: '+35', kind: 'invalid', reason: 'malformed' }, // 35x codes have three digits: a code cut short
  { input: '+683 400', kind: 'invalid', reason: 'malformed' },
  // E.164: at most 15 digits, country code included, written with + or 00 (the boundaries: numbers.property.test.ts)
  { input: '0049 1234 5678 90123', kind: 'invalid', reason: 'not a UK number' },
  { input: '+44 0 0 20 7946 0123', kind: 'invalid', reason: 'malformed' },
  { input: '020 7946 012', kind: 'invalid', reason: 'too short' },
  { input: '020 7946 01234', kind: 'invalid', reason: 'too long' },
  { input: '0207', kind: 'invalid', reason: 'too short' },
  { input: '07700 90012', kind: 'invalid', reason: 'too short' },
  { input: '07700 9001234', kind: 'invalid', reason: 'too long' },
  { input: '01234 56789', kind: 'invalid', reason: 'too short' }, // not a mixed area
  { input: '01697 31234', kind: 'invalid', reason: 'too short' }, // only 016977 has 4-digit local numbers
  { input: '0800 12345', kind: 'invalid', reason: 'too short' },
  { input: '0808 123456', kind: 'invalid', reason: 'too short' },
  { input: '0845 123 456', kind: 'invalid', reason: 'too short' },
  { input: '0412 345 6789', kind: 'invalid', reason: 'not in use' },
  { input: '04', kind: 'invalid', reason: 'not in use' },
  { input: '0612 345 6789', kind: 'invalid', reason: 'not in use' },
  { input: '021 1234 5678', kind: 'invalid', reason: 'not in use' },
  { input: '0101 234 5678', kind: 'invalid', reason: 'not in use' },
  { input: '0119 234 5678', kind: 'invalid', reason: 'not in use' },
  { input: '0310 123 4567', kind: 'invalid', reason: 'not in use' },
  { input: '0500 123456', kind: 'invalid', reason: '0500' },
  { input: '0510 123 4567', kind: 'invalid', reason: 'not in use' },
  { input: '0820 123 4567', kind: 'invalid', reason: 'not in use' },
  { input: '0801 123 4567', kind: 'invalid', reason: 'not in use' },
  { input: '0840 123 4567', kind: 'invalid', reason: 'not in use' },
  { input: '0875 123 4567', kind: 'invalid', reason: 'not in use' },
  { input: '0950 123 4567', kind: 'invalid', reason: 'not in use' },
  { input: '1180', kind: 'invalid', reason: 'too short' },
  { input: '1181234', kind: 'invalid', reason: 'too long' },
  { input: '2079460123', kind: 'invalid', reason: 'no trunk prefix' },
  { input: '12', kind: 'invalid', reason: 'no trunk prefix' },
  { input: '4420794601', kind: 'invalid', reason: 'no trunk prefix' },
  { input: '0'.repeat(40), kind: 'invalid', reason: 'too long' },
];

describe('classifyUkNumber: the National Telephone Numbering Plan, as CLIs are written', () => {
  it.each(rows)('$input → $kind', (row) => {
    const info = classifyUkNumber(row.input);
    expect(info.input).toBe(row.input);
    expect(info.kind).toBe(row.kind);
    expect(info.basicRate).toBe(BASIC_RATE_KINDS.includes(row.kind));
    expect(info.premiumRate).toBe(row.kind === 'premium');
    if (row.kind === 'invalid') {
      expect(info.national).toBeNull();
      expect(info.e164).toBeNull();
      expect(info.drama).toBe(false);
      expect(info.diallable).toBe(false);
      expect(info.reason).toContain(row.reason);
      return;
    }
    expect(info.reason).toBeUndefined();
    expect(info.national).toBe(row.national);
    const hasE164 = row.kind !== 'directory118' && row.kind !== 'shortCode';
    expect(info.e164).toBe(hasE164 ? '+44' + row.national!.slice(1) : null);
    expect(info.drama).toBe(row.drama ?? false);
    expect(info.diallable).toBe(!(row.drama ?? false));
  });

  it('covers every kind', () => {
    const seen = new Set(rows.map((r) => r.kind));
    expect([...seen].sort()).toEqual([...UK_NUMBER_KINDS].sort());
  });

  it('basic rate is exactly geographic, 03, mobile and freephone (footnote 41)', () => {
    expect(UK_NUMBER_KINDS.filter(isBasicRateKind)).toEqual(['geographic', 'nonGeographic03', 'mobile', 'freephone']);
    expect([...BASIC_RATE_KINDS]).toEqual(['geographic', 'nonGeographic03', 'mobile', 'freephone']);
  });

  it('070 and 076 are not mobile; 071–075, 077–079 and 07624 are (footnote 33)', () => {
    const kindOf = (p: string) => classifyUkNumber(p + '0'.repeat(11 - p.length)).kind;
    for (const p of ['071', '072', '073', '074', '075', '077', '078', '079', '07624']) expect(kindOf(p)).toBe('mobile');
    expect(kindOf('070')).toBe('personal');
    expect(kindOf('076')).toBe('pager');
    expect(kindOf('07625')).toBe('pager');
  });
});

describe('normaliseUkNumber', () => {
  it('gives the national and E.164 forms', () => {
    expect(normaliseUkNumber('+441632960123')).toEqual({ national: '01632960123', e164: '+441632960123' });
    expect(normaliseUkNumber('00441632960123')).toEqual({ national: '01632960123', e164: '+441632960123' });
    expect(normaliseUkNumber('+44 (0)20 7946 0123')).toEqual({ national: '02079460123', e164: '+442079460123' });
    expect(normaliseUkNumber('020 7946 0123')).toEqual({ national: '02079460123', e164: '+442079460123' });
    expect(normaliseUkNumber('07700 900123')).toEqual({ national: '07700900123', e164: '+447700900123' });
    expect(normaliseUkNumber('0800 1111')).toEqual({ national: '08001111', e164: '+448001111' });
  });

  it('returns null for what is not a UK number in national or international form', () => {
    for (const s of ['', ' ', '+', 'abc', '+1 212 555 0123', '0012125550123', '118 118', '999', '0207', '020 7946 01234', '+44 0 0 20 7946 0123']) {
      expect(normaliseUkNumber(s)).toBeNull();
    }
  });

  it('checks the form, not the ranges of the plan', () => {
    expect(normaliseUkNumber('0412 345 6789')).toEqual({ national: '04123456789', e164: '+444123456789' });
    expect(classifyUkNumber('0412 345 6789').kind).toBe('invalid');
  });

  it('toE164 and toNational convert between the forms', () => {
    expect(toE164('02079460123')).toBe('+442079460123');
    expect(toNational('+442079460123')).toBe('02079460123');
    expect(toE164('nonsense')).toBeNull();
    expect(toNational('+12125550123')).toBeNull();
  });
});

describe('isDramaNumber', () => {
  it('is true across each whole range of 1,000 and false just outside it', () => {
    for (const { prefix } of DRAMA_RANGES) {
      expect(isDramaNumber(prefix + '000')).toBe(true);
      expect(isDramaNumber(prefix + '999')).toBe(true);
      const next = String(Number(prefix.slice(1)) + 1).padStart(7, '0');
      expect(isDramaNumber('0' + next + '000')).toBe(false);
      expect(classifyUkNumber(prefix + '500').drama).toBe(true);
      expect(classifyUkNumber(prefix + '500').kind).not.toBe('invalid');
    }
  });

  it('accepts the E.164 form too, and rejects other lengths', () => {
    expect(isDramaNumber('+447700900123')).toBe(true);
    expect(isDramaNumber('+447700901123')).toBe(false);
    expect(isDramaNumber('0770090012')).toBe(false);
    expect(isDramaNumber('077009001234')).toBe(false);
  });
});
