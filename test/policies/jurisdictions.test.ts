import { describe, expect, it } from 'vitest';
import { classify, definePolicy, foldEvents, ofcom2017, validatePolicy, type CallRecord, type ClassifiedCall, type Policy } from '../../src/internals.js';
import { misuseAll } from '../../src/misuse/misuse-all.js';
import { canadaCrtc, ofcom2010, POLICIES, policyById, usFcc, usTsr } from '../../src/policy/index.js';
import { unsociableHours } from '../support/rules.js';
import { callEvents } from '../support/calls.js';
import { instantOf } from '../guard/helpers.js';

type Steps = Parameters<typeof callEvents>[1];
const GOOD_CLI = '0113 496 1999';
const rec = (steps: Steps, over: Parameters<typeof callEvents>[2] = {}): CallRecord => foldEvents(callEvents('c1', steps, { cli: GOOD_CLI, ...over }));
const flags = (c: ClassifiedCall): string[] => c.flags.map((f) => f.kind);

describe('shipped policies', () => {
  it('every one is a valid Policy, listed by its id', () => {
    for (const [id, policy] of Object.entries(POLICIES)) {
      expect(validatePolicy(policy)).toBe(policy);
      expect(policy.id).toBe(id);
      expect(policyById(id)).toBe(policy);
      expect(policy.sources.length).toBeGreaterThan(0);
    }
    expect(policyById('toString')).toBeUndefined();
    expect(policyById('nope')).toBeUndefined();
  });

  it('differ only in data', () => {
    expect(ofcom2010.acr).toEqual({ window: 'calendarDay', alertRate: 0.03, alertMinCalls: 100 });
    expect(ofcom2010.message.deadlineFrom.withAmd).toBe('salutationEnd');
    expect(usTsr).toMatchObject({ timeZone: 'America/New_York', retentionMonths: 60, connection: { deadlineMs: 2000 }, acr: { window: 'trailing30Days', alertRate: 0.03 }, ring: { minMs: 15_000, minRings: 4 } });
    expect(usFcc.message.requiredContent).toContain('automatedOptOut');
    expect(canadaCrtc).toMatchObject({ timeZone: 'America/Toronto', retentionMonths: 36, connection: { deadlineMs: 2000 }, acr: { window: 'calendarDay', alertRate: 0.05 } });
    expect(canadaCrtc.callingHours[0]).toEqual({ start: '10:00', end: '18:00' });
    expect(canadaCrtc.callingHours[3]).toEqual({ start: '09:00', end: '21:30' });
  });
});

describe('the same calls under different policies', () => {
  // Pickup at 5 s; a 2-second greeting from 5.5 s to 7.5 s; the message 1.5 s after its end, at 9 s.
  const greeting: Steps = [['ringing', 100], ['answer', 5000], ['salutation', 5500, 'start'], ['salutation', 7500, 'end']];
  const late: Steps = [...greeting, ['message', 9000], ['hangup', 20_000, 'caller']];
  const lateAmd: Steps = [...greeting, ['amd', 7000, 'human'], ['message', 9000], ['hangup', 20_000, 'caller']];

  it('a message 1.5 s after the end of a 2-s greeting: late in the UK from pickup (no AMD), on time under the TSR', () => {
    const uk = classify(rec(late), ofcom2017);
    expect(uk.category).toBe('abandoned');
    expect(uk.flags.find((f) => f.kind === 'lateMessage')).toMatchObject({ ref: 'A2.19', detail: { delayMs: 4000, from: 'pickup', deadlineMs: 2000 } });
    const us = classify(rec(late), usTsr);
    expect(us.category).toBe('abandoned');
    expect(flags(us)).not.toContain('lateMessage');
  });

  it('with AMD: late in the UK from the start of salutation, on time under the TSR and the 2010 policy (end of greeting)', () => {
    const uk = classify(rec(lateAmd, { amd: true }), ofcom2017);
    expect(uk.flags.find((f) => f.kind === 'lateMessage')).toMatchObject({ detail: { delayMs: 3500, from: 'salutationStart' } });
    expect(flags(classify(rec(lateAmd, { amd: true }), usTsr))).not.toContain('lateMessage');
    expect(flags(classify(rec(lateAmd, { amd: true }), ofcom2010))).not.toContain('lateMessage');
    expect(flags(classify(rec(late), ofcom2010))).toContain('lateMessage'); // no AMD: from pickup in 2010 too
  });

  it('an agent 3 s after the completed greeting: live in the UK, abandoned under the TSR and the CRTC (2-s connection)', () => {
    const steps: Steps = [...greeting, ['agent', 10_500], ['hangup', 90_000, 'recipient']];
    expect(classify(rec(steps), ofcom2017).category).toBe('live');
    expect(classify(rec(steps), usTsr).category).toBe('abandoned');
    expect(classify(rec(steps), canadaCrtc).category).toBe('abandoned');
    const onTime: Steps = [...greeting, ['agent', 9000], ['hangup', 90_000, 'recipient']];
    for (const p of [ofcom2017, usTsr, usFcc, canadaCrtc]) expect(classify(rec(onTime), p).category).toBe('live');
  });

  it('calling hours differ: CRTC weekends start at 10:00 and end at 18:00; weekday evenings run to 21:30', () => {
    const TORONTO = 'America/Toronto';
    const at = (mo: number, d: number, h: number, mi: number): CallRecord => ({ ...rec([], {}), dialAt: instantOf(TORONTO, 2026, mo, d, h, mi), zone: TORONTO });
    const judged = (r: CallRecord) => ({ crtc: unsociableHours(r, canadaCrtc) !== null, tsr: unsociableHours(r, usTsr) !== null, uk: unsociableHours(r, ofcom2017) !== null });
    expect(judged(at(11, 22, 8, 30))).toEqual({ crtc: true, tsr: false, uk: false }); // Sunday 08:30
    expect(judged(at(11, 23, 21, 15))).toEqual({ crtc: false, tsr: true, uk: true }); // Monday 21:15
    expect(judged(at(11, 28, 18, 30))).toEqual({ crtc: true, tsr: false, uk: false }); // Saturday 18:30
    expect(judged(at(11, 23, 8, 30))).toEqual({ crtc: true, tsr: false, uk: false }); // Monday 08:30
  });

  it('ring: 15 s in every policy; the TSR’s four rings also suffice where the cadence is quicker', () => {
    const rang = (ms: number): CallRecord => rec([['ringing', 1000], ['hangup', 1000 + ms, 'caller', 'noAnswer']]);
    for (const p of [ofcom2017, ofcom2010, usTsr, usFcc, canadaCrtc]) {
      expect(flags(classify(rang(14_999), p))).toContain('shortRing');
      expect(flags(classify(rang(15_000), p))).not.toContain('shortRing');
    }
    // A 3-second cadence: 9.5 s is four rings begun — enough under "15 s or 4 rings", short under Ofcom's 15 s.
    const cadence = { ring: { ringCycleMs: 3000 } };
    const tsr3 = definePolicy(usTsr, cadence);
    const uk3 = definePolicy(ofcom2017, cadence);
    expect(flags(classify(rang(9_500), tsr3))).not.toContain('shortRing');
    expect(classify(rang(8_900), tsr3).flags.find((f) => f.kind === 'shortRing')).toMatchObject({ detail: { rings: 3, minRings: 4 } });
    expect(classify(rang(9_500), uk3).flags.find((f) => f.kind === 'shortRing')).toMatchObject({ detail: { rings: 4, minRings: null } });
  });

  it('message content: the FCC needs an automated opt-out; the TSR does not', () => {
    const content = { onBehalfOf: 'Acme Energy', explainsAttempt: true, optOutNumber: '+1 212 555 0100', marketing: false };
    const steps: Steps = [...greeting, ['message', 8000, content], ['hangup', 20_000, 'caller']];
    expect(classify(rec(steps), usFcc).flags.find((f) => f.kind === 'messageContent')).toMatchObject({ detail: { missing: ['automatedOptOut'] } });
    expect(flags(classify(rec(steps), usTsr))).not.toContain('messageContent');
    const withOptOut: Steps = [...greeting, ['message', 8000, { ...content, automatedOptOut: true }], ['hangup', 20_000, 'caller']];
    expect(flags(classify(rec(withOptOut), usFcc))).not.toContain('messageContent');
    // The UK asks for a basic-rate UK number: a US number does not do.
    expect(classify(rec(steps), ofcom2017).flags.find((f) => f.kind === 'messageContent')).toMatchObject({ detail: { missing: ['basicRateOptOutNumber'] } });
  });

  it('repeat calls: 72 h in the UK, no such rule in the US', () => {
    const abandoned = (id: string, at: number): ClassifiedCall =>
      classify(foldEvents(callEvents(id, [['answer', 5000], ['message', 6000], ['hangup', 20_000, 'caller']], { cli: GOOD_CLI, at })), usTsr);
    const calls = [abandoned('a1', 0), abandoned('a2', 3_600_000)];
    const repeats = (p: Policy) => misuseAll(calls, p, { alertRate: null }).flatMap((u) => u.call.flags.filter((f) => f.kind === 'repeatWithin72h'));
    expect(repeats(ofcom2017)).toHaveLength(1);
    expect(repeats(usTsr)).toHaveLength(0);
    expect(repeats(canadaCrtc)).toHaveLength(0);
  });

  it('records: six months, five years, three years', () => {
    expect([ofcom2017, ofcom2010, usTsr, usFcc, canadaCrtc].map((p) => p.retentionMonths)).toEqual([6, 6, 60, 60, 36]);
  });
});

describe('CLI numbering plan as policy data', () => {
  const usCli: Steps = [['answer', 5000], ['agent', 5500], ['hangup', 60_000, 'caller']];
  it('a North American CLI is not judged by the UK plan under the US and Canadian policies', () => {
    for (const policy of [usTsr, usFcc, canadaCrtc]) {
      // (10:00 in London is before 08:00 in New York and Toronto: only the hours rule speaks.)
      expect(flags(classify(rec(usCli, { cli: '+1 212 555 0147' }), policy))).toEqual(['unsociableHours']);
    }
  });
  it('…but is not basic rate under Ofcom (A2.14), and a withheld CLI is flagged everywhere (A1.20)', () => {
    expect(flags(classify(rec(usCli, { cli: '+1 212 555 0147' }), ofcom2017))).toEqual(['cliNotBasicRate']);
    for (const policy of [usTsr, canadaCrtc, ofcom2017]) expect(flags(classify(rec(usCli, { cli: null }), policy))).toContain('cliWithheld');
  });
});
