/**
 * The repeat rule's history (A2.9, footnote 37) with calls that arrive out of dial order,
 * at the same moment, twice, or at the window's edge: the call cited is always the latest
 * silent or abandoned call to the number dialled at or before the repeat, never the call itself.
 */
import { describe, expect, it } from 'vitest';
import { createMisuseState, misuseAll, ofcom2017, type ClassifiedCall } from 'dialguard/internals';
import { callAt, HOUR, WINDOW } from './helpers.js';

/** The call each call was flagged as a repeat of (`null`: not flagged). */
const cited = (calls: readonly ClassifiedCall[], maxLatenessMs?: number) =>
  misuseAll(calls, ofcom2017, { alertRate: null, ...(maxLatenessMs === undefined ? {} : { maxLatenessMs }) }).map((u) => {
    const f = u.call.flags.find((x) => x.kind === 'repeatWithin72h');
    return f?.kind === 'repeatWithin72h' ? f.detail.previousCallId : null;
  });

describe('repeat within 72 h: which earlier call is cited', () => {
  it('calls arriving out of dial order are compared only with calls dialled before them, the latest of those cited', () => {
    const calls = [
      callAt('s10', 10 * HOUR, 'silent'),
      callAt('s2', 2 * HOUR, 'silent'), // late: nothing to the number was dialled before it
      callAt('s3', 3 * HOUR, 'abandoned'), // late: after s2, before s10
      callAt('q', 3.5 * HOUR, 'silent'), // s3 is the latest at or before it
      callAt('r', 2.5 * HOUR, 'silent'), // s2
      callAt('t', 11 * HOUR, 'silent'), // s10
    ];
    expect(cited(calls, 12 * HOUR)).toEqual([null, null, 's2', 's3', 's2', 's10']);
  });

  it('a late call dialled at the same moment as an earlier-held one is cited before it (the one remembered last)', () => {
    const calls = [callAt('x', 10 * HOUR, 'silent'), callAt('y', 2 * HOUR, 'silent'), callAt('z', 2 * HOUR, 'silent'), callAt('w', 3 * HOUR, 'silent')];
    expect(cited(calls, 12 * HOUR)).toEqual([null, null, 'y', 'z']);
  });

  it('of two calls dialled at the same moment, in order, the one remembered last is cited', () => {
    const calls = [callAt('a', 0, 'silent'), callAt('b', 0, 'silent'), callAt('c', HOUR, 'silent')];
    expect(cited(calls)).toEqual([null, 'a', 'b']);
  });

  it('a call is never its own repeat, even when given twice; calls whose ids hash alike are still told apart', () => {
    expect(cited([callAt('once', 0, 'silent'), callAt('once', 0, 'silent')])).toEqual([null, null]);
    // 'call-46469' and 'call-253384' have the same stringHash
    expect(cited([callAt('call-46469', 0, 'silent'), callAt('call-253384', HOUR, 'silent')])).toEqual([null, 'call-46469']);
  });
});

describe('repeat history: what expires', () => {
  it('a call is forgotten once the latest dial is the window plus the lateness after it, not before', () => {
    const state = createMisuseState(ofcom2017, { alertRate: null, maxLatenessMs: HOUR });
    state.next(callAt('s1', 0, 'silent'));
    state.next(callAt('l1', WINDOW + HOUR - 1, 'live', { to: '0113 496 2001' }));
    expect(state.size()).toBe(1);
    state.next(callAt('l2', 5 * HOUR, 'live', { to: '0113 496 2002' })); // late: the clock stays
    expect(state.size()).toBe(1);
    state.next(callAt('l3', WINDOW + HOUR, 'live', { to: '0113 496 2003' }));
    expect(state.size()).toBe(0);
  });

  it('a number whose calls expired is free again; one still held is cited', () => {
    const calls = [callAt('s1', 0, 'silent'), callAt('s2', WINDOW - 1, 'silent'), callAt('s3', WINDOW + HOUR, 'silent')];
    expect(cited(calls, 0)).toEqual([null, 's1', 's2']);
  });
});
