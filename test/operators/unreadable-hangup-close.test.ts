/**
 * An answered call whose hang-up came with a time that cannot be read (`invalidTime` of
 * `hangup`): `foldEvents` classifies it `undetermined` (it ended; when is not known, so
 * whether a message or an agent was due is not known). The machine does not end on that
 * hang-up (it is not accepted), so `callRecords` closes the call later, at its age limit or
 * the end of the stream, with an `incomplete` anomaly. That close comes after the call's
 * end and says nothing of it (`observedUntil`): the call stays undetermined — it was read as
 * "still going" at the close, a silent call (A1.3, barring the number for 72 h under A2.9),
 * or abandoned under US TSR.
 */
import { describe, expect, it } from 'vitest';
import { Subject } from 'rxjs';
import { callRecords, classify, foldEvents, usTsr, type CallEvent, type CallRecord, type TickEvent } from '../../src/index.js';
import { closeRecord } from '../../src/machine/index.js';
import { observedUntil } from '../../src/record.js';
import { ivmWaitSeenMs } from '../../src/rules/ivm-wait/index.js';
import { call, T0 } from '../machine/calls.js';

const a = call('a');
const unreadableHangup = { ...a.hangup(0), at: Number.NaN } as CallEvent;
const events: CallEvent[] = [a.dial(0), a.answer(1_000), unreadableHangup];

function run(inputs: readonly (CallEvent | TickEvent)[], options: Parameters<typeof callRecords>[0] = {}, complete = true) {
  const records: CallRecord[] = [];
  const s = new Subject<CallEvent | TickEvent>();
  s.pipe(callRecords(options)).subscribe((r) => void records.push(r));
  for (const i of inputs) s.next(i);
  if (complete) s.complete();
  return records;
}

describe('callRecords: an answered call whose hang-up time could not be read, then closed', () => {
  it('closed at the end of the stream after a tick 60 s on: undetermined, as foldEvents gives (it was silent, with a silentCall flag)', () => {
    const records = run([...events, { type: 'tick', at: T0 + 60_000 }]);
    expect(classify(foldEvents(events)).category).toBe('undetermined');
    expect(records[0]!.anomalies.map((x) => x.kind)).toEqual(['invalidTime', 'incomplete']);
    const got = classify(records[0]!);
    expect(got.flags.map((f) => f.kind)).not.toContain('silentCall');
    expect(got.category).toBe('undetermined');
  });

  it('closed by maxCallAgeMs (default 4 h): undetermined, not silent', () => {
    const records = run([...events, { type: 'tick', at: T0 + 5 * 3_600_000 }], {}, false);
    expect(records).toHaveLength(1);
    expect(classify(records[0]!).category).toBe('undetermined');
  });

  it('under US TSR too: undetermined, not abandoned', () => {
    const records = run([...events, { type: 'tick', at: T0 + 60_000 }], { policy: usTsr });
    expect(classify(foldEvents(events), usTsr).category).toBe('undetermined');
    expect(classify(records[0]!, usTsr).category).toBe('undetermined');
  });
});

describe('observedUntil: a close after the records show the call ended says nothing of it', () => {
  const folded = foldEvents(events);
  const closed = closeRecord(folded, T0 + 60_000);

  it('a hang-up whose time could not be read: its latest event, not the close', () => {
    expect(observedUntil(closed)).toBe(T0 + 1_000);
    const { record: _r, flags: _f, ...verdict } = classify(folded);
    expect(classify(closed)).toMatchObject(verdict); // category, reason, who answered: as the fold's
    // the close adds its own recordAnomaly flag (A2.23), nothing else
    expect(classify(closed).flags.map((f) => f.kind)).toEqual([...classify(folded).flags.map((f) => f.kind), 'recordAnomaly']);
  });

  it('who hung up known: the same; a call that never ended is still seen up to its close', () => {
    const byKnown: CallRecord = { ...closed, anomalies: closed.anomalies.filter((x) => x.kind === 'incomplete'), hangupBy: 'recipient' };
    expect(observedUntil(byKnown)).toBe(T0 + 1_000);
    const open = closeRecord(foldEvents(events.slice(0, 2)), T0 + 60_000);
    expect(observedUntil(open)).toBe(T0 + 60_000);
    expect(classify(open).category).toBe('silent');
  });

  it('the IVM wait reads the same moment: a request at 1.5 s and the close at 60 s measure nothing when the hang-up ended it', () => {
    const withIvm = foldEvents([a.dial(0), a.answer(1_000), a.ivm(1_500, 'agentRequested'), unreadableHangup]);
    expect(ivmWaitSeenMs(closeRecord(withIvm, T0 + 600_000))).toBe(0);
    const open = foldEvents([a.dial(0), a.answer(1_000), a.ivm(1_500, 'agentRequested')]);
    expect(ivmWaitSeenMs(closeRecord(open, T0 + 600_000))).toBe(598_500);
  });
});
