/**
 * `dialguard audit --workers N` on JSON Lines call records: the reading thread cuts the
 * input into batches of whole lines and sends them to N worker threads, which read,
 * validate and classify each row (`batch-front.ts`); the results come back in batch order
 * and each call and rejected row is handed, in line order, to the audit's ordered back
 * (duplicates, the cross-call rules, the ACR ledger, the report) on this thread — the same
 * back, fed the same calls in the same order, as with one thread, so the report is the same.
 */
import type { InputKind } from '../args.js';
import { isEventRow } from '../audit-stream.js';
import { readJsonBatch, TOO_LONG_MESSAGE } from '../jsonl.js';
import type { PlainNormaliser } from '../mapping/plain.js';
import { normalisedRows } from '../record-front.js';
import type { RejectedRow } from '../rejected.js';
import type { CallSink } from '../record-front.js';
import type { LineBytes } from '../utf8-lines.js';
import type { BatchJob, BatchResult, FrontSetup } from './batch-front.js';
import { lineBatches } from './batches.js';
import { callDecoder, createCallEncoder } from './codec.js';
import { createWorkerPool } from './pool.js';

/** How the work is shared. */
export interface WorkerOptions {
  /** Worker threads (2 or more). */
  readonly workers: number;
  /** Bytes of input per batch, about. */
  readonly batchBytes: number;
  readonly setup: FrontSetup;
}

/** Default bytes per batch: large enough that messages cost little, small enough to keep N busy threads' batches in flight in flat memory. */
export const DEFAULT_BATCH_BYTES = 512 * 1024;

/** An error of a worker thread or of the audit fed by them, as opposed to one reading the input. */
export class WorkerAuditError extends Error {
  constructor(readonly error: unknown) {
    super(error instanceof Error ? error.message : String(error));
    this.name = 'WorkerAuditError';
  }
}

/** The worker's script: the built `dist/cli-worker.js` beside `dist/cli.js`, or its source under tsx (tests, `npm run demo`). */
function workerScript(): URL {
  return new URL(import.meta.url.endsWith('.ts') ? './worker-from-source.mjs' : './cli-worker.js', import.meta.url);
}

/** Hands the calls and rejected rows of `result` to `target` in line order (one line is one or the other). */
function replay(result: BatchResult, target: CallSink): void {
  const { calls, rejects } = result;
  const decode = callDecoder(calls);
  let j = 0;
  const rejectUpTo = (line: number): void => {
    for (; j < rejects.length && rejects[j]!.line < line; j++) {
      const r = rejects[j]!;
      target.reject(r.line, r.reason, r.message, r.path, r.callId);
    }
  };
  for (let i = 0; i < calls.count; i++) {
    const line = calls.lines[i]!;
    rejectUpTo(line);
    target.call(line, decode(i));
  }
  rejectUpTo(Infinity);
}

/**
 * Audits `pieces` (the input's whole lines, from `lineBytes`) in `options.workers` threads,
 * handing every call and rejected row to `target` in line order; `afterBatch` after each batch.
 * @throws WorkerAuditError when a worker or the audit fails (the workers are terminated);
 *   errors reading the input pass through as they are
 */
export async function auditInWorkers(pieces: AsyncIterable<LineBytes>, target: CallSink, afterBatch: () => void, options: WorkerOptions): Promise<void> {
  const pool = createWorkerPool<BatchJob, BatchResult>({
    script: workerScript(),
    workerData: options.setup,
    size: options.workers,
    // Two batches a worker: one being read, one waiting, so no worker waits for the reader.
    maxInFlight: options.workers * 2,
    onResult(result) {
      replay(result, target);
      afterBatch();
    },
  });
  const onPool = async (p: Promise<void>): Promise<void> => {
    try {
      await p;
    } catch (e) {
      throw new WorkerAuditError(e);
    }
  };
  try {
    for await (const batch of lineBatches(pieces, options.batchBytes)) {
      if (batch.kind === 'tooLong') {
        const reject: RejectedRow = { line: batch.line, reason: 'tooLong', callId: null, path: null, message: TOO_LONG_MESSAGE };
        await onPool(pool.submitDone({ calls: createCallEncoder().finish(), rejects: [reject] }));
      } else {
        const { bytes, line } = batch;
        await onPool(pool.submit({ bytes, line }, [bytes.buffer as ArrayBuffer]));
      }
    }
    await onPool(pool.drain());
  } finally {
    await pool.close();
  }
}

/** `held`, then the rest of `iterator`. */
async function* resume<T>(held: readonly T[], iterator: AsyncIterator<T>): AsyncGenerator<T> {
  yield* held;
  for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
}

/**
 * What the input holds, decided as the single thread decides it (the first row that reads:
 * a `type` field means events), by reading ahead to that row; `pieces` is the whole input
 * still (what was read ahead, then the rest). `undefined`: the input has no row at all.
 */
export async function kindOfFirstRow(pieces: AsyncIterable<LineBytes>, normalise: PlainNormaliser): Promise<{ kind: InputKind | undefined; pieces: AsyncIterable<LineBytes> }> {
  const iterator = pieces[Symbol.asyncIterator]();
  const held: LineBytes[] = [];
  let kind: InputKind | undefined;
  const sink = normalisedRows(normalise, {
    row: (_line, value) => void (kind ??= isEventRow(value) ? 'events' : 'records'),
    reject: () => undefined,
  });
  while (kind === undefined) {
    const next = await iterator.next();
    if (next.done) break;
    held.push(next.value);
    if (next.value.kind === 'bytes') readJsonBatch(next.value.bytes, next.value.line, sink);
  }
  return { kind, pieces: resume(held, iterator) };
}
