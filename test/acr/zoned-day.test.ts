import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PolicyError, zonedDay } from '../../src/index.js';

const H = 3_600_000;

describe('calendar days in a zone (A3.3)', () => {
  it('the spring-forward day in London has 23 hours, the autumn one 25', () => {
    const spring = zonedDay(Date.UTC(2026, 2, 29, 12), 'Europe/London');
    expect(spring).toMatchObject({ date: '2026-03-29', start: Date.UTC(2026, 2, 29, 0), end: Date.UTC(2026, 2, 29, 23), weekday: 0 });
    expect(spring.end - spring.start).toBe(23 * H);
    const autumn = zonedDay(Date.UTC(2026, 9, 25, 12), 'Europe/London');
    expect(autumn).toMatchObject({ date: '2026-10-25', start: Date.UTC(2026, 9, 24, 23), end: Date.UTC(2026, 9, 26, 0) });
    expect(autumn.end - autumn.start).toBe(25 * H);
  });

  it('a summer midnight in London is 23:00 UTC the evening before', () => {
    expect(zonedDay(Date.UTC(2026, 6, 1, 22, 59, 59, 999), 'Europe/London').date).toBe('2026-07-01');
    expect(zonedDay(Date.UTC(2026, 6, 1, 23), 'Europe/London').date).toBe('2026-07-02');
  });

  it('uses the zone it is given, never the host zone', () => {
    expect(zonedDay(Date.UTC(2026, 0, 1, 3), 'America/New_York').date).toBe('2025-12-31');
    expect(zonedDay(Date.UTC(2026, 0, 1, 3), 'Asia/Tokyo').date).toBe('2026-01-01');
  });

  it('rejects an unknown zone with a PolicyError', () => {
    expect(() => zonedDay(0, 'Mars/Olympus')).toThrow(PolicyError);
  });

  it('property: every instant lies in its day, days are 23–25 h, and the next day starts where it ends', () => {
    const zone = fc.constantFrom('Europe/London', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata', 'UTC');
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }), zone, (at, z) => {
        const d = zonedDay(at, z);
        expect(at >= d.start && at < d.end).toBe(true);
        const len = d.end - d.start;
        expect(len >= 23 * H && len <= 25 * H).toBe(true);
        const next = zonedDay(d.end, z);
        expect(next.start).toBe(d.end);
        expect(next.date > d.date).toBe(true);
        expect(zonedDay(d.start - 1, z).date < d.date).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
