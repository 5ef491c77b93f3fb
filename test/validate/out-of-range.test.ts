/**
 * Issue 11: nothing in an operator or `audit()` throws because of one call's data. A record
 * built in code (never validated) whose dial time has no calendar day — `dialAt` 8.64e15,
 * NaN, a year-1 date — is classified with a `recordAnomaly` flag (anomaly `timeOutOfRange`)
 * and left out of every day-keyed count, while the other calls are counted as before.
 */
import { config, from, lastValueFrom, toArray, type Observable } from 'rxjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  acr,
  acrCounters,
  audit,
  CALENDAR_RANGE,
  hasCalendarDay,
  classified,
  classify,
  createDialGuard,
  misuse,
  newRecord,
  ofcom2017,
  ValidationError,
  zonedDay,
  zonedDayOrNull,
  type CallRecord,
} from '../../src/internals.js';

const T0 = Date.UTC(2026, 10, 23, 10, 0, 0);
const WILD = [8.64e15, -8.64e15, 8.64e15 - 1, 1e20, Number.NaN, Infinity, -Infinity, CALENDAR_RANGE.to, CALENDAR_RANGE.from - 1];

/** A call dialled at `dialAt`: `live` (an agent took it) or `abandoned` (a message, no agent), to `to`. */
function call(callId: string, dialAt: number, kind: 'live' | 'abandoned', to = '01632960001'): CallRecord {
  const base = newRecord({ callId, campaignId: 'spring', callCentreId: 'leeds', to, cli: '01134961000', agentGuaranteed: false, amd: false, messagePlanned: true, dialAt });
  return kind === 'live'
    ? { ...base, ringingAt: dialAt + 1_000, answerAt: dialAt + 6_000, agentAt: dialAt + 6_500, hangupAt: dialAt + 60_000, hangupBy: 'recipient', lastEventAt: dialAt + 60_000 }
    : { ...base, ringingAt: dialAt + 1_000, answerAt: dialAt + 6_000, messageAt: dialAt + 7_000, hangupAt: dialAt + 20_000, hangupBy: 'caller', lastEventAt: dialAt + 20_000 };
}

const good = [call('g1', T0, 'live'), call('g2', T0 + 60_000, 'abandoned'), call('g3', T0 + 120_000, 'live'), call('g4', T0 + 180_000, 'live', '01632960002')];
/** The good calls with every wild record in between. */
const mixed = [good[0]!, ...WILD.map((at, i) => call(`w${i}`, at, i % 2 === 0 ? 'abandoned' : 'live')), ...good.slice(1)];

let unhandled: unknown[] = [];
let previous: typeof config.onUnhandledError;
beforeEach(() => {
  unhandled = [];
  previous = config.onUnhandledError;
  config.onUnhandledError = (e) => void unhandled.push(e); // what RxJS would rethrow asynchronously and crash the host with
});
afterEach(() => {
  config.onUnhandledError = previous;
  expect(unhandled).toEqual([]);
});

/** Subscribes and collects; fails the test if `error` is ever called. */
async function collect<T>(source: Observable<T>): Promise<T[]> {
  const errors: unknown[] = [];
  const values: T[] = [];
  await new Promise<void>((resolve) => source.subscribe({ next: (v) => values.push(v), error: (e) => (errors.push(e), resolve()), complete: resolve }));
  await new Promise((resolve) => setTimeout(resolve, 0)); // give an asynchronous rethrow its chance
  expect(errors).toEqual([]);
  return values;
}

describe('zonedDay and the calendar range', () => {
  it('zonedDayOrNull returns null, and zonedDay throws a ValidationError, for an instant with no calendar day', () => {
    for (const at of WILD) {
      expect(zonedDayOrNull(at, 'Europe/London')).toBeNull();
      expect(() => zonedDay(at, 'Europe/London')).toThrow(ValidationError);
    }
  });

  it('a wild instant does not change the day of the next one (the cache is not poisoned)', () => {
    for (const at of WILD) zonedDayOrNull(at, 'Europe/London');
    expect(zonedDay(T0, 'Europe/London').date).toBe('2026-11-23');
  });

  it.each([
    ['0001-01-03T00:00:00Z', 'UTC', '0001-01-03', 3],
    ['0050-06-15T12:00:00Z', 'UTC', '0050-06-15', 3],
    ['0099-12-31T23:30:00Z', 'UTC', '0099-12-31', 4],
    ['0099-12-31T12:00:00Z', 'Etc/GMT+12', '0099-12-31', 4],
    ['9999-12-29T12:00:00Z', 'Pacific/Kiritimati', '9999-12-30', 4],
  ])('years 0001–0099 and 9999 get their own day: %s in %s is %s', (iso, zone, date, weekday) => {
    const at = Date.parse(iso);
    const day = zonedDay(at, zone);
    expect(day.date).toBe(date);
    expect(day.weekday).toBe(weekday);
    expect(day.start).toBeLessThanOrEqual(at);
    expect(day.end).toBeGreaterThan(at);
    expect(day.end - day.start).toBe(86_400_000);
    expect(zonedDay(day.start, zone).date).toBe(date);
    if (hasCalendarDay(day.start - 1)) expect(zonedDay(day.start - 1, zone).date < date).toBe(true);
    if (hasCalendarDay(day.end)) expect(zonedDay(day.end, zone).date > date).toBe(true);
  });
});

describe('a record with no calendar day', () => {
  it('classify flags it recordAnomaly / timeOutOfRange, at the dial, citing A2.23', () => {
    for (const at of WILD) {
      const flags = classify(call('w', at, 'live'), ofcom2017).flags.filter((f) => f.kind === 'recordAnomaly');
      expect(flags).toHaveLength(1);
      expect(flags[0]).toMatchObject({ kind: 'recordAnomaly', callId: 'w', ref: 'A2.23', detail: { anomaly: 'timeOutOfRange', event: 'dial' } });
    }
    expect(classify(call('g', T0, 'live')).flags.some((f) => f.kind === 'recordAnomaly')).toBe(false);
    expect(classify(call('g', CALENDAR_RANGE.from, 'live')).flags.some((f) => f.kind === 'recordAnomaly')).toBe(false);
  });

  it('classified() emits every call, the wild ones flagged', async () => {
    const calls = await collect(from(mixed).pipe(classified(ofcom2017)));
    expect(calls.map((c) => c.record.callId)).toEqual(mixed.map((r) => r.callId));
    expect(calls.filter((c) => c.flags.some((f) => f.kind === 'recordAnomaly')).length).toBe(WILD.length);
  });

  it('acr(): an update with no rows for each wild call; the good calls are counted as if alone', async () => {
    const updates = await collect(from(mixed).pipe(classified(ofcom2017), acr({ policy: ofcom2017 })));
    expect(updates).toHaveLength(mixed.length);
    const wild = updates.filter((u) => u.call.record.callId.startsWith('w'));
    expect(wild.every((u) => u.rows.length === 0 && u.date === '')).toBe(true);
    const alone = await collect(from(good).pipe(classified(ofcom2017), acr({ policy: ofcom2017 })));
    expect(updates.at(-1)!.counters()).toEqual(alone.at(-1)!.counters());
    expect(updates.at(-1)!.table()).toEqual(alone.at(-1)!.table());
  });

  it('acrCounters(): the wild calls are in no cell', async () => {
    const [counters] = await collect(from(mixed).pipe(classified(ofcom2017), acrCounters({ policy: ofcom2017 })));
    const [alone] = await collect(from(good).pipe(classified(ofcom2017), acrCounters({ policy: ofcom2017 })));
    expect(counters).toEqual(alone);
    expect(Object.values(counters!.cells).reduce((n, c) => n + c.counts.calls, 0)).toBe(good.length);
  });

  it('misuse(): every call comes out; the wild ones raise only their own flags and do not move the repeat history', async () => {
    const updates = await collect(from(mixed).pipe(classified(ofcom2017), misuse(ofcom2017)));
    expect(updates.map((u) => u.call.record.callId)).toEqual(mixed.map((r) => r.callId));
    const alone = await collect(from(good).pipe(classified(ofcom2017), misuse(ofcom2017)));
    const raised = (list: typeof updates) => list.filter((u) => u.call.record.callId.startsWith('g')).map((u) => u.raised.map((f) => f.kind));
    expect(raised(updates)).toEqual(raised(alone));
  });

  it('audit(): does not throw; the wild calls are counted as recordAnomaly flags and on no day', () => {
    const result = audit(mixed, ofcom2017);
    const alone = audit(good, ofcom2017);
    expect(result.counters).toEqual(alone.counters);
    expect(result.table).toEqual(alone.table);
    expect(result.flagCounts.recordAnomaly).toBe(WILD.length);
    // Every other flag: the good calls' (as if alone) plus the wild calls' own per-call flags.
    const expected: Record<string, number> = { ...alone.flagCounts };
    for (const r of mixed.filter((m) => m.callId.startsWith('w'))) for (const f of classify(r, ofcom2017).flags) expected[f.kind] = (expected[f.kind] ?? 0) + 1;
    expect(result.flagCounts).toEqual(expected);
    expect(result.calls).toBe(good.length);
    expect(result.report.period).toEqual(alone.report.period);
    expect(audit(mixed, ofcom2017, { misuse: false }).counters).toEqual(alone.counters);
  });

  it('the dial guard, observing a wild call, keeps the repeat history of the others', () => {
    const guard = createDialGuard(ofcom2017);
    guard.observe(classify(good[1]!, ofcom2017));
    guard.observe(classify(call('w', 8.64e15, 'live'), ofcom2017));
    const decision = guard.check({ to: good[1]!.to, cli: '01134961000', campaignId: 'spring', at: T0 + 3_600_000, agentGuaranteed: false });
    expect(decision.reasons.map((r) => r.kind)).toContain('repeatWithin72h');
  });
});

describe('after a wild call, the stream keeps its state', () => {
  it('lastValueFrom of the whole pipeline resolves', async () => {
    const all = await lastValueFrom(from(mixed).pipe(classified(ofcom2017), misuse(ofcom2017), toArray()));
    expect(all).toHaveLength(mixed.length);
  });
});

describe('the audit command', () => {
  it('counts a row with a time outside the valid range as rejected, naming the field, and audits the others', async () => {
    const { main } = await import('../../src/cli/main.js');
    const rows = [call('g1', T0, 'live'), { ...call('bad1', T0, 'live'), dialAt: 8.64e15 }, { ...call('bad2', T0, 'live'), hangupAt: '2100-01-01T00:00:00Z' }, call('g2', T0 + 60_000, 'live')];
    let out = '';
    let err = '';
    const text = rows.map((r) => JSON.stringify(r)).join('\n') + '\n';
    const code = await main(['audit', '-', '--json'], {
      stdout: { write: (t: string) => void (out += t) },
      stderr: { write: (t: string) => void (err += t), isTTY: false },
      stdin: (async function* () {
        yield Buffer.from(text);
      })(),
    });
    const report = JSON.parse(out) as { calls: number; rejected: { count: number } };
    expect(code).toBeLessThan(2);
    expect(report.calls).toBe(2);
    expect(report.rejected.count).toBe(2);
    expect(err).toContain('dialAt');
    expect(err).toContain('hangupAt');
    expect(err).toContain('valid time range');
  });
});
