import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors.js';
import { newRecord, type CallRecord } from '../../src/record.js';
import { parseCallRecord, safeParseCallRecord } from '../../src/validate/index.js';
import { validationError } from './helpers.js';

const DIAL = 1_709_285_400_000; // 2024-03-01T09:30:00Z

const minimal = {
  callId: 'r1',
  campaignId: 'spring-offer',
  callCentreId: 'leeds',
  to: '+441134960000',
  cli: '+441134960999',
  agentGuaranteed: false,
  amd: true,
  messagePlanned: true,
  dialAt: DIAL,
};

const full: CallRecord = {
  ...minimal,
  zone: 'Europe/London',
  ringingAt: DIAL + 1_000,
  answerAt: DIAL + 9_000,
  salutationStartAt: DIAL + 9_200,
  salutationEndAt: DIAL + 10_000,
  amdResult: 'human',
  amdAt: DIAL + 10_100,
  agentAt: null,
  messageAt: DIAL + 11_000,
  messageContent: { onBehalfOf: 'Acme Energy', explainsAttempt: true, optOutNumber: '01134960123', marketing: false },
  recordingAt: DIAL + 500,
  recordingNotice: true,
  ivmAgentRequestedAt: DIAL + 12_000,
  ivmInfo: { identity: true, purpose: true },
  ivmInfoAt: DIAL + 11_500,
  hangupAt: DIAL + 30_000,
  hangupBy: 'recipient',
  hangupCause: null,
  disposition: 'human',
  lastEventAt: DIAL + 40_000,
  anomalies: [{ kind: 'beforeDial', event: 'ringing', at: DIAL - 5, detail: 'ringing came before the dial; it was ignored' }],
  outcome: null,
  unknown: [],
};

describe('parseCallRecord: valid records', () => {
  it('a minimal record: every other field null, no anomalies, lastEventAt the dial', () => {
    const record = parseCallRecord(minimal);
    expect(record).toEqual(newRecord(minimal));
    expect(record.lastEventAt).toBe(DIAL);
    expect(record.anomalies).toEqual([]);
    expect(Object.keys(record).sort()).toEqual(Object.keys(newRecord(minimal)).sort());
  });

  it('a full record comes back equal, and equal again after JSON', () => {
    expect(parseCallRecord(full)).toEqual(full);
    expect(parseCallRecord(JSON.parse(JSON.stringify(full)))).toEqual(full);
  });

  it('lastEventAt defaults to the latest timestamp present', () => {
    const { lastEventAt: _omitted, ...rest } = full;
    expect(parseCallRecord(rest).lastEventAt).toBe(DIAL + 30_000);
    expect(parseCallRecord({ ...minimal, answerAt: DIAL + 5, recordingAt: DIAL + 9 }).lastEventAt).toBe(DIAL + 9);
  });

  it('reads a CSV row mapped to an object: strings everywhere, empty cells absent', () => {
    const row = {
      callId: 'r2',
      campaignId: 'k',
      callCentreId: 'cc',
      to: '01134960000',
      cli: '',
      agentGuaranteed: '1',
      amd: 'false',
      messagePlanned: 'true',
      zone: '',
      dialAt: '2024-03-01T09:30:00Z',
      ringingAt: '',
      answerAt: '2024-03-01T10:30:05+01:00',
      amdResult: '',
      hangupAt: '2024-03-01T09:31:00.250Z',
      hangupBy: 'caller',
      hangupCause: '',
      recordingNotice: '',
      disposition: '',
      lastEventAt: '',
      messageContent: '',
      unknownColumn: 'x',
    };
    expect(parseCallRecord(row)).toEqual({
      ...newRecord({ ...minimal, callId: 'r2', campaignId: 'k', callCentreId: 'cc', to: '01134960000', cli: null, agentGuaranteed: true, amd: false, messagePlanned: true }),
      answerAt: DIAL + 5_000,
      hangupAt: DIAL + 60_250,
      hangupBy: 'caller',
      lastEventAt: DIAL + 60_250,
    });
  });

  it('copies only known fields of nested objects and anomalies', () => {
    const record = parseCallRecord({
      ...full,
      messageContent: { marketing: true, audio: 'x.wav' },
      ivmInfo: { position: false, extra: 1 },
      anomalies: [{ kind: 'repeated', event: 'answer', at: DIAL + 1, detail: 'second answer', by: 'me' }],
      extra: true,
    });
    expect(record.messageContent).toEqual({ marketing: true });
    expect(record.ivmInfo).toEqual({ position: false });
    expect(record.anomalies).toEqual([{ kind: 'repeated', event: 'answer', at: DIAL + 1, detail: 'second answer' }]);
    expect('extra' in record).toBe(false);
  });

  it('accepts timestamps equal to the dial, and a hangup at the moment of pickup', () => {
    expect(() => parseCallRecord({ ...minimal, answerAt: DIAL, hangupAt: DIAL, lastEventAt: DIAL })).not.toThrow();
  });

  it('an anomaly may be earlier than the dial (an event before the dial)', () => {
    expect(parseCallRecord({ ...minimal, anomalies: [{ kind: 'beforeDial', event: 'answer', at: DIAL - 5_000, detail: '' }] }).anomalies).toHaveLength(1);
  });
});

describe('parseCallRecord: invalid fields', () => {
  it('not an object', () => {
    for (const input of [null, 'r1', [minimal]]) {
      const error = validationError(() => parseCallRecord(input));
      expect(error.path).toBe('');
      expect(error.callId).toBeNull();
    }
  });

  it('a missing callId names no call', () => {
    const { callId: _omitted, ...rest } = minimal;
    const error = validationError(() => parseCallRecord(rest));
    expect(error.path).toBe('callId');
    expect(error.callId).toBeNull();
    expect(error.message).toBe('input: callId should be a non-empty string, received undefined');
  });

  it.each([
    ['campaignId', undefined],
    ['callCentreId', ''],
    ['to', 44],
    ['cli', undefined],
    ['agentGuaranteed', 'yes'],
    ['amd', null],
    ['messagePlanned', 0],
    ['zone', 'Nowhere/Land'],
    ['dialAt', undefined],
    ['dialAt', null],
    ['dialAt', Number.NaN],
    ['dialAt', '2024-03-01T09:30:00'],
    ['ringingAt', 'yesterday'],
    ['answerAt', Infinity],
    ['hangupAt', '2024-03-01T09:31:00'],
    ['amdResult', 'fax'],
    ['hangupBy', 'agent'],
    ['hangupCause', 'timeout'],
    ['disposition', 'unknown'],
    ['recordingNotice', 'maybe'],
    ['messageContent', 'played'],
    ['ivmInfo', []],
    ['lastEventAt', false],
    ['anomalies', 'none'],
    ['anomalies', {}],
  ])('%s = %j: path names the field and the call', (field, value) => {
    const error = validationError(() => parseCallRecord({ ...full, [field]: value }));
    expect(error.path).toBe(field);
    expect(error.callId).toBe('r1');
    expect(error.message).toBe(`call r1: ${field} should be ${error.expected}, received ${error.received}`);
  });

  it('names the field inside nested objects and anomalies', () => {
    expect(validationError(() => parseCallRecord({ ...full, messageContent: { marketing: 'lots' } })).path).toBe('messageContent.marketing');
    expect(validationError(() => parseCallRecord({ ...full, ivmInfo: { identity: 3 } })).path).toBe('ivmInfo.identity');
    const anomaly = full.anomalies[0]!;
    expect(validationError(() => parseCallRecord({ ...full, anomalies: [anomaly, 'x'] })).path).toBe('anomalies.1');
    expect(validationError(() => parseCallRecord({ ...full, anomalies: [{ ...anomaly, kind: 'weird' }] })).path).toBe('anomalies.0.kind');
    expect(validationError(() => parseCallRecord({ ...full, anomalies: [{ ...anomaly, event: 'transfer' }] })).path).toBe('anomalies.0.event');
    expect(validationError(() => parseCallRecord({ ...full, anomalies: [{ ...anomaly, at: Number.NaN }] })).path).toBe('anomalies.0.at');
    expect(validationError(() => parseCallRecord({ ...full, anomalies: [{ ...anomaly, detail: undefined }] })).path).toBe('anomalies.0.detail');
  });
});

describe('parseCallRecord: inconsistent records', () => {
  it.each([
    'ringingAt',
    'answerAt',
    'salutationStartAt',
    'salutationEndAt',
    'amdAt',
    'agentAt',
    'messageAt',
    'recordingAt',
    'ivmAgentRequestedAt',
    'ivmInfoAt',
    'hangupAt',
    'lastEventAt',
  ])('%s before the dial: path names it', (field) => {
    const error = validationError(() => parseCallRecord({ ...full, dialAt: DIAL, answerAt: DIAL, [field]: DIAL - 1 }));
    expect(error.path).toBe(field);
    expect(error.callId).toBe('r1');
    expect(error.message).toBe(`call r1: ${field} should be a time at or after dialAt (${DIAL}), received ${DIAL - 1}`);
  });

  it('the dial-time check compares instants, whatever their notation', () => {
    const error = validationError(() =>
      parseCallRecord({ ...minimal, dialAt: '2024-03-01T09:30:00Z', answerAt: '2024-03-01T10:29:59+01:00' }),
    );
    expect(error.path).toBe('answerAt');
  });

  /** Facts a record can hold only after an answer: one value of each. */
  const AFTER_PICKUP: [string, unknown][] = [
    ['salutationStartAt', DIAL + 1],
    ['salutationEndAt', DIAL + 1],
    ['amdResult', 'machine'],
    ['amdAt', DIAL + 1],
    ['agentAt', DIAL + 1],
    ['messageAt', DIAL + 1],
    ['ivmAgentRequestedAt', DIAL + 1],
    ['ivmInfoAt', DIAL + 1],
    ['disposition', 'human'],
  ];

  it.each(AFTER_PICKUP)('%s without answerAt: path answerAt', (field, value) => {
    const error = validationError(() => parseCallRecord({ ...minimal, [field]: value }));
    expect(error.path).toBe('answerAt');
    expect(error.callId).toBe('r1');
    expect(error.expected).toBe(`a timestamp, because ${field} is set and needs the call to have been answered`);
    expect(error.received).toBe('undefined');
  });

  it.each([
    ['hangupBy', 'caller'],
    ['hangupCause', 'busy'],
  ])('%s without hangupAt: path hangupAt', (field, value) => {
    const error = validationError(() => parseCallRecord({ ...minimal, hangupAt: null, [field]: value }));
    expect(error.path).toBe('hangupAt');
    expect(error.message).toBe(`call r1: hangupAt should be a timestamp, because ${field} is set and describes the hangup, received null`);
  });

  // A source that cannot show the answer (or the hang-up time) may still show what followed it:
  // the fact it needs is unknown, not absent, so the record is no contradiction (README, "Evidence: unknown is not absent").
  it.each(AFTER_PICKUP)('%s with answerAt unknown: accepted, answerAt still unknown', (field, value) => {
    const record = parseCallRecord({ ...minimal, [field]: value, unknown: ['answerAt'] });
    expect(record).toMatchObject({ [field]: value, answerAt: null, unknown: ['answerAt'] });
  });

  it.each([
    ['hangupBy', 'caller'],
    ['hangupCause', 'busy'],
  ])('%s with hangupAt unknown: accepted, hangupAt still unknown', (field, value) => {
    expect(parseCallRecord({ ...minimal, [field]: value, unknown: ['hangupAt'] })).toMatchObject({ [field]: value, hangupAt: null, unknown: ['hangupAt'] });
  });

  it('only the fact itself being unknown excuses its absence: answerAt for an agent, hangupAt for who hung up', () => {
    expect(safeParseCallRecord({ ...minimal, agentAt: DIAL + 1, hangupBy: 'caller', unknown: ['answerAt', 'hangupAt'] }).ok).toBe(true);
    expect(validationError(() => parseCallRecord({ ...minimal, agentAt: DIAL + 1, unknown: ['hangupAt', 'agentAt'] })).path).toBe('answerAt');
    expect(validationError(() => parseCallRecord({ ...minimal, hangupBy: 'caller', unknown: ['answerAt', 'hangupBy'] })).path).toBe('hangupAt');
  });

  it('hangupAt before answerAt', () => {
    const error = validationError(() => parseCallRecord({ ...minimal, answerAt: DIAL + 10, hangupAt: DIAL + 9 }));
    expect(error.path).toBe('hangupAt');
    expect(error.message).toBe(`call r1: hangupAt should be a time at or after answerAt (${DIAL + 10}), received ${DIAL + 9}`);
  });

  it('an unanswered call may hang up, with a cause, at any time after the dial', () => {
    expect(parseCallRecord({ ...minimal, ringingAt: DIAL + 1, hangupAt: DIAL + 20_000, hangupBy: 'network', hangupCause: 'noAnswer' })).toMatchObject({
      hangupCause: 'noAnswer',
      lastEventAt: DIAL + 20_000,
    });
  });

  it('a given lastEventAt earlier than a timestamp of the record', () => {
    const error = validationError(() => parseCallRecord({ ...full, lastEventAt: DIAL + 29_999 }));
    expect(error.path).toBe('lastEventAt');
    expect(error.message).toBe(
      `call r1: lastEventAt should be a time at or after the record's latest timestamp, hangupAt (${DIAL + 30_000}), received ${DIAL + 29_999}`,
    );
  });
});

describe('safeParseCallRecord', () => {
  it('ok for a valid record', () => {
    expect(safeParseCallRecord(full)).toEqual({ ok: true, value: full });
  });

  it('the error for an invalid one, never thrown', () => {
    const result = safeParseCallRecord({ ...minimal, amd: 'perhaps' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toBeInstanceOf(ValidationError);
      expect(result.error.path).toBe('amd');
    }
    expect(safeParseCallRecord(undefined).ok).toBe(false);
  });
});
