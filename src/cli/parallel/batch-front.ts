/**
 * What a worker thread (or the reading thread, when every worker is busy) does with one
 * batch of the input: the audit's order-independent front (`record-front.ts`) on each line
 * — strict UTF-8, JSON (`--set`/`--epoch`/`--input-tz`) or CSV (the mapping the input's first
 * record settled, `csv-batch.ts`), validation, classification — with the classified calls
 * collected as columns (`codec.ts`; as objects on the reading thread) and the rejected rows
 * as they are. The same functions as the single thread's, so a batch gives what the single
 * thread would have given for those lines; a CSV batch that cannot promise that says so
 * (`plain: false`), and the reading thread reads it again, with the rest of the input.
 */
import type { ClassifiedCall } from 'dialguard/internals';
import type { ColumnMapping } from '../columns.js';
import { readCsvBatch } from '../csv-batch.js';
import { readJsonBatch } from '../jsonl.js';
import { plainNormaliser, type PlainOptions } from '../mapping/plain.js';
import { csvReaderOf, type CsvReader, type CsvSpec } from '../mapping/prepare.js';
import type { StatusCount } from '../mapping/status-tally.js';
import { policyFor } from '../policy.js';
import { normalisedRows, recordFront } from '../record-front.js';
import type { RejectedRow } from '../rejected.js';
import { countLineBreaks } from '../utf8-lines.js';
import { createCallEncoder, type EncodedCalls } from './codec.js';

/** What a worker needs to read and classify rows as the reading thread would (sent once, as `workerData`). */
export interface FrontSetup {
  /** `--tz` (already checked). */
  readonly timeZone: string | undefined;
  /** `--set`, `--input`, `--epoch`, `--input-tz` (already checked). */
  readonly reading: PlainOptions;
  /** A CSV input: how its rows are read (the batches are then CSV, each job saying how the input began). */
  readonly csv?: CsvSpec;
  /**
   * For tests only (set through `CliIo`, never from the command line): the worker that gets
   * batch `batch` throws (`throw`) or exits (`exit`), to check the command then stops with
   * exit 2 and no thread left running.
   */
  readonly failForTests?: { readonly batch: number; readonly how: 'throw' | 'exit' };
}

/** How a CSV input began, read by the reading thread: what every batch after the first is read with. */
export interface CsvStart {
  /** The first record's cells (a header, or the first call): they settle the mapping. */
  readonly first: readonly string[];
  /** The record delimiter found in the first lines (`recordDelimiterOf`). */
  readonly recordDelimiter: string;
}

/** One batch: whole lines, the first numbered `line`. */
export interface BatchJob {
  readonly bytes: Uint8Array;
  readonly line: number;
  /** A CSV input's start (CSV only). */
  readonly csv?: CsvStart;
}

/** A batch read: its calls (as columns from a worker, `EncodedCalls`), and its rejected rows, each in line order. */
export interface BatchResult<C = EncodedCalls> {
  readonly calls: C;
  readonly rejects: readonly RejectedRow[];
  /** `false`: a CSV batch not read as one parser would have (`readCsvBatch`); nothing else in the result counts. */
  readonly plain?: false;
  /** With `plain: false`: only because it ends inside a quoted cell (`CsvBatchOutcome.openAtEnd`). */
  readonly openAtEnd?: true;
  /** A CSV batch's statuses that the mapping's outcome table does not know, in the order met. */
  readonly unmapped?: readonly StatusCount[];
}

/** Collects a batch's classified calls (`createCallEncoder` in a worker; `createCallList` on the reading thread). */
export interface CallCollector<C> {
  add(line: number, call: ClassifiedCall): void;
  /** The batch so far (the collector is then empty again). */
  finish(): C;
}

/** The classified calls of a batch read on the reading thread: kept as they are, nothing to encode or decode. */
export interface CallList {
  readonly lines: readonly number[];
  readonly calls: readonly ClassifiedCall[];
}

/** A collector that keeps the calls as objects, for a batch read on the reading thread. */
export function createCallList(): CallCollector<CallList> {
  let lines: number[] = [];
  let calls: ClassifiedCall[] = [];
  return {
    add(line, call) {
      lines.push(line);
      calls.push(call);
    },
    finish() {
      const list: CallList = { lines, calls };
      lines = [];
      calls = [];
      return list;
    },
  };
}

/**
 * Decoded text is made at most this long (cut at line breaks): a longer string goes to V8's
 * large-object space, which only a full collection frees (see `CHUNK_BYTES` in `input.ts`).
 */
const SLICE_BYTES = 64 * 1024;
const NL = 0x0a;

/** The reader of batches for `setup`, collecting each batch's calls with `collector` (default: as columns, for a worker). */
export function createBatchFront(setup: FrontSetup): (job: BatchJob, seq: number) => BatchResult;
export function createBatchFront<C>(setup: FrontSetup, collector: CallCollector<C>): (job: BatchJob, seq: number) => BatchResult<C>;
export function createBatchFront(setup: FrontSetup, collector: CallCollector<unknown> = createCallEncoder()): (job: BatchJob, seq: number) => BatchResult<unknown> {
  const policy = policyFor(setup.timeZone);
  let rejects: RejectedRow[] = [];
  const front = recordFront(policy, {
    call: (line, call) => collector.add(line, call),
    reject: (line, reason, message, path, callId) => void rejects.push({ line, reason, callId: callId ?? null, path: path ?? null, message }),
  });
  const readBatch = setup.csv === undefined ? jsonBatchReader(plainNormaliser(setup.reading), front) : csvBatchReader(setup.csv, front);
  return (job, seq) => {
    if (setup.failForTests?.batch === seq) {
      if (setup.failForTests.how === 'exit') process.exit(70);
      throw new Error(`failure injected by a test at batch ${seq}`);
    }
    const read = readBatch(job);
    const calls = collector.finish();
    // A batch that is not plain hands on nothing: what it read does not count (the collector is empty again).
    const result: BatchResult<unknown> = read.plain
      ? { calls, rejects, ...(read.unmapped ? { unmapped: read.unmapped } : {}) }
      : { calls: collector.finish(), rejects: [], plain: false, ...(read.openAtEnd ? { openAtEnd: true } : {}) };
    rejects = [];
    return result;
  };
}

/** What reading one batch found, beside what it handed on. */
interface BatchRead {
  readonly plain: boolean;
  readonly openAtEnd?: true;
  readonly unmapped?: readonly StatusCount[];
}

/** Reads a JSON Lines batch, a slice of lines at a time, into `front`. */
function jsonBatchReader(normalise: ReturnType<typeof plainNormaliser>, front: ReturnType<typeof recordFront>): (job: BatchJob) => BatchRead {
  const sink = normalisedRows(normalise, front);
  return (job) => {
    const bytes = Buffer.from(job.bytes.buffer, job.bytes.byteOffset, job.bytes.byteLength);
    let line = job.line;
    for (let start = 0; start < bytes.length; ) {
      const end = start + SLICE_BYTES >= bytes.length ? bytes.length : bytes.indexOf(NL, start + SLICE_BYTES - 1) + 1 || bytes.length;
      const slice = bytes.subarray(start, end);
      readJsonBatch(slice, line, sink);
      line += countLineBreaks(slice);
      start = end;
    }
    return { plain: true };
  };
}

/**
 * Reads a CSV batch into `front`, with the mapping the input's first record settles (made at
 * the first batch; every worker thread gets the same first record), counting every unmapped
 * status of the batch (they are added, batch by batch, to the reading thread's capped tally).
 */
function csvBatchReader(spec: CsvSpec, front: ReturnType<typeof recordFront>): (job: BatchJob) => BatchRead {
  let reader: CsvReader | null = null;
  let mapping: ColumnMapping | null = null;
  return (job) => {
    if (job.csv === undefined) throw new Error('a CSV batch was sent without the start of its input');
    reader ??= csvReaderOf(spec, Infinity);
    mapping ??= reader.mapper(job.csv.first).mapping;
    const bytes = Buffer.from(job.bytes.buffer, job.bytes.byteOffset, job.bytes.byteLength);
    const options = { header: false, columns: undefined, delimiter: reader.delimiter, mapping, recordDelimiter: job.csv.recordDelimiter };
    const read = readCsvBatch(bytes, job.line, options, front);
    const unmapped = reader.mapping?.unmapped.take() ?? [];
    return read.plain ? { plain: true, ...(unmapped.length > 0 ? { unmapped } : {}) } : { plain: false, ...(read.openAtEnd ? { openAtEnd: true } : {}) };
  };
}
