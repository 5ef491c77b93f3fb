import { audit, definePolicy, foldEvents, newRecord, ofcom2017, type CallCategory, type CallEvent, type CallRecord, type ClassifiedCall, type MachineKind, type Policy } from '../../src/internals.js';
import type { DialRequest } from '../../src/guard/types.js';
import { wallAsUtc } from '../support/wall-clock.js';

export { wallAsUtc };

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
export const WINDOW = 72 * HOUR;
/** A valid, basic-rate Leeds CLI (not a drama number). */
export const GOOD_CLI = '0113 496 1999';
/** 10:00 on Monday 23 November 2026 in London (GMT). */
export const T0 = Date.UTC(2026, 10, 23, 10, 0, 0);

/** A classified call made directly (no events): for the guard and the governor, which read only these fields. */
export function call(
  callId: string,
  dialAt: number,
  category: CallCategory,
  over: { to?: string; campaignId?: string; callCentreId?: string; answeredBy?: 'human' | 'machine' | 'unknown' | null; machine?: MachineKind } = {},
): ClassifiedCall {
  const record = newRecord({
    callId,
    campaignId: over.campaignId ?? 'spring',
    callCentreId: over.callCentreId ?? 'leeds',
    to: over.to ?? '01632960001',
    cli: GOOD_CLI,
    agentGuaranteed: false,
    amd: true,
    messagePlanned: true,
    dialAt,
  });
  const answeredBy = over.answeredBy !== undefined ? over.answeredBy : category === 'unconnected' ? null : category === 'answerMachine' ? 'machine' : 'human';
  const base = { record, category, answeredBy, flags: [] };
  if (category === 'answerMachine') return { ...base, machine: over.machine ?? 'disconnectedByAmd' };
  return base;
}

/** A dial request at `at` with defaults that every rule allows (at 10:00 London on a weekday). */
export function request(at: number, over: Partial<DialRequest> = {}): DialRequest {
  return { to: '01632960001', cli: GOOD_CLI, campaignId: 'spring', at, agentGuaranteed: false, ...over };
}

/** The instant the wall clock in `zone` shows the local date and time (the first, if it happens twice; not for times the clocks skip). */
export function instantOf(zone: string, y: number, mo: number, d: number, h: number, mi: number, s = 0): number {
  const want = Date.UTC(y, mo - 1, d, h, mi, s);
  let t = want;
  for (let i = 0; i < 4; i++) t += want - wallAsUtc(t, zone);
  // The earlier of the two occurrences on the day the clocks go back.
  if (wallAsUtc(t - HOUR, zone) === want) t -= HOUR;
  return t;
}

/** Ofcom 2017 with calls allowed at every hour of every day, so only the repeat rule (A2.9) can refuse. */
export const ALL_DAY: Policy = definePolicy(ofcom2017, { callingHours: Array(7).fill({ start: '00:00', end: '24:00' }) });

/** How a call folded from events ends (`recordOf`). */
export type Outcome = 'silent' | 'abandoned' | 'live' | 'unconnected' | 'undetermined' | 'answerMachine';
export const OUTCOMES: readonly Outcome[] = ['silent', 'abandoned', 'live', 'unconnected', 'undetermined', 'answerMachine'];

/** The events after the dial that make `classify` give each category (offsets in ms from the dial). */
const STEPS: Record<Outcome, readonly Record<string, unknown>[]> = {
  silent: [{ type: 'answer', at: 5000 }, { type: 'hangup', at: 9000, by: 'caller' }],
  abandoned: [{ type: 'answer', at: 5000 }, { type: 'message', at: 5500 }, { type: 'hangup', at: 20_000, by: 'recipient' }],
  live: [{ type: 'answer', at: 5000 }, { type: 'agent', at: 5500 }, { type: 'hangup', at: 60_000, by: 'recipient' }],
  unconnected: [{ type: 'ringing', at: 1000 }, { type: 'hangup', at: 30_000, by: 'caller' }],
  // The records stop at the answer: whether a message or an agent came in time is unknown.
  undetermined: [{ type: 'answer', at: 5000 }],
  answerMachine: [{ type: 'answer', at: 5000 }, { type: 'salutation', at: 5200, phase: 'start' }, { type: 'amd', at: 6500, result: 'machine' }, { type: 'hangup', at: 6600, by: 'caller' }],
};

/** A call record folded from real call events (so `classify` and `audit()` judge it themselves), dialled at `dialAt` to `to` as written. */
export function recordOf(callId: string, dialAt: number, to: string, outcome: Outcome, agentGuaranteed = false): CallRecord {
  const dial = { type: 'dial', callId, at: dialAt, campaignId: 'spring', callCentreId: 'leeds', to, cli: GOOD_CLI, agentGuaranteed, amd: true, messagePlanned: true };
  const events = [dial, ...STEPS[outcome].map((s) => ({ callId, ...s, at: dialAt + (s.at as number) }))] as CallEvent[];
  return foldEvents(events);
}

/** The call ids `audit()` flags `repeatWithin72h` (A2.9), read from its report examples. */
export function repeatFlagged(records: readonly CallRecord[], policy: Policy): Set<string> {
  const result = audit(records, policy, { examplesPerKind: 100_000 });
  return new Set(result.reportData.examples.filter((e) => e.kind === 'repeatWithin72h').map((e) => e.callId as string));
}

/** Ways a dialler writes the UK number whose national form is `n` (`01632960001`). */
export function writtenForms(n: string): string[] {
  const nsn = n.slice(1);
  return [n, `+44${nsn}`, `0044 ${nsn.slice(0, 4)} ${nsn.slice(4)}`, `${n.slice(0, 5)} ${n.slice(5)}`, `tel:+44-${nsn.slice(0, 4)}-${nsn.slice(4)}`];
}
