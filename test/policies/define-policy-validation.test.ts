/**
 * README "Policies": "`definePolicy(base, changes)` makes a variant and checks it, throwing
 * `PolicyError` naming the field." Values that would silently change what the rules judge,
 * or fail later with an unrelated error, are refused.
 */
import { describe, expect, it } from 'vitest';
import { audit, definePolicy, ofcom2017, PolicyError, usTsr, type Policy, type PolicyChanges } from '../../src/index.js';
import { LIVE, rec } from './us-helpers.js';

/** `changes` as JSON from a config file might give them (definePolicy documents that `changes` may come from JSON). */
const json = (changes: unknown): PolicyChanges => changes as PolicyChanges;

function expectPolicyError(base: Policy, changes: PolicyChanges, field: RegExp): void {
  let thrown: unknown = null;
  try {
    definePolicy(base, changes);
  } catch (e) {
    thrown = e;
  }
  expect(thrown).toBeInstanceOf(PolicyError);
  expect((thrown as Error).message).toMatch(field);
}

describe('definePolicy refuses values that would silently break rules, with a PolicyError naming the field', () => {
  it('ring.minMs above ring.maxMs (every unanswered call the caller ends would be a short or a long ring)', () => {
    expectPolicyError(ofcom2017, { ring: { minMs: 30_000, maxMs: 20_000 } }, /ring\.minMs/);
    expect(definePolicy(ofcom2017, { ring: { minMs: 20_000, maxMs: 20_000 } }).ring).toMatchObject({ minMs: 20_000, maxMs: 20_000 }); // equal is allowed
  });

  it('ring.minMs, ring.maxMs or message.deadlineMs over 2^31 − 1 ms: the call machine\'s timers would fire early (the timers and ticks variants disagreed)', () => {
    const MAX = 2 ** 31 - 1;
    expectPolicyError(ofcom2017, { ring: { maxMs: 30 * 86_400_000 } }, /ring\.maxMs should be at most 2147483647 ms/);
    expectPolicyError(ofcom2017, { ring: { minMs: MAX + 1, maxMs: MAX + 1 } }, /ring\.minMs/);
    expectPolicyError(ofcom2017, { message: { deadlineMs: MAX + 1 } }, /message\.deadlineMs/);
    const longest = definePolicy(ofcom2017, { ring: { maxMs: MAX }, message: { deadlineMs: MAX } });
    expect([longest.ring.maxMs, longest.message.deadlineMs]).toEqual([MAX, MAX]);
  });

  it('ring.minRings that is not a whole number of rings (NaN, negative, 0, fractional, a string)', () => {
    for (const bad of [Number.NaN, -1, 0, 2.5, '4']) expectPolicyError(usTsr, json({ ring: { minRings: bad } }), /ring\.minRings/);
    expect(definePolicy(usTsr, { ring: { minRings: null } }).ring.minRings).toBeNull();
    expect(definePolicy(ofcom2017, { ring: { minRings: 3 } }).ring.minRings).toBe(3);
  });

  it('cli.maxDistinctPerCampaignDay not a positive whole number (tooManyClis could never fire)', () => {
    for (const bad of [Number.NaN, 0, -1, 1.5, Number.POSITIVE_INFINITY]) expectPolicyError(ofcom2017, { cli: { maxDistinctPerCampaignDay: bad } }, /cli\.maxDistinctPerCampaignDay/);
  });

  it('scanning.minCalls not a positive whole number (numberScanning could never fire)', () => {
    for (const bad of [Number.NaN, 0, -3, 2.5]) expectPolicyError(ofcom2017, { scanning: { minCalls: bad } }, /scanning\.minCalls/);
  });

  it('persistenceWeeks not a positive whole number (accepted, then audit() failed with a ValidationError about "input: at")', () => {
    for (const bad of [Number.NaN, 0, -2, 1.5]) expectPolicyError(usTsr, { persistenceWeeks: bad }, /persistenceWeeks/);
  });

  it('persistenceWeeks NaN: an accepted policy must not make audit() throw a ValidationError that blames the input', () => {
    let p: Policy | null = null;
    try {
      p = definePolicy(usTsr, { persistenceWeeks: Number.NaN });
    } catch (e) {
      expect(e).toBeInstanceOf(PolicyError);
    }
    if (p !== null) expect(() => audit([rec('1', '2026-03-10T15:00:00Z', LIVE)], p)).not.toThrow();
  });

  it('acr.window that is neither calendarDay nor trailing30Days (a typo is measured as a trailing window, labelled as a calendar day)', () => {
    expectPolicyError(usTsr, json({ acr: { window: 'trailing30days' } }), /acr\.window/);
  });

  it('message.deadlineFrom with an unknown moment (silently timed from pickup)', () => {
    expectPolicyError(usTsr, json({ message: { deadlineFrom: { withAmd: 'greetingEnd', withoutAmd: 'salutationEnd' } } }), /deadlineFrom/);
  });

  it('message.deadlineFrom given in part: the other moment is kept (merged field by field)', () => {
    const p = definePolicy(usTsr, json({ message: { deadlineFrom: { withAmd: 'pickup' } } }));
    expect(p.message.deadlineFrom).toEqual({ withAmd: 'pickup', withoutAmd: 'salutationEnd' });
    expect(usTsr.message.deadlineFrom).toEqual({ withAmd: 'salutationEnd', withoutAmd: 'salutationEnd' }); // the base is not changed
    expect(definePolicy(ofcom2017, { message: { deadlineFrom: { withoutAmd: 'salutationStart' } } }).message.deadlineFrom).toEqual({ withAmd: 'salutationStart', withoutAmd: 'salutationStart' });
    expectPolicyError(usTsr, json({ message: { deadlineFrom: { withAMD: 'pickup' } } }), /message\.deadlineFrom\.withAMD/);
    expectPolicyError(usTsr, json({ message: { deadlineFrom: 'pickup' } }), /deadlineFrom/);
  });

  it('message.requiredContent with an unknown element (every message then lacks it), or not a list', () => {
    expectPolicyError(usTsr, json({ message: { requiredContent: ['identifiesCallr'] } }), /requiredContent\[0\]/);
    expectPolicyError(usTsr, json({ message: { requiredContent: 'identifiesCaller' } }), /requiredContent/);
    expect(definePolicy(usTsr, { message: { requiredContent: [] } }).message.requiredContent).toEqual([]);
  });

  it("cli.numberingPlan other than 'uk' or 'none' (the UK CLI checks silently switch off)", () => {
    expectPolicyError(ofcom2017, json({ cli: { numberingPlan: 'UK' } }), /cli\.numberingPlan/);
  });

  it('callingHours with a hole: a PolicyError, not a TypeError', () => {
    expectPolicyError(usTsr, json({ callingHours: [null, null, null, null, null, null, undefined] }), /callingHours/);
  });

  it('callingHours that is not an array: a PolicyError, not a TypeError', () => {
    expectPolicyError(usTsr, json({ callingHours: 'sun-sat' }), /callingHours/); // seven characters, as seven days
  });

  it('a calling window that is not an object of HH:MM strings', () => {
    const week = (day: unknown) => json({ callingHours: [null, null, null, day, null, null, null] });
    for (const bad of ['08:00-21:00', { start: 800, end: 2100 }, [], 0]) expectPolicyError(usTsr, week(bad), /callingHours\[3\]/);
    expect(definePolicy(usTsr, week({ start: '09:00', end: '17:00' })).callingHours[3]).toEqual({ start: '09:00', end: '17:00' });
  });
});

describe('definePolicy: record retention, persistence weeks and the alert rate are numbers the report can use', () => {
  it.each([
    ['retentionMonths', { retentionMonths: Infinity }],
    ['retentionMonths', { retentionMonths: '6' }],
    ['retentionMonths', { retentionMonths: 1.5 }],
    ['retentionMonths', { retentionMonths: 1201 }],
    ['persistenceWeeks', { persistenceWeeks: 1e9 }],
    ['acr.alertRate', { acr: { alertRate: '0.03' } }],
  ])('%s: %j is refused', (field, changes) => {
    expect(() => definePolicy(usTsr, changes as unknown as PolicyChanges)).toThrow(PolicyError);
    expect(() => definePolicy(usTsr, changes as unknown as PolicyChanges)).toThrow(new RegExp(field.replace('.', '\\.')));
  });

  it('the longest allowed still reports dates: 100 years of retention, 5,200 weeks of persistence', () => {
    const p = definePolicy(usTsr, { retentionMonths: 1200, persistenceWeeks: 5200 });
    expect(audit([rec('1', '2026-03-02T15:00:00Z', LIVE)], p).report.retention.keepUntil).toBe('2126-03-02');
  });
});

