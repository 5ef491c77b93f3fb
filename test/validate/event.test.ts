import { describe, expect, it } from 'vitest';
import { DialguardError, ValidationError } from '../../src/errors.js';
import { CALL_EVENT_TYPES, type CallEvent } from '../../src/events.js';
import { parseCallEvent, safeParseCallEvent } from '../../src/validate/index.js';
import { validationError } from './helpers.js';

const AT = 1_709_285_400_000; // 2024-03-01T09:30:00Z
/** Any valid time, where the tests do not care which. */
const T = AT;

const dial = {
  type: 'dial',
  callId: 'c1',
  at: AT,
  campaignId: 'spring-offer',
  callCentreId: 'leeds',
  to: '+441134960000',
  cli: '+441134960999',
  agentGuaranteed: false,
  amd: true,
  messagePlanned: true,
} as const;

describe('parseCallEvent: valid events of every type', () => {
  const examples: Record<CallEvent['type'], CallEvent> = {
    dial: { ...dial, zone: 'Europe/London' },
    ringing: { type: 'ringing', callId: 'c1', at: AT + 1_000 },
    answer: { type: 'answer', callId: 'c1', at: AT + 9_000 },
    salutation: { type: 'salutation', callId: 'c1', at: AT + 9_200, phase: 'start' },
    amd: { type: 'amd', callId: 'c1', at: AT + 10_000, result: 'human' },
    agent: { type: 'agent', callId: 'c1', at: AT + 10_500 },
    message: {
      type: 'message',
      callId: 'c1',
      at: AT + 11_000,
      content: { onBehalfOf: 'Acme Energy', explainsAttempt: true, optOutNumber: '01134960123', marketing: false, automatedOptOut: false },
    },
    recording: { type: 'recording', callId: 'c1', at: AT + 10_600, noticeGiven: true },
    ivm: { type: 'ivm', callId: 'c1', at: AT + 10_700, action: 'queueInfo', info: { identity: true, purpose: true, position: false, expectedWait: true } },
    hangup: { type: 'hangup', callId: 'c1', at: AT + 60_000, by: 'recipient', cause: 'rejected' },
    disposition: { type: 'disposition', callId: 'c1', at: AT + 90_000, verdict: 'machine' },
  };

  it('has an example of every event type', () => {
    expect(Object.keys(examples).sort()).toEqual([...CALL_EVENT_TYPES].sort());
  });

  it.each(CALL_EVENT_TYPES)('%s: parses to an equal, new object', (type) => {
    const input = examples[type];
    const parsed = parseCallEvent(input);
    expect(parsed).toEqual(input);
    expect(parsed).not.toBe(input);
  });

  it.each(CALL_EVENT_TYPES)('%s: survives JSON', (type) => {
    expect(parseCallEvent(JSON.parse(JSON.stringify(examples[type])))).toEqual(examples[type]);
  });

  it('keeps the other enum values', () => {
    expect(parseCallEvent({ type: 'salutation', callId: 'c', at: T, phase: 'end' })).toMatchObject({ phase: 'end' });
    for (const result of ['human', 'machine', 'unknown']) {
      expect(parseCallEvent({ type: 'amd', callId: 'c', at: T, result })).toMatchObject({ result });
    }
    for (const by of ['caller', 'recipient', 'network']) {
      expect(parseCallEvent({ type: 'hangup', callId: 'c', at: T, by })).toMatchObject({ by });
    }
    for (const cause of ['busy', 'noAnswer', 'rejected', 'invalidNumber', 'failed']) {
      expect(parseCallEvent({ type: 'hangup', callId: 'c', at: T, by: 'network', cause })).toMatchObject({ cause });
    }
    expect(parseCallEvent({ type: 'ivm', callId: 'c', at: T, action: 'agentRequested' })).toEqual({
      type: 'ivm',
      callId: 'c',
      at: T,
      action: 'agentRequested',
    });
    expect(parseCallEvent({ type: 'disposition', callId: 'c', at: T, verdict: 'human' })).toMatchObject({ verdict: 'human' });
  });
});

describe('parseCallEvent: what it returns', () => {
  it('drops unknown fields, at the top and in nested objects', () => {
    const parsed = parseCallEvent({ ...dial, vendorField: 42, extra: { a: 1 } });
    expect(parsed).toEqual(dial);
    expect(Object.keys(parsed)).not.toContain('vendorField');
    expect(
      parseCallEvent({ type: 'message', callId: 'c', at: T, content: { marketing: true, script: 'hello' } }),
    ).toEqual({ type: 'message', callId: 'c', at: T, content: { marketing: true } });
    expect(parseCallEvent({ type: 'ivm', callId: 'c', at: T, action: 'queueInfo', info: { position: true, colour: 'red' } })).toEqual({
      type: 'ivm',
      callId: 'c',
      at: T,
      action: 'queueInfo',
      info: { position: true },
    });
  });

  it('omits optional fields that are absent, null or empty', () => {
    for (const zone of [undefined, null, '']) {
      const parsed = parseCallEvent({ ...dial, zone });
      expect(parsed).toEqual(dial);
      expect('zone' in parsed).toBe(false);
    }
    for (const cause of [undefined, null, '']) {
      expect('cause' in parseCallEvent({ type: 'hangup', callId: 'c', at: T, by: 'caller', cause })).toBe(false);
    }
    for (const content of [undefined, null, '']) {
      expect('content' in parseCallEvent({ type: 'message', callId: 'c', at: T, content })).toBe(false);
    }
    expect('info' in parseCallEvent({ type: 'ivm', callId: 'c', at: T, action: 'queueInfo', info: null })).toBe(false);
    expect(parseCallEvent({ type: 'message', callId: 'c', at: T, content: { marketing: null, explainsAttempt: '' } })).toEqual({
      type: 'message',
      callId: 'c',
      at: T,
      content: {},
    });
  });

  it('keeps null and empty strings in content fields that may be null', () => {
    expect(parseCallEvent({ type: 'message', callId: 'c', at: T, content: { onBehalfOf: null, optOutNumber: '' } })).toEqual({
      type: 'message',
      callId: 'c',
      at: T,
      content: { onBehalfOf: null, optOutNumber: '' },
    });
  });

  it('reads a withheld CLI as null, and an empty CLI (an empty CSV cell) as withheld', () => {
    expect(parseCallEvent({ ...dial, cli: null })).toMatchObject({ cli: null });
    expect(parseCallEvent({ ...dial, cli: '' })).toMatchObject({ cli: null });
  });

  it("accepts CSV booleans 'true' 'false' '1' '0'", () => {
    expect(parseCallEvent({ ...dial, agentGuaranteed: 'true', amd: 'false', messagePlanned: '1' })).toMatchObject({
      agentGuaranteed: true,
      amd: false,
      messagePlanned: true,
    });
    expect(parseCallEvent({ ...dial, messagePlanned: '0' })).toMatchObject({ messagePlanned: false });
    expect(parseCallEvent({ type: 'recording', callId: 'c', at: T, noticeGiven: '1' })).toMatchObject({ noticeGiven: true });
  });

  it('converts an ISO-8601 `at` with a zone to epoch ms', () => {
    expect(parseCallEvent({ type: 'answer', callId: 'c', at: '2024-03-01T09:30:00Z' }).at).toBe(AT);
    expect(parseCallEvent({ type: 'answer', callId: 'c', at: '2024-03-01T10:30:00.250+01:00' }).at).toBe(AT + 250);
  });

  it('accepts a case-insensitive zone as Intl does, keeping it as written', () => {
    expect(parseCallEvent({ ...dial, zone: 'europe/london' })).toMatchObject({ zone: 'europe/london' });
  });

  it('does not mutate its input', () => {
    const input = { ...dial, cli: '', agentGuaranteed: 'true', extra: 1 };
    const copy = structuredClone(input);
    parseCallEvent(input);
    expect(input).toEqual(copy);
  });
});

describe('parseCallEvent: invalid input', () => {
  it('not an object: path is the whole value, no call', () => {
    for (const input of [null, undefined, 'dial', 42, [dial], true]) {
      const error = validationError(() => parseCallEvent(input));
      expect(error.path).toBe('');
      expect(error.callId).toBeNull();
      expect(error.expected).toBe('an object');
    }
    expect(validationError(() => parseCallEvent(null)).message).toBe('input: value should be an object, received null');
    expect(validationError(() => parseCallEvent([dial])).received).toBe('an array');
  });

  it('unknown event type: path `type`, every type listed', () => {
    const error = validationError(() => parseCallEvent({ type: 'transfer', callId: 'c9', at: T }));
    expect(error).toBeInstanceOf(DialguardError);
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.path).toBe('type');
    expect(error.callId).toBe('c9');
    expect(error.received).toBe('"transfer"');
    for (const type of CALL_EVENT_TYPES) expect(error.expected).toContain(`"${type}"`);
    expect(error.message).toBe(
      'call c9: type should be one of "dial" | "ringing" | "answer" | "salutation" | "amd" | "agent" | "message" | "recording" | "ivm" | "hangup" | "disposition", received "transfer"',
    );
  });

  it('missing or non-string type, including names inherited from Object.prototype', () => {
    expect(validationError(() => parseCallEvent({ callId: 'c', at: T })).received).toBe('undefined');
    expect(validationError(() => parseCallEvent({ type: 3, callId: 'c', at: T })).path).toBe('type');
    expect(validationError(() => parseCallEvent({ type: 'toString', callId: 'c', at: T })).path).toBe('type');
    expect(validationError(() => parseCallEvent({ type: 'constructor', callId: 'c', at: T })).path).toBe('type');
  });

  it('bad callId: path `callId`, no call named', () => {
    for (const callId of [undefined, '', 7, null]) {
      const error = validationError(() => parseCallEvent({ type: 'answer', callId, at: T }));
      expect(error.path).toBe('callId');
      expect(error.callId).toBeNull();
      expect(error.expected).toBe('a non-empty string');
    }
    expect(validationError(() => parseCallEvent({ type: 'answer', at: T })).message).toBe(
      'input: callId should be a non-empty string, received undefined',
    );
  });

  it('an unknown type with an unreadable callId names no call', () => {
    expect(validationError(() => parseCallEvent({ type: 'x', callId: 5, at: T })).callId).toBeNull();
  });

  it('NaN, Infinity or a non-number `at`: path `at`, the call named', () => {
    for (const at of [Number.NaN, Number.POSITIVE_INFINITY, -Infinity, undefined, null, true, {}, '1709285400000']) {
      const error = validationError(() => parseCallEvent({ type: 'answer', callId: 'c2', at }));
      expect(error.path).toBe('at');
      expect(error.callId).toBe('c2');
    }
    const error = validationError(() => parseCallEvent({ type: 'answer', callId: 'c2', at: Number.NaN }));
    expect(error.received).toBe('NaN');
    expect(error.message).toMatch(/^call c2: at should be epoch milliseconds \(a finite number\) or an ISO-8601 date-time with a zone.*, received NaN$/);
  });

  it('ISO `at` without a zone: refused as ambiguous', () => {
    const error = validationError(() => parseCallEvent({ type: 'answer', callId: 'c3', at: '2024-03-01T09:30:00' }));
    expect(error.path).toBe('at');
    expect(error.callId).toBe('c3');
    expect(error.message).toBe(
      'call c3: at should be an ISO-8601 date-time with a zone (Z or ±hh:mm): without one the time is ambiguous, received "2024-03-01T09:30:00"',
    );
  });

  it.each([
    ['campaignId', undefined, 'a non-empty string'],
    ['campaignId', '', 'a non-empty string'],
    ['callCentreId', 12, 'a non-empty string'],
    ['to', null, 'a non-empty string'],
    ['cli', undefined, 'a string, or null when the CLI was withheld'],
    ['cli', 441134960999, 'a string, or null when the CLI was withheld'],
    ['agentGuaranteed', undefined, 'a boolean (true or false; from CSV also "true", "false", "1" or "0")'],
    ['amd', 1, 'a boolean (true or false; from CSV also "true", "false", "1" or "0")'],
    ['amd', 'yes', 'a boolean (true or false; from CSV also "true", "false", "1" or "0")'],
    ['messagePlanned', 'TRUE', 'a boolean (true or false; from CSV also "true", "false", "1" or "0")'],
    ['messagePlanned', '', 'a boolean (true or false; from CSV also "true", "false", "1" or "0")'],
    ['zone', 'Europe/Atlantis', 'an IANA time zone known to this runtime, e.g. "Europe/London"'],
    ['zone', 0, 'an IANA time zone known to this runtime, e.g. "Europe/London"'],
  ])('dial with bad %s = %j', (field, value, expected) => {
    const error = validationError(() => parseCallEvent({ ...dial, callId: 'd1', [field]: value }));
    expect(error.path).toBe(field);
    expect(error.callId).toBe('d1');
    expect(error.expected).toBe(expected);
  });

  it('a bad zone: message names the call, the field and the zone', () => {
    expect(validationError(() => parseCallEvent({ ...dial, zone: 'Europe/Atlantis' })).message).toBe(
      'call c1: zone should be an IANA time zone known to this runtime, e.g. "Europe/London", received "Europe/Atlantis"',
    );
  });

  it('a missing field: message says it was undefined', () => {
    const { campaignId: _omitted, ...noCampaign } = dial;
    expect(validationError(() => parseCallEvent(noCampaign)).message).toBe(
      'call c1: campaignId should be a non-empty string, received undefined',
    );
  });

  it.each([
    [{ type: 'salutation', phase: 'middle' }, 'phase', 'one of "start" | "end"'],
    [{ type: 'salutation' }, 'phase', 'one of "start" | "end"'],
    [{ type: 'amd', result: 'fax' }, 'result', 'one of "human" | "machine" | "unknown"'],
    [{ type: 'recording', noticeGiven: 'maybe' }, 'noticeGiven', 'a boolean (true or false; from CSV also "true", "false", "1" or "0")'],
    [{ type: 'ivm', action: 'dtmf' }, 'action', 'one of "agentRequested" | "queueInfo"'],
    [{ type: 'ivm', action: 'queueInfo', info: 'all' }, 'info', 'an object'],
    [{ type: 'ivm', action: 'queueInfo', info: { position: 'yes' } }, 'info.position', 'a boolean (true or false; from CSV also "true", "false", "1" or "0")'],
    [{ type: 'hangup', by: 'agent' }, 'by', 'one of "caller" | "recipient" | "network"'],
    [{ type: 'hangup', by: 'caller', cause: 'timeout' }, 'cause', 'one of "busy" | "noAnswer" | "rejected" | "invalidNumber" | "failed"'],
    [{ type: 'disposition', verdict: 'unknown' }, 'verdict', 'one of "human" | "machine"'],
    [{ type: 'message', content: [] }, 'content', 'an object'],
    [{ type: 'message', content: { onBehalfOf: 5 } }, 'content.onBehalfOf', 'a string or null'],
    [{ type: 'message', content: { optOutNumber: false } }, 'content.optOutNumber', 'a string or null'],
    [{ type: 'message', content: { marketing: 'no' } }, 'content.marketing', 'a boolean (true or false; from CSV also "true", "false", "1" or "0")'],
    [{ type: 'message', content: { explainsAttempt: 2 } }, 'content.explainsAttempt', 'a boolean (true or false; from CSV also "true", "false", "1" or "0")'],
    [{ type: 'message', content: { automatedOptOut: {} } }, 'content.automatedOptOut', 'a boolean (true or false; from CSV also "true", "false", "1" or "0")'],
  ])('%j: path %s', (fields, path, expected) => {
    const error = validationError(() => parseCallEvent({ callId: 'e1', at: T, ...fields }));
    expect(error.path).toBe(path);
    expect(error.callId).toBe('e1');
    expect(error.expected).toBe(expected);
    expect(error.message).toBe(`call e1: ${path} should be ${expected}, received ${error.received}`);
  });

  it('shows long strings cut, and values of other kinds by kind', () => {
    const long = 'x'.repeat(100);
    expect(validationError(() => parseCallEvent({ ...dial, amd: long })).received).toBe(`"${'x'.repeat(60)}…"`);
    expect(validationError(() => parseCallEvent({ ...dial, amd: 10n })).received).toBe('10n (a bigint)');
    expect(validationError(() => parseCallEvent({ ...dial, amd: Symbol('s') })).received).toBe('a symbol');
    expect(validationError(() => parseCallEvent({ ...dial, amd: () => true })).received).toBe('a function');
    expect(validationError(() => parseCallEvent({ ...dial, amd: { v: true } })).received).toBe('an object');
  });
});

describe('safeParseCallEvent', () => {
  it('returns ok with the value for a valid event', () => {
    expect(safeParseCallEvent(dial)).toEqual({ ok: true, value: dial });
  });

  it('returns the ValidationError parseCallEvent would throw', () => {
    const result = safeParseCallEvent({ ...dial, to: '' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toBeInstanceOf(ValidationError);
      expect(result.error.path).toBe('to');
      expect(result.error.callId).toBe('c1');
    }
  });

  it('does not throw on an input whose getter throws', () => {
    const hostile = {
      type: 'answer',
      callId: 'c',
      get at(): number {
        throw new TypeError('boom');
      },
    };
    const result = safeParseCallEvent(hostile);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toBeInstanceOf(ValidationError);
      expect(result.error.path).toBe('');
      expect(result.error.received).toContain('TypeError: boom');
    }
  });
});
