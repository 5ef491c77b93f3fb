/**
 * Bad input to the pre-dial guard never costs it its A2.9 history: a check at a time with
 * no calendar day, a restored state with such a time, a sparse or hand-written `calls`
 * array, a call whose id is `''`.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { from } from 'rxjs';
import { createDialGuard, dialGuardFromJSON, GuardStateError, ofcom2017, type ClassifiedCall, type DialGuardState } from '../../src/index.js';
import { CALENDAR_RANGE } from '../../src/internals.js';
import { call, HOUR, request, T0, WINDOW } from './helpers.js';

/** Times `zonedDay` has no answer for: NaN, ±Infinity, and finite instants beyond the calendar range. */
const noCalendarDay = fc.oneof(
  fc.constantFrom(Number.NaN, Infinity, -Infinity, 1e300, -1e300, CALENDAR_RANGE.to, CALENDAR_RANGE.from - 1),
  fc.double({ min: CALENDAR_RANGE.to, noNaN: true }),
  fc.double({ max: CALENDAR_RANGE.from - 1, noNaN: true }),
);

function expectStateError(state: unknown, path: string): void {
  let thrown: unknown;
  try {
    createDialGuard(ofcom2017, { state: state as DialGuardState });
  } catch (e) {
    thrown = e;
  }
  expect(thrown).toBeInstanceOf(GuardStateError);
  expect((thrown as GuardStateError).path).toBe(path);
  expect((thrown as GuardStateError).code).toBe('INVALID_GUARD_STATE');
}

const state = (latest: number | null, calls: readonly unknown[]): unknown => ({ version: 1, policyId: 'ofcom2017', latest, calls });

describe('createDialGuard — a check at a time with no calendar day (A2.9)', () => {
  it.each([Infinity, Number.NaN, 1e300])('a check at %s still refuses, and keeps the abandoned call held', (at) => {
    const guard = createDialGuard();
    guard.record(call('a1', T0, 'abandoned'));
    expect(guard.check(request(at)).allowed).toBe(false);
    expect(guard.size()).toBe(1);
    expect(guard.toJSON().latest).toBe(T0);
    expect(guard.check(request(T0 + HOUR)).allowed).toBe(false);
  });

  it('(property) never changes a later check’s answer, the calls held or the state', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ gap: fc.integer({ min: 0, max: 30 * HOUR }), abandoned: fc.boolean(), to: fc.constantFrom('01632960001', '01632960002') }), { maxLength: 8 }),
        noCalendarDay,
        fc.integer({ min: 0, max: 2 * WINDOW }),
        (calls, bad, later) => {
          const plain = createDialGuard();
          const poked = createDialGuard();
          let at = T0;
          calls.forEach((c, i) => {
            at += c.gap;
            const classified = call(`c${i}`, at, c.abandoned ? 'abandoned' : 'silent', { to: c.to });
            plain.record(classified);
            poked.record(classified);
          });
          expect(poked.check(request(bad)).allowed).toBe(false);
          expect(poked.toJSON()).toEqual(plain.toJSON());
          for (const to of ['01632960001', '01632960002']) expect(poked.check(request(at + later, { to }))).toEqual(plain.check(request(at + later, { to })));
        },
      ),
    );
  });
});

describe('createDialGuard — a call whose id is empty (A2.9)', () => {
  it('a recorded silent call with id "" refuses a redial an hour later', () => {
    const guard = createDialGuard();
    guard.record(call('', T0, 'silent'));
    expect(guard.check(request(T0 + HOUR)).allowed).toBe(false);
  });

  it('a restored call with id "" refuses a redial an hour later, and round-trips', () => {
    const guard = createDialGuard(ofcom2017, { state: state(T0, [['01632960001', '', T0, 'silent']]) as DialGuardState });
    expect(guard.check(request(T0 + HOUR)).allowed).toBe(false);
    expect(dialGuardFromJSON(JSON.stringify(guard)).check(request(T0 + HOUR)).allowed).toBe(false);
  });

  it('(property) any recorded silent or abandoned call, whatever its id, refuses a redial within the window', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 4 }), fc.constantFrom('silent' as const, 'abandoned' as const), fc.integer({ min: 0, max: WINDOW - 1 }), (id, category, gap) => {
        const guard = createDialGuard();
        guard.record(call(id, T0, category));
        const d = guard.check(request(T0 + gap));
        expect(d.allowed).toBe(false);
        expect(d.reasons.some((r) => r.kind === 'repeatWithin72h')).toBe(true);
      }),
    );
  });
});

describe('createDialGuard — restored state checked (A2.9)', () => {
  it('a latest with no calendar day (1e300) is a GuardStateError naming latest', () => {
    expectStateError(state(1e300, [['01632960001', 'a1', T0, 'abandoned']]), 'latest');
  });

  it('(property) any latest or dial time with no calendar day is refused, naming it', () => {
    fc.assert(
      fc.property(noCalendarDay, (bad) => {
        expectStateError(state(bad, []), 'latest');
        expectStateError(state(T0, [['01632960001', 'a1', T0, 'silent'], ['01632960001', 'a2', bad, 'silent']]), 'calls[1]');
      }),
    );
  });

  it('a sparse calls array is a GuardStateError naming the hole, not a TypeError', () => {
    expectStateError(state(null, new Array(1)), 'calls[0]');
    const holed: unknown[] = [['01632960001', 'a1', T0, 'silent']];
    holed[2] = ['01632960001', 'a2', T0, 'silent'];
    expectStateError(state(T0, holed), 'calls[1]');
  });

  it.each(['+44 1632 960001', '0044 1632 960001', '01632 960001', '+44 (0)1632 960-001'])('a call restored under the written form %s refuses that number in any form', (written) => {
    const guard = createDialGuard(ofcom2017, { state: state(T0, [[written, 'a1', T0, 'abandoned']]) as DialGuardState });
    for (const to of ['01632960001', '+441632960001', written]) expect(guard.check(request(T0 + HOUR, { to })).allowed).toBe(false);
    expect(guard.check(request(T0 + HOUR, { to: '01632960002' })).allowed).toBe(true);
    expect(guard.toJSON().calls).toEqual([['01632960001', 'a1', T0, 'abandoned']]);
  });

  it('(property) a state written with any form of a number answers as one written with its numberKey', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 }), fc.constantFrom('+44 1632 96', '0044 1632 96', '01632 96', '+44-1632-96'), fc.integer({ min: 0, max: WINDOW + HOUR }), (n, prefix, gap) => {
        const digits = String(n).padStart(4, '0');
        const national = `0163296${digits}`;
        const written = createDialGuard(ofcom2017, { state: state(T0, [[`${prefix}${digits}`, 'a1', T0, 'silent']]) as DialGuardState });
        const keyed = createDialGuard(ofcom2017, { state: state(T0, [[national, 'a1', T0, 'silent']]) as DialGuardState });
        expect(written.toJSON()).toEqual(keyed.toJSON());
        expect(written.check(request(T0 + gap, { to: national }))).toEqual(keyed.check(request(T0 + gap, { to: national })));
      }),
    );
  });
});

describe('dialGuardFromJSON — no state is not an empty state (A2.9)', () => {
  it.each([undefined, null, ''])('%j (a store’s answer for a key it lacks) is a GuardStateError naming the state, not a guard that forgot every call', (missing) => {
    let thrown: unknown;
    try {
      dialGuardFromJSON(missing as unknown as string);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(GuardStateError);
    expect((thrown as GuardStateError).path).toBe('state');
  });
});

describe('guard.record — a call it cannot read (A2.9)', () => {
  /** A silent call to 01632960001 at T0, its record's fields replaced by `over` (a JavaScript or JSON host). */
  const silent = (over: Record<string, unknown>): ClassifiedCall => {
    const c = call('s1', T0, 'silent');
    return { ...c, record: { ...c.record, ...over } } as ClassifiedCall;
  };

  it('a string dialAt is ignored (false): the clock and the state stay ones dialGuardFromJSON restores', () => {
    const guard = createDialGuard(ofcom2017);
    expect(guard.record(call('a0', T0 - HOUR, 'abandoned', { to: '01632960002' }))).toBe(true);
    const before = guard.toJSON();
    expect(guard.record(silent({ dialAt: String(T0) }))).toBe(false);
    expect(guard.toJSON()).toEqual(before);
    expect(before.latest).toBe(T0 - HOUR);
    expect(dialGuardFromJSON(JSON.stringify(guard), ofcom2017).toJSON()).toEqual(before);
  });

  it.each([undefined, 1632960001, null, { n: 1 }])('a `to` of %j is ignored (false), never a thrown TypeError; the other calls are kept', (to) => {
    const guard = createDialGuard(ofcom2017);
    guard.record(call('a0', T0 - HOUR, 'abandoned', { to: '01632960002' }));
    const before = guard.toJSON();
    expect(guard.record(silent({ to }))).toBe(false);
    expect(guard.toJSON()).toEqual(before);
    expect(guard.check(request(T0, { to: '01632960002' })).allowed).toBe(false);
  });

  it.each([undefined, 7, null])('a callId of %j is ignored (false)', (callId) => {
    const guard = createDialGuard(ofcom2017);
    expect(guard.record(silent({ callId }))).toBe(false);
    expect(guard.size()).toBe(0);
    expect(guard.toJSON().latest).toBeNull();
  });

  it.each([null, undefined, 5, 'call', {}, { call: null }, { record: null }, { call: { record: 'x' } }])('%j in place of a call is ignored (false)', (input) => {
    const guard = createDialGuard(ofcom2017);
    expect(guard.record(input as unknown as ClassifiedCall)).toBe(false);
    expect(guard.toJSON()).toEqual({ version: 1, policyId: 'ofcom2017', latest: null, calls: [] });
  });

  it('as a subscriber (classified$.subscribe(guard.observe)), an unreadable call throws nothing and the stream goes on', () => {
    // A throw in a subscriber would be rethrown by RxJS on a timer: an uncaught exception, which fails the run.
    const guard = createDialGuard(ofcom2017);
    from([silent({ to: undefined }), silent({ dialAt: String(T0) }), call('s2', T0, 'silent')]).subscribe(guard.observe);
    expect(guard.toJSON()).toEqual({ version: 1, policyId: 'ofcom2017', latest: T0, calls: [['01632960001', 's2', T0, 'silent']] });
  });
});
