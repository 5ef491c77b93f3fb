/**
 * A withheld CLI aggravates every case of misuse — a silent or an abandoned call — not
 * only silent calls; on a call that is not misuse it is still flagged (A1.20), not
 * aggravated; on an undetermined call whether it aggravates is not known.
 *
 * A2.13: "where a calling party chooses to withhold the CLI on calls we will usually regard
 * its absence as aggravating the harm in any case of misuse. This is particularly so in
 * relation to silent calls".
 * A1.9: abandoned calls "are another example of misuse".
 * A1.20: withholding the CLI on marketing calls is itself misuse.
 */
import { describe, expect, it } from 'vitest';
import { classify, foldEvents, type AnyFlag } from 'dialguard';
import type { CallRecord } from '../../src/internals.js';
import { callEvents, goodMessage, T0 } from '../support/calls.js';
import { answeredRecord, dialledRecord } from '../support/records.js';

type Withheld = Extract<AnyFlag, { kind: 'cliWithheld' }>;
const withheldOf = (record: CallRecord) => classify(record).flags.find((x): x is Withheld => x.kind === 'cliWithheld');

describe('withheld CLI on an abandoned call (A2.13)', () => {
  const abandoned = classify(
    foldEvents(callEvents('ab1', [['answer', 1_000], ['message', 1_500, goodMessage], ['hangup', 12_000, 'caller']], { cli: null })),
  );

  it('the call is abandoned (A1.9) — the premise', () => {
    expect(abandoned.category).toBe('abandoned');
  });

  it('a withheld CLI on an abandoned call is flagged as aggravating the misuse, citing A2.13 ("in any case of misuse")', () => {
    const f = abandoned.flags.find((x): x is Withheld => x.kind === 'cliWithheld');
    expect(f).toMatchObject({ ref: 'A2.13', detail: { aggravated: true, category: 'abandoned' } });
  });
});

describe('withheld CLI by category (A1.20, A2.13)', () => {
  it('silent: aggravated, A2.13 ("particularly so in relation to silent calls")', () => {
    const silent = answeredRecord('s1', { cli: null, hangupAt: T0 + 1_500, hangupBy: 'caller', lastEventAt: T0 + 1_500 });
    expect(withheldOf(silent)).toMatchObject({ ref: 'A2.13', detail: { aggravated: true, category: 'silent' } });
  });

  it('live, unconnected: not misuse calls, so nothing to aggravate — still flagged under A1.20', () => {
    const live = answeredRecord('l1', { cli: null, agentAt: T0 + 1_500 });
    expect(withheldOf(live)).toMatchObject({ ref: 'A1.20', detail: { aggravated: false, category: 'live' } });
    const unconnected = dialledRecord('u1', { cli: null, ringingAt: T0 + 500, hangupAt: T0 + 30_000, hangupBy: 'caller', lastEventAt: T0 + 30_000 });
    expect(withheldOf(unconnected)).toMatchObject({ ref: 'A1.20', detail: { aggravated: false, category: 'unconnected' } });
  });

  it('undetermined: whether the call was misuse is not known, so neither is whether the withheld CLI aggravates it (null), citing A1.20', () => {
    const undetermined = answeredRecord('x1', { cli: null, unknown: ['agentAt', 'messageAt'] });
    expect(classify(undetermined).category).toBe('undetermined');
    expect(withheldOf(undetermined)).toMatchObject({ ref: 'A1.20', detail: { aggravated: null, category: 'undetermined' } });
  });
});
