/**
 * numberKey: "+44 …" and "0044 …" are one UK number, but an overseas number written with the
 * international prefix 00 ("001 212 555 0100") keys as "001212…", while "+1 212 555 0100" keys
 * as "1212…". numberKey's own doc says overseas keys "start with their country code"; the two
 * forms of one number are compared as two (repeat rule, distinct CLIs, complaints).
 */
import { describe, expect, it } from 'vitest';
import { createMisuseState, definePolicy, matchComplaint, numberKey, ofcom2017 } from 'dialguard';
import { callAt, HOUR } from './helpers.js';

describe('numberKey for overseas numbers written with 00 or + (A1.21, A2.9)', () => {
  it('"+1 212 555 0100" and "001 212 555 0100" have one key', () => {
    expect(numberKey('001 212 555 0100')).toBe(numberKey('+1 212 555 0100'));
  });

  it('"+353 1 234 5678" and "00353 1 234 5678" have one key', () => {
    expect(numberKey('00353 1 234 5678')).toBe(numberKey('+353 1 234 5678'));
  });

  it('tooManyClis counts one CLI written both ways as one distinct CLI', () => {
    const policy = definePolicy(ofcom2017, { cli: { maxDistinctPerCampaignDay: 1 } });
    const state = createMisuseState(policy, { alertRate: null });
    state.next(callAt('c1', 0, 'live', { cli: '+1 212 555 0100', to: '0113 496 4301' }, policy));
    const second = state.next(callAt('c2', HOUR, 'live', { cli: '001 212 555 0100', to: '0113 496 4302' }, policy));
    expect(second.raised.filter((f) => f.kind === 'tooManyClis')).toEqual([]);
  });

  it('a complaint naming "+1 212 555 0100" finds the call the records wrote as "001 212 555 0100"', () => {
    const call = callAt('c1', 0, 'silent', { to: '001 212 555 0100' });
    const match = matchComplaint({ calledNumber: '+1 212 555 0100' }, [call]);
    expect(match.matchCount).toBe(1);
  });
});
