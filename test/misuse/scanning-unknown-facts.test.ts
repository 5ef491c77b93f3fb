/**
 * A1.35 number scanning counts "numbers not otherwise called that day" whose only call was a
 * probe (ended by the caller, unanswered, within maxRingMs of ringing). Two gaps where the
 * facts are unknown:
 *  - a call whose probe-ness is unknown (no hang-up facts) is still a call to that number that
 *    day, so a probe to the same number is not the number's only call;
 *  - with no ringing (alerting) time, a call measured from the dial as longer than maxRingMs
 *    may still have rung for less (post-dial delay): not judged, as shortRing does.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classify, createMisuseState, definePolicy, ofcom2017, type AnyFlag, type CallRecord } from 'dialguard';
import { callAt, HOUR } from './helpers.js';

const scanning = definePolicy(ofcom2017, { scanning: { minCalls: 2, maxRingMs: 3000 } });
const scanFlags = (raised: readonly AnyFlag[]) => raised.filter((f) => f.kind === 'numberScanning');

/** An unanswered call to `to` whose records have no hang-up facts and say only "no answer" (unconnected). */
function unknownHangup(callId: string, at: number, to: string) {
  const base = callAt(callId, at, 'unanswered', { to }, scanning).record;
  const record: CallRecord = {
    ...base,
    hangupAt: null,
    hangupBy: null,
    unknown: ['hangupAt', 'hangupBy'],
    outcome: { status: 'NO ANSWER', category: 'unconnected', machine: null },
  };
  return classify(record, scanning);
}

describe('number scanning with unknown facts (A1.35)', () => {
  it('a probe to a number that another call (probe or not, unknown) also reached that day is not counted: no flag for one lone probe', () => {
    const state = createMisuseState(scanning, { alertRate: null });
    const A = '0113 496 4101';
    const B = '0113 496 4102';
    // A: a probe, then an unknown-facts call the same day → A was called twice, never "only a probe".
    expect(scanFlags(state.next(callAt('a1', 0, 'probe', { to: A }, scanning)).raised)).toEqual([]);
    const u = unknownHangup('a2', HOUR, A);
    expect(u.category).toBe('unconnected');
    state.next(u);
    // B: one probe. Only B's call is a probe to a number called once: 1 < minCalls 2.
    expect(scanFlags(state.next(callAt('b1', 2 * HOUR, 'probe', { to: B }, scanning)).raised)).toEqual([]);
  });

  it('the same with the unknown-facts call first: a later probe to that number is not its only call', () => {
    const state = createMisuseState(scanning, { alertRate: null });
    const A = '0113 496 4111';
    const B = '0113 496 4112';
    state.next(unknownHangup('a1', 0, A));
    state.next(callAt('a2', HOUR, 'probe', { to: A }, scanning));
    expect(scanFlags(state.next(callAt('b1', 2 * HOUR, 'probe', { to: B }, scanning)).raised)).toEqual([]);
  });

  it('an unanswered call the caller ended 6 s after the dial, with no ringing time known, is not judged for number scanning (it may have rung for under 3 s)', () => {
    const state = createMisuseState(scanning, { alertRate: null });
    const base = callAt('p1', 0, 'unanswered', { to: '0113 496 4121' }, scanning).record;
    const record: CallRecord = { ...base, ringingAt: null, hangupAt: base.dialAt + 6000, hangupBy: 'caller', unknown: ['ringingAt'] };
    const call = classify(record, scanning);
    expect(call.category).toBe('unconnected');
    const update = state.next(call);
    expect((update.call.notJudged ?? []).map((n) => n.rule)).toContain('numberScanning');
    expect(update.call.notJudged?.find((n) => n.rule === 'numberScanning')?.reason).toMatch(/no ringing time/);
  });

  it('property: with no ringing time, a call the caller ended within maxRingMs of the dial is a probe for certain; later, not judged', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 2_998, max: 3_002 })), (lengthMs) => {
        const state = createMisuseState(scanning, { alertRate: null });
        const probeOf = (callId: string, to: string) => {
          const base = callAt(callId, 0, 'unanswered', { to }, scanning).record;
          return classify({ ...base, ringingAt: null, hangupAt: base.dialAt + lengthMs, hangupBy: 'caller', lastEventAt: base.dialAt + lengthMs, unknown: ['ringingAt'] }, scanning);
        };
        const first = state.next(probeOf('p1', '0113 496 4131'));
        const second = state.next(probeOf('p2', '0113 496 4132'));
        const unjudged = (second.call.notJudged ?? []).some((n) => n.rule === 'numberScanning');
        expect(unjudged).toBe(lengthMs > 3000);
        expect(scanFlags([...first.raised, ...second.raised]).length).toBe(lengthMs <= 3000 ? 1 : 0); // two probes reach minCalls 2
      }),
      { numRuns: 200 },
    );
  });
});
