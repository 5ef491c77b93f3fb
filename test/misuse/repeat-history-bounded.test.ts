/**
 * The repeat history (A2.9) is documented to hold only "silent and abandoned calls ... dialled
 * within the window plus the lateness" (MisuseState.size), so that "memory stays flat on an
 * endless stream". It expires entries from the front of an arrival-order queue and stops at the
 * first entry not yet expired: one entry that never expires — a silent call with a far-future
 * dial time (one bad record) — or a stream in newest-first order (a CDR export sorted by date
 * descending) keeps every later entry forever.
 */
import { describe, expect, it } from 'vitest';
import { createMisuseState, ofcom2017 } from 'dialguard';
import { callAt, DAY, HOUR } from './helpers.js';

const to = (i: number) => `0113 496 ${String(5000 + (i % 5000)).padStart(4, '0')}`;

describe('repeat history stays bounded (A2.9)', () => {
  it('after one silent call with a far-future dial time, 3,000 ordinary silent calls over 30 days are not all held', () => {
    const state = createMisuseState(ofcom2017, { alertRate: null });
    state.next(callAt('future', 60 * 365 * DAY, 'silent', { to: '0113 496 9999' })); // a bad record, ~60 years ahead
    for (let i = 0; i < 3000; i++) state.next(callAt(`s${i}`, i * 15 * 60_000, 'silent', { to: to(i) })); // one every 15 min
    // Every ordinary call is dialled ~60 years before the latest dial seen: none is within the window plus the lateness of it.
    expect(state.size()).toBeLessThanOrEqual(1);
  });

  it('calls fed newest first (one silent call an hour over 30 days): the history holds at most the window plus the lateness behind the latest dial', () => {
    const state = createMisuseState(ofcom2017, { alertRate: null });
    const n = 30 * 24;
    for (let i = n - 1; i >= 0; i--) state.next(callAt(`s${i}`, i * HOUR, 'silent', { to: to(i) }));
    // Latest dial = (n−1) h; calls dialled within 72 h + 1 h of it: 74 at most.
    expect(state.size()).toBeLessThanOrEqual(74);
  });
});
