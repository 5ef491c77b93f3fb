/**
 * The CLI's pieces on their own: the duplicate window, the column mapping, the period.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { zonedDay } from 'dialguard/internals';
import { mappingFromHeader, mappingFromOrder, CellError } from '../../src/cli/columns.js';
import { createDuplicateWindow } from '../../src/cli/dedupe.js';
import { UsageError } from '../../src/cli/exit-codes.js';
import { parsePeriod } from '../../src/cli/period.js';

describe('duplicate window', () => {
  it('catches a repeat within half the window, always; forgets ids a whole window back', () => {
    const w = createDuplicateWindow(10);
    for (let i = 0; i < 5; i++) expect(w.first(`id${i}`)).toBe(true);
    expect(w.first('id0')).toBe(false);
    for (let i = 5; i < 20; i++) expect(w.first(`id${i}`)).toBe(true);
    expect(w.size()).toBeLessThanOrEqual(10);
    expect(w.first('id0')).toBe(true); // long forgotten
    expect(w.first('id19')).toBe(false);
  });

  it('0 turns it off', () => {
    const w = createDuplicateWindow(0);
    expect(w.first('a')).toBe(true);
    expect(w.first('a')).toBe(true);
    expect(w.size()).toBe(0);
  });

  it('fingerprints do not collide on a million ids of the usual shapes (64 bits: none expected; 32 would give ~100)', () => {
    const w = createDuplicateWindow(4_000_000);
    const shapes = [
      (i: number) => `c${i}`,
      (i: number) => `CALL-2026-03-${String(i).padStart(8, '0')}`,
      (i: number) => `${(i * 2654435761) >>> 0}-${i.toString(36)}`,
    ];
    let false_ = 0;
    for (const shape of shapes) for (let i = 0; i < 350_000; i++) if (!w.first(shape(i))) false_ += 1;
    expect(false_).toBe(0);
    expect(w.size()).toBe(1_050_000);
    expect(w.first('c12345')).toBe(false);
    expect(w.first('CALL-2026-03-00000007')).toBe(false);
  });
});

describe('column mapping', () => {
  it('maps headers to fields by name, renamed by field=header, nested by dots, JSON for whole objects', () => {
    const m = mappingFromHeader(['call_id', 'callId', ' dialAt ', 'content.optOutNumber', 'content.marketing', 'anomalies', 'x.y.z', ''], 'callId=call_id');
    expect(m.fields).toEqual(['callId', 'dialAt', 'content.optOutNumber', 'content.marketing', 'anomalies']);
    expect(m.toObject(['c1', 'ignored', '2026-03-02T10:00Z', '0800', '', '[]', 'q', 'r'])).toEqual({
      callId: 'c1',
      dialAt: '2026-03-02T10:00Z',
      content: { optOutNumber: '0800' },
      anomalies: [],
    });
    expect(m.toObject(['c1', '', '', '', '', '', '', ''])).toEqual({ callId: 'c1', dialAt: '' }); // empty nested and JSON cells: absent
    expect(() => m.toObject(['c1', '', '', '', '', '[oops', '', ''])).toThrow(CellError);
  });

  it('builds rows without a prototype, nested objects included', () => {
    const m = mappingFromHeader(['callId', 'content.optOutNumber', 'agent_name', 'agent.name'], undefined);
    expect(m.fields).toEqual(['callId', 'content.optOutNumber']);
    const row = m.toObject(['c1', '0800', 'Sam', 'Sam']);
    expect(Object.getPrototypeOf(row)).toBeNull();
    expect(Object.getPrototypeOf(row.content)).toBeNull();
  });

  it('without a header, lists the fields in column order; empty entries skip columns', () => {
    const m = mappingFromOrder('callId,,dialAt');
    expect(m.width).toBe(3);
    expect(m.toObject(['c1', 'junk', 'T'])).toEqual({ callId: 'c1', dialAt: 'T' });
  });

  it('refuses mappings that cannot be right', () => {
    expect(() => mappingFromHeader(['a'], 'callId=b')).toThrow(/no column "b"/);
    expect(() => mappingFromHeader(['a', 'b'], 'callId=a,callId=b')).toThrow(/maps callId twice/);
    expect(() => mappingFromHeader(['a'], 'callId=a,campaignId=a')).toThrow(/to two fields/);
    expect(() => mappingFromOrder('callId=a')).toThrow(UsageError);
    expect(() => mappingFromOrder('a.b.c')).toThrow(/"a\.b\.c" is not a field dialguard reads/);
    expect(() => mappingFromOrder('callId,__proto__.disposition')).toThrow(/"__proto__\.disposition" is not a field dialguard reads/);
    expect(() => mappingFromHeader(['callId', 'content.optout'], undefined)).toThrow(/column 2 of the header, "content\.optout"/);
    expect(() => mappingFromOrder('callId,callId')).toThrow(/twice/);
  });
});

describe('period', () => {
  it('a date is a whole local day, 23 or 25 hours at the clock changes', () => {
    const p = parsePeriod('2026-03-29', '2026-03-29', 'Europe/London'); // spring forward
    expect(p).toEqual({ from: Date.UTC(2026, 2, 29, 0), to: Date.UTC(2026, 2, 29, 23) });
    const q = parsePeriod('2026-10-25', '2026-10-25', 'Europe/London'); // fall back
    expect(q.to! - q.from!).toBe(25 * 3_600_000);
    const tokyo = parsePeriod('2026-03-02', undefined, 'Asia/Tokyo');
    expect(tokyo.from).toBe(Date.UTC(2026, 2, 1, 15));
  });

  it('a date-time needs its zone, and is widened to its whole local day', () => {
    expect(parsePeriod('2026-03-02T10:00:00+01:00', undefined, 'UTC').from).toBe(Date.UTC(2026, 2, 2));
    expect(parsePeriod(undefined, '2026-03-02T10:00:00+01:00', 'UTC').to).toBe(Date.UTC(2026, 2, 3));
    // Exactly local midnight is the first instant of its day: --to includes that day.
    expect(parsePeriod(undefined, '2026-03-03T00:00:00Z', 'Europe/London').to).toBe(Date.UTC(2026, 2, 4));
    expect(parsePeriod('2026-03-03', '2026-03-03T00:00:00Z', 'Europe/London')).toEqual({ from: Date.UTC(2026, 2, 3), to: Date.UTC(2026, 2, 4) });
    // In the audit's zone: 23:30 UTC on 30 June is 1 July in London (BST).
    expect(parsePeriod('2026-06-30T23:30:00Z', undefined, 'Europe/London').from).toBe(Date.UTC(2026, 5, 30, 23));
    expect(() => parsePeriod('0001-01-01T00:00:00Z', undefined, 'UTC')).toThrow(/outside the dates/);
    expect(() => parsePeriod('2026-03-02T10:00', undefined, 'UTC')).toThrow(/has no zone/);
    expect(() => parsePeriod('2026-02-30', undefined, 'UTC')).toThrow(/not a calendar date/);
    expect(() => parsePeriod('yesterday', undefined, 'UTC')).toThrow(/should be a date/);
  });

  it('property: a date-time gives the same period as its local date', () => {
    const zones = ['Europe/London', 'UTC', 'America/New_York', 'Pacific/Auckland', 'Asia/Kolkata'];
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2032, 0, 1) }), fc.constantFrom(...zones), (ms, zone) => {
        const iso = new Date(ms).toISOString();
        const date = zonedDay(ms, zone).date;
        expect(parsePeriod(iso, iso, zone)).toEqual(parsePeriod(date, date, zone));
      }),
      { numRuns: 500 },
    );
  });
});
