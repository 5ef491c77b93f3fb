/**
 * The documented defaults of the rule contract, for categorisations and kinds a host may
 * build itself (a `CallRule` is public): a silent call with no reason is dead air (A1.3),
 * an undetermined call with no reason still says why it was not judged, and asking for the
 * rule of a kind no rule raises is an error naming the kind.
 */
import { describe, expect, it } from 'vitest';
import { CALL_RULES, newRecord, ofcom2017, type Categorisation } from '../../src/internals.js';
import { ruleOfKind } from '../../src/rules/index.js';
import { notJudgedUndetermined } from '../../src/rules/rule.js';
import type { FlagKind } from '../../src/index.js';
import { dial, T0 } from '../support/calls.js';

const categorisation = (over: Partial<Categorisation>): Categorisation => ({
  category: 'silent',
  machine: null,
  answeredBy: 'unknown',
  silentReason: null,
  messagePlayed: null,
  decidedBy: 'facts',
  undeterminedReason: null,
  ...over,
});

describe('rule defaults', () => {
  it('a silent categorisation without a reason is judged dead air, citing A1.3', () => {
    const rule = CALL_RULES.find((r) => r.id === 'silentCall')!;
    const record = { ...newRecord({ ...dial('d1'), dialAt: T0 }), answerAt: T0 + 1_000 };
    expect(rule.judge(record, ofcom2017, { categorisation: categorisation({}), standingRecordingNotice: false })).toMatchObject({
      kind: 'silentCall',
      at: T0 + 1_000,
      ref: 'A1.3',
      detail: { reason: 'deadAir', durationMs: null },
    });
  });

  it('an undetermined categorisation without a reason: not judged, saying the category is undetermined', () => {
    const rule = { id: 'x', title: 'X', refs: ['A0'] };
    expect(notJudgedUndetermined(rule, categorisation({ category: 'undetermined' }))).toEqual({ rule: 'x', title: 'X', refs: ['A0'], reason: 'the category is undetermined' });
    expect(notJudgedUndetermined(rule, categorisation({ category: 'undetermined', undeterminedReason: 'the records have no answer times' })).reason).toBe(
      'the records have no answer times',
    );
  });

  it('the rule of a kind no rule raises is an error naming the kind', () => {
    expect(ruleOfKind('silentCall').id).toBe('silentCall');
    expect(() => ruleOfKind('noSuchKind' as FlagKind)).toThrow('no rule raises noSuchKind');
  });
});
