/**
 * A2.9 after a call whose outcome the records cannot show. A2.9 asks "whether any calls
 * constituting misuse are made within the 72 hours following the first instance of
 * misuse"; when the earlier call's category is undetermined (an answered call with no
 * agent or message times and no recorded outcome), whether there was a first instance is
 * unknown: a later silent or abandoned call to the number is not judged, never passed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classify, createMisuseState, ofcom2017, type CallRecord, type ClassifiedCall } from '../../src/index.js';
import { T0 } from '../support/calls.js';
import { answeredRecord } from '../support/records.js';
import { HOUR, WINDOW } from './helpers.js';

/** An answered call dialled `at` ms after T0 whose agent and message times are unknown: undetermined. */
const undetermined = (callId: string, at: number): ClassifiedCall =>
  classify(answeredRecord(callId, { dialAt: T0 + at, answerAt: T0 + at + 1_000, hangupAt: T0 + at + 60_000, lastEventAt: T0 + at + 60_000, unknown: ['agentAt', 'messageAt'] }));
/** Cut off by the caller at pickup, no message: silent. */
const silent = (callId: string, at: number, over: Partial<CallRecord> = {}): ClassifiedCall =>
  classify(answeredRecord(callId, { dialAt: T0 + at, answerAt: T0 + at + 1_000, hangupAt: T0 + at + 1_500, hangupBy: 'caller', lastEventAt: T0 + at + 1_500, ...over }));

/** The repeat rule's verdict on the last call: a flag, not judged, or nothing. */
function verdictOnLast(calls: readonly ClassifiedCall[]): 'flagged' | 'notJudged' | 'none' {
  const m = createMisuseState(ofcom2017, { alertRate: null });
  let last: ClassifiedCall | null = null;
  for (const c of calls) last = m.next(c).call;
  if (last!.flags.some((f) => f.kind === 'repeatWithin72h')) return 'flagged';
  return (last!.notJudged ?? []).some((n) => n.rule === 'repeatWithin72h') ? 'notJudged' : 'none';
}

describe('A2.9 repeat after an undetermined call', () => {
  it('premises: an undetermined call, then a silent one to the same number', () => {
    expect(undetermined('u1', 0).category).toBe('undetermined');
    expect(silent('s2', HOUR).category).toBe('silent');
    expect(silent('s2', HOUR).record.to).toBe(undetermined('u1', 0).record.to);
  });

  it('a silent call within 72 h after an undetermined call to the number is not judged, with the reason', () => {
    const m = createMisuseState(ofcom2017, { alertRate: null });
    m.next(undetermined('u1', 0));
    const out = m.next(silent('s2', HOUR)).call;
    expect(out.flags.map((f) => f.kind)).not.toContain('repeatWithin72h');
    expect(out.notJudged).toContainEqual(expect.objectContaining({ rule: 'repeatWithin72h', reason: expect.stringMatching(/undetermined/) }));
  });

  it('an earlier silent call in the window still flags the repeat, whatever undetermined calls lie between', () => {
    expect(verdictOnLast([silent('s1', 0), undetermined('u1', HOUR), silent('s3', 2 * HOUR)])).toBe('flagged');
  });

  it('a guaranteed agent on the later call, or a later call that is live, leaves nothing to judge', () => {
    expect(verdictOnLast([undetermined('u1', 0), silent('s2', HOUR, { agentGuaranteed: true })])).toBe('none');
    const live = classify(answeredRecord('l2', { dialAt: T0 + HOUR, answerAt: T0 + HOUR + 1_000, agentAt: T0 + HOUR + 1_500, hangupAt: T0 + HOUR + 60_000, lastEventAt: T0 + HOUR + 60_000 }));
    expect(live.category).toBe('live');
    expect(verdictOnLast([undetermined('u1', 0), live])).toBe('none');
  });

  it('an undetermined call is still found after an older one has expired from the history', () => {
    // u1 expires (window + the default hour of lateness behind s-other's dial); u2 is still in the window of s3.
    const far = WINDOW + 2 * HOUR;
    const other = silent('x1', far, { to: '01632960099' });
    expect(verdictOnLast([undetermined('u1', 0), undetermined('u2', far - HOUR), other, silent('s3', far)])).toBe('notJudged');
  });

  it('property: not judged exactly when the later call is dialled from 0 to 72 h − 1 ms after the undetermined one', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: 0, max: 2 * WINDOW }), fc.integer({ min: WINDOW - 2, max: WINDOW + 2 })), (gap) => {
        expect(verdictOnLast([undetermined('u1', 0), silent('s2', gap)])).toBe(gap < WINDOW ? 'notJudged' : 'none');
      }),
      { numRuns: 300 },
    );
  });
});
