import { DialguardError } from '../errors.js';
import type { CallCounts } from './counts.js';

/** The paragraph of the estimate of abandoned calls that reached people when the dialler cannot tell (Annex 3). */
export const ACR_ESTIMATE_REF = 'A3.6';

/** The counts the Annex 3 formula needs. */
export interface AcrInput {
  /** y: live calls — answered by a person and connected to a live agent (A3.3). */
  readonly live: number;
  /** All abandoned calls, to people or to answer machines (the "8" of A3.8). */
  readonly abandoned: number;
  /** Of `abandoned`, how many the dialler knows reached a person. Omit when it does not know (A3.6). */
  readonly abandonedToLive?: number | undefined;
  /** Of `abandoned`, how many the dialler knows reached an answer machine. */
  readonly abandonedToMachine?: number | undefined;
  /** z: answer-machine calls connected to live agents ("false negatives", A3.5–A3.6). */
  readonly machineToAgent: number;
}

/** The Abandoned Call Rate with its parts, so it can be checked by hand. */
export interface AcrResult {
  /** x: abandoned calls answered by live individuals (estimated when `estimated`). */
  readonly x: number;
  readonly y: number;
  readonly z: number;
  /** Abandoned calls whose answerer was not known, to which the estimate applied. */
  readonly unknown: number;
  /** z / (y + z): the share assumed to have gone to machines (A3.6, A3.9). */
  readonly machineShare: number;
  /** x / (x + y), 0–1; `null` when no connection was made with a person (x + y = 0). */
  readonly rate: number | null;
  /** `true` when x includes the A3.6 estimate. */
  readonly estimated: boolean;
}

/** Counts given to `abandonedCallRate` are negative, fractional or inconsistent. */
export class AcrInputError extends DialguardError {
  constructor(message: string) {
    super('INVALID_ACR_INPUT', message, null);
  }
}

function count(name: string, value: number | undefined): number {
  if (value === undefined) return 0;
  if (!Number.isInteger(value) || value < 0) throw new AcrInputError(`${name} should be a whole number of calls, 0 or more; received ${value}`);
  return value;
}

/**
 * Annex 3: ACR = x / (x + y) for one calendar day and scope (A3.4). Exact when the dialler
 * knows which abandoned calls reached people; for those it does not know, the A3.6
 * estimate: the share abandoned to machines is taken to be z / (y + z), so
 * x = known + unknown × (1 − z / (y + z)) (A3.9–A3.11). The worked example — y 392,
 * 8 abandoned, z 400 — gives x 3.96 and ACR 1.0 % (A3.12). A rate is a prioritisation
 * measure, never a safe harbour (A4.20).
 * @throws AcrInputError for negative or fractional counts, or known parts exceeding `abandoned`.
 */
export function abandonedCallRate(input: AcrInput): AcrResult {
  const y = count('live', input.live);
  const z = count('machineToAgent', input.machineToAgent);
  const abandoned = count('abandoned', input.abandoned);
  const toLive = count('abandonedToLive', input.abandonedToLive);
  const toMachine = count('abandonedToMachine', input.abandonedToMachine);
  const unknown = abandoned - toLive - toMachine; // the known parts count 0 when not given
  if (unknown < 0) throw new AcrInputError(`abandonedToLive (${toLive}) + abandonedToMachine (${toMachine}) exceed abandoned (${abandoned})`);
  return rateFrom(y, z, toLive, unknown);
}

/**
 * x (A3.6) as a fraction of whole numbers, this numerator over s = y + z: x = known +
 * unknown × (1 − z / s) = (known × s + unknown × y) / s, or known + unknown over 1 when s
 * is 0 (no share assumed to have gone to machines). Kept whole so the rate is one division
 * of whole numbers: an exact 3 % is exactly the number 0.03 (the alert line, A4.20), never
 * a hair above it, as 1 − z / s computed in binary would make it. Exact while the products
 * stay below 2^53 (counts of a few tens of millions a day).
 */
function xNumerator(y: number, z: number, abandonedLive: number, abandonedUnknown: number): number {
  const s = y + z;
  return s === 0 ? abandonedLive + abandonedUnknown : abandonedLive * s + abandonedUnknown * y;
}

/** The ACR from y, z, abandoned calls known to have reached people, and abandoned calls whose answerer is unknown. */
export function rateFrom(y: number, z: number, abandonedLive: number, abandonedUnknown: number): AcrResult {
  const s = y + z;
  const x = xNumerator(y, z, abandonedLive, abandonedUnknown) / (s === 0 ? 1 : s);
  return { x, y, z, unknown: abandonedUnknown, machineShare: s === 0 ? 0 : z / s, rate: rateOnly(y, z, abandonedLive, abandonedUnknown), estimated: abandonedUnknown > 0 };
}

/** The rate alone, x / (x + y), as `rateFrom` gives it, without building the result (for a test on every call): one division of whole numbers; `null` when x + y = 0. */
export function rateOnly(y: number, z: number, abandonedLive: number, abandonedUnknown: number): number | null {
  const num = xNumerator(y, z, abandonedLive, abandonedUnknown);
  const den = num + y * (y + z === 0 ? 1 : y + z);
  return den === 0 ? null : num / den;
}

/** The ACR of a set of counts (Annex 3): x from the known and unknown abandoned calls (A3.6), y, z. */
export function acrOf(counts: Readonly<CallCounts>): AcrResult {
  return rateFrom(counts.live, counts.machineToAgent, counts.abandonedLive, counts.abandonedUnknown);
}

/**
 * The calls behind x + y, counted whole: live calls and every abandoned call, an abandoned
 * call of unknown answerer included (A3.3, A3.6). The sample size the ACR alert waits for
 * (`policy.acr.alertMinCalls`).
 */
export function callsInRate(counts: Readonly<CallCounts>): number {
  return counts.live + counts.abandonedLive + counts.abandonedUnknown;
}

/**
 * One call's share of x (A3.6): 1 for an abandoned call known to have reached a person,
 * 1 − `machineShare` (z / (y + z)) for one of unknown answerer, else 0.
 */
export function xShareOf(key: keyof CallCounts, machineShare: number): number {
  return key === 'abandonedLive' ? 1 : key === 'abandonedUnknown' ? 1 - machineShare : 0;
}

/** `true` above the alert level (A4.20: an alert, never a safe harbour): strictly above, so a rate exactly at the level is not. */
export function aboveLevel(rate: number | null, level: number | null): boolean {
  return level !== null && rate !== null && rate > level;
}
