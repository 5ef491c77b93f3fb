/**
 * The people and answer machines behind the numbers: what happens when a number is called.
 *
 * Each attempt's behaviour is drawn from its own stream, forked from the seed by the
 * number and the attempt, so the same recipient behaves the same way on the same attempt
 * whatever the dialler does — two diallers compared on one seed face the same public.
 */
import type { PopulationConfig } from '../config.js';
import type { Rng } from '../rng.js';

/** The numbers a campaign calls: fictional, 01632 (the code of Ofcom's drama range) and six digits. Nothing is dialled. */
export function numberAt(index: number): string {
  return `01632${String(index % 1_000_000).padStart(6, '0')}`;
}

/** What one attempt will meet, before the dialler has any say. */
export interface AttemptPlan {
  /** Not in service, busy, or the line rings. */
  readonly line: 'invalid' | 'busy' | 'rings';
  /** Dial to ringing (or to the network's verdict), ms. */
  readonly postDialMs: number;
  /** Ringing to a person's pickup; `null`: nobody picks up. */
  readonly humanAfterMs: number | null;
  /** Ringing to the voicemail's pickup; `null`: no voicemail. */
  readonly machineAfterMs: number | null;
  /** Pickup to the start of the greeting ("hello?" or the machine's message); `null`: silent pickup. */
  readonly greetingAfterMs: number | null;
  /** Length of the greeting: a person's "hello?" or a machine's announcement. */
  readonly greetingMs: number;
  /** How long a person waits in silence before hanging up. */
  readonly patienceMs: number;
  /** How long a person listens to the information message; `Infinity`: to the end. */
  readonly listenMs: number;
  /** Who hangs up at the end of a conversation with an agent. */
  readonly endsConversation: 'recipient' | 'caller';
  /** For the dialler's own draws on this attempt (AMD verdict and timing, talk time …). */
  readonly rng: Rng;
}

/** Per-number facts that do not change between attempts. */
export interface Recipient {
  readonly index: number;
  readonly number: string;
  readonly invalid: boolean;
  readonly voicemail: boolean;
}

/** The recipient at `index` of a list, drawn from the seed. */
export function recipientAt(index: number, population: PopulationConfig, root: Rng): Recipient {
  const rng = root.fork(index, 0x5eed);
  return { index, number: numberAt(index), invalid: rng.chance(population.invalid), voicemail: rng.chance(population.voicemail) };
}

/** Draws what attempt number `attempt` (1, 2 …) to `recipient` meets at local hour `hour`. */
export function planAttempt(recipient: Recipient, attempt: number, hour: number, population: PopulationConfig, root: Rng): AttemptPlan {
  const rng = root.fork(recipient.index, attempt);
  const postDialMs = Math.round(rng.uniform(1_200, 3_500));
  const busy = rng.chance(population.busy);
  const answers = rng.chance(Math.min(0.95, population.humanAnswer * (population.byHour[hour] ?? 1)));
  const humanAfterMs = answers ? Math.round(Math.min(55_000, Math.max(1_500, rng.logNormal(population.answerAfter.median, population.answerAfter.sigma)))) : null;
  const machineAfterMs = recipient.voicemail ? Math.round(rng.uniform(population.voicemailAfterMs[0], population.voicemailAfterMs[1])) : null;
  const silent = rng.chance(population.silentPickup);
  const human = humanAfterMs !== null && (machineAfterMs === null || humanAfterMs < machineAfterMs);
  return {
    line: recipient.invalid ? 'invalid' : busy ? 'busy' : 'rings',
    postDialMs,
    humanAfterMs,
    machineAfterMs,
    greetingAfterMs: human && silent ? null : Math.round(human ? rng.uniform(250, 900) : rng.uniform(400, 1_500)),
    greetingMs: Math.round(human ? rng.uniform(400, 1_100) : rng.uniform(4_000, 12_000)),
    patienceMs: Math.round(1_200 + rng.exp(Math.max(0, population.patienceMs - 1_200))),
    listenMs: rng.chance(population.listensToMessage) ? Infinity : Math.round(rng.uniform(1_500, 9_000)),
    endsConversation: rng.chance(0.55) ? 'recipient' : 'caller',
    rng,
  };
}
