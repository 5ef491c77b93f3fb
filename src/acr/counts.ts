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
  /**
   * Calls whose records cannot show their category (live, abandoned or silent; or, for a
   * call whose records stop while it rang, whether it was answered): excluded from x and
   * y (they cannot be placed in Annex 3), counted so the gap is visible. Counters written
   * before this field existed read it as 0.
   */
  undetermined: number;
}

/** Every counter name, in a stable order: the layout of the ledger's count vectors. */
export const COUNT_FIELDS = [
  'calls',
  'live',
  'abandonedLive',
  'abandonedUnknown',
  'silent',
  'unconnected',
  'machineDisconnected',
  'machineToAgent',
  'machineAbandoned',
  'undetermined',
] as const satisfies readonly (keyof CallCounts)[];

/** Numbers in one count vector (`COUNT_FIELDS.length`). */
export const COUNT_STRIDE: number = /* @__PURE__ */ (() => COUNT_FIELDS.length)();

/** The position of each counter in a count vector. */
export const COUNT_INDEX: { readonly [K in keyof CallCounts]: number } = /* @__PURE__ */ (() => Object.fromEntries(COUNT_FIELDS.map((k, i) => [k, i])))() as {
  readonly [K in keyof CallCounts]: number;
};

/** Zeroed counts. */
export function emptyCounts(): CallCounts {
  return { calls: 0, live: 0, abandonedLive: 0, abandonedUnknown: 0, silent: 0, unconnected: 0, machineDisconnected: 0, machineToAgent: 0, machineAbandoned: 0, undetermined: 0 };
}

/** The counter one classified call adds to (A3.3–A3.5). */
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

/** Adds `b` into `a` (mutates `a`; returns it). A counter missing from `b` (older JSON) counts 0. */
export function addCounts(a: CallCounts, b: Readonly<CallCounts>): CallCounts {
  for (const k of COUNT_FIELDS) a[k] += b[k] ?? 0;
  return a;
}

/** Adds the count vector at `from[fromAt …]` into the one at `to[toAt …]`. */
export function addVector(to: Float64Array, toAt: number, from: ArrayLike<number>, fromAt: number): void {
  for (let i = 0; i < COUNT_STRIDE; i++) to[toAt + i]! += from[fromAt + i]!;
}

/** Counts read from position `at` of a count vector (`COUNT_FIELDS` order). */
export function countsAt(data: ArrayLike<number>, at: number): CallCounts {
  return {
    calls: data[at]!,
    live: data[at + 1]!,
    abandonedLive: data[at + 2]!,
    abandonedUnknown: data[at + 3]!,
    silent: data[at + 4]!,
    unconnected: data[at + 5]!,
    machineDisconnected: data[at + 6]!,
    machineToAgent: data[at + 7]!,
    machineAbandoned: data[at + 8]!,
    undetermined: data[at + 9]!,
  };
}
