import { describe, expect, it } from 'vitest';
import { definePolicy, ofcom2017, PolicyError } from '../../src/index.js';
import { createDialGuard } from '../../src/guard/dial-guard.js';
import { GuardStateError } from '../../src/guard/state.js';
import { createMisuseState } from '../../src/misuse/state.js';
import { usTsr } from '../../src/policy/us-tsr.js';
import { call, DAY, HOUR, instantOf, request, T0, WINDOW } from './helpers.js';

const LONDON = 'Europe/London';

describe('createDialGuard — repeat within 72 h (A2.9)', () => {
  it('refuses a number with an abandoned call in the last 72 h, citing it, until its dial + 72 h', () => {
    const guard = createDialGuard(ofcom2017);
    guard.record(call('a1', T0, 'abandoned'));
    const d = guard.check(request(T0 + 5 * HOUR));
    expect(d.allowed).toBe(false);
    expect(d.reasons).toEqual([
      { kind: 'repeatWithin72h', ref: 'A2.9', until: T0 + WINDOW, detail: { previousCallId: 'a1', previousAt: T0, previousCategory: 'abandoned', windowMs: WINDOW } },
    ]);
    expect(d.retryAt).toBe(T0 + WINDOW);
  });

  it('after a silent call too; exactly 72:00:00.000 later is allowed, 1 ms before is not (the misuse rule’s boundary)', () => {
    const guard = createDialGuard();
    guard.record(call('s1', T0, 'silent'));
    expect(guard.check(request(T0 + WINDOW - 1)).reasons[0]).toMatchObject({ kind: 'repeatWithin72h', detail: { previousCategory: 'silent' } });
    expect(guard.check(request(T0 + WINDOW))).toEqual({ allowed: true, reasons: [] });
  });

  it('agrees with the misuse rule on the same calls: refused exactly when the redial, were it silent or abandoned, would be flagged', () => {
    const guard = createDialGuard();
    const first = call('s1', T0, 'silent');
    guard.record(first);
    for (const gap of [0, HOUR, WINDOW - 1, WINDOW, WINDOW + HOUR]) {
      const misuse = createMisuseState(ofcom2017, { alertRate: null });
      misuse.next(first);
      const flagged = misuse.next(call(`r${gap}`, T0 + gap, 'abandoned')).call.flags.some((f) => f.kind === 'repeatWithin72h');
      const live = createMisuseState(ofcom2017, { alertRate: null });
      live.next(first);
      expect(live.next(call(`l${gap}`, T0 + gap, 'live')).call.flags.some((f) => f.kind === 'repeatWithin72h')).toBe(false); // footnote 37
      // Checked in calling hours whatever the gap, so only the repeat rule decides.
      const d = guard.check(request(T0 + gap));
      expect(d.reasons.some((r) => r.kind === 'repeatWithin72h')).toBe(flagged);
    }
  });

  it('a guaranteed live agent makes the repeat acceptable', () => {
    const guard = createDialGuard();
    guard.record(call('a1', T0, 'abandoned'));
    expect(guard.check(request(T0 + HOUR, { agentGuaranteed: true })).allowed).toBe(true);
  });

  it('only silent and abandoned calls count; numbers match however they are written', () => {
    const guard = createDialGuard();
    guard.record(call('l1', T0, 'live', { to: '01632960002' }));
    guard.record(call('m1', T0, 'answerMachine', { to: '01632960003' }));
    guard.record(call('s1', T0, 'silent', { to: '+44 1632 960004' }));
    expect(guard.check(request(T0 + HOUR, { to: '01632960002' })).allowed).toBe(true);
    expect(guard.check(request(T0 + HOUR, { to: '01632960003' })).allowed).toBe(true);
    expect(guard.check(request(T0 + HOUR, { to: '01632 960004' })).allowed).toBe(false);
    expect(guard.check(request(T0 + HOUR, { to: '0044 1632 960004' })).allowed).toBe(false);
    expect(guard.check(request(T0 + HOUR, { to: '01632960005' })).allowed).toBe(true);
  });

  it('cites the latest of several calls, so until is the last one’s dial + 72 h', () => {
    const guard = createDialGuard();
    guard.record(call('a1', T0, 'abandoned'));
    guard.record(call('a2', T0 + 2 * HOUR, 'silent'));
    expect(guard.check(request(T0 + 3 * HOUR)).reasons[0]).toMatchObject({ until: T0 + 2 * HOUR + WINDOW, detail: { previousCallId: 'a2' } });
  });

  it('takes a MisuseUpdate from the misuse stream as well as a classified call', () => {
    const guard = createDialGuard();
    guard.observe(createMisuseState(ofcom2017).next(call('a1', T0, 'abandoned')));
    expect(guard.check(request(T0 + HOUR)).allowed).toBe(false);
  });

  it('retryAt is the first moment in calling hours at or after the window’s end', () => {
    const guard = createDialGuard();
    guard.record(call('a1', T0 - 3 * HOUR, 'abandoned')); // 07:00 Monday: the window ends at 07:00 Thursday
    const d = guard.check(request(T0));
    expect(d.reasons[0]).toMatchObject({ until: T0 - 3 * HOUR + WINDOW });
    expect(d.retryAt).toBe(T0 - 2 * HOUR + WINDOW); // 08:00 Thursday
  });

  it('a policy without a repeat window (US TSR) never refuses for it, and holds nothing', () => {
    const guard = createDialGuard(usTsr);
    const noon = instantOf('America/New_York', 2026, 11, 23, 12, 0);
    guard.record(call('a1', noon, 'abandoned'));
    expect(guard.size()).toBe(0);
    expect(guard.check(request(noon + HOUR, { zone: 'America/New_York' })).reasons.map((r) => r.kind)).toEqual([]);
  });
});

describe('createDialGuard — calling hours (A2.11)', () => {
  it('refuses outside the window with the local time, and until the next allowed moment', () => {
    const guard = createDialGuard();
    const at = instantOf(LONDON, 2026, 11, 23, 21, 0);
    const d = guard.check(request(at));
    expect(d.reasons).toEqual([
      { kind: 'unsociableHours', ref: 'A2.11', until: instantOf(LONDON, 2026, 11, 24, 8, 0), detail: { localTime: '21:00', weekday: 1, zone: LONDON, window: { start: '08:00', end: '21:00' } } },
    ]);
    expect(d.retryAt).toBe(instantOf(LONDON, 2026, 11, 24, 8, 0));
  });

  it('before the window opens, until is that morning', () => {
    const at = instantOf(LONDON, 2026, 11, 23, 6, 15);
    expect(createDialGuard().check(request(at)).reasons[0]).toMatchObject({ until: instantOf(LONDON, 2026, 11, 23, 8, 0) });
  });

  it('skips days with no calls', () => {
    const w = { start: '09:00', end: '17:00' };
    const weekdays = definePolicy(ofcom2017, { callingHours: [null, w, w, w, w, w, null] });
    const friday = instantOf(LONDON, 2026, 11, 27, 17, 30);
    expect(createDialGuard(weekdays).check(request(friday)).reasons[0]).toMatchObject({ until: instantOf(LONDON, 2026, 11, 30, 9, 0) });
    const saturday = instantOf(LONDON, 2026, 11, 28, 12, 0);
    expect(createDialGuard(weekdays).check(request(saturday)).reasons[0]).toMatchObject({ detail: { window: null }, until: instantOf(LONDON, 2026, 11, 30, 9, 0) });
  });

  it('no open day at all: refused, with no until', () => {
    const never = definePolicy(ofcom2017, { callingHours: [null, null, null, null, null, null, null] });
    const d = createDialGuard(never).check(request(T0));
    expect(d.reasons[0]).toMatchObject({ kind: 'unsociableHours' });
    expect(d.reasons[0]).not.toHaveProperty('until');
    expect(d).not.toHaveProperty('retryAt');
  });

  it('across the clocks going forward (29 March 2026): 21:00 Saturday waits until 08:00 BST, which is 07:00 UTC', () => {
    const d = createDialGuard().check(request(instantOf(LONDON, 2026, 3, 28, 21, 0)));
    expect(d.reasons[0]).toMatchObject({ until: Date.UTC(2026, 2, 29, 7, 0) });
  });

  it('across the clocks going back (25 October 2026): 21:30 BST Saturday waits until 08:00 GMT, 25 hours of day later', () => {
    const d = createDialGuard().check(request(instantOf(LONDON, 2026, 10, 24, 21, 30)));
    expect(d.reasons[0]).toMatchObject({ until: Date.UTC(2026, 9, 25, 8, 0) });
  });

  it('a window opening inside the skipped hour opens when the clocks land', () => {
    const early = definePolicy(ofcom2017, { callingHours: Array(7).fill({ start: '01:30', end: '23:00' }) });
    const d = createDialGuard(early).check(request(Date.UTC(2026, 2, 29, 0, 30))); // 00:30 GMT on 29 March
    expect(d.reasons[0]).toMatchObject({ until: Date.UTC(2026, 2, 29, 1, 0) }); // 02:00 BST
    expect(createDialGuard(early).check(request(Date.UTC(2026, 2, 29, 1, 0))).allowed).toBe(true);
  });

  it('uses the call’s own zone: 10:00 in London is 05:00 in New York', () => {
    const guard = createDialGuard();
    expect(guard.check(request(T0)).allowed).toBe(true);
    const d = guard.check(request(T0, { zone: 'America/New_York' }));
    expect(d.reasons[0]).toMatchObject({ kind: 'unsociableHours', until: instantOf('America/New_York', 2026, 11, 23, 8, 0), detail: { localTime: '05:00', zone: 'America/New_York' } });
  });

  it('an unknown zone is refused (fail safe), not thrown', () => {
    const d = createDialGuard().check(request(T0, { zone: 'Mars/Olympus_Mons' }));
    expect(d.reasons).toEqual([{ kind: 'unknownZone', ref: 'A2.11', detail: { zone: 'Mars/Olympus_Mons' } }]);
    expect(d).not.toHaveProperty('retryAt');
  });
});

describe('createDialGuard — TPS, do-not-call and CLI (A1.20, A1.25, A2.14)', () => {
  it('asks the host whether the number is barred, and says which list', () => {
    const tps = new Set(['01632960010']);
    const dnc = new Set(['01632960011']);
    const guard = createDialGuard(ofcom2017, { isBarred: (n) => (tps.has(n) ? 'tps' : dnc.has(n) ? 'dnc' : n === '01632960012') });
    expect(guard.check(request(T0, { to: '01632960010' })).reasons).toEqual([{ kind: 'barred', ref: 'A1.25', detail: { list: 'tps' } }]);
    expect(guard.check(request(T0, { to: '01632960011' })).reasons[0]).toMatchObject({ detail: { list: 'dnc' } });
    expect(guard.check(request(T0, { to: '01632960012' })).reasons[0]).toMatchObject({ detail: { list: 'unspecified' } });
    expect(guard.check(request(T0, { to: '01632960013' })).allowed).toBe(true);
  });

  it.each([
    [null, 'cliWithheld', 'A1.20'],
    ['  ', 'cliWithheld', 'A1.20'],
    ['0909 000 0000', 'cliPremiumRate', 'A1.20'],
    ['0845 000 0000', 'cliNotBasicRate', 'A2.14'],
    ['0870 000 0000', 'cliNotBasicRate', 'A2.14'],
    ['+1 212 555 0100', 'cliNotBasicRate', 'A2.14'],
    ['0113 496 0000', 'cliInvalid', 'A1.20'],
    ['01234', 'cliInvalid', 'A1.20'],
  ] as const)('CLI %j is refused as %s (%s)', (cli, kind, ref) => {
    const d = createDialGuard().check(request(T0, { cli }));
    expect(d.allowed).toBe(false);
    expect(d.reasons.map((r) => [r.kind, r.ref])).toEqual([[kind, ref]]);
    expect(d).not.toHaveProperty('retryAt');
  });

  it.each(['0113 496 1999', '0333 000 0000', '07911 123456', '0800 123 4567'])('basic-rate CLI %s is allowed', (cli) => {
    expect(createDialGuard().check(request(T0, { cli })).allowed).toBe(true);
  });

  it('outside the UK numbering plan (US policy) only a withheld CLI is refused', () => {
    const guard = createDialGuard(usTsr);
    const noon = instantOf('America/New_York', 2026, 11, 23, 12, 0);
    expect(guard.check(request(noon, { cli: '+1 212 555 0100', zone: 'America/New_York' })).allowed).toBe(true);
    expect(guard.check(request(noon, { cli: null, zone: 'America/New_York' })).reasons.map((r) => r.kind)).toEqual(['cliWithheld']);
    expect(createDialGuard(usTsr, { cliPlan: 'uk' }).check(request(noon, { cli: '+1 212 555 0100', zone: 'America/New_York' })).allowed).toBe(false);
  });

  it('lists every reason, in a fixed order, with no retryAt when waiting cannot cure them', () => {
    const guard = createDialGuard(ofcom2017, { isBarred: () => true });
    guard.record(call('a1', T0, 'abandoned'));
    const d = guard.check(request(T0 + 12 * HOUR, { cli: null }));
    expect(d.reasons.map((r) => r.kind)).toEqual(['repeatWithin72h', 'unsociableHours', 'barred', 'cliWithheld']);
    expect(d).not.toHaveProperty('retryAt');
  });

  it('an allowed call is the same frozen answer every time (no allocation)', () => {
    const guard = createDialGuard();
    expect(guard.check(request(T0))).toBe(guard.check(request(T0 + 1)));
    expect(Object.isFrozen(guard.check(request(T0)))).toBe(true);
  });
});

describe('createDialGuard — state', () => {
  it('round-trips through JSON: a restored guard answers as the original', () => {
    const guard = createDialGuard();
    guard.record(call('a1', T0, 'abandoned', { to: '01632960001' }));
    guard.record(call('s1', T0 + HOUR, 'silent', { to: '01632960002' }));
    guard.record(call('l1', T0 + 2 * HOUR, 'live', { to: '01632960003' }));
    const json = JSON.stringify(guard);
    const state = JSON.parse(json);
    expect(state).toEqual({
      version: 1,
      policyId: 'ofcom2017',
      latest: T0 + 2 * HOUR,
      calls: [
        ['01632960001', 'a1', T0, 'abandoned'],
        ['01632960002', 's1', T0 + HOUR, 'silent'],
      ],
    });
    const restored = createDialGuard(ofcom2017, { state });
    for (const to of ['01632960001', '01632960002', '01632960003']) {
      for (const at of [T0 + 3 * HOUR, T0 + WINDOW, T0 + HOUR + WINDOW - 1]) expect(restored.check(request(at, { to }))).toEqual(guard.check(request(at, { to })));
    }
    expect(restored.toJSON()).toEqual(guard.toJSON());
  });

  it('a fresh guard serialises to an empty state', () => {
    expect(createDialGuard().toJSON()).toEqual({ version: 1, policyId: 'ofcom2017', latest: null, calls: [] });
  });

  it.each([
    [null, 'state'],
    [{ version: 2, policyId: 'x', latest: null, calls: [] }, 'version'],
    [{ version: 1, policyId: 3, latest: null, calls: [] }, 'policyId'],
    [{ version: 1, policyId: 'x', latest: 'soon', calls: [] }, 'latest'],
    [{ version: 1, policyId: 'x', latest: null, calls: {} }, 'calls'],
    [{ version: 1, policyId: 'x', latest: null, calls: [['k', 'c', 1, 'live']] }, 'calls[0]'],
  ])('a malformed state %j is a GuardStateError naming %s', (state, path) => {
    expect(() => createDialGuard(ofcom2017, { state: state as never })).toThrow(GuardStateError);
    try {
      createDialGuard(ofcom2017, { state: state as never });
    } catch (e) {
      expect((e as GuardStateError).path).toBe(path);
      expect((e as GuardStateError).code).toBe('INVALID_GUARD_STATE');
    }
  });

  it('rejects a negative lateness', () => {
    expect(() => createDialGuard(ofcom2017, { maxLatenessMs: -1 })).toThrow(PolicyError);
  });
});

describe('createDialGuard — memory is bounded by the 72 h window', () => {
  it('200 000 abandoned calls a minute apart: it never holds more than the calls of the window plus the lateness, and forgets the rest', () => {
    const guard = createDialGuard(ofcom2017, { maxLatenessMs: HOUR });
    const SPACING = 60_000;
    const limit = (WINDOW + HOUR) / SPACING + 1;
    let max = 0;
    for (let i = 0; i < 200_000; i++) {
      guard.record(call(`a${i}`, T0 + i * SPACING, 'abandoned', { to: `0113496${String(i % 1_000_000).padStart(4, '0')}` }));
      if (i % 997 === 0) max = Math.max(max, guard.size());
    }
    expect(max).toBeLessThanOrEqual(limit);
    expect(max).toBeGreaterThan(limit - 10);
    expect(guard.toJSON().calls.length).toBe(guard.size());
    // The oldest calls are gone: a number last called 100 days ago is allowed again.
    expect(guard.check(request(T0 + 200_000 * SPACING, { to: '01134960005' })).reasons.some((r) => r.kind === 'repeatWithin72h')).toBe(false);
  });

  it('a check does not move time (A2.9): a record 73 h later does, and then nothing is held', () => {
    const guard = createDialGuard();
    guard.record(call('a1', T0, 'abandoned'));
    expect(guard.size()).toBe(1);
    guard.check(request(T0 + WINDOW + HOUR));
    expect(guard.size()).toBe(1);
    expect(guard.toJSON().latest).toBe(T0);
    guard.record(call('l1', T0 + WINDOW + HOUR, 'live', { to: '01632960099' }));
    expect(guard.size()).toBe(0);
    expect(guard.toJSON().calls).toEqual([]);
  });

  it('200 000 checks against 50 000 held calls refuse exactly the held numbers, and hold nothing more', () => {
    const guard = createDialGuard();
    for (let i = 0; i < 50_000; i++) guard.record(call(`s${i}`, T0 + i * 1000, 'silent', { to: `01632${String(i).padStart(6, '0')}` }));
    let refused = 0;
    for (let i = 0; i < 200_000; i++) {
      const n = i % 100_000;
      const decision = guard.check(request(T0 + DAY, { to: `01632${String(n).padStart(6, '0')}` }));
      if (!decision.allowed) refused += 1;
      expect(decision.allowed).toBe(n >= 50_000);
    }
    expect(refused).toBe(100_000);
    expect(guard.size()).toBe(50_000); // a check records nothing
  });
});

describe('dialGuardFromJSON', () => {
  it('resumes a guard from its toJSON() state, as an object or as JSON text, with its 72 h history (A2.9)', async () => {
    const { classify, createDialGuard, dialGuardFromJSON, foldEvents, GuardStateError, ofcom2017 } = await import('../../src/index.js');
    const { callEvents, T0 } = await import('../support/calls.js');
    const silent = classify(foldEvents(callEvents('s1', [['answer', 5000], ['hangup', 9000, 'caller']], { to: '01134961234' })));
    const original = createDialGuard(ofcom2017);
    original.record(silent);
    const redial = { to: '+44 113 496 1234', cli: '01134961000', campaignId: 'spring', at: T0 + 3_600_000, agentGuaranteed: false };
    expect(original.check(redial).allowed).toBe(false);
    const text = JSON.stringify(original);
    for (const resumed of [dialGuardFromJSON(text), dialGuardFromJSON(JSON.parse(text))]) {
      expect(resumed.toJSON()).toEqual(original.toJSON());
      expect(resumed.check(redial)).toEqual(original.check(redial));
      expect(resumed.check(redial).reasons.map((r) => r.kind)).toContain('repeatWithin72h');
    }
    expect(() => dialGuardFromJSON('{not json')).toThrow(GuardStateError);
  });
});
