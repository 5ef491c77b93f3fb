/**
 * Save and restore, and the number key (A2.9: "the same number"). `record` keys a call with
 * `numberKey`, `toJSON` saves the key, and `parseGuardState` keys it again: a restored
 * guard answers every check as the guard it was saved from, because a key is its own key.
 * A silent call to `+44 1632 960001 (home)` was keyed `441632960001`, and on restore
 * `01632960001`: the redial the guard refused before the restart was allowed after it
 * (and, in a running guard, a redial to `01632 960001` was never matched).
 */
import { describe, expect, it } from 'vitest';
import { createDialGuard, dialGuardFromJSON, ofcom2017 } from '../../src/index.js';
import { call, HOUR, request, T0 } from './helpers.js';

describe('guard state — a restart does not change which number a call was to (A2.9)', () => {
  it.each(['+44 1632 960001 (home)', '+44 1632 960001,', '+44/1632/960001', '0044 1632 960001 mobile', '+44 (0)1632 960001 mobile'])(
    'a silent call to %j: the guard restored from toJSON() still refuses the same redial',
    (to) => {
      const original = createDialGuard(ofcom2017);
      original.record(call('s1', T0, 'silent', { to }));
      expect(original.check(request(T0 + HOUR, { to })).allowed).toBe(false);
      const restored = dialGuardFromJSON(JSON.stringify(original), ofcom2017);
      expect(restored.toJSON()).toEqual(original.toJSON());
      expect(restored.toJSON().calls[0]![0]).toBe('01632960001');
      expect(restored.check(request(T0 + HOUR, { to }))).toEqual(original.check(request(T0 + HOUR, { to })));
    },
  );

  it('one number, two written forms: a silent call to "+44 1632 960001 (home)" refuses a redial to "01632 960001", before and after a restart', () => {
    const guard = createDialGuard(ofcom2017);
    guard.record(call('s1', T0, 'silent', { to: '+44 1632 960001 (home)' }));
    expect(guard.check(request(T0 + HOUR, { to: '01632 960001' })).allowed).toBe(false);
    expect(dialGuardFromJSON(guard.toJSON(), ofcom2017).check(request(T0 + HOUR, { to: '01632 960001' })).allowed).toBe(false);
  });
});
