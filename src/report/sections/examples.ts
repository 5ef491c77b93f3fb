import type { AnyFlag, FlagDetails, FlagKind } from '../../flags.js';
import { FLAG_KIND_INDEX, FLAG_KINDS } from '../flag-kinds.js';
import { inPeriod, type ReportPeriod } from './period.js';

/** An example flag of kind `K`, so a compliance manager can look the call up. Holds no called number. */
export interface ReportExampleOf<K extends FlagKind> {
  readonly kind: K;
  /** The call; `null` for a flag about a campaign or scope day. */
  readonly callId: string | null;
  /** The moment of the flag, epoch ms. */
  readonly at: number;
  /** The calendar date it is counted on (the call's dial date, or the flag's own date). */
  readonly date: string;
  readonly ref: string;
  readonly campaignId: string | null;
  readonly callCentreId: string | null;
  /** The flag's measured values (never the called number), narrowed by `kind`. */
  readonly detail: FlagDetails[K];
}

/** An example flag of any kind: a union over kinds, so `if (e.kind === 'silentCall') e.detail.reason` type-checks. */
export type ReportExample = { [K in FlagKind]: ReportExampleOf<K> }[FlagKind];

/** Per kind, the earliest few example flags in the period. */
export type WorstCalls = { readonly [K in FlagKind]?: readonly ReportExampleOf<K>[] };

/** The example of a flag, counted on `date` against the campaign and call centre given. */
export function exampleOf(flag: AnyFlag, date: string, campaignId: string | null, callCentreId: string | null): ReportExample {
  return { kind: flag.kind, callId: flag.callId, at: flag.at, date, ref: flag.ref, campaignId, callCentreId, detail: flag.detail } as ReportExample;
}

const tie = (e: ReportExample): string => `${e.callId ?? ''}\u0000${e.campaignId ?? ''}\u0000${e.callCentreId ?? ''}`;

/**
 * The order of example flags: by time, then call id, campaign and call centre (by code
 * unit, never the host's locale), so the same calls give the same examples in any order.
 */
export function compareExamples(a: ReportExample, b: ReportExample): number {
  if (a.at !== b.at) return a.at < b.at ? -1 : 1;
  const ka = tie(a);
  const kb = tie(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** Code-unit order of two strings (host-independent, unlike `localeCompare`). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Keeps the earliest `perKind` example flags per calendar date and kind, whatever the order they come in. */
export interface ExampleKeeper {
  /** Offers a flag counted on `date` (kind index `FLAG_KIND_INDEX[flag.kind]`). */
  offer(flag: AnyFlag, date: string, campaignId: string | null, callCentreId: string | null): void;
  /** Every example kept. */
  all(): ReportExample[];
}

/** An `ExampleKeeper` of `perKind` examples per date and kind (0: none). */
export function createExampleKeeper(perKind: number): ExampleKeeper {
  const byDate = new Map<string, ReportExample[][]>();
  let lastDate = '';
  let last: ReportExample[][] | null = null;
  const listsOf = (date: string): ReportExample[][] => {
    if (last !== null && date === lastDate) return last;
    let lists = byDate.get(date);
    if (lists === undefined) byDate.set(date, (lists = FLAG_KINDS.map(() => [])));
    lastDate = date;
    last = lists;
    return lists;
  };
  return {
    offer(flag, date, campaignId, callCentreId) {
      if (perKind === 0) return;
      const list = listsOf(date)[FLAG_KIND_INDEX[flag.kind]]!;
      const tail = list[list.length - 1];
      // The common case, calls in time order, stops here once a day's list is full.
      if (list.length === perKind && tail !== undefined && flag.at > tail.at) return;
      const e = exampleOf(flag, date, campaignId, callCentreId);
      if (list.length === perKind && compareExamples(e, tail!) >= 0) return;
      let i = list.length;
      while (i > 0 && compareExamples(e, list[i - 1]!) < 0) i--;
      list.splice(i, 0, e);
      if (list.length > perKind) list.pop();
    },
    all() {
      const out: ReportExample[] = [];
      for (const lists of byDate.values()) for (const list of lists) out.push(...list);
      return out;
    },
  };
}

/** The worst-calls section: per kind, the earliest `perKind` examples dated in the period. */
export function worstCalls(examples: readonly ReportExample[], period: ReportPeriod, perKind: number): WorstCalls {
  const out: { [K in FlagKind]?: ReportExample[] } = {};
  for (const e of examples.filter((x) => inPeriod(period, x.date)).sort(compareExamples)) {
    const list = (out[e.kind] ??= []);
    if (list.length < perKind) list.push(e);
  }
  return out as WorstCalls;
}
