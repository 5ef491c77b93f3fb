import { describe, expect, it } from 'vitest';
import { ValidationError, parseCallRecord } from '../../src/index.js';

const DIAL = Date.UTC(2026, 2, 3, 10);
const base = {
  callId: 'v1',
  campaignId: 'spring',
  callCentreId: 'leeds',
  to: '01134960000',
  cli: '01134960999',
  agentGuaranteed: false,
  amd: false,
  messagePlanned: true,
  dialAt: DIAL,
};

describe('parseCallRecord: evidence fields', () => {
  it('reads a recorded outcome and the unknown facts, in record order without duplicates', () => {
    const r = parseCallRecord({
      ...base,
      outcome: { status: 'DROP', category: 'abandoned' },
      unknown: ['messageAt', 'agentAt', 'messageAt'],
    });
    expect(r.outcome).toEqual({ status: 'DROP', category: 'abandoned', machine: null });
    expect(r.unknown).toEqual(['agentAt', 'messageAt']);
  });

  it('absent evidence: no outcome, every fact known', () => {
    const r = parseCallRecord(base);
    expect(r.outcome).toBeNull();
    expect(r.unknown).toEqual([]);
    for (const unknown of [null, '', []]) expect(parseCallRecord({ ...base, unknown }).unknown).toEqual([]);
  });

  it('records with the same unknown facts, in any order, share one frozen list', () => {
    const a = parseCallRecord({ ...base, unknown: ['messageAt', 'agentAt'] });
    const b = parseCallRecord({ ...base, callId: 'v2', unknown: ['agentAt', 'messageAt', 'agentAt'] });
    expect(a.unknown).toEqual(['agentAt', 'messageAt']);
    expect(b.unknown).toBe(a.unknown);
    expect(Object.isFrozen(a.unknown)).toBe(true);
    expect(parseCallRecord({ ...base, unknown: ['agentAt'] }).unknown).toEqual(['agentAt']);
  });

  it('an answer-machine outcome may name its kind; other categories may not', () => {
    expect(parseCallRecord({ ...base, outcome: { status: 'AA', category: 'answerMachine', machine: 'disconnectedByAmd' } }).outcome?.machine).toBe(
      'disconnectedByAmd',
    );
    expect(() => parseCallRecord({ ...base, outcome: { status: 'SALE', category: 'live', machine: 'abandoned' } })).toThrow(ValidationError);
  });

  it('names the bad field', () => {
    const bad = (over: object, path: string) => {
      try {
        parseCallRecord({ ...base, ...over });
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(ValidationError);
        expect((e as ValidationError).path).toBe(path);
      }
    };
    bad({ outcome: { status: 'X', category: 'maybe' } }, 'outcome.category');
    bad({ outcome: { category: 'live' } }, 'outcome.status');
    bad({ outcome: 'DROP' }, 'outcome');
    bad({ unknown: ['agentAt', 'colour'] }, 'unknown[1]');
    bad({ unknown: ['agentAt', 7] }, 'unknown[1]');
    bad({ unknown: ['__proto__'] }, 'unknown[0]');
    bad({ unknown: 'agentAt' }, 'unknown');
  });

  it('says what the unknown facts should be', () => {
    expect(() => parseCallRecord({ ...base, unknown: 'agentAt' })).toThrow(/unknown should be an array of one of "ringingAt"/);
    expect(() => parseCallRecord({ ...base, unknown: ['colour'] })).toThrow(/unknown\[0\] should be one of "ringingAt"/);
  });
});
