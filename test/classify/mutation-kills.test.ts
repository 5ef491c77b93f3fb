/**
 * Example tests that fail when a per-call rule is mutated — each written for a mutant
 * that survived a Stryker run (`npm run mutate`): the edge the other tests left open.
 */
import { describe, expect, it } from 'vitest';
import { classify, foldEvents, type AnyFlag, type ClassifiedCall } from '../../src/index.js';
import { callEvents, goodMessage } from '../support/calls.js';

type Steps = Parameters<typeof callEvents>[1];
const run = (steps: Steps, over: Parameters<typeof callEvents>[2] = {}): ClassifiedCall => classify(foldEvents(callEvents('c1', steps, over)));
const kinds = (c: ClassifiedCall): string[] => c.flags.map((f) => f.kind);
const flagOf = <K extends AnyFlag['kind']>(c: ClassifiedCall, kind: K) => c.flags.find((f) => f.kind === kind) as Extract<AnyFlag, { kind: K }> | undefined;

const abandonedSteps: Steps = [['answer', 5000], ['message', 6000, goodMessage], ['hangup', 20_000, 'caller']];
const silentSteps: Steps = [['answer', 5000], ['hangup', 9000, 'caller']];

describe('message content (A2.17)', () => {
  it('a content descriptor with no `marketing` field is not missing "no marketing": only `marketing: true` is', () => {
    const { marketing: _, ...withoutMarketing } = goodMessage;
    expect(kinds(run([['answer', 5000], ['message', 6000, withoutMarketing], ['hangup', 20_000, 'caller']]))).not.toContain('messageContent');
    const marketed = run([['answer', 5000], ['message', 6000, { ...goodMessage, marketing: true }], ['hangup', 20_000, 'caller']]);
    expect(flagOf(marketed, 'messageContent')?.detail.missing).toEqual(['noMarketing']);
  });

  it('each missing element is named on its own', () => {
    const bare = run([['answer', 5000], ['message', 6000, {}], ['hangup', 20_000, 'caller']]);
    expect(flagOf(bare, 'messageContent')?.detail.missing).toEqual(['identifiesCaller', 'explainsAttempt', 'basicRateOptOutNumber']);
    const blankName = run([['answer', 5000], ['message', 6000, { ...goodMessage, onBehalfOf: '  ' }], ['hangup', 20_000, 'caller']]);
    expect(flagOf(blankName, 'messageContent')?.detail.missing).toEqual(['identifiesCaller']);
    const premiumOptOut = run([['answer', 5000], ['message', 6000, { ...goodMessage, optOutNumber: '09011000000' }], ['hangup', 20_000, 'caller']]);
    expect(flagOf(premiumOptOut, 'messageContent')?.detail.missing).toEqual(['basicRateOptOutNumber']);
  });
});

describe('withheld CLI (A1.20, A2.13)', () => {
  it('is aggravated (A2.13: "in any case of misuse") on a silent call and on an abandoned one', () => {
    const silent = flagOf(run(silentSteps, { cli: null }), 'cliWithheld');
    expect(silent).toMatchObject({ ref: 'A2.13', detail: { aggravated: true, category: 'silent' } });
    const abandoned = flagOf(run(abandonedSteps, { cli: null }), 'cliWithheld');
    expect(abandoned).toMatchObject({ ref: 'A2.13', detail: { aggravated: true, category: 'abandoned' } });
  });

  it('a whitespace-only CLI is withheld, not an invalid number', () => {
    const c = run(abandonedSteps, { cli: '   ' });
    expect(flagOf(c, 'cliWithheld')).toMatchObject({ ref: 'A2.13', detail: { aggravated: true } });
    expect(kinds(c)).not.toContain('cliInvalid');
    expect(kinds(run(abandonedSteps, { cli: '01134961000' }))).not.toContain('cliWithheld');
  });
});

describe('late message (A2.19) beside an agent', () => {
  it('an agent in the same millisecond as a late message: a live call, no late message', () => {
    const c = run([['answer', 5000], ['agent', 8000], ['message', 8000], ['hangup', 30_000, 'caller']]);
    expect(c.category).toBe('live');
    expect(kinds(c)).not.toContain('lateMessage');
  });

  it('a late message 1 ms before the agent is still late', () => {
    const c = run([['answer', 5000], ['message', 8000], ['agent', 8001], ['hangup', 30_000, 'caller']]);
    expect(c.category).toBe('live');
    expect(flagOf(c, 'lateMessage')?.detail).toEqual({ delayMs: 3000, deadlineMs: 2000, from: 'pickup' });
  });

  it('with AMD, a message that began before the person spoke is timed from pickup ("in any other case")', () => {
    const c = run([['answer', 5000], ['message', 7001], ['salutation', 7002, 'start'], ['hangup', 30_000, 'caller']], { amd: true });
    expect(flagOf(c, 'lateMessage')?.detail).toEqual({ delayMs: 2001, deadlineMs: 2000, from: 'pickup' });
    const spokeFirst = run([['answer', 5000], ['salutation', 7001, 'start'], ['message', 7001], ['hangup', 30_000, 'caller']], { amd: true });
    expect(kinds(spokeFirst)).not.toContain('lateMessage');
  });
});

describe('long ring (A2.15)', () => {
  it('a recipient who rejected the call after a long ring was not left ringing: no long ring', () => {
    expect(kinds(run([['ringing', 0], ['hangup', 90_000, 'recipient', 'rejected']]))).not.toContain('longRing');
    expect(kinds(run([['ringing', 0], ['hangup', 90_000, 'network']]))).toContain('longRing');
  });

  it('measures from ringing when reported: 60.001 s of ringing after a 5 s dial is long, 60 s is not', () => {
    expect(kinds(run([['ringing', 5000], ['hangup', 65_001, 'caller']]))).toContain('longRing');
    expect(kinds(run([['ringing', 5000], ['hangup', 65_000, 'caller']]))).not.toContain('longRing');
  });
});
