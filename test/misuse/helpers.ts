import { classify, foldEvents, ofcom2017, type ClassifiedCall, type ClassifyOptions, type DialEvent, type Policy } from '../../src/index.js';
import { callEvents, goodMessage } from '../support/calls.js';
import { wallAsUtc } from '../support/wall-clock.js';

export { wallAsUtc };

type Steps = Parameters<typeof callEvents>[1];

/** A valid, basic-rate, non-drama CLI (Leeds), so the calls here carry no CLI flag. */
export const GOOD_CLI = '0113 496 1999';
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
export const WINDOW = ofcom2017.repeat.windowMs;

/** Call outcomes, times after the dial. */
export const OUTCOME = {
  live: [['ringing', 100], ['answer', 5000], ['agent', 5500], ['hangup', 60_000, 'caller']],
  abandoned: [['answer', 5000], ['amd', 5500, 'human'], ['message', 6000, goodMessage], ['hangup', 20_000, 'caller']],
  silent: [['answer', 5000], ['hangup', 9000, 'caller']],
  unanswered: [['ringing', 100], ['hangup', 20_100, 'caller', 'noAnswer']],
  probe: [['ringing', 500], ['hangup', 2500, 'caller']],
  machine: [['answer', 5000], ['amd', 8000, 'machine'], ['hangup', 8100, 'caller']],
  machineToAgent: [['answer', 5000], ['amd', 6000, 'human'], ['agent', 6100], ['hangup', 9000, 'caller'], ['disposition', 12_000, 'machine']],
} satisfies Record<string, Steps>;

export type Outcome = keyof typeof OUTCOME;

/** A classified call dialled `at` ms after T0 (10:00 on Monday 23 November 2026, London), with an outcome. */
export function callAt(
  callId: string,
  at: number,
  outcome: Outcome,
  over: Partial<DialEvent> = {},
  policy: Policy = ofcom2017,
  options: ClassifyOptions = {},
): ClassifiedCall {
  const steps = OUTCOME[outcome] as Steps; // step times are after the dial
  return classify(foldEvents(callEvents(callId, steps, { cli: GOOD_CLI, amd: outcome === 'machine' || outcome === 'machineToAgent' || outcome === 'abandoned', ...over, at })), policy, options);
}

/** The epoch ms at which the wall clock in `zone` shows the given local date and time (not for times in a spring-forward gap). */
export function instantOf(zone: string, y: number, mo: number, d: number, h: number, mi: number, s = 0): number {
  const want = Date.UTC(y, mo - 1, d, h, mi, s);
  let t = want;
  for (let i = 0; i < 3; i++) t += want - wallAsUtc(t, zone);
  return t;
}

