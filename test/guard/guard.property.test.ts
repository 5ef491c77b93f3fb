import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { definePolicy, newRecord, ofcom2017, type CallingWindow, type Policy } from '../../src/internals.js';
import { createDialGuard } from '../../src/guard/dial-guard.js';
import { unsociableHours } from '../support/rules.js';
import { call, DAY, HOUR, instantOf, request, WINDOW } from './helpers.js';

const LONDON = 'Europe/London';
const ZONES = ['Europe/London', 'America/New_York', 'America/Toronto', 'Australia/Sydney', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Pacific/Chatham', 'America/Sao_Paulo'];
const YEAR_START = Date.UTC(2026, 0, 1);
const YEAR_END = Date.UTC(2027, 0, 1);
/** Clock changes of 2026 in several zones, to crowd instants around them. */
const CHANGES = [Date.UTC(2026, 2, 29, 1), Date.UTC(2026, 9, 25, 1), Date.UTC(2026, 2, 8, 7), Date.UTC(2026, 10, 1, 6), Date.UTC(2026, 3, 5, 16), Date.UTC(2026, 9, 3, 16)];

const instant = fc.oneof(
  fc.integer({ min: YEAR_START, max: YEAR_END }),
  fc.tuple(fc.constantFrom(...CHANGES), fc.integer({ min: -2 * DAY, max: 2 * DAY })).map(([c, d]) => c + d),
);
const hhmm = fc.integer({ min: 0, max: 24 * 60 }).map((m) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);
const window: fc.Arbitrary<CallingWindow | null> = fc.oneof(
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 4, arbitrary: fc.tuple(hhmm, hhmm).filter(([a, b]) => a < b).map(([start, end]) => ({ start, end })) },
);
const policyArb: fc.Arbitrary<Policy> = fc.oneof(
  fc.constant(ofcom2017),
  fc.array(window, { minLength: 7, maxLength: 7 }).map((callingHours) => definePolicy(ofcom2017, { callingHours })),
);

const hoursReason = (policy: Policy, at: number, zone: string) => createDialGuard(policy).check(request(at, { zone })).reasons.find((r) => r.kind === 'unsociableHours');

describe('guard boundaries (property)', () => {
  it('72 h: refused exactly when gap < window without a guaranteed agent — a negative gap too (the recorded call was dialled first, whatever the clocks say); until is the earlier dial + the window', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: YEAR_START, max: YEAR_END }),
        fc.integer({ min: -DAY, max: 2 * WINDOW }),
        fc.boolean(),
        fc.constantFrom('silent', 'abandoned') as fc.Arbitrary<'silent' | 'abandoned'>,
        fc.constantFrom('01632 960001', '+441632960001', '0044 1632 960001'),
        (t0, gap, guaranteed, category, written) => {
          const guard = createDialGuard(ofcom2017);
          guard.record(call('first', t0, category, { to: '01632960001' }));
          const d = guard.check(request(t0 + gap, { to: written, agentGuaranteed: guaranteed }));
          const repeat = d.reasons.find((r) => r.kind === 'repeatWithin72h');
          const expected = !guaranteed && gap < WINDOW;
          expect(repeat !== undefined).toBe(expected);
          if (repeat !== undefined) expect(repeat.until).toBe(t0 + WINDOW);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('hours: the guard refuses exactly the calls the classifier flags as unsociable (A2.11), in any zone', () => {
    fc.assert(
      fc.property(policyArb, instant, fc.constantFrom(...ZONES), (policy, at, zone) => {
        const record = { ...newRecord({ callId: 'c', campaignId: 'k', callCentreId: 'x', to: '01632960001', cli: null, agentGuaranteed: false, amd: false, messagePlanned: true, dialAt: at }), zone };
        expect(hoursReason(policy, at, zone) !== undefined).toBe(unsociableHours(record, policy) !== null);
      }),
      { numRuns: 400 },
    );
  });

  it('hours: until is the next allowed moment — allowed there, refused at every instant tried before it', () => {
    fc.assert(
      fc.property(policyArb, instant, fc.constantFrom(...ZONES), fc.double({ min: 0, max: 1, noNaN: true }), (policy, at, zone, u) => {
        const reason = hoursReason(policy, at, zone);
        if (reason === undefined || reason.kind !== 'unsociableHours') return;
        if (reason.until === undefined) {
          expect(policy.callingHours.every((w) => w === null)).toBe(true);
          return;
        }
        const until = reason.until;
        expect(until).toBeGreaterThan(at);
        expect(until - at).toBeLessThanOrEqual(8 * DAY);
        expect(hoursReason(policy, until, zone)).toBeUndefined();
        for (const before of [until - 1, until - 1000, at + Math.floor((until - at) * u)]) {
          if (before >= at && before < until) expect(hoursReason(policy, before, zone)).toBeDefined();
        }
      }),
      { numRuns: 300 },
    );
  });

  it('per-call zone: a request in zone z is judged as under the same policy set in z', () => {
    fc.assert(
      fc.property(instant, fc.constantFrom(...ZONES), (at, zone) => {
        const inZone = definePolicy(ofcom2017, { timeZone: zone });
        expect(createDialGuard(ofcom2017).check(request(at, { zone }))).toEqual(createDialGuard(inZone).check(request(at)));
      }),
      { numRuns: 200 },
    );
  });
});

describe('hours across the clock changes (Europe/London, 08:00–21:00)', () => {
  it.each([
    ['2026-03-29 (clocks forward, 23-hour day)', 3, 29],
    ['2026-10-25 (clocks back, 25-hour day)', 10, 25],
  ])('%s: 07:59:59 is refused until 08:00:00, which is allowed', (_label, month, day) => {
    const guard = createDialGuard(ofcom2017);
    const eight = instantOf(LONDON, 2026, month, day, 8, 0, 0);
    const before = instantOf(LONDON, 2026, month, day, 7, 59, 59);
    expect(eight - before).toBe(1000);
    const d = guard.check(request(before));
    expect(d.reasons).toEqual([
      { kind: 'unsociableHours', ref: 'A2.11', until: eight, detail: { localTime: '07:59', weekday: 0, zone: LONDON, window: { start: '08:00', end: '21:00' } } },
    ]);
    expect(guard.check(request(eight))).toEqual({ allowed: true, reasons: [] });
  });

  it('the UTC instants are an hour apart in spring and equal in autumn', () => {
    expect(instantOf(LONDON, 2026, 3, 29, 8, 0)).toBe(Date.UTC(2026, 2, 29, 7, 0));
    expect(instantOf(LONDON, 2026, 10, 25, 8, 0)).toBe(Date.UTC(2026, 9, 25, 8, 0));
  });

  it('01:30 happens twice on 25 October: both are refused, until the same 08:00', () => {
    const guard = createDialGuard(ofcom2017);
    const first = Date.UTC(2026, 9, 25, 0, 30); // 01:30 BST
    const second = first + HOUR; // 01:30 GMT
    for (const at of [first, second]) expect(guard.check(request(at)).reasons[0]).toMatchObject({ until: Date.UTC(2026, 9, 25, 8, 0), detail: { localTime: '01:30' } });
  });
});
