/**
 * The ACR ledger's cells and scope days, with numbers worked by hand (A3.3–A3.4): the
 * property tests compare the ledger with `acrTable`, which counts through the ledger too,
 * so these give an independent oracle for ids, sums, slot reuse and row order.
 */
import { describe, expect, it } from 'vitest';
import { acrTable, CounterZoneMismatchError, createAcrLedger, createAcrTally, type AcrRow, type AcrScope, type CallCounts, type ClassifiedCall } from '../../src/internals.js';
import { callAt } from '../misuse/helpers.js';

const ZONE = 'Europe/London';
const NOON = (date: string) => Date.parse(`${date}T12:00:00Z`);
const live = callAt('l', 0, 'live');

/** A call of `template` dialled at noon UTC on `date`, for a campaign and call centre. */
function callOn(date: string, campaignId: string, callCentreId: string, template: ClassifiedCall = live): ClassifiedCall {
  return { ...template, record: { ...template.record, dialAt: NOON(date), campaignId, callCentreId } };
}

/** Counts with the fields given and `calls` their sum unless given. */
function counts(c: Partial<CallCounts>): CallCounts {
  const zero: CallCounts = { calls: 0, live: 0, abandonedLive: 0, abandonedUnknown: 0, silent: 0, unconnected: 0, machineDisconnected: 0, machineToAgent: 0, machineAbandoned: 0, undetermined: 0 };
  const all = { ...zero, ...c };
  return c.calls === undefined ? { ...all, calls: Object.values(all).reduce((a, b) => a + b, 0) } : all;
}

/** A row as (date scope campaign centre: calls live). */
const brief = (r: AcrRow) => `${r.date} ${r.scope} ${r.campaignId ?? '-'} ${r.callCentreId ?? '-'}: ${r.counts.calls} ${r.counts.live}`;

describe('the ACR ledger per scope and day, by hand (A3.4)', () => {
  it('keeps campaigns and call centres apart in their scopes and sums them where a scope aggregates, rows sorted by date, scope, campaign, centre', () => {
    // "ab"/"xb" and "leeds"/"hulls" differ only where a cheap hash does not look: they must stay apart.
    const ledger = createAcrLedger({ timeZone: ZONE });
    ledger.addCounts('2026-01-06', 'xb', 'leeds', counts({ live: 1 }));
    ledger.addCounts('2026-01-05', 'ab', 'leeds', counts({ live: 2, abandonedLive: 1 }));
    ledger.addCounts('2026-01-05', 'xb', 'leeds', counts({ live: 4 }));
    ledger.addCounts('2026-01-05', 'ab', 'hulls', counts({ live: 8 }));
    ledger.addCounts('2026-01-05', 'xb', 'leeds', counts({ live: 16 }));
    ledger.addCounts('2026-01-05', 'ab', 'leeds', counts({ live: 32 }));
    ledger.addCounts('2026-01-05', 'ab', 'hulls', counts({ live: 64 }));
    expect(ledger.table(null).map(brief)).toEqual([
      '2026-01-05 all - -: 127 126',
      '2026-01-05 campaign ab -: 107 106',
      '2026-01-05 campaign xb -: 20 20',
      '2026-01-05 callCentre - hulls: 72 72',
      '2026-01-05 callCentre - leeds: 55 54',
      '2026-01-05 campaignCallCentre ab hulls: 72 72',
      '2026-01-05 campaignCallCentre ab leeds: 35 34',
      '2026-01-05 campaignCallCentre xb leeds: 20 20',
      '2026-01-06 all - -: 1 1',
      '2026-01-06 campaign xb -: 1 1',
      '2026-01-06 callCentre - leeds: 1 1',
      '2026-01-06 campaignCallCentre xb leeds: 1 1',
    ]);
  });

  it('counts each cell apart when several cells share a place in its cache of recent cells, in any order (two kept per place, the latest first)', () => {
    // These four (campaign, centre) pairs share one place of the recent-cell cache on a date ending in 0.
    const cells = [
      ['energy', 'glasgow'],
      ['broadband', 'leeds'],
      ['b', 'leeds'],
      ['e', 'x'],
    ] as const;
    const ledger = createAcrLedger({ timeZone: ZONE, scopes: ['campaignCallCentre'] });
    // Alternating pairs (each found in the cache's second entry), then all four in turn (each evicts one), then repeats of one.
    const order = [0, 1, 0, 1, 1, 0, 2, 3, 0, 1, 2, 3, 3, 3, 2, 1, 0, 0];
    for (const i of order) ledger.add(callOn('2026-10-20', cells[i]![0], cells[i]![1]));
    const expected = cells.map(([campaign, centre], i) => `2026-10-20 campaignCallCentre ${campaign} ${centre}: ${order.filter((j) => j === i).length} ${order.filter((j) => j === i).length}`);
    expect(ledger.table(null).map(brief)).toEqual([...expected].sort());
  });

  it('call centres of one campaign sort by centre, whatever order they were counted in', () => {
    const ledger = createAcrLedger({ timeZone: ZONE, scopes: ['callCentre', 'campaignCallCentre'] });
    for (const centre of ['york', 'bath', 'leeds', 'avon']) ledger.addCounts('2026-01-05', 'k', centre, counts({ live: 1 }));
    expect(ledger.table(null).map((r) => `${r.scope} ${r.callCentreId}`)).toEqual([
      'callCentre avon',
      'callCentre bath',
      'callCentre leeds',
      'callCentre york',
      'campaignCallCentre avon',
      'campaignCallCentre bath',
      'campaignCallCentre leeds',
      'campaignCallCentre york',
    ]);
  });

  it('counts from elsewhere keep their calls total once, even when their fields do not add up to it', () => {
    const ledger = createAcrLedger({ timeZone: ZONE, scopes: ['all', 'campaign', 'campaignCallCentre'] });
    ledger.addCounts('2026-01-05', 'k', 'leeds', counts({ calls: 4, live: 2 }));
    ledger.addCounts('2026-01-05', 'k', 'leeds', counts({ calls: 2, live: 2 }));
    for (const row of ledger.table(null)) expect(row.counts).toMatchObject({ calls: 6, live: 4 });
  });

  it('a cell of no calls has its day, with 0 calls, in every kept scope', () => {
    const ledger = createAcrLedger({ timeZone: ZONE });
    ledger.addCounts('2026-01-05', 'k', 'leeds', counts({}));
    expect(ledger.table(null).map(brief)).toEqual(['2026-01-05 all - -: 0 0', '2026-01-05 campaign k -: 0 0', '2026-01-05 callCentre - leeds: 0 0', '2026-01-05 campaignCallCentre k leeds: 0 0']);
  });

  it('scopes asked in any order, or twice, are kept once each in ACR_SCOPES order', () => {
    const ledger = createAcrLedger({ timeZone: ZONE, scopes: ['campaignCallCentre', 'campaign', 'all', 'campaign'] });
    expect(ledger.scopes).toEqual(['all', 'campaign', 'campaignCallCentre']);
    ledger.keep(['callCentre', 'callCentre', 'all']);
    expect(ledger.scopes).toEqual(['all', 'campaign', 'callCentre', 'campaignCallCentre']);
    ledger.addCounts('2026-01-05', 'k', 'leeds', counts({ live: 1 }));
    expect(ledger.rows(ledger.find('campaignCallCentre', '2026-01-05', 'k', 'leeds'), null).map((r) => `${r.scope} ${r.counts.calls}`)).toEqual([
      'all 1',
      'campaign 1',
      'callCentre 1',
      'campaignCallCentre 1',
    ]);
  });

  it('scopes kept late are filled from every cell so far, and count on as if kept from the start (40 campaigns, 2 days)', () => {
    const late = createAcrLedger({ timeZone: ZONE, scopes: [] });
    const early = createAcrLedger({ timeZone: ZONE, scopes: ['all', 'campaign'] });
    const add = (date: string, i: number) => {
      for (const l of [late, early]) l.addCounts(date, `c${i}`, 'leeds', counts({ live: i + 1, abandonedLive: i % 3, silent: 1 }));
    };
    for (let i = 0; i < 20; i++) add(i % 2 === 0 ? '2026-01-05' : '2026-01-06', i);
    late.keep(['campaign', 'all']);
    expect(late.scopes).toEqual(['all', 'campaign']);
    for (let i = 20; i < 40; i++) add(i % 2 === 0 ? '2026-01-05' : '2026-01-06', i);
    expect(late.table(0.03)).toEqual(early.table(0.03));
    const all = early.table(null).filter((r) => r.scope === 'all');
    // Day 1: campaigns 0, 2, …, 38: live Σ(i + 1), abandoned Σ(i mod 3), one silent each.
    const even = Array.from({ length: 20 }, (_, k) => 2 * k);
    const odd = even.map((i) => i + 1);
    const day = (is: number[]) => ({ live: is.reduce((a, i) => a + i + 1, 0), abandonedLive: is.reduce((a, i) => a + (i % 3), 0), silent: 20 });
    expect(all.map((r) => r.counts)).toEqual([counts(day(even)), counts(day(odd))]);
    expect(early.table(null).filter((r) => r.scope === 'campaign')).toHaveLength(40);
  });

  it('find gives a kept scope’s slot for a day and ids, -1 for a scope not kept or a day not counted; a null id is the empty id', () => {
    const ledger = createAcrLedger({ timeZone: ZONE, scopes: ['campaign', 'callCentre'] });
    const cell = ledger.addCounts('2026-01-05', 'k', 'leeds', counts({ live: 1 }));
    const empty = ledger.addCounts('2026-01-05', '', '', counts({ live: 2 }));
    expect(ledger.find('campaign', '2026-01-05', 'k', null)).toBe(ledger.scopeSlot(cell, 'campaign'));
    expect(ledger.find('callCentre', '2026-01-05', null, 'leeds')).toBe(ledger.scopeSlot(cell, 'callCentre'));
    expect(ledger.find('campaignCallCentre', '2026-01-05', 'k', 'leeds')).toBe(cell);
    expect(ledger.find('campaign', '2026-01-05', null, null)).toBe(ledger.scopeSlot(empty, 'campaign'));
    expect(ledger.find('callCentre', '2026-01-05', null, null)).toBe(ledger.scopeSlot(empty, 'callCentre'));
    expect(ledger.find('campaignCallCentre', '2026-01-05', null, null)).toBe(empty);
    expect(ledger.find('campaign', '2026-01-05', 'k', null)).not.toBe(ledger.find('campaign', '2026-01-05', null, null));
    expect(ledger.find('all', '2026-01-05', null, null)).toBe(-1);
    expect(ledger.find('campaign', '2026-01-04', 'k', null)).toBe(-1);
    expect(ledger.capacity('all')).toBe(0);
  });

  it('reading a scope not kept: forEachDay visits nothing, a row throws a RangeError naming the scopes kept', () => {
    const ledger = createAcrLedger({ timeZone: ZONE, scopes: ['campaign'] });
    ledger.add(callOn('2026-01-05', 'k', 'leeds'));
    const seen: string[] = [];
    ledger.forEachDay('all', (_slot, date) => seen.push(date));
    ledger.forEachDay('campaign', (_slot, date) => seen.push(date));
    expect(seen).toEqual(['2026-01-05']);
    expect(() => ledger.row('callCentre', 0, null)).toThrow(new RangeError('the ACR ledger keeps no callCentre scope (asked for: campaign)'));
    const two = createAcrLedger({ timeZone: ZONE, scopes: ['all', 'campaign'] });
    expect(() => two.row('callCentre', 0, null)).toThrow(new RangeError('the ACR ledger keeps no callCentre scope (asked for: all, campaign)'));
    const none = createAcrLedger({ timeZone: ZONE, scopes: [] });
    expect(() => none.dayCounts('all', 0)).toThrow(new RangeError('the ACR ledger keeps no all scope (asked for: none)'));
    expect(() => none.scopeSlot(0, 'campaign')).toThrow(/keeps no campaign scope/);
  });

  it('a call on no calendar day (timeOutOfRange) is in no cell: not counted, no rows, no date or ids', () => {
    const ledger = createAcrLedger({ timeZone: ZONE });
    expect([ledger.cellDate(0), ledger.cellCampaign(0), ledger.cellCentre(0)]).toEqual(['', '', '']); // no cell made yet
    const far = { ...live, record: { ...live.record, dialAt: 8.64e15 } };
    const cell = ledger.add(far);
    expect(cell).toBe(-1);
    expect(ledger.size()).toBe(0);
    expect(ledger.rows(cell, 0.03)).toEqual([]);
    expect([ledger.cellDate(cell), ledger.cellCampaign(cell), ledger.cellCentre(cell)]).toEqual(['', '', '']);
    const tally = createAcrTally(ZONE);
    expect(tally.add(far)).toEqual({ date: '', campaignId: '', callCentreId: '', counts: counts({}) });
    expect(tally.cells().size).toBe(0);
  });

  it('each kind of call counts in its own counter (A3.3–A3.5)', () => {
    const ledger = createAcrLedger({ timeZone: ZONE, scopes: ['all'] });
    const machine = callAt('m', 0, 'machine');
    const kinds: ClassifiedCall[] = [
      live,
      callAt('a', 0, 'abandoned'),
      { ...callAt('u', 0, 'abandoned'), answeredBy: 'unknown' } as ClassifiedCall,
      callAt('s', 0, 'silent'),
      callAt('n', 0, 'unanswered'),
      { ...machine, machine: 'disconnectedByAmd' } as ClassifiedCall,
      { ...machine, machine: 'falseNegative' } as ClassifiedCall,
      { ...machine, machine: 'abandoned' } as ClassifiedCall,
      { ...live, category: 'undetermined', answeredBy: null } as ClassifiedCall,
    ];
    kinds.forEach((c, i) => {
      for (let k = 0; k <= i; k++) ledger.add(callOn('2026-01-05', 'k', 'leeds', c));
    });
    expect(ledger.table(null)[0]!.counts).toEqual({ calls: 45, live: 1, abandonedLive: 2, abandonedUnknown: 3, silent: 4, unconnected: 5, machineDisconnected: 6, machineToAgent: 7, machineAbandoned: 8, undetermined: 9 });
  });

  it('an undetermined call counts in `undetermined` and the calls total, outside x and y', () => {
    const ledger = createAcrLedger({ timeZone: ZONE, scopes: ['all'] });
    ledger.add(callOn('2026-01-05', 'k', 'leeds', { ...live, category: 'undetermined', answeredBy: null } as ClassifiedCall));
    const [row] = ledger.table(null);
    expect(row!.counts).toEqual(counts({ undetermined: 1 }));
    expect(row!.acr).toMatchObject({ x: 0, y: 0, rate: null });
  });
});

describe('the ACR tally: cells by cellKey, mergeable only within one zone', () => {
  it('add answers the call’s cell after it; cells() lists the cells by key', () => {
    const tally = createAcrTally(ZONE);
    tally.add(callOn('2026-01-05', 'k', 'leeds'));
    expect(tally.add(callOn('2026-01-05', 'k', 'leeds'))).toEqual({ date: '2026-01-05', campaignId: 'k', callCentreId: 'leeds', counts: counts({ live: 2 }) });
    tally.add(callOn('2026-01-06', 'j', 'hull'));
    expect([...tally.cells().entries()]).toEqual([
      ['["2026-01-05","k","leeds"]', { date: '2026-01-05', campaignId: 'k', callCentreId: 'leeds', counts: counts({ live: 2 }) }],
      ['["2026-01-06","j","hull"]', { date: '2026-01-06', campaignId: 'j', callCentreId: 'hull', counts: counts({ live: 1 }) }],
    ]);
  });

  it('counters kept in another zone are refused, naming both zones', () => {
    const tally = createAcrTally(ZONE);
    const ledger = createAcrLedger({ timeZone: ZONE });
    const other = { timeZone: 'America/New_York', cells: {} };
    for (const add of [() => tally.addCounters(other), () => ledger.addCounters(other)]) {
      expect(add).toThrow(CounterZoneMismatchError);
      expect(add).toThrow('cannot merge ACR counters kept in Europe/London with counters kept in America/New_York: their calendar days differ');
      try {
        add();
      } catch (e) {
        expect((e as CounterZoneMismatchError).code).toBe('ZONE_MISMATCH');
      }
    }
  });
});

describe('retainDays: days out of reach are dropped, their slots reused (A3.3)', () => {
  it('a reused slot starts from zero and leaves the days kept alone; capacity stays at the slots needed', () => {
    const ledger = createAcrLedger({ timeZone: ZONE, scopes: ['all', 'campaignCallCentre'], retainDays: 2 });
    ledger.addCounts('2026-01-02', 'a', 'leeds', counts({ live: 3 })); // slot 0
    ledger.addCounts('2026-01-01', 'b', 'leeds', counts({ live: 5 })); // late, slot 1
    ledger.addCounts('2026-01-03', 'c', 'leeds', counts({ live: 7 })); // drops 1 January, reuses slot 1
    expect(ledger.table(null).filter((r) => r.scope === 'campaignCallCentre').map(brief)).toEqual(['2026-01-02 campaignCallCentre a leeds: 3 3', '2026-01-03 campaignCallCentre c leeds: 7 7']);
    expect(ledger.table(null).filter((r) => r.scope === 'all').map(brief)).toEqual(['2026-01-02 all - -: 3 3', '2026-01-03 all - -: 7 7']);
    expect(ledger.capacity('campaignCallCentre')).toBe(2);
    expect(ledger.capacity('all')).toBe(2);
  });

  it('a dropped cell has no date or ids, is visited by nothing, and a later drop passes over its free slot', () => {
    const ledger = createAcrLedger({ timeZone: ZONE, scopes: ['campaign', 'campaignCallCentre'], retainDays: 1 });
    const p = ledger.add(callOn('2026-01-01', 'p', 'leeds'));
    ledger.add(callOn('2026-01-01', 'q', 'leeds'));
    ledger.add(callOn('2026-01-02', 'r', 'leeds')); // drops p and q; r takes one slot
    expect([ledger.cellDate(p), ledger.cellCampaign(p), ledger.cellCentre(p)]).toEqual(['', '', '']);
    const seen: string[] = [];
    ledger.forEachDay('campaignCallCentre', (_s, date, campaignId) => seen.push(`${date} ${campaignId}`));
    expect(seen).toEqual(['2026-01-02 r']);
    ledger.add(callOn('2026-01-03', 's', 'leeds')); // drops r, while a slot is still free
    expect(ledger.table(null).map(brief)).toEqual(['2026-01-03 campaign s -: 1 1', '2026-01-03 campaignCallCentre s leeds: 1 1']);
    expect(ledger.size()).toBe(1);
  });

  it('a late call does not move the latest day back: the days kept stay kept', () => {
    const ledger = createAcrLedger({ timeZone: ZONE, scopes: ['all'], retainDays: 3 });
    ledger.add(callOn('2026-01-10', 'k', 'leeds'));
    expect(ledger.add(callOn('2026-01-05', 'k', 'leeds'))).toBe(-1); // before the days kept: no cell (NO_CELL), counted nowhere
    ledger.add(callOn('2026-01-10', 'k', 'leeds'));
    expect(ledger.size()).toBe(1);
    ledger.add(callOn('2026-01-11', 'k', 'leeds'));
    expect(ledger.table(null).filter((r) => r.scope === 'all').map(brief)).toEqual(['2026-01-10 all - -: 2 2', '2026-01-11 all - -: 1 1']);
  });

  it('a late call of a dropped day is counted nowhere, least of all into the cell that took its slot', () => {
    const ledger = createAcrLedger({ timeZone: ZONE, scopes: ['campaignCallCentre'], retainDays: 1 });
    ledger.add(callOn('2026-01-01', 'a', 'leeds'));
    ledger.add(callOn('2026-01-02', 'b', 'leeds')); // drops 1 January; b takes a's slot
    const late = ledger.add(callOn('2026-01-01', 'a', 'leeds'));
    expect([late, ledger.cellDate(late), ledger.rows(late, null)]).toEqual([-1, '', []]);
    expect(ledger.table(null).map(brief)).toEqual(['2026-01-02 campaignCallCentre b leeds: 1 1']);
  });

  it('calls dated before the days kept make no cell, in any scope, however many (e.g. after one far-future call)', () => {
    const ledger = createAcrLedger({ timeZone: ZONE, scopes: ['all', 'campaign', 'callCentre', 'campaignCallCentre'], retainDays: 3 });
    ledger.add(callOn('2086-01-01', 'glitch', 'leeds'));
    for (let d = 1; d <= 28; d++) for (let c = 0; c < 50; c++) expect(ledger.add(callOn(`2026-02-${String(d).padStart(2, '0')}`, `k${c}`, `centre${c}`))).toBe(-1);
    expect(ledger.addCounts('2026-02-01', 'k', 'leeds', counts({ live: 3 }))).toBe(-1);
    expect(ledger.size()).toBe(1);
    for (const scope of ledger.scopes) expect(ledger.capacity(scope)).toBe(1);
    expect(ledger.table(null).map(brief)).toEqual([
      '2086-01-01 all - -: 1 1',
      '2086-01-01 campaign glitch -: 1 1',
      '2086-01-01 callCentre - leeds: 1 1',
      '2086-01-01 campaignCallCentre glitch leeds: 1 1',
    ]);
  });
});

describe('acrTable marks rates strictly above the level, and nothing without a level or a rate (A4.20)', () => {
  it('no level: no row alerts; a day with no rate never alerts, whatever the level', () => {
    const tally = createAcrTally(ZONE);
    tally.add(callOn('2026-01-05', 'k', 'leeds', callAt('a', 0, 'abandoned')));
    tally.add(callOn('2026-01-06', 'k', 'leeds', callAt('s', 0, 'silent')));
    const scopes: AcrScope[] = ['all'];
    expect(acrTable(tally.counters(), { scopes, alertRate: null }).map((r) => r.alert)).toEqual([false, false]);
    for (const alertRate of [0, -1]) {
      expect(acrTable(tally.counters(), { scopes, alertRate }).map((r) => [r.acr.rate, r.alert])).toEqual([
        [1, true],
        [null, false],
      ]);
    }
  });
});
