/**
 * `dialguard audit --workers N` on call records in JSON Lines or CSV, N threads in all: the reading
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
import { recordDelimiterOf, readCsvBatch, type CsvBatchOptions, type CsvBatchOutcome } from '../csv-batch.js';
import { readCsvPieces, type CsvOptions, type CsvResume } from '../csv.js';
import { readJsonBatch, TOO_LONG_MESSAGE } from '../jsonl.js';
import type { CompiledMapping } from '../mapping/compile.js';
import type { PlainNormaliser } from '../mapping/plain.js';
import type { StatusCount, StatusTally } from '../mapping/status-tally.js';
import { MAX_LINE_CHARS, type RowSink } from '../rows.js';
import { normalisedRows } from '../record-front.js';
import type { RejectedRow } from '../rejected.js';
import type { CallSink } from '../record-front.js';
import type { LineBytes } from '../utf8-lines.js';
import { createBatchFront, createCallList, type BatchJob, type BatchResult, type CallList, type CsvStart, type FrontSetup } from './batch-front.js';
import { lineBatches } from './batches.js';
import { callDecoder, type EncodedCalls } from './codec.js';
import { createWorkerPool } from './pool.js';

/**
 * Which thread reads a batch: `whenBusy` (the command's) the first batch here, then a
 * worker unless every worker has `PER_WORKER` batches already; `never` always a worker, `alternate`
 * every other batch here, `always` every batch here, no worker started (for tests).
 */
export type ReadHere = 'whenBusy' | 'never' | 'alternate' | 'always';

/** How the work is shared. */
export interface WorkerOptions {
  /** Threads in all: this one and `threads − 1` workers (1: this one alone, which reads every batch, whatever `readHere` says). */
  readonly threads: number;
  /** Bytes of input per batch, about. */
  readonly batchBytes: number;
  readonly setup: FrontSetup;
  /** Default `whenBusy`. */
  readonly readHere?: ReadHere;
  /** CSV: told the line from which the rest of the input is read by one parser on this thread (the first batch that was not plain, or the input's start). */
  readonly onReadAgain?: (line: number) => void;
}

/** Batches a worker holds (one being read, the others waiting), so no worker waits for the reader. */
const PER_WORKER = 8;
/**
 * Batches read here that may wait for a worker's earlier batch before the reader waits too:
 * two workers' queues' worth, so when the workers are the slower part (CSV, whose rows cost
 * more to read) this thread reads its share rather than waiting for their queues to empty
 * (2 left it idle 40 % of a CSV run; JSON Lines, where this thread's ordered back is the
 * slower part, is unchanged).
 */
const READ_AHEAD_HERE = 16;

/** The most a CSV record can span (`MAX_LINE_CHARS` characters of up to 4 bytes): batches merged past this are read by one parser. */
const MAX_MERGED_BYTES = 4 * MAX_LINE_CHARS;

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
 * Audits `pieces` (the input's whole lines, from `lineBytes`) of JSON Lines in `options.threads` threads,
 * handing every call and rejected row to `target` in line order; `afterBatch` after each batch.
 * @throws WorkerAuditError when a worker or the audit fails (the workers are terminated);
 *   errors reading the input pass through as they are
 */
export async function auditInWorkers(pieces: AsyncIterable<LineBytes>, target: CallSink, afterBatch: () => void, options: WorkerOptions): Promise<void> {
  await batchesInWorkers(lineBatches(pieces, options.batchBytes)[Symbol.asyncIterator](), target, afterBatch, options, null);
}

/** Where a CSV audit in worker threads hands what it reads. */
export interface CsvTarget {
  /** Rows read on this thread: the first batch, and the rest of the input from a batch that was not plain. */
  readonly rows: RowSink;
  /** Calls read and classified in batches, and their rejected rows. */
  readonly calls: CallSink;
  /** What the input holds, once the first row has settled it. */
  kind(): InputKind | undefined;
}

/** How this thread reads the CSV input: the options of `readCsv`, and the compiled mapping whose unmapped statuses the report shows. */
export interface CsvReading {
  readonly options: CsvOptions;
  readonly mapping: CompiledMapping | null;
}

/**
 * Audits `pieces` of CSV in `options.threads` threads, as `readCsv` into `target.rows` would:
 *
 * 1. the first batch is read here, on its own (`readCsvBatch`): its first record settles the
 *    mapping, its first line break the record delimiter; so are the next ones until a row
 *    has settled what the input holds; an input of call events, or a first batch that is not
 *    plain, is read here to its end (`readCsvPieces`), as by one thread (a batch here that
 *    ends inside a quoted cell is read with the next, as in 3);
 * 2. the other batches are read, mapped and classified in the workers (or here, when they
 *    are busy) with that mapping and delimiter, and handed on in order;
 * 3. a batch that ends inside a quoted cell (a line break in it) is read here again together
 *    with the next batch (and the next, while the cell goes on): once plain together, they
 *    end at a record, and the batches after them are the workers' again;
 * 4. from the first batch that is not plain otherwise (bad quoting, a line too long, …: see
 *    `csv-batch.ts`), everything is read here by one parser, from that batch's first line:
 *    it starts at a record, since every batch before it was plain.
 *
 * @throws WorkerAuditError when a worker or the audit fails (the workers are terminated);
 *   errors reading the input (`UsageError`s of `readCsv`) pass through as they are
 */
export async function auditCsvInWorkers(
  pieces: AsyncIterable<LineBytes>,
  target: CsvTarget,
  afterBatch: () => void,
  options: WorkerOptions,
  reading: CsvReading,
): Promise<void> {
  const batches = lineBatches(pieces, options.batchBytes)[Symbol.asyncIterator]();
  const readHere = (held: readonly LineBytes[], from?: CsvResume): Promise<void> => {
    options.onReadAgain?.(held[0]!.line);
    return readCsvPieces(resume(held, batches), reading.options, target.rows, from);
  };
  const tally = reading.mapping?.unmapped;
  /**
   * Reads the next batch here, with the batches after it while it ends inside a quoted cell
   * (as the workers' batches are, below); `taken`: the batches read, for one parser to read
   * again when they are not plain. `settle` gives the options (the record delimiter is found
   * in the input's first batches, and with it the mapping); `read` holds the plain outcome
   * and the options it was read with.
   */
  const readNextHere = async (
    settle: (bytes: Buffer) => CsvBatchOptions | null,
  ): Promise<{ read: { outcome: CsvBatchOutcome; options: CsvBatchOptions } | null; taken: LineBytes[] } | null> => {
    const taken: LineBytes[] = [];
    for (;;) {
      const next = await batches.next();
      if (next.done) return taken.length === 0 ? null : { read: null, taken }; // the input ends inside a quoted cell
      taken.push(next.value);
      const bytes = mergedBytes(taken, options.batchBytes);
      if (bytes === null) return { read: null, taken };
      const settled = settle(bytes);
      if (settled === null) return { read: null, taken };
      const outcome = readPlainHere(bytes, taken[0]!.line, settled, target.rows, tally);
      if (outcome.plain) return { read: { outcome, options: settled }, taken };
      if (!outcome.openAtEnd) return { read: null, taken };
    }
  };
  const opening = await readNextHere((bytes) => {
    const recordDelimiter = recordDelimiterOf(bytes);
    return recordDelimiter === null ? null : { ...reading.options, recordDelimiter };
  });
  if (opening === null) return;
  const { read } = opening;
  if (read === null || read.outcome.mapping === null || read.outcome.first === null) return readHere(opening.taken);
  afterBatch();
  const start: CsvStart = { first: read.outcome.first, recordDelimiter: read.options.recordDelimiter };
  const { mapping } = read.outcome;
  const resumeAt = (held: readonly LineBytes[]): CsvResume => ({ mapping, recordDelimiter: start.recordDelimiter, line: held[0]!.line });
  // Until a row has settled what the input holds (records or events), the batches are read here too.
  while (target.kind() === undefined) {
    const more = await readNextHere(() => ({ ...reading.options, mapping, recordDelimiter: start.recordDelimiter }));
    if (more === null) return;
    if (more.read === null) return readHere(more.taken, resumeAt(more.taken));
    afterBatch();
  }
  if (target.kind() !== 'records') {
    const next = await batches.next();
    return next.done ? undefined : readHere([next.value], resumeAt([next.value]));
  }
  const held = await batchesInWorkers(batches, target.calls, afterBatch, options, start, (counts) => {
    for (const [status, n] of counts) tally?.add(status, n);
  });
  if (held !== null) await readHere(held, resumeAt(held));
}

/**
 * Reads `batches` in the threads, handing each batch's calls and rejected rows to `target`
 * in order. CSV (`csv` given): each batch is kept here until its result is handed on; at
 * the first batch that is not plain, nothing more is handed on or read, and that batch and
 * those after it that were read already are returned (the rest are still in `batches`).
 * `null`: every batch was handed on.
 */
async function batchesInWorkers(
  batches: AsyncIterator<LineBytes>,
  target: CallSink,
  afterBatch: () => void,
  options: WorkerOptions,
  csv: CsvStart | null,
  onUnmapped?: (counts: readonly StatusCount[]) => void,
): Promise<LineBytes[] | null> {
  // Stryker disable ArithmeticOperator: equivalent: how many workers, and how many batches in flight, change the speed and the memory, not the report (the tests compare the report for 1, 2 and 3 threads)
  const workers = options.threads - 1;
  const held = new Map<number, LineBytes>(); // CSV: each batch whose result has not been handed on
  let handed = 0; // results handed on (or set aside), in order
  let notPlainAt: number | null = null;
  const pool = createWorkerPool<BatchJob, BatchResult<EncodedCalls | CallList>>({
    script: workerScript(),
    workerData: options.setup,
    size: workers,
    maxInFlight: workers * PER_WORKER + READ_AHEAD_HERE,
    // Stryker restore ArithmeticOperator
    onResult(result) {
      const seq = handed++;
      if (notPlainAt !== null) return; // read again here, with the batch that was not plain
      if (merging !== null) return mergeNext(seq);
      if (result.plain === false) {
        // A batch that ends inside a quoted cell: read again with the next one (its own result then does not count).
        // Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent: merging a batch that is not plain for another reason only puts off by a batch the parser that reads from it
        if (result.openAtEnd && csv !== null) merging = { from: seq, to: seq };
        else notPlainAt = seq;
        return;
      }
      held.delete(seq);
      handOn(result);
    },
  });
  const handOn = (result: BatchResult<EncodedCalls | CallList>): void => {
    if (result.unmapped) onUnmapped?.(result.unmapped);
    replay(result, target);
    afterBatch();
  };
  /**
   * CSV: batches `from`–`to` read as one here, because each but the last ended inside a
   * quoted cell. The first starts at a record, so once they read as plain together, they
   * end at one too, and the next batch's own result counts again.
   */
  let merging: { readonly from: number; to: number } | null = null;
  const mergeNext = (seq: number): void => {
    const run = merging!;
    run.to = seq;
    const parts: LineBytes[] = [];
    for (let s = run.from; s <= run.to; s++) parts.push(held.get(s)!);
    const bytes = mergedBytes(parts, options.batchBytes);
    if (bytes === null) {
      notPlainAt = run.from;
      merging = null;
      return;
    }
    const read = readHereOrFail({ bytes, line: parts[0]!.line, ...(csv !== null ? { csv } : {}) }, -1);
    if (read.plain === false) {
      // Stryker disable next-line ConditionalExpression,BlockStatement: equivalent in the report: merging on to the input's end, one parser reads from the same batch
      if (!read.openAtEnd) {
        notPlainAt = run.from;
        merging = null;
      }
      return; // still inside the quoted cell: with the next batch too
    }
    for (let s = run.from; s <= run.to; s++) held.delete(s);
    merging = null;
    handOn(read);
  };
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
    always: () => true,
  }[workers === 0 ? 'always' : (options.readHere ?? 'whenBusy')];
  // Stryker restore all
  try {
    let seq = 0;
    // Nothing is taken from `batches` after a batch that is not plain: the rest is read here.
    while (notPlainAt === null) {
      const next = await batches.next();
      if (next.done) break;
      const batch = next.value;
      if (csv !== null) held.set(seq, batch);
      if (batch.kind === 'tooLong') {
        // JSON Lines: a rejected line. CSV: the end of the read, after the batches before it (read here, it throws).
        const reject: RejectedRow = { line: batch.line, reason: 'tooLong', callId: null, path: null, message: TOO_LONG_MESSAGE };
        // Stryker disable next-line ArrayDeclaration: equivalent: a batch of no call; its lines are never read
        await onPool(pool.submitDone(csv === null ? { calls: { lines: [], calls: [] }, rejects: [reject] } : { calls: { lines: [], calls: [] }, rejects: [], plain: false }));
      } else {
        const job: BatchJob = { bytes: batch.bytes, line: batch.line, ...(csv !== null ? { csv } : {}) };
        pool.poll(); // the results ready now: the workers' load as it is, not as it was at the last pause
        if (readHereNow(seq)) await onPool(pool.submitDone(readHereOrFail(job, seq)));
        else {
          // JSON Lines: the batch moved rather than copied. CSV: copied, as it is kept here until its result is handed on.
          // Stryker disable next-line ArrayDeclaration: equivalent: the batch moved rather than copied, the same bytes either way
          await onPool(pool.submit(job, csv === null ? [batch.bytes.buffer as ArrayBuffer] : []));
        }
      }
      // Stryker disable next-line AssignmentOperator: equivalent: the number only chooses the thread (above)
      seq += 1;
    }
    await onPool(pool.drain());
  } finally {
    await pool.close();
  }
  // The input ended inside a quoted cell: one parser reads from the batch where it opened (and reports it).
  if (merging !== null) notPlainAt = (merging as { from: number }).from;
  return notPlainAt === null ? null : [...held.values()];
}

/**
 * Reads `bytes` (whole lines, the first numbered `line`) here with `readCsvBatch`, handing
 * its rows to `rows` only when it is plain; when it is not, nothing is handed on, and the
 * statuses it met are left out of `tally` (the mapping's, which counts as it maps), as its
 * rows are read again.
 */
function readPlainHere(bytes: Buffer, line: number, options: CsvBatchOptions, rows: RowSink, tally: StatusTally | undefined): CsvBatchOutcome {
  const counted = tally?.take() ?? [];
  const kept = createRowBuffer();
  const read = readCsvBatch(bytes, line, options, kept);
  const met = tally?.take() ?? [];
  for (const [status, n] of [...counted, ...(read.plain ? met : [])]) tally!.add(status, n);
  if (read.plain) kept.replay(rows);
  return read;
}

/**
 * CSV: consecutive batches as one, to be read together because each but the last ends
 * inside a quoted cell; `null` when they cannot be (one parser then reads from the first):
 * a line skipped as too long among them, or more bytes than the longest record could span.
 */
function mergedBytes(parts: readonly LineBytes[], batchBytes: number): Buffer | null {
  if (parts.some((p) => p.kind !== 'bytes')) return null;
  const bytes = parts.map((p) => (p as Extract<LineBytes, { kind: 'bytes' }>).bytes);
  // Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator: equivalent in the report: a bound on memory (merged on to the end, one parser reads from the same batch)
  if (bytes.reduce((n, b) => n + b.length, 0) > MAX_MERGED_BYTES + 2 * batchBytes) return null;
  return bytes.length === 1 ? bytes[0]! : Buffer.concat(bytes);
}

/** Rows and rejected rows kept in order, to hand on once the batch they came from turns out plain. */
function createRowBuffer(): RowSink & { replay(to: RowSink): void } {
  const kept: ((to: RowSink) => void)[] = [];
  return {
    row: (line, value) => void kept.push((to) => to.row(line, value)),
    reject: (line, reason, message, path, callId) => void kept.push((to) => to.reject(line, reason, message, path, callId)),
    replay(to) {
      for (const hand of kept) hand(to);
    },
  };
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
