import type { CallEvent, DialEvent } from '../../src/index.js';

/** 10:00 on Monday 23 November 2026 in London (GMT). */
export const T0 = Date.UTC(2026, 10, 23, 10, 0, 0);

type Step =
  | readonly ['ringing' | 'answer' | 'agent', number]
  | readonly ['salutation', number, 'start' | 'end']
  | readonly ['amd', number, 'human' | 'machine' | 'unknown']
  | readonly ['message', number, Extract<CallEvent, { type: 'message' }>['content']?]
  | readonly ['recording', number, boolean]
  | readonly ['hangup', number, 'caller' | 'recipient' | 'network', Extract<CallEvent, { type: 'hangup' }>['cause']?]
  | readonly ['disposition', number, 'human' | 'machine'];

/** A dial event at T0 + `at` ms with sensible defaults. */
export function dial(callId: string, at = 0, over: Partial<DialEvent> = {}): DialEvent {
  return {
    type: 'dial',
    callId,
    at: T0 + at,
    campaignId: 'spring',
    callCentreId: 'leeds',
    to: '01632960001',
    cli: '01134961000',
    agentGuaranteed: false,
    amd: false,
    messagePlanned: true,
    ...over,
    ...(over.at !== undefined ? { at: T0 + over.at } : {}),
  };
}

/** One call's events: a dial at T0 + `over.at` (default T0), then the steps, each `s[1]` ms after the dial. */
export function callEvents(callId: string, steps: readonly Step[], over: Partial<DialEvent> = {}): CallEvent[] {
  const first = dial(callId, 0, over);
  const out: CallEvent[] = [first];
  for (const s of steps) {
    const at = first.at + s[1];
    switch (s[0]) {
      case 'ringing':
      case 'answer':
      case 'agent':
        out.push({ type: s[0], callId, at });
        break;
      case 'salutation':
        out.push({ type: 'salutation', callId, at, phase: s[2] });
        break;
      case 'amd':
        out.push({ type: 'amd', callId, at, result: s[2] });
        break;
      case 'message':
        out.push(s[2] === undefined ? { type: 'message', callId, at } : { type: 'message', callId, at, content: s[2] });
        break;
      case 'recording':
        out.push({ type: 'recording', callId, at, noticeGiven: s[2] });
        break;
      case 'hangup':
        out.push(s[3] === undefined ? { type: 'hangup', callId, at, by: s[2] } : { type: 'hangup', callId, at, by: s[2], cause: s[3] });
        break;
      case 'disposition':
        out.push({ type: 'disposition', callId, at, verdict: s[2] });
        break;
    }
  }
  return out;
}

/** A well-formed information message (A2.17). */
export const goodMessage = {
  onBehalfOf: 'Acme Energy',
  explainsAttempt: true,
  optOutNumber: '0800 123 4567',
  marketing: false,
} as const;
