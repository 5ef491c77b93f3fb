/**
 * An independent reference model of what one call becomes under Ofcom's 2017 statement of
 * policy on persistent misuse, with its default values: 15 s minimum ring and 60 s maximum
 * ring (A2.15), a message within 2 s of pickup — or, where AMD decides, of the start of
 * salutation (A2.19).
 *
 * Written from the policy text (shared/seeds/ofcom-persistent-misuse-policy-2017.txt), its
 * digest (shared/spec/rules.md) and the README's "What a call becomes" edge cases — NOT
 * from `src/rules` or `src/classify.ts`. It imports types only, so a wrong rule in the
 * library cannot be copied into the model: the differential property
 * (`differential.property.test.ts`) compares the two on generated timelines.
 *
 * It is written as a plain decision list over the facts of the call, in the order the
 * policy reads, rather than as the library's rule-per-file structure.
 */
import type { CallRecord } from '../../src/index.js';

/** The policy's numbers (Ofcom 2017 defaults; the maximum ring is the library's documented default). */
export const MODEL_POLICY = {
  /** A2.15: "less than 15 seconds" of ringing before the caller ends it is short. */
  minRingMs: 15_000,
  /** A2.15: "left ringing for extended periods" — not prescribed, 60 s by default. */
  maxRingMs: 60_000,
  /** A2.19: "as quickly as possible and no longer than two seconds". */
  messageDeadlineMs: 2_000,
} as const;

export type ModelCategory = 'live' | 'abandoned' | 'silent' | 'unconnected' | 'answerMachine' | 'undetermined';
export type ModelMachineKind = 'disconnectedByAmd' | 'falseNegative' | 'abandoned';
export type ModelSilentReason = 'amdFalsePositive' | 'disconnected' | 'agentHungUp' | 'deadAir' | 'noMessagePlanned';

/** What the model says about one call. */
export interface ModelVerdict {
  readonly category: ModelCategory;
  /** Only for `answerMachine`. */
  readonly machine: ModelMachineKind | null;
  /** Only for `silent`: why. */
  readonly silentReason: ModelSilentReason | null;
  /** Only for `abandoned`: whether the information message was played (else it would have been, A1.10 third bullet). */
  readonly messagePlayed: boolean | null;
  /** A2.15: the caller ended an unanswered call after less than 15 s of ringing. */
  readonly shortRing: boolean;
  /** A2.15: an unanswered call left ringing more than 60 s. */
  readonly longRing: boolean;
  /**
   * A2.18–A2.19: the recipient was connected to a message more than 2 s after the moment the
   * clock starts — provably: an IVM prompt (footnote 44: "an interactive message") whose start
   * the records do not show may have come in time, so a call with one is never late here.
   */
  readonly lateMessage: boolean;
}

/** Who picked up, from the best evidence. */
type Answerer = 'person' | 'machine' | 'notKnown';

function whoAnswered(r: CallRecord): Answerer {
  // The agent's (or reviewer's) later verdict knows best; then what AMD heard; a live agent
  // who spoke to them without marking a machine heard a person.
  if (r.disposition === 'human') return 'person';
  if (r.disposition === 'machine') return 'machine';
  if (r.amdResult === 'human') return 'person';
  if (r.amdResult === 'machine') return 'machine';
  return r.agentAt === null ? 'notKnown' : 'person';
}

/**
 * A2.19: the moment the 2 s start. "Where the message playing is dependent on the technology
 * recognising a voice or sounds" (AMD on), when "the person called begins to speak" — the
 * start of salutation, provided the person did speak before the message began (a message
 * that started before they spoke did not wait for their voice); "in any other case", when
 * "the phone has been picked up".
 */
export function clockStart(r: CallRecord, pickup: number): number {
  if (!r.amd) return pickup;
  const spoke = r.salutationStartAt;
  if (spoke === null) return pickup;
  if (r.messageAt !== null && r.messageAt < spoke) return pickup;
  return spoke;
}

/**
 * The latest moment by which an IVM spoke to the recipient: an IVM only asks them to press a
 * button for an agent, or tells them about the queue, by playing them something (A1.10
 * second bullet, A1.29). `null` when no IVM event was recorded.
 */
function ivmSpokeBy(r: CallRecord): number | null {
  const times = [r.ivmAgentRequestedAt, r.ivmInfoAt].filter((t): t is number => t !== null);
  return times.length === 0 ? null : Math.min(...times);
}

/** The model's verdict on one folded call record. */
export function modelVerdict(r: CallRecord): ModelVerdict {
  const none = { machine: null, silentReason: null, messagePlayed: null, shortRing: false, longRing: false, lateMessage: false };

  // --- Not answered: no connection between the parties (A3.3). Ring time (A2.15) is
  // measured from alerting when reported, else from the dial.
  if (r.answerAt === null) {
    // README "What a call becomes": records that stop while it rang (no hang-up time, nor who
    // hung up: a file cut off, a call the host closed) cannot show it was never answered.
    if (r.hangupAt === null && r.hangupBy === null) return { ...none, category: 'undetermined' };
    const rangFrom = r.ringingAt !== null ? r.ringingAt : r.dialAt;
    // A busy line or a number that does not exist is never alerted: with no ringing reported,
    // the call was never "allowed to ring" at all.
    const neverAlerted = r.ringingAt === null && (r.hangupCause === 'busy' || r.hangupCause === 'invalidNumber');
    const ended = r.hangupAt !== null && !neverAlerted;
    const rang = ended ? (r.hangupAt as number) - rangFrom : 0;
    return {
      ...none,
      category: 'unconnected',
      // "allowed to ring for less than 15 seconds before being terminated ... by the calling party"
      shortRing: ended && r.hangupBy === 'caller' && rang < MODEL_POLICY.minRingMs,
      // "left ringing for extended periods": the caller (or its network) kept it ringing;
      // a recipient who rejected the call was not left ringing.
      longRing: ended && r.hangupBy !== 'recipient' && rang > MODEL_POLICY.maxRingMs,
    };
  }

  const pickup = r.answerAt;
  const who = whoAnswered(r);

  // --- An answer machine picked up (A3.5): not a silent or abandoned call (footnote: abandoned
  // calls only include those picked up by live individuals).
  if (who === 'machine') {
    let kind: ModelMachineKind;
    if (r.agentAt !== null) kind = 'falseNegative'; // passed to an agent: z (A3.6)
    else if (r.amdResult === 'machine') kind = 'disconnectedByAmd';
    else kind = 'abandoned';
    return { ...none, category: 'answerMachine', machine: kind };
  }

  const start = clockStart(r, pickup);
  const deadline = start + MODEL_POLICY.messageDeadlineMs; // exactly 2.000 s is on time

  // --- A person (or someone not known) answered.
  // A1.7: "where the agent making the call hangs up when the call recipient answers the
  // phone" — an agent was connected, but the calling side ended the call at or just after
  // pickup (within the message deadline: the policy's own measure of a prompt response),
  // with nothing played to the recipient before: a silent call.
  if (r.agentAt !== null && r.hangupBy === 'caller' && r.hangupAt !== null && r.hangupAt <= deadline && (r.messageAt === null || r.messageAt > r.hangupAt)) {
    return { ...none, category: 'silent', silentReason: 'agentHungUp' };
  }
  // Connected to a live agent: a live call (A3.3).
  const ivmBy = ivmSpokeBy(r);
  const agentFirst = r.agentAt !== null && (r.messageAt === null || r.agentAt <= r.messageAt);
  if (r.agentAt !== null) {
    // A message played before the agent came: the recipient was connected to a message, and
    // A2.19 times it. An agent in the same millisecond as the message means no wait for one.
    const late = ivmBy === null && !agentFirst && (r.messageAt as number) > deadline;
    return { ...none, category: 'live', lateMessage: late };
  }

  // A message was played instead of an agent — an information message, or an IVM's
  // interactive one: abandoned (A1.9; A1.10 second bullet), late or not (A2.18–A2.19).
  if (r.messageAt !== null || ivmBy !== null) {
    return { ...none, category: 'abandoned', messagePlayed: true, lateMessage: ivmBy === null && (r.messageAt as number) > deadline };
  }

  // Nothing directed at the recipient from here on.
  // AMD mistook the person for a machine (the verdict says person, AMD said machine): A1.6.
  if (r.amdResult === 'machine') return { ...none, category: 'silent', silentReason: 'amdFalsePositive' };

  const endedByDeadline = r.hangupAt !== null && r.hangupAt <= deadline;
  if (endedByDeadline && r.hangupBy === 'recipient') {
    // Footnote 9 / A1.10 third bullet: they hung up before the message would have played —
    // abandoned, but only if a message would have played; otherwise they heard nothing.
    return r.messagePlanned
      ? { ...none, category: 'abandoned', messagePlayed: false }
      : { ...none, category: 'silent', silentReason: 'noMessagePlanned' };
  }
  // A1.3 second bullet: cut off by the calling side as soon as or shortly after pickup.
  if (endedByDeadline) return { ...none, category: 'silent', silentReason: 'disconnected' };
  // The call never ended and its record stops at or before the deadline: whether a message or
  // an agent came in time is not in the records — unknown, not silence.
  if (r.hangupAt === null && r.lastEventAt <= deadline) return { ...none, category: 'undetermined' };
  // A1.3 first and last bullets: nothing by the deadline, then the call ended (or never did, seen past the deadline).
  return { ...none, category: 'silent', silentReason: 'deadAir' };
}
