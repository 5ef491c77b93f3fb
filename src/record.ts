/**
 * CallRecord: the facts of one call, folded from its events. Everything downstream
 * (the classifier, the ACR counters, the cross-call rules, the report) sees only records,
 * so a live dialler and an audit of stored calls share one set of rules.
 */
import type { AmdResult, HangupBy, HangupCause, MessageContent, QueueInformation, VERDICTS } from './events.js';
import { isInvalidHangup, type Anomaly } from './anomaly.js';
import type { CallCategory, MachineKind } from './rules/category/index.js';

/** The agent's (or a reviewer's) later verdict on who answered. */
export type Disposition = (typeof VERDICTS)[number];

/**
 * Every fact a record's source may be unable to show (`UnknownFact`), in record order:
 * the one list the type, the validator (`parseUnknownFacts`) and the evidence masks derive from.
 */
export const UNKNOWN_FACTS = /* @__PURE__ */ Object.freeze([
  'ringingAt',
  'answerAt',
  'salutationStartAt',
  'amdResult',
  'agentAt',
  'messageAt',
  'messageContent',
  'recordingAt',
  'ivmAgentRequestedAt',
  'hangupAt',
  'hangupBy',
  'disposition',
] as const);

/**
 * A fact that a record's source could not show: a CDR with a status code but no agent or
 * message times, say. Its field is `null`, but `null` here means *unknown*, not "did not
 * happen": a rule that needs the fact is not judged on the call, and the report says so.
 * A fact recorded only together with an unknown one is unknown too where its field is
 * `null` (who hung up with `hangupAt`; what follows pickup with `answerAt`; the message's
 * content with `messageAt`): the rules read them so (`isUnknown` in `dialguard/internals`).
 */
export type UnknownFact = (typeof UNKNOWN_FACTS)[number];

/**
 * The outcome the dialler itself recorded for a call (its status or disposition code,
 * mapped to a category by the user's mapping: VICIdial `DROP` → abandoned, `AA` → answer
 * machine disconnected by AMD, `SALE` → live). It decides the category only where the
 * record's timings cannot (A3.3, A3.5); timings that decide win.
 */
export interface RecordedOutcome {
  /** The dialler's own code, as written in the source (evidence). */
  readonly status: string;
  /** The category that code means at this site. */
  readonly category: Exclude<CallCategory, 'undetermined'>;
  /** For `answerMachine`: which kind (A3.5); `null` when the code does not say. */
  readonly machine: MachineKind | null;
}

/** One outbound call, as plain serialisable data. Absent facts are `null` (unknown ones are listed in `unknown`). */
export interface CallRecord {
  readonly callId: string;
  /** Campaign the call belongs to (A3.3). */
  readonly campaignId: string;
  /** Call centre that placed it (A3.4). */
  readonly callCentreId: string;
  /** Number called. */
  readonly to: string;
  /** Presented CLI; `null` when withheld (A1.20, A2.13). */
  readonly cli: string | null;
  /** A live agent was guaranteed for the call (A2.9). */
  readonly agentGuaranteed: boolean;
  /** Answer-machine detection was on (A2.19, A3.7). */
  readonly amd: boolean;
  /** The dialler would play an information message if no agent were free (A1.9 footnote 13). */
  readonly messagePlanned: boolean;
  /** The recipient's IANA time zone, when it differs from the policy's (A2.11). */
  readonly zone: string | null;
  /** Dial time, epoch ms. */
  readonly dialAt: number;
  /** When the line started ringing, if the dialler reported it (A2.15). */
  readonly ringingAt: number | null;
  /** Pickup (A2.19 "the phone has been picked up"). */
  readonly answerAt: number | null;
  /** Start of salutation, as AMD heard it (A2.19 footnote 45). */
  readonly salutationStartAt: number | null;
  /** End of the greeting (the US TSR's "completed greeting"). */
  readonly salutationEndAt: number | null;
  /** AMD verdict and when it was given. */
  readonly amdResult: AmdResult | null;
  readonly amdAt: number | null;
  /** Connected to a live agent (A3.3). */
  readonly agentAt: number | null;
  /** Information message started (A2.18–A2.19). */
  readonly messageAt: number | null;
  /** What the message said, when known (A2.17). */
  readonly messageContent: MessageContent | null;
  /** Recording started, and whether the recipient was told. */
  readonly recordingAt: number | null;
  readonly recordingNotice: boolean | null;
  /** IVM: the recipient asked for an agent (A1.28). */
  readonly ivmAgentRequestedAt: number | null;
  /** IVM: what the recipient was told about the queue, and when first told (A1.29). */
  readonly ivmInfo: QueueInformation | null;
  readonly ivmInfoAt: number | null;
  /** The end of the call. */
  readonly hangupAt: number | null;
  readonly hangupBy: HangupBy | null;
  readonly hangupCause: HangupCause | null;
  /** Later verdict on who answered (A2.24, A3.5). */
  readonly disposition: Disposition | null;
  /** Time of the latest event applied. */
  readonly lastEventAt: number;
  /** What was wrong with the events that made this record (never thrown; see `Anomaly`). */
  readonly anomalies: readonly Anomaly[];
  /** The outcome the dialler recorded (a mapped status code); absent or `null`: none. See `RecordedOutcome`. */
  readonly outcome?: RecordedOutcome | null;
  /** Facts the record's source could not show (their fields are `null` meaning unknown); absent or empty: every fact is known, as for live calls. */
  readonly unknown?: readonly UnknownFact[];
}

/**
 * The last moment the records saw the call: its latest event (`lastEventAt`), or the moment
 * the host closed it before it hung up (an `incomplete` anomaly), if later. On a call that
 * never hung up, it was still going then. A call whose records show it ended (who hung up,
 * or a hang-up whose time could not be read: `hungUpAtUnreadableTime`) was not: a close
 * after its end says nothing of it, and the moment is its latest event. The category, IVM
 * wait and message rules all read the moment here, so they agree on it.
 */
export function observedUntil(record: CallRecord): number {
  let until = record.lastEventAt;
  if (record.hangupBy !== null || hungUpAtUnreadableTime(record)) return until;
  for (const a of record.anomalies) if (a.kind === 'incomplete' && a.at > until) until = a.at;
  return until;
}

/** The records show a hang-up whose time could not be read (`isInvalidHangup`): the call ended, when is not known. */
export function hungUpAtUnreadableTime(record: CallRecord): boolean {
  return record.anomalies.some(isInvalidHangup);
}

/** No unknown facts: the shared value for records folded from events. */
export const ALL_FACTS_KNOWN: readonly UnknownFact[] = /* @__PURE__ */ Object.freeze([]);

/** The facts a dial brings; everything else starts empty. */
export type DialFacts = Pick<
  CallRecord,
  'callId' | 'campaignId' | 'callCentreId' | 'to' | 'cli' | 'agentGuaranteed' | 'amd' | 'messagePlanned' | 'dialAt'
> & { readonly zone?: string | null | undefined };

/** A fresh record for a call that has just been dialled. */
/* @__NO_SIDE_EFFECTS__ */
export function newRecord(facts: DialFacts): CallRecord {
  return {
    callId: facts.callId,
    campaignId: facts.campaignId,
    callCentreId: facts.callCentreId,
    to: facts.to,
    cli: facts.cli,
    agentGuaranteed: facts.agentGuaranteed,
    amd: facts.amd,
    messagePlanned: facts.messagePlanned,
    zone: facts.zone ?? null,
    dialAt: facts.dialAt,
    ringingAt: null,
    answerAt: null,
    salutationStartAt: null,
    salutationEndAt: null,
    amdResult: null,
    amdAt: null,
    agentAt: null,
    messageAt: null,
    messageContent: null,
    recordingAt: null,
    recordingNotice: null,
    ivmAgentRequestedAt: null,
    ivmInfo: null,
    ivmInfoAt: null,
    hangupAt: null,
    hangupBy: null,
    hangupCause: null,
    disposition: null,
    lastEventAt: facts.dialAt,
    anomalies: [],
    outcome: null,
    unknown: ALL_FACTS_KNOWN,
  };
}

/** A record whose fields may be set: only ever a fresh copy (`copyRecord`), before anyone else sees it. */
export type RecordDraft = { -readonly [K in keyof CallRecord]-?: CallRecord[K] };

/**
 * A copy of `record` to set fields on before it is handed on (the fold's one way to make
 * the next record). Built as one object literal naming every field, in `newRecord`'s
 * order, so every record shares one shape (V8 hidden class) whatever events made it: a
 * spread copy gives records of different histories different shapes, which makes every
 * later read of them (classify, the ledger) and the next copy megamorphic and slow.
 * An absent `outcome` or `unknown` is copied as its empty value (`null`, no unknown fact),
 * which means the same.
 */
export function copyRecord(record: CallRecord): RecordDraft {
  return {
    callId: record.callId,
    campaignId: record.campaignId,
    callCentreId: record.callCentreId,
    to: record.to,
    cli: record.cli,
    agentGuaranteed: record.agentGuaranteed,
    amd: record.amd,
    messagePlanned: record.messagePlanned,
    zone: record.zone,
    dialAt: record.dialAt,
    ringingAt: record.ringingAt,
    answerAt: record.answerAt,
    salutationStartAt: record.salutationStartAt,
    salutationEndAt: record.salutationEndAt,
    amdResult: record.amdResult,
    amdAt: record.amdAt,
    agentAt: record.agentAt,
    messageAt: record.messageAt,
    messageContent: record.messageContent,
    recordingAt: record.recordingAt,
    recordingNotice: record.recordingNotice,
    ivmAgentRequestedAt: record.ivmAgentRequestedAt,
    ivmInfo: record.ivmInfo,
    ivmInfoAt: record.ivmInfoAt,
    hangupAt: record.hangupAt,
    hangupBy: record.hangupBy,
    hangupCause: record.hangupCause,
    disposition: record.disposition,
    lastEventAt: record.lastEventAt,
    anomalies: record.anomalies,
    outcome: record.outcome ?? null,
    unknown: record.unknown ?? ALL_FACTS_KNOWN,
  };
}
