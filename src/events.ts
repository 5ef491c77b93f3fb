/**
 * Call events: what a dialler reports about one outbound call, as it happens.
 *
 * Every event carries the call's `callId` and the moment it happened, `at`, in epoch
 * milliseconds. Time comes in on the events: dialguard never reads the host's clock.
 */

/** Fields every call event carries. */
export interface CallEventBase {
  /** The dialler's id for the call; unique per call. */
  readonly callId: string;
  /** When it happened, epoch milliseconds (UTC). */
  readonly at: number;
}

/** The dialler placed the call (A3.3: the call's campaign and call centre scope its ACR). */
export interface DialEvent extends CallEventBase {
  readonly type: 'dial';
  /** The campaign: one proposition to one target audience (A3.3). */
  readonly campaignId: string;
  /** The call centre placing the call (A3.4: ACR per call centre). */
  readonly callCentreId: string;
  /** The number called. */
  readonly to: string;
  /** The presented calling line identity; `null` when withheld (A1.20, A2.13). */
  readonly cli: string | null;
  /** A live agent is guaranteed for this call (A2.9: the only way to repeat within 72 h). */
  readonly agentGuaranteed: boolean;
  /** Answer-machine detection is on for this call (A1.6, A2.19, A3.7). */
  readonly amd: boolean;
  /** The dialler will play an information message if no agent is free (A1.9, A1.14). */
  readonly messagePlanned: boolean;
  /** The recipient's IANA time zone, when it differs from the policy's (A2.11). */
  readonly zone?: string | undefined;
}

/** The called line started ringing (alerting): the ring time runs from here (A2.15). */
export interface RingingEvent extends CallEventBase {
  readonly type: 'ringing';
}

/** The call was picked up (A2.19: "the phone has been picked up"). */
export interface AnswerEvent extends CallEventBase {
  readonly type: 'answer';
}

/** The person called began (`start`) or finished (`end`) their greeting, as AMD hears it (A2.19 "start of salutation"). */
export interface SalutationEvent extends CallEventBase {
  readonly type: 'salutation';
  readonly phase: 'start' | 'end';
}

/** Answer-machine detection's verdict on who picked up (A1.6). */
export interface AmdEvent extends CallEventBase {
  readonly type: 'amd';
  readonly result: AmdResult;
}

/** The call was connected to a live agent (A3.3: a live call). */
export interface AgentEvent extends CallEventBase {
  readonly type: 'agent';
}

/** What an information message says, as the dialler describes it (A2.17). */
export interface MessageContent {
  /** The party on whose behalf the call was made, as named in the message; `null`/absent when not named. */
  readonly onBehalfOf?: string | null | undefined;
  /** The message explains that that party tried to contact the recipient. */
  readonly explainsAttempt?: boolean | undefined;
  /** The number the recipient can call to decline further calls; must be basic rate. */
  readonly optOutNumber?: string | null | undefined;
  /** The message contains marketing content (it must not). */
  readonly marketing?: boolean | undefined;
  /** The message offers an automated opt-out, e.g. "press 9" (required by the US FCC rule, not by Ofcom). */
  readonly automatedOptOut?: boolean | undefined;
}

/** An information message started playing to the recipient (A1.9, A2.16–A2.19). */
export interface MessageEvent extends CallEventBase {
  readonly type: 'message';
  /** What the message says, when the dialler knows; checked against A2.17. */
  readonly content?: MessageContent | undefined;
}

/** Recording of the call started (call-recording guidance). */
export interface RecordingEvent extends CallEventBase {
  readonly type: 'recording';
  /** The recipient was told the call may be recorded (tone, message or spoken warning). */
  readonly noticeGiven: boolean;
}

/** Who ended the call. */
export type HangupBy = 'caller' | 'recipient' | 'network';
/** Why a call ended without a conversation, when the network or dialler says. */
export type HangupCause = 'busy' | 'noAnswer' | 'rejected' | 'invalidNumber' | 'failed';

/** The call ended. */
export interface HangupEvent extends CallEventBase {
  readonly type: 'hangup';
  readonly by: HangupBy;
  readonly cause?: HangupCause | undefined;
}

/** The agent's later verdict on who answered (A2.24: evidence of AMD accuracy; A3.5 false negatives). */
export interface DispositionEvent extends CallEventBase {
  readonly type: 'disposition';
  readonly verdict: 'human' | 'machine';
}

/** What an interactive voice message (IVM) told a recipient waiting for an agent (A1.29). */
export interface QueueInformation {
  /** The caller's identity. */
  readonly identity?: boolean | undefined;
  /** The purpose of the call. */
  readonly purpose?: boolean | undefined;
  /** The recipient's position in the queue. */
  readonly position?: boolean | undefined;
  /** The likely waiting time. */
  readonly expectedWait?: boolean | undefined;
}

/**
 * Interactive voice messaging (A1.10, A1.28–A1.31): the recipient asked for an agent
 * (`agentRequested`), or the IVM told them about the queue (`queueInfo`).
 */
export interface IvmEvent extends CallEventBase {
  readonly type: 'ivm';
  readonly action: 'agentRequested' | 'queueInfo';
  /** With `queueInfo`: what the recipient was told. */
  readonly info?: QueueInformation | undefined;
}

/** AMD verdicts. */
export type AmdResult = 'human' | 'machine' | 'unknown';

/** Every event a dialler reports about a call: a discriminated union on `type`. */
export type CallEvent =
  | DialEvent
  | RingingEvent
  | AnswerEvent
  | SalutationEvent
  | AmdEvent
  | AgentEvent
  | MessageEvent
  | RecordingEvent
  | HangupEvent
  | DispositionEvent
  | IvmEvent;

/** The `type` of every call event. */
export type CallEventType = CallEvent['type'];

/** Every call event type, in the order a call usually goes through them. */
export const CALL_EVENT_TYPES: readonly CallEventType[] = [
  'dial',
  'ringing',
  'answer',
  'salutation',
  'amd',
  'agent',
  'message',
  'recording',
  'ivm',
  'hangup',
  'disposition',
];
