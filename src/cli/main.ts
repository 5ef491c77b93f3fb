/**
 * `dialguard audit FILE`: the command-line audit of call records or call events.
 *
 * `main(argv, io)` does the whole run with injectable streams and returns the exit code
 * (see `exit-codes.ts`); run as a program (the package's `bin`, or `tsx src/cli/main.ts`)
 * this file calls it with the process's own streams. The library is used only through its
 * package entry points (`dialguard/internals`).
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { printable, printableMessage } from 'dialguard/internals';
import { parseCommand, USAGE, type AuditArgs } from './args.js';
import { createStreamAudit, type CliReport } from './audit-stream.js';
import { readCsv, type CsvOptions } from './csv.js';
import { EXIT_CLEAN, EXIT_FLAGS, EXIT_NOTHING_AUDITED, EXIT_USAGE, UsageError } from './exit-codes.js';
import { formatAudit } from './format.js';
import { assertHtmlWritable, writeHtmlReport } from './html-output.js';
import { createHourlyTally } from './hourly.js';
import { createEvidenceTally, type EvidenceSummary } from './mapping/evidence.js';
import { planRows, type CsvSpec } from './mapping/prepare.js';
import { packageVersion } from './package-files.js';
import { openInput } from './input.js';
import { readJsonPieces } from './jsonl.js';
import { auditCsvInWorkers, auditInWorkers, DEFAULT_BATCH_BYTES, kindOfFirstRow, WorkerAuditError, type ReadHere, type WorkerOptions } from './parallel/audit-in-workers.js';
import type { FrontSetup } from './parallel/batch-front.js';
import { codecAvailable } from './parallel/codec.js';
import { policyFor } from './policy.js';
import { parsePeriod } from './period.js';
import { createProgress, type ProgressStream } from './progress.js';
import { normalisedRows } from './record-front.js';
import { createRejectPrinter } from './reject-printer.js';
import { MAX_LINE_BYTES, type RowSink } from './rows.js';
import { lineBytes, type LineBytes } from './utf8-lines.js';
import { bestEffort, closedQuietly, isClosedStream } from './safe-stream.js';

export { EXIT_CLEAN, EXIT_FLAGS, EXIT_NOTHING_AUDITED, EXIT_USAGE } from './exit-codes.js';
export type { CliReport } from './audit-stream.js';

/** The streams a run uses; the process's own when run as a program. */
export interface CliIo {
  readonly stdout: { write(text: string): unknown };
  /** Messages, rejected rows and (when `isTTY`) the progress line. */
  readonly stderr: ProgressStream;
  /** Read when FILE is `-`. */
  readonly stdin: AsyncIterable<Buffer | string>;
  /** Clock for the progress line (ms); default `performance.now`. */
  readonly now?: () => number;
  /**
   * For tests only, never set by the program: the size of the batches sent to the worker
   * threads (small, so batch boundaries fall inside the rows a test is about), a failure
   * to inject in a worker, which batches the main thread reads itself, and (CSV) the line
   * from which the rest of the input is read by one parser.
   */
  readonly workersForTests?: {
    readonly batchBytes?: number;
    readonly fail?: FrontSetup['failForTests'];
    readonly readHere?: ReadHere;
    readonly onReadAgain?: (line: number) => void;
    /** With one thread, CSV read by one csv-parse parser from start to end (the reference the batch readers are held to). */
    readonly streamCsv?: boolean;
  };
}

/** Every call of the period undetermined: the records showed no call's category, so no call was judged live, abandoned or silent. */
function noCategoryJudged(report: CliReport): boolean {
  return report.calls > 0 && report.categories.undetermined === report.calls;
}

/**
 * Exit code of a finished audit: 3 when no call was counted in the period (nothing was
 * audited, whatever else); else 1 when any flag was raised in the period; else 3 when every
 * call of the period is undetermined (the silent and abandoned call rules were judged on
 * none: not a clean audit, and, as with no call, that says more than `--strict`'s 1); else
 * 1 with `--strict` and any row rejected; else 0.
 */
function exitCodeOf(report: CliReport, strict: boolean): number {
  if (report.calls === 0) return EXIT_NOTHING_AUDITED;
  if (report.flags.some((f) => f.count > 0)) return EXIT_FLAGS;
  if (noCategoryJudged(report)) return EXIT_NOTHING_AUDITED;
  return strict && report.rejected.count > 0 ? EXIT_FLAGS : EXIT_CLEAN;
}

async function audit(args: AuditArgs, io: CliIo): Promise<number> {
  const policy = policyFor(args.timeZone);
  const period = parsePeriod(args.from, args.to, policy.timeZone);
  if (args.html !== undefined) assertHtmlWritable(args.html); // before the input is read: never a report on stdout and then exit 2
  const plan = planRows(args); // the mapping and options checked before the input is read
  const input = await openInput(args.file, args.format ?? (plan.mapping !== null ? 'csv' : undefined), io.stdin);
  if (plan.mapping !== null && input.format !== 'csv') throw new UsageError(`--preset and --mapping read CSV or TSV files; ${input.name} is ${input.format}`);
  const evidence = createEvidenceTally(period); // the warning counts the calls of the period
  const hourly = createHourlyTally(policy.timeZone, period.from, period.to);
  const progress = createProgress(io.stderr, io.now);
  const printRejected = createRejectPrinter((line) => progress.message(line));
  try {
    const run = createStreamAudit({
      name: input.name,
      format: input.format,
      policy,
      kind: plan.kind,
      period,
      scopes: args.scopes,
      dedupeWindow: args.dedupeWindow,
      examples: args.examples,
      dispositionWaitMs: args.dispositionWaitS * 1000,
      maxInFlight: args.maxInFlight,
      ...(args.quiet ? {} : { onReject: printRejected }),
      onCall: (call) => {
        evidence.add(call);
        hourly.add(call);
      },
    });
    let failure: { error: unknown } | null = null; // an error of the audit, not of the reading
    const counted: RowSink = {
      row(line, value) {
        try {
          run.row(line, value);
        } catch (error) {
          failure = { error };
          throw error;
        }
        progress.update(run.rows());
      },
      reject(line, reason, message, path, callId) {
        run.reject(line, reason, message, path, callId);
        progress.update(run.rows());
      },
    };
    // JSON Lines rows are read with --set, --epoch and --input-tz here; CSV cells by the CSV mapper.
    const sink = input.format === 'jsonl' ? normalisedRows(plan.normalise, counted) : counted;
    try {
      // Records are read and classified in worker threads (CSV records in batches on this
      // thread too, when it is the only one); events (whose calls are folded from events in
      // order) on this thread.
      const inWorkers = args.workers > 1 && codecAvailable();
      const tuning = io.workersForTests;
      const workerOptions = (csv?: CsvSpec): WorkerOptions => ({
        threads: inWorkers ? args.workers : 1,
        batchBytes: tuning?.batchBytes ?? DEFAULT_BATCH_BYTES,
        ...(tuning?.readHere ? { readHere: tuning.readHere } : {}),
        ...(tuning?.onReadAgain ? { onReadAgain: tuning.onReadAgain } : {}),
        setup: {
          timeZone: args.timeZone,
          reading: { set: args.set, kind: args.input, epoch: args.epoch, inputTz: args.inputTz },
          ...(csv ? { csv } : {}),
          ...(tuning?.fail ? { failForTests: tuning.fail } : {}),
        },
      });
      const afterBatch = (): void => progress.update(run.rows());
      const csvOptions: CsvOptions = { header: plan.csvHeaderFirst, columns: args.columns, delimiter: plan.delimiter, mapper: plan.csvMapper };
      // CSV records are read in batches even on one thread (a batch of plain lines is split by the fast reader),
      // unless a test asks one thread for the single streaming parser, the batch readers' reference.
      const streamCsv = !inWorkers && tuning?.streamCsv === true;
      if (input.format === 'csv' && plan.kind !== 'events' && !streamCsv) {
        const target = { rows: sink, calls: run, kind: () => run.kind() };
        await auditCsvInWorkers(lineBytes(input.chunks, MAX_LINE_BYTES), target, afterBatch, workerOptions(plan.csv), { options: csvOptions, mapping: plan.mapping });
      } else if (input.format === 'csv') await readCsv(input.chunks, csvOptions, sink);
      else {
        let pieces: AsyncIterable<LineBytes> = lineBytes(input.chunks, MAX_LINE_BYTES);
        let kind = plan.kind;
        if (inWorkers && kind === undefined) ({ kind, pieces } = await kindOfFirstRow(pieces, plan.normalise));
        if (inWorkers && kind !== 'events') await auditInWorkers(pieces, run, afterBatch, workerOptions());
        else await readJsonPieces(pieces, sink);
      }
    } catch (e) {
      if (failure !== null) throw (failure as { error: unknown }).error;
      if (e instanceof WorkerAuditError) throw e.error;
      if (e instanceof UsageError) throw e;
      throw new UsageError(`cannot read ${printable(input.name)}: ${e instanceof Error ? e.message : String(e)}`);
    }
    const finished = run.finish();
    const summary: EvidenceSummary = evidence.summary(plan.mapping?.unmappedStatuses() ?? [], {
      unshown: input.format === 'csv' ? plan.unshownFacts() : null,
      mapping: plan.mapping !== null,
    });
    const report: CliReport = { ...finished, evidence: summary };
    progress.done();
    for (const line of printRejected.summary()) io.stderr.write(`${line}\n`);
    if (summary.warning !== null) io.stderr.write(`dialguard: WARNING: ${printableMessage(summary.warning)}\n`);
    if (summary.note !== null) io.stderr.write(`dialguard: note: ${printableMessage(summary.note)}\n`);
    if (report.input.rows === 0) io.stderr.write(`dialguard: ${printable(input.name)} has no rows: nothing was audited\n`);
    else if (report.calls === 0 && report.callsOutsidePeriod === 0) io.stderr.write('dialguard: no call was counted (see the rows rejected)\n');
    else if (report.calls === 0) io.stderr.write(`dialguard: no call in the period (${report.callsOutsidePeriod.toLocaleString('en-GB')} outside it): nothing was audited\n`);
    else if (noCategoryJudged(report)) io.stderr.write(`dialguard: every call in the period (${report.calls.toLocaleString('en-GB')}) is undetermined: the records show no call live, abandoned or silent, so the silent and abandoned call rules were judged on none\n`);
    if (report.rejected.count > 0 && args.quiet) {
      io.stderr.write(`dialguard: ${report.rejected.count.toLocaleString('en-GB')} row(s) rejected (not printed: --quiet)\n`);
    }
    if (args.json) io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    else {
      // formatReport's daily ACR table is per campaign: list that scope for it, whatever --by says.
      const shown = args.scopes.includes('campaign') ? report : run.rebuild([...args.scopes, 'campaign']);
      const warning = (summary.warning === null ? '' : `WARNING: ${printableMessage(summary.warning)}\n\n`) + (summary.note === null ? '' : `Note: ${printableMessage(summary.note)}\n\n`);
      io.stdout.write(warning + formatAudit(shown, report.input, report.rejected, args.scopes, period.from !== null || period.to !== null));
    }
    if (args.html !== undefined) {
      const page = { ...(args.scopes.includes('campaign') ? report : { ...report, ...run.rebuild([...args.scopes, 'campaign']) }), hours: hourly.summary() };
      writeHtmlReport(args.html, page);
    }
    return exitCodeOf(report, args.strict);
  } finally {
    progress.done();
    await input.close();
  }
}

/**
 * Runs `dialguard` with `argv` (the arguments after the program name) and returns the
 * exit code: 0 no flags, 1 flags (or rejected rows with `--strict`), 2 bad usage,
 * unreadable input or an audit that could not finish, 3 nothing audited (no call counted).
 * Never throws. A stderr that fails is given up on (messages are best effort: the exit
 * code and the report do not depend on it); a stdout whose reader has gone ends the report quietly.
 */
export async function main(argv: readonly string[], given: CliIo): Promise<number> {
  const io: CliIo = { ...given, stdout: closedQuietly(given.stdout), stderr: bestEffort(given.stderr) };
  try {
    const command = parseCommand(argv);
    if (command.kind === 'help') {
      io.stdout.write(USAGE);
      return EXIT_CLEAN;
    }
    if (command.kind === 'version') {
      io.stdout.write(`dialguard ${packageVersion()}\n`);
      return EXIT_CLEAN;
    }
    return await audit(command.args, io);
  } catch (e) {
    // Messages can quote the command line or the file: shown printable, never as control characters.
    if (e instanceof UsageError) {
      io.stderr.write(`dialguard: ${'lines' in e && Array.isArray(e.lines) ? e.lines.map((line: string) => printableMessage(line)).join('\n') : printableMessage(e.message)}\nRun "dialguard --help" for usage.\n`);
    } else {
      const message = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
      io.stderr.write(`dialguard: the audit could not finish: ${printableMessage(message)}\n`);
    }
    return EXIT_USAGE;
  }
}

/** `true` when this module is the program being run (not imported, e.g. by a test). */
function isProgram(): boolean {
  const invoked = process.argv[1];
  if (invoked === undefined) return false;
  try {
    return realpathSync(invoked) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isProgram()) {
  // A closed stderr changes nothing: messages are best effort. A closed stdout (`| head`) is
  // not an error of the audit; any other failure of stdout loses the report: exit 2, no stack.
  process.stderr.on('error', () => undefined);
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (isClosedStream(e)) return;
    process.stderr.write(`dialguard: cannot write the report: ${printableMessage(e.message)}\n`);
    process.exitCode = EXIT_USAGE;
    process.stdout.destroy();
  });
  void main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin }).then((code) => {
    process.exitCode ??= code;
  });
}
