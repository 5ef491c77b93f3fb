/**
 * The pre-dial guard's CLI refusals (A1.20, A2.14) on the ways a dialler writes a CLI: it
 * refuses by the verdict on the number the string names, the one the classifier flags.
 */
import { describe, expect, it } from 'vitest';
import { createDialGuard, ofcom2017 } from '../../src/index.js';
import { request, T0 } from './helpers.js';

const kinds = (cli: string) => createDialGuard(ofcom2017).check(request(T0, { cli })).reasons.map((r) => r.kind);

describe('pre-dial guard: the CLI as written', () => {
  it.each(['sip:+441134961234@10.0.0.1;user=phone', 'tel:+44-113-496-1234', '"Acme Energy" <sip:01134961234@pbx.example>'])('allows %s: it names 0113 496 1234, a valid basic-rate number', (cli) => {
    expect(kinds(cli)).toEqual([]);
    expect(createDialGuard(ofcom2017).check(request(T0, { cli })).allowed).toBe(true);
  });

  it.each(['+33', '0033', '028 9649 6123'])('refuses %s as cliInvalid (A1.20)', (cli) => {
    expect(kinds(cli)).toEqual(['cliInvalid']);
  });

  it('refuses a CLI with an extension for its extension, and a URI that names no number (A1.20)', () => {
    const reasons = (cli: string) => createDialGuard(ofcom2017).check(request(T0, { cli })).reasons;
    for (const cli of ['0113 496 1234 ext 5', 'tel:+44-113-496-1234;ext=5']) {
      expect(reasons(cli)).toMatchObject([{ kind: 'cliInvalid', ref: 'A1.20', detail: { cli, reason: expect.stringMatching(/^has an extension/) } }]);
    }
    expect(kinds('sip:alice@10.0.0.1')).toEqual(['cliInvalid']);
  });
});
