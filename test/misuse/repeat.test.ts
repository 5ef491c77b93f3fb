import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { definePolicy, ofcom2017, type ClassifiedCall } from '../../src/index.js';
import { createMisuseState } from '../../src/misuse/state.js';
import { misuseAll } from '../../src/misuse/misuse-all.js';
import { repeatWithin72h } from '../../src/rules/repeat-within-72h/index.js';
import { T0 } from '../support/calls.js';
import { callAt, HOUR, WINDOW, type Outcome } from './helpers.js';

const repeats = (calls: readonly ClassifiedCall[], options = {}) =>
  misuseAll(calls, ofcom2017, { alertRate: null, ...options }).map((u) => u.call.flags.find((f) => f.kind === 'repeatWithin72h') ?? null);

describe('repeat within 72 h (A2.9)', () => {
  it('a call to a number within 72 h after a silent call to it, without a guaranteed agent, cites the earlier call and the gap', () => {
    const [, second] = repeats([callAt('s1', 0, 'silent'), callAt('r1', 5 * HOUR, 'silent')]);
    expect(second).toEqual({
      kind: 'repeatWithin72h',
      callId: 'r1',
      at: T0 + 5 * HOUR,
      ref: 'A2.9',
      detail: { previousCallId: 's1', previousAt: T0, previousCategory: 'silent', gapMs: 5 * HOUR, windowMs: WINDOW },
    });
  });

  it('after an abandoned call too; the flag joins the call flags and the raised list', () => {
    const [, u] = misuseAll([callAt('a1', 0, 'abandoned'), callAt('r1', HOUR, 'silent')], ofcom2017, { alertRate: null });
    expect(u?.call.flags.at(-1)).toMatchObject({ kind: 'repeatWithin72h', detail: { previousCategory: 'abandoned' } });
    expect(u?.raised).toBe(u?.call.flags);
  });

  it('72:00:00.000 after is outside the window; 1 ms less is inside', () => {
    expect(repeats([callAt('s1', 0, 'silent'), callAt('r1', WINDOW, 'silent')])[1]).toBeNull();
    expect(repeats([callAt('s1', 0, 'silent'), callAt('r1', WINDOW - 1, 'silent')])[1]?.detail.gapMs).toBe(WINDOW - 1);
  });

  it('a repeat that reached an agent, or never connected, is not misuse (footnote 37): not flagged', () => {
    for (const second of ['live', 'unanswered', 'machine', 'probe'] as const) {
      expect(repeats([callAt('s1', 0, 'silent'), callAt('r1', HOUR, second)])[1]).toBeNull();
    }
    expect(repeats([callAt('s1', 0, 'silent'), callAt('r1', HOUR, 'abandoned')])[1]?.detail.previousCallId).toBe('s1');
  });

  it('a guaranteed agent makes a repeat acceptable', () => {
    expect(repeats([callAt('s1', 0, 'silent'), callAt('r1', HOUR, 'silent', { agentGuaranteed: true })])[1]).toBeNull();
  });

  it('only silent and abandoned calls start the window', () => {
    for (const first of ['live', 'unanswered', 'machine', 'probe'] as const) {
      expect(repeats([callAt('f1', 0, first), callAt('r1', HOUR, 'silent')])[1]).toBeNull();
    }
  });

  it('matches numbers however they are written, and keeps numbers apart', () => {
    const calls = [callAt('s1', 0, 'silent', { to: '+44 113 496 1000' }), callAt('r1', HOUR, 'silent', { to: '0113-496-1000' }), callAt('o1', HOUR, 'silent', { to: '0113 496 1001' })];
    expect(repeats(calls).map((f) => f?.callId ?? null)).toEqual([null, 'r1', null]);
  });

  it('cites the latest silent or abandoned call before the repeat', () => {
    const calls = [callAt('s1', 0, 'silent'), callAt('s2', 10 * HOUR, 'abandoned'), callAt('r1', 80 * HOUR, 'silent')];
    const flags = repeats(calls);
    expect(flags[1]?.detail).toMatchObject({ previousCallId: 's1', gapMs: 10 * HOUR });
    expect(flags[2]?.detail).toMatchObject({ previousCallId: 's2', gapMs: 70 * HOUR });
  });

  it('compares dial times: a call arriving late is judged only against calls dialled before it, and never flags a later-dialled one', () => {
    // r0 is dialled before s1 but arrives after it (emitted at its hangup); r2 comes after both.
    const flags = repeats([callAt('s1', 10 * 60_000, 'silent'), callAt('r0', 5 * 60_000, 'silent'), callAt('r2', HOUR, 'silent')]);
    expect(flags.map((f) => f?.callId ?? null)).toEqual([null, null, 'r2']);
  });

  it('a call up to maxLatenessMs late still finds the history; later than that, expired entries are gone', () => {
    const late = [callAt('s1', 0, 'silent'), callAt('x', WINDOW + 30 * 60_000, 'live', { to: '0113 496 2000' }), callAt('r1', WINDOW - 1, 'silent')];
    expect(repeats(late)[2]?.callId).toBe('r1');
    expect(repeats(late, { maxLatenessMs: 0 })[2]).toBeNull();
  });

  it('the same call seen twice is not its own repeat', () => {
    const s = callAt('s1', 0, 'silent');
    expect(repeats([s, s])).toEqual([null, null]);
  });

  it('uses the policy window', () => {
    const policy = definePolicy(ofcom2017, { repeat: { windowMs: 24 * HOUR } });
    const updates = misuseAll([callAt('s1', 0, 'silent'), callAt('r1', 25 * HOUR, 'silent')], policy, { alertRate: null });
    expect(updates[1]?.call.flags.some((f) => f.kind === 'repeatWithin72h')).toBe(false);
  });

  it('repeatWithin72h itself: null without a previous call, or for a negative gap', () => {
    const r = callAt('r1', HOUR, 'silent').record;
    expect(repeatWithin72h(r, 'silent', null, ofcom2017)).toBeNull();
    expect(repeatWithin72h(r, 'silent', { callId: 's', at: T0 + 2 * HOUR, category: 'silent' }, ofcom2017)).toBeNull();
  });
});

const ANY: readonly Outcome[] = ['live', 'abandoned', 'silent', 'unanswered', 'probe', 'machine'];

describe('repeat within 72 h (property)', () => {
  it('flagged iff both calls were silent or abandoned (footnote 37), the gap is under 72 h and no agent was guaranteed', () => {
    const gap = fc.oneof(fc.integer({ min: WINDOW - 5000, max: WINDOW + 5000 }), fc.integer({ min: 0, max: 2 * WINDOW }), fc.constantFrom(0, WINDOW - 1, WINDOW, WINDOW + 1));
    fc.assert(
      fc.property(fc.constantFrom(...ANY), fc.constantFrom(...ANY), gap, fc.boolean(), (first, second, gapMs, guaranteed) => {
        const state = createMisuseState(ofcom2017, { alertRate: null });
        state.next(callAt('p', 0, first));
        const { call } = state.next(callAt('q', gapMs, second, { agentGuaranteed: guaranteed }));
        const f = call.flags.find((x) => x.kind === 'repeatWithin72h');
        const expected = (first === 'silent' || first === 'abandoned') && (second === 'silent' || second === 'abandoned') && gapMs < WINDOW && !guaranteed;
        expect(f !== undefined).toBe(expected);
        if (f?.kind === 'repeatWithin72h') expect(f.detail).toMatchObject({ previousCallId: 'p', gapMs, windowMs: WINDOW });
      }),
      { numRuns: 400 },
    );
  });

  it('in any arrival order, matches a model: the latest silent or abandoned call to the number dialled at or before, if under 72 h before', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ at: fc.integer({ min: 0, max: 5 * 24 * HOUR }), outcome: fc.constantFrom(...ANY), n: fc.integer({ min: 0, max: 3 }), guaranteed: fc.boolean() }),
          { maxLength: 30 },
        ),
        (specs) => {
          const calls = specs.map((s, i) => callAt(`c${i}`, s.at, s.outcome, { to: `0113 496 100${s.n}`, agentGuaranteed: s.guaranteed }));
          const updates = misuseAll(calls, ofcom2017, { alertRate: null, maxLatenessMs: 10 * 24 * HOUR });
          updates.forEach((u, i) => {
            const me = specs[i]!;
            const earlier = specs
              .slice(0, i)
              .filter((p) => p.n === me.n && (p.outcome === 'silent' || p.outcome === 'abandoned') && p.at <= me.at)
              .map((p) => p.at);
            const latest = earlier.length === 0 ? null : T0 + Math.max(...earlier);
            const misuse = me.outcome === 'silent' || me.outcome === 'abandoned';
            const expected = latest !== null && misuse && !me.guaranteed && T0 + me.at - latest < WINDOW;
            const f = u.call.flags.find((x) => x.kind === 'repeatWithin72h');
            expect(f !== undefined).toBe(expected);
            if (f?.kind === 'repeatWithin72h') expect(f.detail.previousAt).toBe(latest);
          });
        },
      ),
      { numRuns: 200 },
    );
  });
});
