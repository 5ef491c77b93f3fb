/**
 * What an `AcrUpdate` answers for, as documented on the type: `rows` is the state after its
 * own call and never changes, however long the consumer keeps it; `table()` and `counters()`
 * read the operator's state when called — after this call when called in `next`, later
 * calls included when called after them (and an update keeps nothing alive).
 */
import fc from 'fast-check';
import { from, lastValueFrom, Subject, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { acr, classified, classify, foldEvents, type AcrRow, type AcrUpdate, type CallRecord, type ClassifiedCall } from '../../src/index.js';
import { classifiedCallArb } from '../support/arbitraries.js';
import { callEvents } from '../support/calls.js';

const live = foldEvents(callEvents('live', [['ringing', 0], ['answer', 1_000], ['agent', 1_200], ['hangup', 60_000, 'caller']]));
const abandoned = foldEvents(
  callEvents('abandoned', [['ringing', 0], ['answer', 1_000], ['message', 1_500], ['hangup', 20_000, 'recipient']], { at: 120_000, to: '01632960002' }),
);

describe('acr(): an AcrUpdate', () => {
  it('its rows never change when later calls are counted; table() called in next is the state after its call', () => {
    const input = new Subject<CallRecord>();
    const kept: { update: AcrUpdate; rows: string; table: readonly AcrRow[] }[] = [];
    input.pipe(classified(), acr()).subscribe((u) => kept.push({ update: u, rows: JSON.stringify(u.rows), table: u.table() }));
    input.next(live);
    input.next(abandoned);
    const [first, second] = kept;
    expect(JSON.stringify(first!.update.rows)).toBe(first!.rows);
    expect(first!.table.filter((r) => r.scope === 'all').map((r) => r.counts.calls)).toEqual([1]);
    expect(first!.table.some((r) => r.alert)).toBe(false);
    expect(second!.table.some((r) => r.alert)).toBe(true);
  });

  it('table() and counters() called later read the state then: a kept first update gives both calls (documented, not a snapshot)', async () => {
    const updates = await lastValueFrom(from([live, abandoned]).pipe(classified(), acr(), toArray()));
    const first = updates[0]!;
    expect(first.rows.find((r) => r.scope === 'all')!.counts.calls).toBe(1);
    expect(first.table()).toEqual(updates[1]!.table());
    expect(Object.values(first.counters().cells).map((c) => c.counts.calls)).toEqual([2]);
    // One pair of readers per subscription, shared by its updates: an update holds nothing of the others.
    expect(first.table).toBe(updates[1]!.table);
    expect(first.counters).toBe(updates[1]!.counters);
  });

  it('property: every update\'s rows equal the last rows of its own prefix of calls, read after the whole stream', () => {
    fc.assert(
      fc.property(fc.array(classifiedCallArb, { minLength: 1, maxLength: 25 }), (calls: ClassifiedCall[]) => {
        const updates: AcrUpdate[] = [];
        from(calls).pipe(acr()).subscribe((u) => updates.push(u));
        calls.forEach((_, i) => {
          const alone: AcrUpdate[] = [];
          from(calls.slice(0, i + 1)).pipe(acr()).subscribe((u) => alone.push(u));
          expect(updates[i]!.rows).toEqual(alone.at(-1)!.rows);
        });
      }),
      { numRuns: 60 },
    );
  });

  it('a call on no calendar day is counted on no day: date "" and no rows', async () => {
    const c = classify(live);
    const nowhere = { ...c, record: { ...c.record, callId: 'nowhere', dialAt: 8.64e15 } } as ClassifiedCall;
    const [u] = await lastValueFrom(from([nowhere]).pipe(acr(), toArray()));
    expect(u!.date).toBe('');
    expect(u!.rows).toEqual([]);
  });
});
