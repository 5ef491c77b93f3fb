/**
 * The categoriser's evidence at its edges (A2.19, A3.3): the start of salutation is needed
 * only where the policy runs the message clock from it, and a category decided by the
 * timings says so.
 */
import { describe, expect, it } from 'vitest';
import { categorise, definePolicy, ofcom2017, type CallRecord } from '../../src/internals.js';
import { T0 } from '../support/calls.js';
import { answeredRecord } from '../support/records.js';

/** An AMD call a person answered, whose message came 2.5 s after pickup, with no start-of-salutation times. */
const amdCall: CallRecord = answeredRecord('a1', {
  amd: true,
  amdResult: 'human',
  amdAt: T0 + 2_000,
  messageAt: T0 + 3_500,
  hangupAt: T0 + 20_000,
  lastEventAt: T0 + 20_000,
  unknown: ['salutationStartAt'],
});

describe('categorise: the start of salutation', () => {
  it('under Ofcom 2017 (the clock runs from the salutation with AMD) an AMD call without it is undetermined', () => {
    expect(categorise(amdCall, ofcom2017)).toMatchObject({ category: 'undetermined', decidedBy: null });
  });

  it('under a policy whose AMD clock runs from pickup, the same call is decided by its timings', () => {
    const fromPickup = definePolicy(ofcom2017, { message: { ...ofcom2017.message, deadlineFrom: { withAmd: 'pickup', withoutAmd: 'pickup' } } });
    expect(categorise(amdCall, fromPickup)).toMatchObject({ category: 'abandoned', decidedBy: 'facts', messagePlayed: true, undeterminedReason: null });
  });

  it('a call decided by its timings says so', () => {
    expect(categorise({ ...amdCall, unknown: [], salutationStartAt: T0 + 1_200 }, ofcom2017)).toMatchObject({ category: 'abandoned', decidedBy: 'facts' });
  });
});
