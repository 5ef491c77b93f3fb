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

describe('repeat history: entries inserted among older and newer ones', () => {
  const cited = (calls: Parameters<typeof misuseAll>[0], maxLatenessMs: number) =>
    misuseAll(calls, ofcom2017, { alertRate: null, maxLatenessMs }).map((u) => {
      const f = u.call.flags.find((x) => x.kind === 'repeatWithin72h');
      return f?.kind === 'repeatWithin72h' ? f.detail.previousCallId : null;
    });

  it('late calls are kept in dial order: the latest dialled before a call is cited, however they arrived', () => {
    const calls = [
      callAt('s10', 10 * HOUR, 'silent', { to: N }),
      callAt('s5', 5 * HOUR, 'silent', { to: N }),
      callAt('s2', 2 * HOUR, 'silent', { to: N }),
      callAt('q', 6 * HOUR, 'silent', { to: N }),
    ];
    expect(cited(calls, 12 * HOUR)).toEqual([null, null, null, 's5']);
  });

  it('a call inserted before a newer one survives the expiry of the call before it', () => {
    const calls = [
      callAt('x', 10 * HOUR, 'silent', { to: N }),
      callAt('p', 85 * HOUR, 'silent', { to: N }), // 75 h after x: no repeat
      callAt('e', 40 * HOUR, 'silent', { to: N }), // 45 h late, between x and p
      callAt('t', 131 * HOUR, 'live', { to: '0113 496 6003' }), // x expires (131 − 72 − 48 = 11 h); e and p are kept
      callAt('q', 84 * HOUR, 'silent', { to: N }), // 47 h late: dialled after e, before p
    ];
    expect(cited(calls, 48 * HOUR)).toEqual([null, null, 'x', null, 'e']);
  });
});
