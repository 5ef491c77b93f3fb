import { describe, expect, it } from 'vitest';
import { classify, newRecord, type CallRecord } from '../../src/internals.js';
import { INTERNATIONAL_CLI_KIND } from '../../src/rules/cli/index.js';
import { cliNumberFlags } from '../support/rules.js';
import { T0 } from '../support/calls.js';

const record = (cli: string | null): CallRecord =>
  newRecord({ callId: 'k1', campaignId: 'spring', callCentreId: 'leeds', to: '01134961000', cli, agentGuaranteed: false, amd: false, messagePlanned: true, dialAt: T0 });
const judged = (cli: string | null) => cliNumberFlags(record(cli)).map((f) => [f.kind, f.ref, 'numberKind' in f.detail ? f.detail.numberKind : f.detail.reason]);

describe('CLI as a number (A1.20, A2.14, footnote 41)', () => {
  it('basic-rate CLIs raise nothing: geographic, 03, mobile, freephone, in any written form', () => {
    for (const cli of ['0113 496 1999', '+44 113 496 1999', '0300 555 0199', '07700 123456', '0800 123 4567', '0044 (0)20 7123 4567']) expect(judged(cli)).toEqual([]);
  });

  it('a withheld CLI is left to cliWithheld', () => {
    expect(cliNumberFlags(record(null))).toEqual([]);
    expect(cliNumberFlags(record('  '))).toEqual([]);
  });

  it('an invalid CLI is not authentic or valid (A1.20), with the reason', () => {
    const [f] = cliNumberFlags(record('0113 496 19'));
    expect(f).toMatchObject({ kind: 'cliInvalid', callId: 'k1', at: T0, ref: 'A1.20', detail: { cli: '0113 496 19' } });
    expect(f?.kind === 'cliInvalid' && f.detail.reason).toMatch(/too short/);
    expect(judged('abc')[0]?.[0]).toBe('cliInvalid');
    expect(judged('0400 123 4567')[0]?.[0]).toBe('cliInvalid');
  });

  it('a drama number (never allocated) cannot be called back: invalid (A1.20 footnote 22)', () => {
    expect(judged('01632 960999')).toEqual([['cliInvalid', 'A1.20', expect.stringMatching(/drama/)]]);
    expect(judged('0909 879 0123')[0]?.[0]).toBe('cliInvalid'); // a drama premium number is first of all not real
  });

  it('a short code is not a CLI anyone can return: invalid', () => {
    expect(judged('999')).toEqual([['cliInvalid', 'A1.20', expect.stringMatching(/short code/)]]);
  });

  it('a premium-rate 09 CLI is misuse (A1.20)', () => {
    expect(judged('0911 234 5678')).toEqual([['cliPremiumRate', 'A1.20', 'premium']]);
  });

  it('084, 087, 070, 076, 055, 056 and 118 are not basic rate (A2.14, footnote 41)', () => {
    expect(judged('0845 123 4567')).toEqual([['cliNotBasicRate', 'A2.14', 'service084']]);
    expect(judged('0871 234 5678')).toEqual([['cliNotBasicRate', 'A2.14', 'service087']]);
    expect(judged('07000 123456')).toEqual([['cliNotBasicRate', 'A2.14', 'personal']]);
    expect(judged('07600 123456')).toEqual([['cliNotBasicRate', 'A2.14', 'pager']]);
    expect(judged('0561 234 5678')).toEqual([['cliNotBasicRate', 'A2.14', 'voip']]);
    expect(judged('118 118')).toEqual([['cliNotBasicRate', 'A2.14', 'directory118']]);
  });

  it('an overseas CLI is not judged invalid, but returning it is not basic rate', () => {
    expect(judged('+1 212 555 0100')).toEqual([['cliNotBasicRate', 'A2.14', INTERNATIONAL_CLI_KIND]]);
    expect(judged('00 33 1 23 45 67 89')).toEqual([['cliNotBasicRate', 'A2.14', INTERNATIONAL_CLI_KIND]]);
  });

  it('classify raises it on the call, beside any other flag', () => {
    expect(classify(record('0845 123 4567')).flags.map((f) => f.kind)).toContain('cliNotBasicRate');
  });
});
