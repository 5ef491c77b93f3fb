import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { classify, definePolicy, foldEvents, ofcom2017, PolicyError, zonedDay, type AnyFlag } from '../../src/index.js';
import { isScanningProbe } from '../../src/rules/number-scanning/index.js';
import { misuseAll } from '../../src/misuse/misuse-all.js';
import { createMisuseState } from '../../src/misuse/state.js';
import { callEvents, T0 } from '../support/calls.js';
import { callAt, DAY, GOOD_CLI, HOUR, type Outcome } from './helpers.js';

const scopeFlags = (raised: readonly AnyFlag[]) => raised.filter((f) => f.callId === null);
const number = (i: number) => `0113 496 ${String(2000 + i)}`;

describe('many CLIs in a campaign day (A1.21–A1.23)', () => {
  const policy = definePolicy(ofcom2017, { cli: { maxDistinctPerCampaignDay: 2 } });
  const withCli = (id: string, at: number, cli: string | null, campaignId = 'spring') => callAt(id, at, 'live', { cli, campaignId, to: number(Number(id.slice(1))) }, policy);

  it('raises one flag, about the campaign and day, when the distinct CLIs first exceed the maximum', () => {
    const updates = misuseAll(
      [withCli('c1', 0, '0113 496 1999'), withCli('c2', 1000, '+44 113 496 1999'), withCli('c3', 2000, '0300 555 0199'), withCli('c4', 3000, '0800 123 4567'), withCli('c5', 4000, '07700 123456')],
      policy,
      { alertRate: null },
    );
    expect(updates.map((u) => scopeFlags(u.raised).length)).toEqual([0, 0, 0, 1, 0]);
    expect(updates[3]?.raised.at(-1)).toEqual({
      kind: 'tooManyClis',
      callId: null,
      at: T0 + 3000,
      ref: 'A1.21',
      detail: { campaignId: 'spring', date: '2026-11-23', distinct: 3, max: 2 },
    });
    expect(updates[3]?.call.flags.some((f) => f.kind === 'tooManyClis')).toBe(false);
  });

  it('counts campaigns and days apart, and ignores withheld CLIs', () => {
    const calls = [
      withCli('c1', 0, '0113 496 1999'),
      withCli('c2', 1000, '0300 555 0199'),
      withCli('c3', 2000, null),
      withCli('c4', 3000, '0800 123 4567', 'autumn'),
      withCli('c5', DAY, '07700 123456'),
      withCli('c6', DAY + 1000, '0800 123 4567'),
    ];
    expect(misuseAll(calls, policy, { alertRate: null }).flatMap((u) => scopeFlags(u.raised))).toEqual([]);
  });
});

describe('number scanning (A1.35)', () => {
  const policy = definePolicy(ofcom2017, { scanning: { minCalls: 3, maxRingMs: 3000 } });

  it('a probe is a call the caller ended, unanswered, within the limit of ringing; exactly the limit counts', () => {
    expect(isScanningProbe(callAt('p', 0, 'probe').record, policy)).toBe(true);
    expect(isScanningProbe(callAt('u', 0, 'unanswered').record, policy)).toBe(false);
    expect(isScanningProbe(callAt('s', 0, 'silent').record, policy)).toBe(false);
    const probe = callAt('e', 0, 'probe', {}, policy).record;
    expect(isScanningProbe({ ...probe, ringingAt: T0 + 500, hangupAt: T0 + 3500 }, policy)).toBe(true);
    expect(isScanningProbe({ ...probe, ringingAt: T0 + 500, hangupAt: T0 + 3501 }, policy)).toBe(false);
    expect(isScanningProbe({ ...probe, ringingAt: null, hangupAt: T0 + 3000 }, policy)).toBe(true);
  });

  it('raises one flag when probes to numbers not otherwise called that day reach the minimum', () => {
    const calls = Array.from({ length: 5 }, (_, i) => callAt(`p${i}`, i * 10_000, 'probe', { to: number(i) }, policy));
    const updates = misuseAll(calls, policy, { alertRate: null });
    expect(updates.map((u) => scopeFlags(u.raised).map((f) => f.kind))).toEqual([[], [], ['numberScanning'], [], []]);
    expect(updates[2]?.raised.at(-1)).toMatchObject({
      callId: null,
      ref: 'A1.35',
      detail: { campaignId: 'spring', date: '2026-11-23', calls: 3, minCalls: 3, maxRingMs: 3000 },
    });
  });

  it('a probe to a number also called otherwise that day does not count', () => {
    const calls = [
      callAt('p0', 0, 'probe', { to: number(0) }, policy),
      callAt('p1', 10_000, 'probe', { to: number(1) }, policy),
      callAt('l1', 20_000, 'live', { to: number(1) }, policy), // number 1 was otherwise called
      callAt('p2', 30_000, 'probe', { to: number(2) }, policy),
      callAt('p3', 40_000, 'probe', { to: number(2) }, policy), // a second probe to number 2
      callAt('p4', 50_000, 'probe', { to: number(4) }, policy),
      callAt('p5', 60_000, 'probe', { to: number(5) }, policy),
    ];
    const kinds = misuseAll(calls, policy, { alertRate: null }).map((u) => scopeFlags(u.raised).length);
    expect(kinds).toEqual([0, 0, 0, 0, 0, 0, 1]);
  });

  it('counts each campaign and day apart', () => {
    const calls = [
      callAt('p0', 0, 'probe', { to: number(0) }, policy),
      callAt('p1', 10_000, 'probe', { to: number(1), campaignId: 'autumn' }, policy),
      callAt('p2', DAY, 'probe', { to: number(2) }, policy),
    ];
    expect(misuseAll(calls, policy, { alertRate: null }).flatMap((u) => scopeFlags(u.raised))).toEqual([]);
  });
});

describe('ACR alert (A3.4; an alert, never a safe harbour, A4.20)', () => {
  /** These days have a handful of calls: the alert's sample size is set to none (see acr-alert.property.test.ts for alertMinCalls). */
  const anySample = definePolicy(ofcom2017, { acr: { alertMinCalls: 0 } });
  it('raises once per scope and day when the running rate first rises above the alert level', () => {
    const calls = [callAt('l1', 0, 'live'), callAt('a1', 60_000, 'abandoned', { to: number(1) }), callAt('a2', 120_000, 'abandoned', { to: number(2) })];
    const updates = misuseAll(calls, anySample, { scopes: ['all', 'campaign'] });
    expect(updates.map((u) => scopeFlags(u.raised).map((f) => f.kind === 'acrAlert' && f.detail.scope))).toEqual([[], ['all', 'campaign'], []]);
    expect(updates[1]?.raised.at(-2)).toEqual({
      kind: 'acrAlert',
      callId: null,
      at: T0 + 60_000,
      ref: 'A3.4',
      detail: { date: '2026-11-23', scope: 'all', campaignId: null, callCentreId: null, rate: 0.5, alertRate: 0.03, x: 1, y: 1, z: 0, estimated: false, calls: 2, minCalls: 0 },
    });
  });

  it('a rate that falls below the level and rises again does not raise it twice that day; the next day it can', () => {
    const lives = Array.from({ length: 40 }, (_, i) => callAt(`l${i}`, 1000 * (i + 2), 'live', { to: number(i + 10) }));
    const calls = [callAt('a0', 0, 'abandoned', { to: number(0) }), ...lives, callAt('a1', 100_000, 'abandoned', { to: number(1) }), callAt('n1', DAY, 'abandoned', { to: number(2) })];
    const alerts = misuseAll(calls, anySample, { scopes: ['all'] }).flatMap((u) => scopeFlags(u.raised));
    expect(alerts.map((f) => f.kind === 'acrAlert' && f.detail.date)).toEqual(['2026-11-23', '2026-11-24']);
  });

  it('options.alertRate overrides the policy; null turns the alert off', () => {
    const calls = [callAt('l1', 0, 'live'), callAt('a1', 1000, 'abandoned', { to: number(1) })];
    expect(misuseAll(calls, anySample, { alertRate: 0.6, scopes: ['all'] }).flatMap((u) => scopeFlags(u.raised))).toEqual([]);
    expect(misuseAll(calls, anySample, { alertRate: null }).flatMap((u) => scopeFlags(u.raised))).toEqual([]);
    expect(misuseAll(calls, definePolicy(ofcom2017, { acr: { alertRate: null } })).flatMap((u) => scopeFlags(u.raised))).toEqual([]);
  });
});

describe('options', () => {
  it('a negative lateness or an alert level outside 0–1 is a PolicyError naming the option', () => {
    expect(() => createMisuseState(ofcom2017, { maxLatenessMs: -1 })).toThrow(PolicyError);
    expect(() => createMisuseState(ofcom2017, { alertRate: 3 })).toThrow(/alertRate should be a fraction 0–1/);
    expect(() => createMisuseState(ofcom2017, { alertRate: Number.NaN })).toThrow(PolicyError);
  });
});

describe('day state', () => {
  it('keeps the latest day and the day before; a call dated earlier is not counted again', () => {
    const policy = definePolicy(ofcom2017, { cli: { maxDistinctPerCampaignDay: 1 } });
    const state = createMisuseState(policy, { alertRate: null });
    const cli = (id: string, at: number, c: string) => state.next(callAt(id, at, 'live', { cli: c, to: number(Number(id.slice(1))) }, policy));
    expect(scopeFlags(cli('c1', 0, GOOD_CLI).raised)).toEqual([]);
    expect(scopeFlags(cli('c2', HOUR, '0300 555 0199').raised)).toHaveLength(1);
    expect(scopeFlags(cli('c3', DAY, GOOD_CLI).raised)).toEqual([]); // the next day: kept, its own count
    expect(scopeFlags(cli('c4', 2 * HOUR, '0800 123 4567').raised)).toEqual([]); // day 1 still kept, already flagged
    const before = state.daySize();
    cli('c5', 2 * DAY, GOOD_CLI); // day 3: day 1 dropped
    expect(state.daySize()).toBeLessThan(before + 2);
    expect(scopeFlags(cli('c6', 3 * HOUR, '07700 123456').raised)).toEqual([]); // day 1 is gone: not counted again
  });
});

describe('per-call flags come with the call', () => {
  it('the update carries classify’s flags (hours, CLI, recording notice) and the repeat flag in one list', () => {
    const night = callAt('n1', -9 * HOUR, 'silent', { cli: '0845 123 4567' }); // 01:00 local
    const again = callAt('n2', -8 * HOUR, 'abandoned', { cli: '0845 123 4567' });
    const [, u] = misuseAll([night, again], ofcom2017, { alertRate: null });
    expect(u?.call.flags.map((f) => f.kind)).toEqual(['abandonedCall', 'cliNotBasicRate', 'unsociableHours', 'repeatWithin72h']);
    expect(u?.call.record).toBe(again.record);
  });

  it('recording without notice comes from classify, which knows the campaigns with standing written notice', () => {
    const events = callEvents('rec1', [['answer', 5000], ['agent', 5500], ['recording', 5600, false], ['hangup', 60_000, 'caller']], { cli: GOOD_CLI });
    const plain = misuseAll([classify(foldEvents(events))], ofcom2017, { alertRate: null });
    expect(plain[0]?.raised.map((f) => f.kind)).toEqual(['recordingWithoutNotice']);
    const noticed = misuseAll([classify(foldEvents(events), ofcom2017, { standingRecordingNotice: ['spring'] })], ofcom2017, { alertRate: null });
    expect(noticed[0]?.raised).toEqual([]);
  });
});

describe('ACR alert (property)', () => {
  it('raises exactly what a plain running tally of every call would, once per scope and day, from alertMinCalls calls in x + y', () => {
    const spec = fc.record({
      at: fc.integer({ min: 0, max: 40 * HOUR }),
      outcome: fc.constantFrom<Outcome>('live', 'abandoned', 'silent', 'unanswered', 'machine', 'machineToAgent'),
      campaignId: fc.constantFrom('a', 'b'),
      callCentreId: fc.constantFrom('leeds', 'cebu'),
    });
    const scopes = ['all', 'campaign', 'callCentre', 'campaignCallCentre'] as const;
    fc.assert(
      fc.property(fc.array(spec, { maxLength: 60 }), fc.constantFrom(0.03, 0.2, 0.5), fc.constantFrom(0, 1, 5, 20), (specs, alertRate, alertMinCalls) => {
        const policy = definePolicy(ofcom2017, { acr: { alertMinCalls } });
        const calls = specs
          .sort((x, y) => x.at - y.at)
          .map((s, i) => callAt(`c${i}`, s.at, s.outcome, { campaignId: s.campaignId, callCentreId: s.callCentreId, to: number(i) }));
        const got = misuseAll(calls, policy, { alertRate }).flatMap((u, i) =>
          u.raised.flatMap((f) => (f.kind === 'acrAlert' ? [[i, f.detail.date, f.detail.scope, f.detail.campaignId, f.detail.callCentreId, f.detail.rate]] : [])),
        );
        // The model: running y, z, known and unknown abandoned calls per scope and day (Annex 3, A3.6).
        const tally = new Map<string, { y: number; z: number; known: number; unknown: number }>();
        const seen = new Set<string>();
        const expected = calls.flatMap((call, i) => {
          const date = zonedDay(call.record.dialAt, ofcom2017.timeZone).date;
          return scopes.flatMap((scope) => {
            const campaignId = scope === 'campaign' || scope === 'campaignCallCentre' ? call.record.campaignId : null;
            const callCentreId = scope === 'callCentre' || scope === 'campaignCallCentre' ? call.record.callCentreId : null;
            const key = JSON.stringify([date, scope, campaignId, callCentreId]);
            const t = tally.get(key) ?? { y: 0, z: 0, known: 0, unknown: 0 };
            tally.set(key, t);
            if (call.category === 'live') t.y += 1;
            else if (call.category === 'abandoned') (call.answeredBy === 'unknown' ? (t.unknown += 1) : (t.known += 1));
            else if (call.category === 'answerMachine' && call.machine === 'falseNegative') t.z += 1;
            else return [];
            const share = t.y + t.z === 0 ? 0 : t.z / (t.y + t.z);
            const x = t.known + t.unknown * (1 - share);
            const rate = x + t.y === 0 ? null : x / (x + t.y);
            if (rate === null || !(rate > alertRate) || t.y + t.known + t.unknown < alertMinCalls || seen.has(key)) return [];
            seen.add(key);
            return [[i, date, scope, campaignId, callCentreId, rate]];
          });
        });
        expect(got).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
