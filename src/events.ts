/**
 * Call events: what a dialler reports about one outbound call, as it happens.
 *
 * Every event carries the call's `callId` and the moment it happened, `at`, in epoch
 * milliseconds. Time comes in on the events: dialguard never reads the host's clock.
 */

import { field, type Infer, type Shape } from './validate/field.js';

/** AMD verdicts (`amd.result`, `CallRecord.amdResult`). */
export const AMD_RESULTS = ['human', 'machine', 'unknown'] as const;
/** Who ended the call (`hangup.by`, `CallRecord.hangupBy`). */
export const HANGUP_PARTIES = ['caller', 'recipient', 'network'] as const;
/** Why a call ended without a conversation, when the network or dialler says (`hangup.cause`, `CallRecord.hangupCause`). */
export const HANGUP_CAUSES = ['busy', 'noAnswer', 'rejected', 'invalidNumber', 'failed'] as const;
/** The agent's (or a reviewer's) verdict on who answered (`disposition.verdict`, `CallRecord.disposition`). */
export const VERDICTS = ['human', 'machine'] as const;
/** `salutation.phase`: the greeting began or ended. */
export const SALUTATION_PHASES = ['start', 'end'] as const;
/** `ivm.action`: the recipient asked for an agent, or was told about the queue. */
export const IVM_ACTIONS = ['agentRequested', 'queueInfo'] as const;

/** What an information message says, as the dialler describes it (A2.17): every field optional. */
export const MESSAGE_CONTENT_FIELDS = /* @__PURE__ */ (() => ({
  /** The party on whose behalf the call was made, as named in the message; `null`/absent when not named. */
  onBehalfOf: field.nullableString(),
  /** The message explains that that party tried to contact the recipient. */
  explainsAttempt: field.optional(field.boolean()),
  /** The number the recipient can call to decline further calls; must be basic rate. */
  optOutNumber: field.nullableString(),
  /** The message contains marketing content (it must not). */
  marketing: field.optional(field.boolean()),
  /** The message offers an automated opt-out, e.g. "press 9" (required by the US FCC rule, not by Ofcom). */
  automatedOptOut: field.optional(field.boolean()),
} as const satisfies Shape))();

/** What an interactive voice message (IVM) told a recipient waiting for an agent (A1.29): every field optional. */
export const QUEUE_INFORMATION_FIELDS = /* @__PURE__ */ (() => ({
  /** The caller's identity. */
  identity: field.optional(field.boolean()),
  /** The purpose of the call. */
  purpose: field.optional(field.boolean()),
  /** The recipient's position in the queue. */
  position: field.optional(field.boolean()),
  /** The likely waiting time. */
  expectedWait: field.optional(field.boolean()),
} as const satisfies Shape))();

/** Fields every call event carries (after `type`). */
export const CALL_EVENT_BASE_FIELDS = /* @__PURE__ */ (() => ({
  /** The dialler's id for the call; unique per call. */
  callId: field.string(),
  /** When it happened, epoch milliseconds (UTC); from input also ISO-8601 with a zone. */
  at: field.timestamp(),
} as const satisfies Shape))();

/**
 * Every call event type and the fields of each, besides `type`, `callId` and `at`: the
 * one declaration the event types (`DialEvent`, …, `CallEvent`), the parser
 * (`parseCallEvent`), the allowed values and `CALL_EVENT_TYPES` are derived from.
 * Keys are in the order a call usually goes through them.
 */
export const CALL_EVENT_FIELDS = /* @__PURE__ */ (() => ({
  /** The dialler placed the call (A3.3: the call's campaign and call centre scope its ACR). */
  dial: {
    /** The campaign: one proposition to one target audience (A3.3). */
    campaignId: field.string(),
    /** The call centre placing the call (A3.4: ACR per call centre). */
    callCentreId: field.string(),
    /** The number called. */
    to: field.string(),
    /** The presented calling line identity; `null` when withheld (A1.20, A2.13). */
    cli: field.cli(),
    /** A live agent is guaranteed for this call (A2.9: the only way to repeat within 72 h). */
    agentGuaranteed: field.boolean(),
    /** Answer-machine detection is on for this call (A1.6, A2.19, A3.7). */
    amd: field.boolean(),
    /** The dialler will play an information message if no agent is free (A1.9, A1.14). */
    messagePlanned: field.boolean(),
    /** The recipient's IANA time zone, when it differs from the policy's (A2.11). */
    zone: field.zone(),
  },
  /** The called line started ringing (alerting): the ring time runs from here (A2.15). */
  ringing: {},
  /** The call was picked up (A2.19: "the phone has been picked up"). */
  answer: {},
  /** The person called began (`start`) or finished (`end`) their greeting, as AMD hears it (A2.19 "start of salutation"). */
  salutation: { phase: field.choice(SALUTATION_PHASES) },
  /** Answer-machine detection's verdict on who picked up (A1.6). */
  amd: { result: field.choice(AMD_RESULTS) },
  /** The call was connected to a live agent (A3.3: a live call). */
  agent: {},
  /** An information message started playing to the recipient (A1.9, A2.16–A2.19). */
  message: {
    /** What the message says, when the dialler knows; checked against A2.17. */
    content: field.optional(field.object(MESSAGE_CONTENT_FIELDS)),
  },
  /** Recording of the call started (call-recording guidance). */
  recording: {
    /** The recipient was told the call may be recorded (tone, message or spoken warning). */
    noticeGiven: field.boolean(),
  },
  /**
   * Interactive voice messaging (A1.10, A1.28–A1.31): the recipient asked for an agent
   * (`agentRequested`), or the IVM told them about the queue (`queueInfo`).
   */
  ivm: {
    action: field.choice(IVM_ACTIONS),
    /** With `queueInfo`: what the recipient was told. */
    info: field.optional(field.object(QUEUE_INFORMATION_FIELDS)),
  },
  /** The call ended. */
  hangup: { by: field.choice(HANGUP_PARTIES), cause: field.optional(field.choice(HANGUP_CAUSES)) },
  /** The agent's later verdict on who answered (A2.24: evidence of AMD accuracy; A3.5 false negatives). */
  disposition: { verdict: field.choice(VERDICTS) },
} as const satisfies { readonly [type: string]: Shape }))();

/** The fields of call events, by type (the type of `CALL_EVENT_FIELDS`). */
export type CallEventFields = typeof CALL_EVENT_FIELDS;

/** The event of type `T`, as derived from its fields in `CALL_EVENT_FIELDS`. */
export type CallEventOf<T extends keyof CallEventFields> = { readonly type: T } & CallEventBase & Infer<CallEventFields[T]>;

/** Fields every call event carries. */
export interface CallEventBase extends Infer<typeof CALL_EVENT_BASE_FIELDS> {}

/** What an information message says, as the dialler describes it (A2.17). */
export interface MessageContent extends Infer<typeof MESSAGE_CONTENT_FIELDS> {}

/** What an interactive voice message (IVM) told a recipient waiting for an agent (A1.29). */
export interface QueueInformation extends Infer<typeof QUEUE_INFORMATION_FIELDS> {}

/** AMD verdicts. */
export type AmdResult = (typeof AMD_RESULTS)[number];
/** Who ended the call. */
export type HangupBy = (typeof HANGUP_PARTIES)[number];
/** Why a call ended without a conversation, when the network or dialler says. */
export type HangupCause = (typeof HANGUP_CAUSES)[number];

/** The dialler placed the call (A3.3: the call's campaign and call centre scope its ACR). */
export interface DialEvent extends CallEventOf<'dial'> {}
/** The called line started ringing (alerting): the ring time runs from here (A2.15). */
export interface RingingEvent extends CallEventOf<'ringing'> {}
/** The call was picked up (A2.19: "the phone has been picked up"). */
export interface AnswerEvent extends CallEventOf<'answer'> {}
/** The person called began (`start`) or finished (`end`) their greeting, as AMD hears it (A2.19 "start of salutation"). */
export interface SalutationEvent extends CallEventOf<'salutation'> {}
/** Answer-machine detection's verdict on who picked up (A1.6). */
export interface AmdEvent extends CallEventOf<'amd'> {}
/** The call was connected to a live agent (A3.3: a live call). */
export interface AgentEvent extends CallEventOf<'agent'> {}
/** An information message started playing to the recipient (A1.9, A2.16–A2.19). */
export interface MessageEvent extends CallEventOf<'message'> {}
/** Recording of the call started (call-recording guidance). */
export interface RecordingEvent extends CallEventOf<'recording'> {}
/** The call ended. */
export interface HangupEvent extends CallEventOf<'hangup'> {}
/** The agent's later verdict on who answered (A2.24: evidence of AMD accuracy; A3.5 false negatives). */
export interface DispositionEvent extends CallEventOf<'disposition'> {}
/**
 * Interactive voice messaging (A1.10, A1.28–A1.31): the recipient asked for an agent
 * (`agentRequested`), or the IVM told them about the queue (`queueInfo`).
 */
export interface IvmEvent extends CallEventOf<'ivm'> {}

/** The named interface of each event type. */
interface CallEventByType {
  dial: DialEvent;
  ringing: RingingEvent;
  answer: AnswerEvent;
  salutation: SalutationEvent;
  amd: AmdEvent;
  agent: AgentEvent;
  message: MessageEvent;
  recording: RecordingEvent;
  ivm: IvmEvent;
  hangup: HangupEvent;
  disposition: DispositionEvent;
}

/**
 * Every event a dialler reports about a call: a discriminated union on `type`, one member
 * per key of `CALL_EVENT_FIELDS` (a type declared there without a named interface above
 * is still a member, as `CallEventOf<type>`).
 */
export type CallEvent = {
  [T in keyof CallEventFields]: T extends keyof CallEventByType ? CallEventByType[T] : CallEventOf<T>;
}[keyof CallEventFields];

/** The `type` of every call event. */
export type CallEventType = CallEvent['type'];

/** Every call event type, in the order a call usually goes through them (the keys of `CALL_EVENT_FIELDS`). */
export const CALL_EVENT_TYPES: readonly CallEventType[] = /* @__PURE__ */ Object.keys(CALL_EVENT_FIELDS) as CallEventType[];
