/**
 * The repeat history (A2.9) when an entry expires from the middle of a number's calls: a
 * call that arrived before an older, late one expires first, and the number's newer call
 * is still the one cited.
 */
import { describe, expect, it } from 'vitest';
import { misuseAll, ofcom2017 } from '../../src/internals.js';
import { callAt, HOUR } from './helpers.js';

const N = '0113 496 6001';

describe('repeat history: expiry from the middle of a number’s calls', () => {
  it('the newer call stays cited after the one dialled before it expires', () => {
    const calls = [
      callAt('a', 20 * HOUR, 'silent', { to: N }),
      callAt('x', 50 * HOUR, 'silent', { to: N }), // a repeat of a
      callAt('b', 10 * HOUR, 'silent', { to: N }), // 40 h late: dialled before a and x
      callAt('t', 140 * HOUR, 'live', { to: '0113 496 6002' }), // a (20 h) expires: 140 − 72 − 48; x is kept
      callAt('p', 100 * HOUR, 'silent', { to: N }), // 40 h late: 50 h after x
    ];
    const repeats = misuseAll(calls, ofcom2017, { alertRate: null, maxLatenessMs: 48 * HOUR }).map((u) => {
      const f = u.call.flags.find((x) => x.kind === 'repeatWithin72h');
      return f?.kind === 'repeatWithin72h' ? [f.detail.previousCallId, f.detail.gapMs / HOUR] : null;
    });
    expect(repeats).toEqual([null, ['a', 30], null, null, ['x', 50]]);
  });
});

describe('repeat history: a newer call links to the older ones', () => {
  const cited = (calls: Parameters<typeof misuseAll>[0], maxLatenessMs = HOUR) =>
    misuseAll(calls, ofcom2017, { alertRate: null, maxLatenessMs }).map((u) => {
      const f = u.call.flags.find((x) => x.kind === 'repeatWithin72h');
      return f?.kind === 'repeatWithin72h' ? f.detail.previousCallId : null;
    });

  it('a call given twice passes over itself to the call before it', () => {
    expect(cited([callAt('s1', 0, 'silent', { to: N }), callAt('s2', HOUR, 'silent', { to: N }), callAt('s2', HOUR, 'silent', { to: N })])).toEqual([null, 's1', 's1']);
  });

  it('a late call passes over the calls dialled after it to the one before', () => {
    expect(cited([callAt('s1', 0, 'silent', { to: N }), callAt('s2', 10 * HOUR, 'silent', { to: N }), callAt('q', 5 * HOUR, 'silent', { to: N })], 12 * HOUR)).toEqual([null, 's1', 's1']);
  });
});
