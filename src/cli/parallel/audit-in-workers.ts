/**
 * `dialguard audit --workers N` on JSON Lines call records, N threads in all: the reading
 * thread cuts the input into batches of whole lines and sends them to N − 1 worker
 * threads, which read, validate and classify each row (`batch-front.ts`); when every
 * worker already has eight batches queued, the reading thread reads the next batch itself
 * (the same front, its calls kept as objects), so no thread waits while another is
 * behind. The results are taken as they come (`poll` between batches), handed on in batch
 * order, and each call and rejected row is handed, in line order, to the audit's ordered
 * back (duplicates, the cross-call rules, the ACR ledger, the report) on this thread —
 * the same back, fed the same calls in the same order, as with one thread, so the report
 * is the same whichever thread read which batch.
 */
import type { ClassifiedCall } from 'dialguard/internals';
import type { InputKind } from '../args.js';
import { isEventRow } from '../audit-stream.js';
import { readJsonBatch, TOO_LONG_MESSAGE } from '../jsonl.js';
import type { PlainNormaliser } from '../mapping/plain.js';
import { normalisedRows } from '../record-front.js';
import type { RejectedRow } from '../rejected.js';
import type { CallSink } from '../record-front.js';
import type { LineBytes } from '../utf8-lines.js';
import { createBatchFront, createCallList, type BatchJob, type BatchResult, type CallList, type FrontSetup } from './batch-front.js';
import { lineBatches } from './batches.js';
import { callDecoder, type EncodedCalls } from './codec.js';
import { createWorkerPool } from './pool.js';

/**
 * Which thread reads a batch: `whenBusy` (the command's) the first batch here, then a
 * worker unless every worker has `PER_WORKER` batches already; `never` always a worker, `alternate`
 * every other batch here (for tests).
 */
export type ReadHere = 'whenBusy' | 'never' | 'alternate';

/** How the work is shared. */
export interface WorkerOptions {
  /** Threads in all (2 or more): this one and `threads − 1` workers. */
  readonly threads: number;
  /** Bytes of input per batch, about. */
  readonly batchBytes: number;
  readonly setup: FrontSetup;
  /** Default `whenBusy`. */
  readonly readHere?: ReadHere;
}

/** Batches a worker holds (one being read, one waiting), so no worker waits for the reader. */
const PER_WORKER = 8;
/** Batches read here that may wait for a worker's earlier batch before the reader waits too. */
const READ_AHEAD_HERE = 2;

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
function replay(result: BatchResult<EncodedCalls | CallList>, target: CallSink): void {
  const { calls, rejects } = result;
  const callAt: (i: number) => ClassifiedCall = 'count' in calls ? callDecoder(calls) : (i) => calls.calls[i]!;
  const count = 'count' in calls ? calls.count : calls.calls.length;
  let j = 0;
  const rejectUpTo = (line: number): void => {
    // Stryker disable next-line EqualityOperator: equivalent: a line is a call or a rejected row, never both, so no rejected row's line is a call's
    for (; j < rejects.length && rejects[j]!.line < line; j++) {
      const r = rejects[j]!;
      target.reject(r.line, r.reason, r.message, r.path, r.callId);
    }
  };
  for (let i = 0; i < count; i++) {
    const line = calls.lines[i]!;
    rejectUpTo(line);
    target.call(line, callAt(i));
  }
  rejectUpTo(Infinity);
}

/**
 * Audits `pieces` (the input's whole lines, from `lineBytes`) in `options.threads` threads,
 * handing every call and rejected row to `target` in line order; `afterBatch` after each batch.
 * @throws WorkerAuditError when a worker or the audit fails (the workers are terminated);
 *   errors reading the input pass through as they are
 */
export async function auditInWorkers(pieces: AsyncIterable<LineBytes>, target: CallSink, afterBatch: () => void, options: WorkerOptions): Promise<void> {
  // Stryker disable ArithmeticOperator: equivalent: how many workers, and how many batches in flight, change the speed and the memory, not the report (the tests compare the report for 1, 2 and 3 threads)
  const workers = options.threads - 1;
  const pool = createWorkerPool<BatchJob, BatchResult<EncodedCalls | CallList>>({
    script: workerScript(),
    workerData: options.setup,
    size: workers,
    maxInFlight: workers * PER_WORKER + READ_AHEAD_HERE,
    // Stryker restore ArithmeticOperator
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
  // The front this thread reads batches with: the workers' own (`failForTests` is a worker's), its calls kept as objects.
  const { failForTests: _, ...setup } = options.setup;
  const readHere = createBatchFront(setup, createCallList());
  const readHereOrFail = (job: BatchJob, at: number): BatchResult<CallList> => {
    try {
      return readHere(job, at);
    } catch (e) {
      throw new WorkerAuditError(e); // as a worker's failure would be
    }
  };
  // Stryker disable all: equivalent: which thread reads a batch changes the speed, never the report; the tests check that for each way of choosing (the first batch here has a test of its own)
  const readHereNow = {
    // The first batch here: an input of one batch starts no worker.
    whenBusy: (seq: number) => seq === 0 || !pool.hasIdleWorker(PER_WORKER),
    never: () => false,
    alternate: (seq: number) => seq % 2 === 1,
  }[options.readHere ?? 'whenBusy'];
  // Stryker restore all
  try {
    let seq = 0;
    for await (const batch of lineBatches(pieces, options.batchBytes)) {
      if (batch.kind === 'tooLong') {
        const reject: RejectedRow = { line: batch.line, reason: 'tooLong', callId: null, path: null, message: TOO_LONG_MESSAGE };
        // Stryker disable next-line ArrayDeclaration: equivalent: a batch of no call; its lines are never read
        await onPool(pool.submitDone({ calls: { lines: [], calls: [] }, rejects: [reject] }));
      } else {
        const { bytes, line } = batch;
        pool.poll(); // the results ready now: the workers' load as it is, not as it was at the last pause
        if (readHereNow(seq)) await onPool(pool.submitDone(readHereOrFail({ bytes, line }, seq)));
        else {
          // Stryker disable next-line ArrayDeclaration: equivalent: the batch moved rather than copied, the same bytes either way
          await onPool(pool.submit({ bytes, line }, [bytes.buffer as ArrayBuffer]));
        }
      }
      // Stryker disable next-line AssignmentOperator: equivalent: the number only chooses the thread (above)
      seq += 1;
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
