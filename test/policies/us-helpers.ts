import { foldEvents, type CallEvent, type CallRecord } from '../../src/index.js';

/** [ms after the dial, the event without callId and at]. */
export type Step = readonly [number, Record<string, unknown>];

/** A record folded from events: a dial at `dialAt` (ISO with zone), then `steps`. */
export function rec(callId: string, dialAt: string, steps: readonly Step[], dial: Record<string, unknown> = {}): CallRecord {
  const t0 = Date.parse(dialAt);
  const events = [
    { type: 'dial', callId, at: t0, campaignId: 'spring', callCentreId: 'ohio', to: `+1202555${callId.replace(/\D/g, '').padStart(4, '0').slice(-4)}`, cli: '+12025550199', agentGuaranteed: false, amd: false, messagePlanned: true, zone: null, ...dial },
    ...steps.map(([ms, e]) => ({ callId, at: t0 + ms, ...e })),
  ] as unknown as CallEvent[];
  return foldEvents(events);
}

/** Answered at 5 s, greeting complete at 6 s, agent at 6.5 s (within 2 s of the completed greeting), recipient hangs up at 60 s. */
export const LIVE: readonly Step[] = [
  [1000, { type: 'ringing' }],
  [5000, { type: 'answer' }],
  [5200, { type: 'salutation', phase: 'start' }],
  [6000, { type: 'salutation', phase: 'end' }],
  [6500, { type: 'agent' }],
  [60000, { type: 'hangup', by: 'recipient' }],
];

/** No agent within 2 s of the completed greeting: the TSR message played at 7 s, recipient hangs up at 15 s. */
export const ABANDONED_WITH_MESSAGE: readonly Step[] = [
  [1000, { type: 'ringing' }],
  [5000, { type: 'answer' }],
  [5200, { type: 'salutation', phase: 'start' }],
  [6000, { type: 'salutation', phase: 'end' }],
  [7000, { type: 'message', content: { onBehalfOf: 'Acme', optOutNumber: '+12025550123', automatedOptOut: true } }],
  [15000, { type: 'hangup', by: 'recipient' }],
];

/** A person answers and completes the greeting; nothing is played and no agent comes; the person hangs up 9 s later ("dead air"). */
export const DEAD_AIR: readonly Step[] = [
  [1000, { type: 'ringing' }],
  [5000, { type: 'answer' }],
  [5200, { type: 'salutation', phase: 'start' }],
  [6000, { type: 'salutation', phase: 'end' }],
  [15000, { type: 'hangup', by: 'recipient' }],
];

/** With AMD: a person answers, AMD wrongly says machine and the dialler hangs up on them; the agent's later review says human. */
export const AMD_HUNG_UP_ON_PERSON: readonly Step[] = [
  [1000, { type: 'ringing' }],
  [5000, { type: 'answer' }],
  [5200, { type: 'salutation', phase: 'start' }],
  [6000, { type: 'salutation', phase: 'end' }],
  [7000, { type: 'amd', result: 'machine' }],
  [7100, { type: 'hangup', by: 'caller' }],
  [60000, { type: 'disposition', verdict: 'human' }],
];
