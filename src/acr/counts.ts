import type { ClassifiedCall } from '../classify.js';

/** How many calls of each kind one scope made on one day: the Annex 3 inputs and the rest (A3.3–A3.5). */
export interface CallCounts {
  calls: number;
  /** y (A3.3). */
  live: number;
  /** Abandoned calls known to have reached a person (x, exactly). */
  abandonedLive: number;
  /** Abandoned calls whose answerer is not known (x by the A3.6 estimate). */
  abandonedUnknown: number;
  /** Excluded from the ACR (A3.5). */
  silent: number;
  unconnected: number;
  /** Answer machines disconnected by AMD (A3.5). */
  machineDisconnected: number;
  /** Answer machines connected to agents: z (A3.5–A3.6). */
  machineToAgent: number;
  /** Calls abandoned to answer machines (A3.5). */
  machineAbandoned: number;
  /** Answered calls whose records cannot show their category (no agent or message times, no recorded outcome): outside x and y, reported. */
  undetermined: number;
}

/** Zeroed counts. */
export function emptyCounts(): CallCounts {
  return { calls: 0, live: 0, abandonedLive: 0, abandonedUnknown: 0, silent: 0, unconnected: 0, machineDisconnected: 0, machineToAgent: 0, machineAbandoned: 0, undetermined: 0 };
}

/** The counter one classified call adds to. */
export function countKey(call: ClassifiedCall): keyof CallCounts {
  switch (call.category) {
    case 'live':
      return 'live';
    case 'abandoned':
      return call.answeredBy === 'unknown' ? 'abandonedUnknown' : 'abandonedLive';
    case 'silent':
      return 'silent';
    case 'unconnected':
      return 'unconnected';
    case 'answerMachine':
      return call.machine === 'falseNegative' ? 'machineToAgent' : call.machine === 'disconnectedByAmd' ? 'machineDisconnected' : 'machineAbandoned';
    case 'undetermined':
      return 'undetermined';
  }
}

/** Adds `b` into `a` (mutates `a`; returns it). */
export function addCounts(a: CallCounts, b: Readonly<CallCounts>): CallCounts {
  a.calls += b.calls;
  a.live += b.live;
  a.abandonedLive += b.abandonedLive;
  a.abandonedUnknown += b.abandonedUnknown;
  a.silent += b.silent;
  a.unconnected += b.unconnected;
  a.machineDisconnected += b.machineDisconnected;
  a.machineToAgent += b.machineToAgent;
  a.machineAbandoned += b.machineAbandoned;
  a.undetermined += b.undetermined;
  return a;
}

/** Every counter name, in a stable order. */
export const COUNT_FIELDS: readonly (keyof CallCounts)[] = Object.keys(emptyCounts()) as (keyof CallCounts)[];
