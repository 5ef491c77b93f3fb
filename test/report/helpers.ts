import { classify, foldEvents, ofcom2017, type CallEvent, type CallRecord, type ClassifiedCall, type DialEvent, type Policy } from '../../src/index.js';
import { callEvents, goodMessage, T0 } from '../support/calls.js';

type Steps = Parameters<typeof callEvents>[1];

export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
export const WEEK = 7 * DAY;

/** Call outcomes, each step in ms after the dial. */
export const OUTCOME = {
  live: [['ringing', 100], ['answer', 5000], ['agent', 5500], ['hangup', 60_000, 'caller']],
  abandoned: [['ringing', 100], ['answer', 5000], ['amd', 5500, 'human'], ['message', 6000, goodMessage], ['hangup', 20_000, 'caller']],
  /** No AMD verdict, no disposition: who answered is not known (A3.6). */
  abandonedUnknown: [['ringing', 100], ['answer', 5000], ['message', 6000, goodMessage], ['hangup', 20_000, 'caller']],
  silent: [['ringing', 100], ['answer', 5000], ['hangup', 9000, 'caller']],
  unanswered: [['ringing', 100], ['hangup', 20_100, 'caller', 'noAnswer']],
  shortRing: [['ringing', 100], ['hangup', 5000, 'caller', 'noAnswer']],
  machine: [['ringing', 100], ['answer', 5000], ['amd', 8000, 'machine'], ['hangup', 8100, 'caller']],
  /** AMD took a person for a machine and dropped the call: silent (A1.6). */
  amdFalsePositive: [['ringing', 100], ['answer', 5000], ['amd', 8000, 'machine'], ['hangup', 8100, 'caller'], ['disposition', 9000, 'human']],
  /** AMD took a machine for a person and passed it to an agent: z (A3.5). */
  amdFalseNegative: [['ringing', 100], ['answer', 5000], ['amd', 5500, 'human'], ['agent', 5600], ['hangup', 30_000, 'caller'], ['disposition', 31_000, 'machine']],
} satisfies Record<string, Steps>;

export type Outcome = keyof typeof OUTCOME;

const AMD: ReadonlySet<Outcome> = new Set(['abandoned', 'machine', 'amdFalsePositive', 'amdFalseNegative']);

/**
 * A record of `outcome` dialled at epoch ms `at`. The events are built at T0 and shifted, so
 * the helper does not depend on how `callEvents` times its steps.
 */
export function recordAt(callId: string, at: number, outcome: Outcome, over: Partial<Omit<DialEvent, 'at'>> = {}): CallRecord {
  const events = callEvents(callId, OUTCOME[outcome] as Steps, { cli: '0113 496 1999', amd: AMD.has(outcome), ...over });
  return foldEvents(events.map((e): CallEvent => ({ ...e, at: e.at - T0 + at })));
}

/** The same, classified. */
export function callAt(callId: string, at: number, outcome: Outcome, over: Partial<Omit<DialEvent, 'at'>> = {}, policy: Policy = ofcom2017): ClassifiedCall {
  return classify(recordAt(callId, at, outcome, over), policy);
}

/** The epoch ms at which the wall clock in `zone` shows the local date and time (outside a spring-forward gap). */
export function instantOf(zone: string, y: number, mo: number, d: number, h: number, mi: number): number {
  const want = Date.UTC(y, mo - 1, d, h, mi);
  const f = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const shown = (t: number): number => {
    const p = Object.fromEntries(f.formatToParts(t).map((x) => [x.type, Number(x.value)]));
    return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!);
  };
  let t = want;
  for (let i = 0; i < 3; i++) t += want - shown(t);
  return t;
}

export { T0 };
