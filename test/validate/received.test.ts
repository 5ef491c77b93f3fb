/**
 * Every message and refusal detail that quotes a value from the host or the data
 * describes it the same way (`describeReceived`): short whatever the value's size, and
 * safe to print — a bidirectional override or an escape sequence in a call id, a counter
 * or a dial request is written out, never passed to the terminal or log that shows it.
 */
import { describe, expect, it } from 'vitest';
import {
  AcrInputError,
  createDialGuard,
  GuardStateError,
  mergeCounters,
  emptyCounters,
  ofcom2017,
  parseCallRecord,
  ValidationError,
  type AcrCounters,
  type DialGuardState,
  type DialRequest,
} from '../../src/index.js';

/** A right-to-left override and an escape sequence: both act on a terminal instead of showing. */
const HOSTILE = 'id\u202Eevil\u001b[2J';

function thrown(f: () => unknown): Error {
  try {
    f();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a throw');
}

describe('describeReceived — one describer for every received value', () => {
  it('a ValidationError writes out the controls of a string it received', () => {
    const record = {
      callId: 'r1', campaignId: 'k', callCentreId: 'cc', to: '01632960001', cli: '01134961000', agentGuaranteed: false, amd: false, messagePlanned: true,
      dialAt: Date.UTC(2026, 2, 2, 12), answerAt: null, hangupAt: Date.UTC(2026, 2, 2, 12, 0, 20), hangupBy: HOSTILE,
    };
    const e = thrown(() => parseCallRecord(record)) as ValidationError;
    expect(e).toBeInstanceOf(ValidationError);
    expect(e.message).not.toMatch(/[\u202E\u001b]/);
    expect(e.message).toContain('\\u202e');
  });

  it('ACR counters from another node: the same words as every other message ("an array"), controls written out', () => {
    const bad = { timeZone: 'Europe/London', cells: { k: { date: HOSTILE, campaignId: 'c', callCentreId: 'cc', counts: {} } } } as unknown as AcrCounters;
    const e = thrown(() => mergeCounters(emptyCounters('Europe/London'), bad));
    expect(e).toBeInstanceOf(AcrInputError);
    expect(e.message).toContain('received "id\\u202eevil\\u001b[2J"');
    const list = { timeZone: 'Europe/London', cells: [] } as unknown as AcrCounters;
    expect(thrown(() => mergeCounters(emptyCounters('Europe/London'), list)).message).toMatch(/received an array$/);
  });

  it('the guard: an unreadable request field is described, cut and written out', () => {
    const guard = createDialGuard();
    const decision = guard.check({ to: '01632960001', cli: '01134961000', at: HOSTILE.repeat(10), agentGuaranteed: false } as unknown as DialRequest);
    expect(decision.reasons).toEqual([
      // The first 32 characters: two copies and ten characters of the third, each control written out.
      { kind: 'invalidRequest', ref: 'A2.11', detail: { field: 'at', expected: expect.any(String), received: '"id\\u202eevil\\u001b[2J' + 'id\\u202eevil\\u001b[2J' + 'id\\u202eevil\\u001b[2…"' } },
    ]);
  });

  it('the guard: an unreadable isBarred answer is described the same way', () => {
    const guard = createDialGuard(ofcom2017, { isBarred: () => HOSTILE as never });
    const decision = guard.check({ campaignId: 'k', to: '01632960001', cli: '01134961000', at: Date.UTC(2026, 2, 2, 12), agentGuaranteed: false });
    const reason = decision.reasons.find((r) => r.kind === 'barredUnknown');
    expect(reason && 'detail' in reason ? reason.detail : null).toEqual({ received: '"id\\u202eevil\\u001b[2J"' });
  });

  it('a restored guard state: a huge bad value gives a short message (never the value written out whole)', () => {
    const calls = Array.from({ length: 200_000 }, (_, i) => [`c${i}`, '01632960001', 1, 'abandoned']);
    const e = thrown(() => createDialGuard(ofcom2017, { state: { version: 1, policyId: 'ofcom2017', latest: 'soon', calls } as unknown as DialGuardState }));
    expect(e).toBeInstanceOf(GuardStateError);
    expect(e.message.length).toBeLessThan(300);
    expect(e.message).toContain('received "soon"');
    const huge = thrown(() => createDialGuard(ofcom2017, { state: calls as unknown as DialGuardState }));
    expect(huge.message.length).toBeLessThan(300);
    expect(huge.message).toContain('received an array');
  });
});
