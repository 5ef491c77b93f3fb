/**
 * The CLI rule (A1.20, A2.14, footnotes 22 and 41) on the ways records write a CLI: it judges
 * the number the string names — the number `numberKey` keys it by — so a CLI written as a
 * tel:/sip: URI or a SIP caller id is not "invalid" for its form; a CLI that names no
 * number (`sip:alice@host`, `+33`) or carries an extension is.
 */
import { describe, expect, it } from 'vitest';
import { numberKey, type ClassifiedCall } from '../../src/index.js';
import { cliVerdict, INTERNATIONAL_CLI_KIND } from '../../src/rules/cli/index.js';
import { callAt } from '../misuse/helpers.js';

const cliFlags = (c: ClassifiedCall) => c.flags.filter((f) => f.kind === 'cliInvalid' || f.kind === 'cliPremiumRate' || f.kind === 'cliNotBasicRate');
const kinds = (cli: string) => cliFlags(callAt(`c-${cli}`, 0, 'live', { cli })).map((f) => f.kind);

describe('a CLI written as a tel:/sip: URI or a SIP caller id is judged by the number it names (A1.20, A2.14)', () => {
  it.each(['tel:+44-113-496-1234', 'sip:+441134961234@10.0.0.1;user=phone', '"Acme Energy" <sip:01134961234@pbx.example>', '<sips:01134961234@10.0.0.1:5061>', '"Unit 5" <0113 496 1234>'])(
    '%s raises no CLI flag: 0113 496 1234 is a valid, basic-rate Leeds number',
    (cli) => {
      expect(numberKey(cli)).toBe('01134961234');
      expect(kinds(cli)).toEqual([]);
    },
  );

  it('the number in the URI is judged as any other: a premium-rate, not-basic-rate, drama or overseas number flags as such', () => {
    expect(cliVerdict('tel:+44-911-234-5678')).toMatchObject({ kind: 'cliPremiumRate', detail: { cli: 'tel:+44-911-234-5678', numberKind: 'premium' } });
    expect(cliVerdict('sip:08451234567@pbx.example')).toMatchObject({ kind: 'cliNotBasicRate', detail: { numberKind: 'service084' } });
    expect(cliVerdict('"Drama" <sip:+447700900123@host>')).toMatchObject({ kind: 'cliInvalid', detail: { reason: expect.stringMatching(/drama/) } });
    expect(cliVerdict('tel:+1-212-555-0100')).toMatchObject({ kind: 'cliNotBasicRate', detail: { numberKind: INTERNATIONAL_CLI_KIND } });
  });

  it('the display name, host and port never count: a name-addr whose address is not valid, or a URI that names no number, is invalid', () => {
    expect(cliVerdict('"0113 496 1234" <sip:0113496@pbx.example>')).toMatchObject({ kind: 'cliInvalid', detail: { reason: expect.stringMatching(/too short/) } });
    for (const cli of ['sip:alice@10.0.0.1', '"Alice" <sip:alice@10.0.0.1>', '"Alice" <>']) expect(kinds(cli)).toEqual(['cliInvalid']);
  });
});

describe('an international CLI that is only a country code names no line (A1.20, footnote 22)', () => {
  it.each(['+33', '+353', '0033', '+1', '00 353'])('%s is cliInvalid, not merely not basic rate', (cli) => {
    expect(kinds(cli)).toEqual(['cliInvalid']);
    expect(cliVerdict(cli)).toMatchObject({ ref: 'A1.20', detail: { reason: expect.stringMatching(/^malformed: a country code without a number/) } });
  });

  it('four digits after the country code, up to 15 digits in all, are an overseas number: not basic rate (A2.14); 16 are too many for E.164', () => {
    expect(kinds('+683 4002')).toEqual(['cliNotBasicRate']);
    expect(kinds('0033 1 23 45 67 89')).toEqual(['cliNotBasicRate']);
    expect(kinds('0049 1234 5678 90123')).toEqual(['cliNotBasicRate']);
    expect(cliVerdict('+49 1234 5678 901234')).toMatchObject({ kind: 'cliInvalid', detail: { reason: expect.stringMatching(/^too long: international numbers/) } });
  });
});

describe('a CLI written with an extension cannot be dialled as presented (A1.20, footnote 22)', () => {
  it.each(['0113 496 1234 x5', '0113 496 1234 ext. 5', '0113 496 1234#5', 'tel:+44-113-496-1234;ext=5', '"Acme" <sip:+441134961234;ext=5@host>'])('%s is cliInvalid, with the extension as the reason', (cli) => {
    expect(kinds(cli)).toEqual(['cliInvalid']);
    expect(cliVerdict(cli)).toMatchObject({ detail: { cli, reason: expect.stringMatching(/^has an extension/) } });
  });

  it('its number is still the number keyed: the same CLI as 0113 496 1234 for tooManyClis and complaints', () => {
    expect(numberKey('0113 496 1234 x5')).toBe(numberKey('0113 496 1234'));
    expect(numberKey('tel:+44-113-496-1234;ext=5')).toBe(numberKey('0113 496 1234'));
  });
});

describe('Ofcom\'s Northern Ireland drama range, 028 9649 6000–6999, as a CLI', () => {
  it('028 9649 6123 is a drama number: cliInvalid', () => {
    expect(kinds('028 9649 6123')).toEqual(['cliInvalid']);
    expect(cliVerdict('028 9649 6123')).toMatchObject({ detail: { reason: expect.stringMatching(/drama/) } });
  });

  it('028 9018 0123 is ordinary Belfast numbering: no flag', () => {
    expect(kinds('028 9018 0123')).toEqual([]);
  });
});
