/**
 * Prototype pollution (issue 11): every JSON-shaped input dialguard accepts — events,
 * records, message content, queue information, anomalies, ACR counters, policy changes,
 * the guard's saved state — is read by a whitelist of keys or into null-prototype objects,
 * so `__proto__`, `constructor` and `prototype` keys never reach a prototype.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  applyEvent,
  createDialGuard,
  definePolicy,
  dialGuardFromJSON,
  emptyCounters,
  GuardStateError,
  parseGuardState,
  mergeCounters,
  newRecord,
  ofcom2017,
  parseCallEvent,
  parseCallRecord,
  PolicyError,
  safeParseCallEvent,
  safeParseCallRecord,
  type AcrCounters,
  type CallEvent,
} from '../../src/internals.js';

const AT = Date.UTC(2024, 2, 1, 9, 30);
const KEYS = ['__proto__', 'constructor', 'prototype'] as const;

/** JSON text with `key` set to a hostile object at the top of `json` (JSON.parse makes it an own property). */
function withKey(json: object, key: string, nested?: string): unknown {
  const hostile = '{"polluted":true,"toString":"x","calls":1}';
  const text = JSON.stringify(json);
  if (nested === undefined) return JSON.parse(`{"${key}":${hostile},${text.slice(1)}`);
  const at = text.indexOf(`"${nested}":{`) + nested.length + 4;
  return JSON.parse(`${text.slice(0, at)}"${key}":${hostile},${text.slice(at)}`);
}

afterEach(() => {
  // No test may leave anything on Object.prototype.
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
});

/** The result is a plain object with `Object.prototype` (or none), no own hostile key, and nothing polluted. */
function expectClean(value: object): void {
  const proto = Object.getPrototypeOf(value);
  expect(proto === Object.prototype || proto === null).toBe(true);
  for (const key of KEYS) expect(Object.prototype.hasOwnProperty.call(value, key)).toBe(false);
  expect((value as Record<string, unknown>).polluted).toBeUndefined();
}

const dial = { type: 'dial', callId: 'c1', at: AT, campaignId: 'k', callCentreId: 'cc', to: '01134960000', cli: null, agentGuaranteed: false, amd: true, messagePlanned: true };
const message = { type: 'message', callId: 'c1', at: AT, content: { onBehalfOf: 'Acme', marketing: false } };
const ivm = { type: 'ivm', callId: 'c1', at: AT, action: 'queueInfo', info: { position: true } };
const record = {
  callId: 'r1',
  campaignId: 'k',
  callCentreId: 'cc',
  to: '01134960000',
  cli: null,
  agentGuaranteed: false,
  amd: false,
  messagePlanned: true,
  dialAt: AT,
  answerAt: AT + 5_000,
  messageAt: AT + 6_000,
  messageContent: { onBehalfOf: 'Acme' },
  ivmInfo: { identity: true },
  ivmInfoAt: AT + 7_000,
  hangupAt: AT + 9_000,
  anomalies: [{ kind: 'repeated', event: 'answer', at: AT + 8_000, detail: 'twice' }],
};

describe.each(KEYS)('a %s key', (key) => {
  it('in an event, its content or its queue info: dropped', () => {
    for (const [input, nested] of [[dial], [message], [message, 'content'], [ivm], [ivm, 'info']] as const) {
      const event = parseCallEvent(withKey(input, key, nested));
      expectClean(event);
      if ('content' in event && event.content) expectClean(event.content);
      if ('info' in event && event.info) expectClean(event.info);
    }
  });

  it('as an event type or an enum value: a ValidationError, like any unknown value', () => {
    expect(safeParseCallEvent({ ...dial, type: key }).ok).toBe(false);
    const hangup = safeParseCallEvent({ type: 'hangup', callId: 'c', at: AT, by: key });
    expect(hangup.ok ? null : hangup.error.path).toBe('by');
    const anomaly = safeParseCallRecord({ ...record, anomalies: [{ kind: key, event: 'answer', at: AT, detail: '' }] });
    expect(anomaly.ok ? null : anomaly.error.path).toBe('anomalies.0.kind');
  });

  it('in a record, its message content, queue info or an anomaly: dropped', () => {
    for (const nested of [undefined, 'messageContent', 'ivmInfo']) {
      const parsed = parseCallRecord(withKey(record, key, nested));
      expectClean(parsed);
      expectClean(parsed.messageContent!);
      expectClean(parsed.ivmInfo!);
    }
    const hostileAnomaly = JSON.parse(`{"${key}":{"polluted":true},"kind":"repeated","event":"answer","at":${AT},"detail":""}`);
    expectClean(parseCallRecord({ ...record, anomalies: [hostileAnomaly] }).anomalies[0]!);
  });

  it('in an event built in code (not validated): the fold copies only the declared fields of content and queue info', () => {
    const start = { ...newRecord({ ...dial, dialAt: AT }), answerAt: AT + 1, lastEventAt: AT + 1 };
    const info = JSON.parse(`{"${key}":{"polluted":true},"position":true}`);
    const content = JSON.parse(`{"${key}":{"polluted":true},"marketing":false}`);
    const afterIvm = applyEvent(start, { type: 'ivm', callId: 'c1', at: AT + 2, action: 'queueInfo', info } as CallEvent);
    expect(afterIvm.ivmInfo).toEqual({ position: true });
    expectClean(afterIvm.ivmInfo!);
    const afterMessage = applyEvent(start, { type: 'message', callId: 'c1', at: AT + 2, content } as CallEvent);
    expect(afterMessage.messageContent).toEqual({ marketing: false });
    expectClean(afterMessage.messageContent!);
  });

  it('as an ACR cell key: merged like any other key, never onto a prototype', () => {
    const cell = { date: '2024-03-01', campaignId: 'k', callCentreId: 'cc', counts: { calls: 2, live: 1, abandonedLive: 1, abandonedUnknown: 0, silent: 0, unconnected: 0, machineDisconnected: 0, machineToAgent: 0, machineAbandoned: 0, undetermined: 0 } };
    const a = JSON.parse(`{"timeZone":"Europe/London","cells":{"${key}":${JSON.stringify(cell)}}}`) as AcrCounters;
    const merged = mergeCounters(a, a);
    expect(Object.keys(merged.cells)).toEqual([key]);
    expect(merged.cells[key]!.counts.calls).toBe(4);
    expect(mergeCounters(emptyCounters('Europe/London'), a).cells[key]!.counts.calls).toBe(2);
    expect(Object.getPrototypeOf(merged.cells) === null || Object.getPrototypeOf(merged.cells) === Object.prototype).toBe(true);
    expect(JSON.parse(JSON.stringify(merged))).toEqual({ timeZone: 'Europe/London', cells: { [key]: { ...cell, counts: { ...cell.counts, calls: 4, live: 2, abandonedLive: 2 } } } });
  });

  it('in an ACR cell\'s counts: not copied', () => {
    const counts = JSON.parse(`{"${key}":{"polluted":true},"calls":1,"live":1,"abandonedLive":0,"abandonedUnknown":0,"silent":0,"unconnected":0,"machineDisconnected":0,"machineToAgent":0,"machineAbandoned":0}`);
    const a: AcrCounters = { timeZone: 'UTC', cells: { x: { date: '2024-03-01', campaignId: 'k', callCentreId: 'cc', counts } } };
    expectClean(mergeCounters(a, emptyCounters('UTC')).cells.x!.counts);
  });

  it('in policy changes, at the top or in a group: a PolicyError naming it; the base policy is untouched', () => {
    for (const changes of [JSON.parse(`{"${key}":{"polluted":true}}`), JSON.parse(`{"ring":{"${key}":{"polluted":true}}}`)]) {
      expect(() => definePolicy(ofcom2017, changes)).toThrow(PolicyError);
    }
    expect(Object.getPrototypeOf(ofcom2017)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(ofcom2017.ring)).toBe(Object.prototype);
  });

  it('in a saved guard state, at the top or as a number key: dropped, or kept as data', () => {
    const saved = createDialGuard(ofcom2017).toJSON();
    const state = JSON.parse(`{"${key}":{"polluted":true},${JSON.stringify({ ...saved, latest: AT, calls: [[key, 'c0', AT - 1_000, 'silent']] }).slice(1)}`);
    const guard = dialGuardFromJSON(state);
    expect(guard.toJSON()).toEqual({ version: 1, policyId: 'ofcom2017', latest: AT, calls: [[key, 'c0', AT - 1_000, 'silent']] });
    expectClean(guard.toJSON());
    expectClean(dialGuardFromJSON(JSON.stringify(state)).toJSON());
    const parsed = parseGuardState(state);
    expectClean(parsed);
    expect(parsed).not.toBe(state);
    expect(Object.keys(parsed)).toEqual(['version', 'policyId', 'latest', 'calls']);
  });
});

describe('policy changes read from JSON', () => {
  it('an unknown field is refused with the fields a policy has, not copied into the policy', () => {
    expect(() => definePolicy(ofcom2017, JSON.parse('{"acrAlert":0.01}'))).toThrow(/unknown policy field 'acrAlert'/);
    expect(() => definePolicy(ofcom2017, JSON.parse('{"acr":{"alert":0.01}}'))).toThrow(/unknown policy field 'acr.alert'/);
  });

  it('a group given as something other than an object is a PolicyError, not a TypeError', () => {
    for (const value of [null, 5, 'x', [1]]) expect(() => definePolicy(ofcom2017, { ring: value } as never)).toThrow(PolicyError);
    expect(() => definePolicy(ofcom2017, null as never)).toThrow(PolicyError);
  });

  it('known fields still merge as before', () => {
    const p = definePolicy(ofcom2017, JSON.parse('{"acr":{"alertRate":0.01},"ring":{"maxMs":45000},"retentionMonths":12}'));
    expect(p.acr).toEqual({ ...ofcom2017.acr, alertRate: 0.01 });
    expect(p.ring).toEqual({ ...ofcom2017.ring, maxMs: 45_000 });
    expect(p.retentionMonths).toBe(12);
  });
});

describe('a saved guard state', () => {
  it('a value JSON cannot show (a bigint) is still a GuardStateError', () => {
    expect(() => dialGuardFromJSON({ version: 1, policyId: 'x', latest: 1n, calls: [] } as never)).toThrow(GuardStateError);
  });
  it('an array is not a state', () => {
    expect(() => dialGuardFromJSON([] as never)).toThrow(GuardStateError);
  });
});
