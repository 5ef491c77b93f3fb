import { newRecord, type CallCategory, type ClassifiedCall, type MachineKind } from '../../src/internals.js';
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
