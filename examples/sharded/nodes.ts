/**
 * A live call-event stream split across "nodes", each running its own dialguard pipeline —
 * `callRecords() → classified() → misuse()`, and `acrCounters()` over its calls — as the
 * partitions of a stream engine would (Kafka partitions, say, one consumer per partition).
 * In process here: a node is one RxJS pipeline over its share of the events, in time order.
 *
 * The partition key of an event is chosen by its producer, the dialler: it knows which
 * number each of its calls is to, so it can key every event of a call — not only the
 * `dial`, the one event that carries the number — by that number's `numberKey`.
 */
import { from, map, tap } from 'rxjs';
import {
  acrCounters,
  acrTable,
  callRecords,
  classified,
  emptyCounters,
  mergeCounters,
  misuse,
  numberKey,
  type AcrCounters,
  type AcrRow,
  type CallEvent,
  type MisuseUpdate,
  type Policy,
} from 'dialguard';

/** What one node produced. */
export interface NodeOutput {
  /** Its calls as its `misuse()` judged them, in the order they ended. */
  readonly judged: readonly MisuseUpdate[];
  /** The ACR counters of its calls (A3.3). */
  readonly counters: AcrCounters;
}

/** Options for the nodes' pipelines: the dialler's disposition wait, and the policy. */
export interface NodeOptions {
  readonly policy: Policy;
  readonly dispositionWaitMs: number;
}

/** The partition key of an event: the call's number key (all of a call's events go to one node), or its call id. */
export type ShardKey = 'numberKey' | 'callId';

/** FNV-1a over the key, into `n` partitions: stable across runs and machines. */
export function partitionOf(key: string, n: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return (h >>> 0) % n;
}

/**
 * Splits the events (in time order) into `n` streams, each still in time order. By
 * `numberKey`: the producer keys each call's events by the number its dial is to — it holds
 * the key only while the call is in flight, as a dialler does.
 */
export function shard(events: readonly CallEvent[], n: number, by: ShardKey): CallEvent[][] {
  const parts = Array.from({ length: n }, (): CallEvent[] => []);
  const keyOfCall = new Map<string, string>();
  for (const e of events) {
    let key = e.callId;
    if (by === 'numberKey') {
      if (e.type === 'dial') keyOfCall.set(e.callId, numberKey(e.to));
      key = keyOfCall.get(e.callId) ?? e.callId;
    }
    (parts[partitionOf(key, n)] as CallEvent[]).push(e);
  }
  return parts;
}

/**
 * One node: its events through `callRecords() → classified() → misuse()`, and the calls
 * into `acrCounters()`. The node's own ACR alerts are off (`alertRate: null`): a node sees
 * only part of each scope's day, so alerts are decided on the merged counters.
 */
export function runNode(events: readonly CallEvent[], options: NodeOptions): NodeOutput {
  const { policy, dispositionWaitMs } = options;
  const judged: MisuseUpdate[] = [];
  let counters = emptyCounters(policy.timeZone);
  from(events)
    .pipe(
      callRecords({ policy, dispositionWaitMs }),
      classified(policy),
      misuse(policy, { alertRate: null }),
      tap((update) => void judged.push(update)),
      map((update) => update.call),
      acrCounters({ policy }),
    )
    .subscribe((c) => (counters = c));
  return { judged, counters };
}

/** What a set of nodes produced, merged: every node's judged calls, and their counters merged (`mergeCounters`). */
export interface Merged {
  readonly judged: readonly MisuseUpdate[];
  readonly counters: AcrCounters;
}

/** Runs one node per stream and merges their outputs, as a central collector would. */
export function runNodes(streams: readonly (readonly CallEvent[])[], options: NodeOptions): Merged {
  const outputs = streams.map((events) => runNode(events, options));
  return {
    judged: outputs.flatMap((o) => o.judged),
    counters: outputs.map((o) => o.counters).reduce(mergeCounters, emptyCounters(options.policy.timeZone)),
  };
}

/** The daily ACR table of merged counters, every scope (A3.4), with the alert line of the policy. */
export function acrRows(counters: AcrCounters, policy: Policy): readonly AcrRow[] {
  return acrTable(counters, { alertRate: policy.acr.alertRate });
}

/** The repeat-within-72h flags (A2.9) of a run, as `call ← earlier call`, sorted. */
export function repeatFlags(judged: readonly MisuseUpdate[]): readonly string[] {
  const out: string[] = [];
  for (const u of judged) for (const f of u.call.flags) if (f.kind === 'repeatWithin72h') out.push(`${u.call.record.callId} <- ${f.detail.previousCallId}`);
  return out.sort();
}

/** The calls flagged as repeats within 72 h (A2.9), by call id, sorted. */
export function repeatedCalls(judged: readonly MisuseUpdate[]): readonly string[] {
  return judged.filter((u) => u.call.flags.some((f) => f.kind === 'repeatWithin72h')).map((u) => u.call.record.callId).sort();
}
