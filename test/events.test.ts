/**
 * The call-event shape is declared once (`CALL_EVENT_FIELDS`): the types, the parser, the
 * allowed values and the fold's list of event types all come from it.
 */
import { describe, expect, it } from 'vitest';
import {
  AMD_RESULTS,
  CALL_EVENT_FIELDS,
  CALL_EVENT_TYPES,
  foldEvents,
  HANGUP_CAUSES,
  HANGUP_PARTIES,
  IVM_ACTIONS,
  parseCallEvent,
  SALUTATION_PHASES,
  VERDICTS,
  ValidationError,
  type CallEvent,
} from '../src/internals.js';
import { shapeReader } from '../src/validate/field.js';

const AT = Date.UTC(2024, 2, 1, 9, 30);

describe('CALL_EVENT_FIELDS: one declaration of every event type', () => {
  it('its keys are CALL_EVENT_TYPES, in the order a call goes through them', () => {
    expect(CALL_EVENT_TYPES).toEqual(Object.keys(CALL_EVENT_FIELDS));
    expect(CALL_EVENT_TYPES).toEqual(['dial', 'ringing', 'answer', 'salutation', 'amd', 'agent', 'message', 'recording', 'ivm', 'hangup', 'disposition']);
  });

  it.each([
    ['salutation', 'phase', SALUTATION_PHASES],
    ['amd', 'result', AMD_RESULTS],
    ['ivm', 'action', IVM_ACTIONS],
    ['hangup', 'by', HANGUP_PARTIES],
    ['hangup', 'cause', HANGUP_CAUSES],
    ['disposition', 'verdict', VERDICTS],
  ] as const)('%s.%s: the parser accepts exactly the declared values, and its error lists them', (type, key, values) => {
    const base = { type, callId: 'c', at: AT, action: 'agentRequested', by: 'caller', phase: 'start', result: 'human', verdict: 'human' };
    for (const value of values) expect(parseCallEvent({ ...base, [key]: value })).toMatchObject({ [key]: value });
    for (const value of ['other', values[0].toUpperCase(), '__proto__', 'constructor', 'toString']) {
      let error: unknown;
      try {
        parseCallEvent({ ...base, [key]: value });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).path).toBe(key);
      expect((error as ValidationError).expected).toBe(`one of ${values.map((v) => JSON.stringify(v)).join(' | ')}`);
    }
  });

  it('the fold knows every declared type: one event of each applies (or is judged by the order rules), none is unknownEvent', () => {
    const events: CallEvent[] = [
      { type: 'dial', callId: 'c', at: AT, campaignId: 'k', callCentreId: 'cc', to: '01134960000', cli: null, agentGuaranteed: false, amd: true, messagePlanned: true },
      { type: 'ringing', callId: 'c', at: AT + 1 },
      { type: 'answer', callId: 'c', at: AT + 2 },
      { type: 'salutation', callId: 'c', at: AT + 3, phase: 'start' },
      { type: 'amd', callId: 'c', at: AT + 4, result: 'human' },
      { type: 'agent', callId: 'c', at: AT + 5 },
      { type: 'message', callId: 'c', at: AT + 6 },
      { type: 'recording', callId: 'c', at: AT + 7, noticeGiven: true },
      { type: 'ivm', callId: 'c', at: AT + 8, action: 'agentRequested' },
      { type: 'hangup', callId: 'c', at: AT + 9, by: 'recipient' },
      { type: 'disposition', callId: 'c', at: AT + 10, verdict: 'human' },
    ];
    expect(events.map((e) => e.type)).toEqual(CALL_EVENT_TYPES);
    const record = foldEvents(events);
    expect(record.anomalies).toEqual([]);
    expect(record.disposition).toBe('human');
  });
});

describe('the generated field readers and the loop (used where code generation is refused) agree', () => {
  const inputs: Record<string, unknown>[] = [
    { campaignId: 'k', callCentreId: 'cc', to: '0113', cli: '', agentGuaranteed: '1', amd: false, messagePlanned: 'false', zone: 'Europe/London', extra: 1 },
    { campaignId: 'k', callCentreId: 'cc', to: '0113', cli: null, agentGuaranteed: true, amd: true, messagePlanned: true, zone: '' },
    { campaignId: 'k', callCentreId: '', to: '0113', cli: null, agentGuaranteed: true, amd: true, messagePlanned: true },
    { campaignId: 'k', callCentreId: 'cc', to: '0113', cli: null, agentGuaranteed: true, amd: true, messagePlanned: true, zone: 'BST' },
    { campaignId: 'k', callCentreId: 'cc', to: '0113', cli: 5, agentGuaranteed: 'yes', amd: true, messagePlanned: true },
  ];
  const run = (generate: boolean, input: Record<string, unknown>): unknown => {
    const read = shapeReader(CALL_EVENT_FIELDS.dial, ['type', 'callId', 'at'], generate ? '' : null, generate);
    try {
      return read(input, 'c', '', { from: 0, to: 1e15 }, 'dial', 'c', AT);
    } catch (e) {
      return { error: (e as ValidationError).message };
    }
  };
  it.each(inputs.map((input, i) => [i, input] as const))('dial input %i', (_, input) => {
    const generated = run(true, input);
    expect(run(false, input)).toEqual(generated);
    if (!('error' in (generated as object))) expect(Object.keys(generated as object)[0]).toBe('type');
  });

  it('nested objects too, with the path prefixed', () => {
    for (const generate of [true, false]) {
      const read = shapeReader(CALL_EVENT_FIELDS.message, [], null, generate);
      expect(read({ content: { marketing: '0', onBehalfOf: null, junk: 1 } }, 'c', '', { from: 0, to: 1 })).toEqual({ content: { marketing: false, onBehalfOf: null } });
      expect(() => read({ content: { marketing: 'no' } }, 'c', 'x.', { from: 0, to: 1 })).toThrow('x.content.marketing should be');
    }
  });
});
