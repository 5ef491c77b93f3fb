/**
 * ACR counters from another node (README, docs/scaling.md: "each node publishes its
 * `AcrCounters` (plain JSON)"): `mergeCounters`, `acrTable` and the ledger's `addCounters`
 * / `addCounts` check every cell before counting it. A count that is not a whole number of
 * calls from 0, a date that is not a calendar date, an id that is not a string, `calls`
 * below what its other counts add up to, or more calls than can be counted exactly is an
 * `AcrInputError` naming the cell and the field — never a concatenated string, a cancelled
 * abandoned call, a NaN, a bare TypeError or a day called "garbage".
 */
import { describe, expect, it } from 'vitest';
import { AcrInputError, acrTable, DialguardError, emptyCounters, mergeCounters, type AcrCounters } from 'dialguard';
import { createAcrLedger, createAcrTally, CounterZoneMismatchError, type CallCounts } from 'dialguard/internals';

const TZ = 'Europe/London';
const counts = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  calls: 0, live: 0, abandonedLive: 0, abandonedUnknown: 0, silent: 0, unconnected: 0, machineDisconnected: 0, machineToAgent: 0, machineAbandoned: 0, undetermined: 0, ...over,
});
const cell = (date: unknown, campaignId: unknown, c: unknown, callCentreId: unknown = 'leeds') => ({ date, campaignId, callCentreId, counts: c });
/** Counters as another node's JSON gives them. */
const countersOf = (cells: Record<string, unknown>, timeZone: unknown = TZ): AcrCounters => JSON.parse(JSON.stringify({ timeZone, cells })) as AcrCounters;

/** A node's honest counters: 100 calls, 10 abandoned to people: ACR 10 %. */
const honest = countersOf({ a: cell('2026-03-02', 'spring', counts({ calls: 100, live: 90, abandonedLive: 10 })) });

/** The error `fn` throws (it must throw). */
function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected an error');
}

/** Each way counters from elsewhere come in: merged, tabled, added to a ledger or a tally. */
const ENTRIES: readonly [string, (c: AcrCounters) => unknown][] = [
  ['mergeCounters (second)', (c) => mergeCounters(honest, c)],
  ['mergeCounters (first)', (c) => mergeCounters(c, honest)],
  ['acrTable', (c) => acrTable(c)],
  ['ledger.addCounters', (c) => createAcrLedger({ timeZone: TZ }).addCounters(c)],
  ['tally.addCounters', (c) => createAcrTally(TZ).addCounters(c)],
];

/** Bad cells, with what the error names. */
const BAD: readonly [string, Record<string, unknown>, RegExp][] = [
  ['a count written as a string ("5", concatenated before)', { b: cell('2026-03-02', 'spring', counts({ calls: '5', live: '5' })) }, /cell "b": counts\.calls should be a whole number of calls, 0 or more; received "5"/],
  ['a negative count (it cancelled another node\'s abandoned calls)', { b: cell('2026-03-02', 'spring', counts({ calls: 0, abandonedLive: -10 })) }, /cell "b": counts\.abandonedLive should be a whole number of calls, 0 or more; received -10/],
  ['a fractional count', { b: cell('2026-03-02', 'spring', counts({ calls: 1.5, live: 1 })) }, /counts\.calls .* received 1\.5/],
  ['a count beyond 2^53', { b: cell('2026-03-02', 'spring', counts({ calls: 2 ** 60 })) }, /counts\.calls should be a whole number/],
  ['an object count (NaN before)', { b: cell('2026-03-02', 'spring', counts({ calls: {}, live: {} })) }, /counts\.calls .* received an object/],
  ['a null count', { b: cell('2026-03-02', 'spring', counts({ live: null })) }, /counts\.live .* received null/],
  ['counts: null (a TypeError before)', { b: cell('2026-03-02', 'spring', null) }, /cell "b": counts should be an object .* received null/],
  ['counts: a list', { b: cell('2026-03-02', 'spring', [1, 2]) }, /cell "b": counts should be an object .* received an array/],
  ['an object campaign id (a TypeError before)', { b: cell('2026-03-02', { name: 'spring' }, counts({ calls: 1, live: 1 })) }, /cell "b": campaignId should be a string; received an object/],
  ['a numeric call-centre id', { b: cell('2026-03-02', 'spring', counts({ calls: 1, live: 1 }), 7) }, /cell "b": callCentreId should be a string; received 7/],
  ['a date that is not a date (listed as a day "garbage" before)', { b: cell('garbage', 'spring', counts({ calls: 1, live: 1 })) }, /cell "b": date should be a calendar date, YYYY-MM-DD; received "garbage"/],
  ['30 February', { b: cell('2026-02-30', 'spring', counts({ calls: 1, live: 1 })) }, /date should be a calendar date.*"2026-02-30"/],
  ['year 0', { b: cell('0000-01-01', 'spring', counts({ calls: 1, live: 1 })) }, /date should be a calendar date/],
  ['a date with a time', { b: cell('2026-03-02T00:00Z', 'spring', counts({ calls: 1, live: 1 })) }, /date should be a calendar date/],
  ['calls below what the other counts add up to', { b: cell('2026-03-02', 'spring', counts({ calls: 1, live: 1, abandonedLive: 5 })) }, /cell "b": counts\.calls is 1, fewer than the 6 calls its other counts add up to/],
  ['a cell that is not an object', { b: 'cell' }, /cell "b" should be an object \{ date, campaignId, callCentreId, counts \}; received "cell"/],
];

describe('ACR counters from another node are checked cell by cell (AcrInputError)', () => {
  for (const [entry, run] of ENTRIES) {
    describe(entry, () => {
      it.each(BAD)('%s', (_, cells, message) => {
        const e = thrown(() => run(countersOf(cells)));
        expect(e).toBeInstanceOf(AcrInputError);
        expect(e).toBeInstanceOf(DialguardError);
        expect((e as AcrInputError).code).toBe('INVALID_ACR_INPUT');
        expect(e.message).toMatch(message);
      });

      it('counters that are not an object, or whose cells or zone are not, are refused too', () => {
        // (`acrTable(null)` reads the zone before the ledger checks anything: not covered here.)
        const whole = entry === 'acrTable' ? [] : [null, 'counters'];
        for (const bad of [...whole, { timeZone: TZ, cells: null }, { timeZone: TZ, cells: [] }, { timeZone: 5, cells: {} }]) {
          expect(thrown(() => run(bad as unknown as AcrCounters))).toBeInstanceOf(AcrInputError);
        }
      });
    });
  }

  it('a negative count cannot hide another node\'s abandoned calls: the merged ACR stays 10 %, or the merge is refused', () => {
    expect(() => acrTable(mergeCounters(honest, countersOf({ b: cell('2026-03-02', 'spring', counts({ calls: -10, abandonedLive: -10 })) })))).toThrow(AcrInputError);
    expect(acrTable(mergeCounters(honest, emptyCounters(TZ))).find((r) => r.scope === 'all')!.acr.rate).toBe(0.1);
  });

  it('a key naming one cell in one set and another cell in the other is refused, not merged into the wrong day or campaign', () => {
    const other = countersOf({ a: cell('2026-03-03', 'autumn', counts({ calls: 5, abandonedLive: 5 })) });
    expect(thrown(() => mergeCounters(honest, other)).message).toBe(
      'ACR counters: cell "a" is ["2026-03-02","spring","leeds"] in one set of counters and ["2026-03-03","autumn","leeds"] in the other',
    );
  });

  it('more calls than can be counted exactly are refused, in a merge and in a ledger', () => {
    const big = (key: string, date: string) => countersOf({ [key]: cell(date, 'spring', counts({ calls: Number.MAX_SAFE_INTEGER, live: 1 })) });
    expect(() => mergeCounters(big('a', '2026-03-02'), big('b', '2026-03-03'))).toThrow(/past 9007199254740991/);
    expect(() => mergeCounters(big('a', '2026-03-02'), big('a', '2026-03-02'))).toThrow(AcrInputError);
    const ledger = createAcrLedger({ timeZone: TZ });
    ledger.addCounters(big('a', '2026-03-02'));
    expect(() => ledger.addCounters(big('b', '2026-03-03'))).toThrow(AcrInputError);
    expect(ledger.table(null).filter((r) => r.scope === 'all').map((r) => r.counts.calls)).toEqual([Number.MAX_SAFE_INTEGER]);
  });

  it('a bad cell adds nothing of its set to the ledger; counters merged are not changed', () => {
    const ledger = createAcrLedger({ timeZone: TZ });
    const mixed = countersOf({ ok: cell('2026-03-02', 'spring', counts({ calls: 3, live: 3 })), bad: cell('2026-03-02', 'spring', counts({ calls: '1' }), 'york') });
    expect(() => ledger.addCounters(mixed)).toThrow(AcrInputError);
    expect(ledger.size()).toBe(0);
    const before = JSON.stringify(honest);
    mergeCounters(honest, honest);
    expect(JSON.stringify(honest)).toBe(before);
  });

  it('a value quoted in a message is escaped and cut short: a key or a date from the data cannot write to a terminal', () => {
    const key = `k\u001b[2J${'x'.repeat(10_000)}`;
    const e = thrown(() => mergeCounters(honest, countersOf({ [key]: cell(`\u001b]0;t\u0007${'9'.repeat(100_000)}`, 'spring', counts()) })));
    expect(e).toBeInstanceOf(AcrInputError);
    expect(e.message).not.toMatch(/[\u0000-\u001f]/);
    expect(e.message.length).toBeLessThan(300);
    expect(e.message).toContain('\\u001b');
  });

  it('counts that are right go through: missing counters count 0 (older JSON), calls may exceed the other counts, days and ids of any text', () => {
    const older = countersOf({ c: { date: '2024-02-29', campaignId: '', callCentreId: 'x\u202ey', counts: { calls: 7, live: 2, abandonedLive: 1 } } });
    const merged = mergeCounters(honest, older);
    expect(merged.cells.c!.counts).toEqual({ ...counts({ calls: 7, live: 2, abandonedLive: 1 }) });
    const rows = acrTable(merged, { scopes: ['all'] });
    expect(rows.map((r) => [r.date, r.counts.calls, r.acr.x])).toEqual([
      ['2024-02-29', 7, 1],
      ['2026-03-02', 100, 10],
    ]);
  });

  it('ledger.addCounts checks its cell as addCounters does', () => {
    const ledger = createAcrLedger({ timeZone: TZ });
    const ok = counts({ calls: 1, live: 1 }) as unknown as CallCounts;
    expect(() => ledger.addCounts('2026-13-01', 'k', 'leeds', ok)).toThrow(/ACR counts of cell \["2026-13-01","k","leeds"\]: date should be a calendar date/);
    expect(() => ledger.addCounts('2026-03-02', null as unknown as string, 'leeds', ok)).toThrow(/campaignId should be a string; received null/);
    expect(() => ledger.addCounts('2026-03-02', 'k', 'leeds', counts({ calls: -1 }) as unknown as CallCounts)).toThrow(AcrInputError);
    expect(ledger.size()).toBe(0);
    ledger.addCounts('2026-03-02', 'k', 'leeds', ok);
    expect(ledger.size()).toBe(1);
  });

  it('counters in another zone are still a CounterZoneMismatchError, with the zone escaped', () => {
    expect(() => mergeCounters(honest, emptyCounters('UTC'))).toThrow(CounterZoneMismatchError);
    expect(thrown(() => mergeCounters(honest, countersOf({}, 'Evil/\u001b[2J'))).message).toContain('Evil/\\u001b[2J');
  });
});

describe('acrTable on what is not counters at all', () => {
  it('null, a string or an object with no zone: AcrInputError, never a TypeError', () => {
    for (const bad of [null, 'counters', 5, {}, { timeZone: 5, cells: {} }]) {
      expect(() => acrTable(bad as never), String(bad)).toThrow(AcrInputError);
    }
  });
});
