/**
 * fast-check arbitraries of valid call events, shared by the validation property tests.
 * Every generated event is what `parseCallEvent` should return unchanged after a JSON
 * round trip: no `-0` (JSON writes it as `0`), no `undefined`-valued keys (JSON drops
 * them), and zones this runtime's `Intl` knows.
 */
import fc from 'fast-check';
import type { CallEvent, CallEventType, MessageContent, QueueInformation } from '../../src/events.js';

/** The default valid time range: 2000-01-01T00:00Z (inclusive) to 2100-01-01T00:00Z (exclusive). */
export const VALID_FROM = 946_684_800_000;
export const VALID_TO = 4_102_444_800_000;

/** Epoch ms in the default valid time range: mostly whole milliseconds, sometimes any double in it, and its two ends. */
export const epochMs: fc.Arbitrary<number> = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: VALID_FROM, max: VALID_TO - 1 }) },
  { weight: 1, arbitrary: fc.double({ min: VALID_FROM, max: VALID_TO, maxExcluded: true, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(VALID_FROM, VALID_TO - 1) },
);

/** Any non-empty string, lone surrogates included (JSON escapes them and reads them back). */
export const id: fc.Arbitrary<string> = fc.string({ minLength: 1, maxLength: 12, unit: 'binary' });

/** Zones every Node build with ICU knows. */
export const ZONES = ['Europe/London', 'Europe/Dublin', 'UTC', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe'] as const;

const opt = { requiredKeys: [] as never[], noNullPrototype: true };

/** A valid `MessageContent`: any subset of its fields. */
export const messageContent: fc.Arbitrary<MessageContent> = fc.record(
  {
    onBehalfOf: fc.option(fc.string({ unit: 'binary' }), { nil: null }),
    explainsAttempt: fc.boolean(),
    optOutNumber: fc.option(fc.string({ unit: 'binary' }), { nil: null }),
    marketing: fc.boolean(),
    automatedOptOut: fc.boolean(),
  },
  opt,
);

/** A valid `QueueInformation`: any subset of its flags. */
export const queueInformation: fc.Arbitrary<QueueInformation> = fc.record(
  { identity: fc.boolean(), purpose: fc.boolean(), position: fc.boolean(), expectedWait: fc.boolean() },
  opt,
);

const base = { callId: id, at: epochMs };
const strict = { noNullPrototype: true };

/** One arbitrary per event type: a valid event of that type. */
export const eventOfType: { readonly [T in CallEventType]: fc.Arbitrary<Extract<CallEvent, { type: T }>> } = {
  dial: fc.record(
    {
      type: fc.constant('dial' as const),
      ...base,
      campaignId: id,
      callCentreId: id,
      to: id,
      cli: fc.option(id, { nil: null }),
      agentGuaranteed: fc.boolean(),
      amd: fc.boolean(),
      messagePlanned: fc.boolean(),
      zone: fc.constantFrom(...ZONES),
    },
    { requiredKeys: ['type', 'callId', 'at', 'campaignId', 'callCentreId', 'to', 'cli', 'agentGuaranteed', 'amd', 'messagePlanned'], noNullPrototype: true },
  ),
  ringing: fc.record({ type: fc.constant('ringing' as const), ...base }, strict),
  answer: fc.record({ type: fc.constant('answer' as const), ...base }, strict),
  salutation: fc.record({ type: fc.constant('salutation' as const), ...base, phase: fc.constantFrom('start' as const, 'end' as const) }, strict),
  amd: fc.record({ type: fc.constant('amd' as const), ...base, result: fc.constantFrom('human' as const, 'machine' as const, 'unknown' as const) }, strict),
  agent: fc.record({ type: fc.constant('agent' as const), ...base }, strict),
  message: fc.record(
    { type: fc.constant('message' as const), ...base, content: messageContent },
    { requiredKeys: ['type', 'callId', 'at'], noNullPrototype: true },
  ),
  recording: fc.record({ type: fc.constant('recording' as const), ...base, noticeGiven: fc.boolean() }, strict),
  ivm: fc.record(
    {
      type: fc.constant('ivm' as const),
      ...base,
      action: fc.constantFrom('agentRequested' as const, 'queueInfo' as const),
      info: queueInformation,
    },
    { requiredKeys: ['type', 'callId', 'at', 'action'], noNullPrototype: true },
  ),
  hangup: fc.record(
    {
      type: fc.constant('hangup' as const),
      ...base,
      by: fc.constantFrom('caller' as const, 'recipient' as const, 'network' as const),
      cause: fc.constantFrom('busy' as const, 'noAnswer' as const, 'rejected' as const, 'invalidNumber' as const, 'failed' as const),
    },
    { requiredKeys: ['type', 'callId', 'at', 'by'], noNullPrototype: true },
  ),
  disposition: fc.record({ type: fc.constant('disposition' as const), ...base, verdict: fc.constantFrom('human' as const, 'machine' as const) }, strict),
};

/** A valid event of any type. */
export const callEvent: fc.Arbitrary<CallEvent> = fc.oneof(...Object.values(eventOfType));
