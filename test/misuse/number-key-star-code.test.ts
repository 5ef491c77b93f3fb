/**
 * numberKey (via namedNumber → splitExtension): a number dialled with a GSM
 * supplementary-service prefix `*31#` (present the CLI on this call) is not "number `*31`,
 * extension <the number>": each recipient keeps its own key (its digits), as with `#31#…`,
 * so calls to different people never count as calls to one number (A2.9 repeats, A1.35
 * scanning marks, guard state, complaints).
 */
import { describe, expect, it } from 'vitest';
import { createMisuseState, ofcom2017 } from '../../src/index.js';
import { numberKey } from '../../src/misuse/number-key.js';
import { classifiedAs, T0 } from '../support/heap.js';

describe('numberKey: a *31# prefix is not a number with an extension', () => {
  it('two different recipients dialled with *31# keep different keys', () => {
    const a = numberKey('*31#07700900123');
    const b = numberKey('*31#07700900456');
    // Not both "31" (the text before "#" taken as the number, the recipient as its extension).
    expect(a).not.toBe(b);
    expect(a).not.toBe('31');
  });

  it('a silent call to one *31# number is not a 72 h repeat of a silent call to another', () => {
    const state = createMisuseState(ofcom2017, { alertRate: null });
    state.next(classifiedAs('s1', T0, 'silent', { to: '*31#07700900123' }));
    const second = state.next(classifiedAs('s2', T0 + 3_600_000, 'silent', { to: '*31#07700900456' }));
    expect(second.raised.filter((f) => f.kind === 'repeatWithin72h')).toEqual([]);
  });
});
