/**
 * Batch audit: a day's or a quarter's call records in, the daily ACR table and flag
 * counts out. It runs the same operators as a live stream, synchronously.
 */
import { filter, from, tap } from 'rxjs';
import type { AcrCounters } from './acr/counters.js';
import { acrTable, type AcrRow, type AcrScope } from './acr/table.js';
import type { ClassifyOptions } from './classify.js';
import { DuplicateCallError } from './errors.js';
import type { FlagKind } from './flags.js';
import { acrCounters } from './operators/acr.js';
import { classified } from './operators/classified.js';
import { ofcom2017 } from './policy/ofcom2017.js';
import type { Policy } from './policy/policy.js';
import type { CallRecord } from './record.js';

/** A record the audit did not count, and why. */
export interface RejectedRecord {
  readonly callId: string;
  readonly error: DuplicateCallError;
}

/** The result of `audit`: plain data. */
export interface AuditResult {
  readonly policy: string;
  readonly timeZone: string;
  /** Records counted. */
  readonly calls: number;
  /** Mergeable counters per cell (date × campaign × call centre). */
  readonly counters: AcrCounters;
  /** The daily ACR table, every scope (A3.4). */
  readonly table: readonly AcrRow[];
  /** How many flags of each kind the calls raised. */
  readonly flagCounts: Readonly<Partial<Record<FlagKind, number>>>;
  /** Records not counted: a call id seen before (the first one is counted). */
  readonly rejected: readonly RejectedRecord[];
}

/** Options for `audit`. */
export interface AuditOptions extends ClassifyOptions {
  readonly scopes?: readonly AcrScope[];
}

/**
 * Audits a batch of call records synchronously: rejects duplicate call ids (the first
 * record of an id counts; later ones are listed in `rejected`, never counted twice), then
 * `classified(policy)` and the ACR counters (Annex 3, per calendar day and scope), and
 * counts every flag by kind.
 */
export function audit(records: Iterable<CallRecord>, policy: Policy = ofcom2017, options: AuditOptions = {}): AuditResult {
  const seen = new Set<string>();
  const rejected: RejectedRecord[] = [];
  const flagCounts: Partial<Record<FlagKind, number>> = {};
  let calls = 0;
  let counters: AcrCounters | undefined;
  const firstOfItsId = (record: CallRecord): boolean => {
    if (!seen.has(record.callId)) return seen.add(record.callId) !== undefined;
    rejected.push({ callId: record.callId, error: new DuplicateCallError(record.callId) });
    return false;
  };
  from(records)
    .pipe(
      filter(firstOfItsId),
      classified(policy, options),
      tap((call) => {
        calls += 1;
        for (const f of call.flags) flagCounts[f.kind] = (flagCounts[f.kind] ?? 0) + 1;
      }),
      acrCounters({ policy }),
    )
    .subscribe((c) => (counters = c));
  const finalCounters = counters ?? { timeZone: policy.timeZone, cells: {} };
  return {
    policy: policy.id,
    timeZone: policy.timeZone,
    calls,
    counters: finalCounters,
    table: acrTable(finalCounters, { alertRate: policy.acr.alertRate, ...(options.scopes ? { scopes: options.scopes } : {}) }),
    flagCounts,
    rejected,
  };
}
