/**
 * Test helper: reads a file the way `dialguard audit` does (options → row plan → CSV
 * reader), and returns each row as the validated `CallRecord` the audit counts, with its
 * classification, and the rows rejected.
 */
import { classify, safeParseCallRecord, type CallRecord, type ClassifiedCall } from 'dialguard';
import { parseCommand } from '../../src/cli/args.js';
import { readCsv } from '../../src/cli/csv.js';
import { openInput } from '../../src/cli/input.js';
import { planRows } from '../../src/cli/mapping/prepare.js';

export interface ReadResult {
  readonly calls: ReadonlyMap<string, ClassifiedCall>;
  readonly rejected: readonly { line: number; path: string | null | undefined; message: string }[];
}

/** Reads `file` with the command-line options `options` (e.g. `['--preset', 'asterisk-cdr', …]`). */
export async function readMapped(file: string, options: readonly string[]): Promise<ReadResult> {
  const command = parseCommand(['audit', file, ...options]);
  if (command.kind !== 'audit') throw new Error('not an audit');
  const plan = planRows(command.args);
  const input = await openInput(file, 'csv', (async function* () {})());
  const calls = new Map<string, ClassifiedCall>();
  const rejected: { line: number; path: string | null | undefined; message: string }[] = [];
  try {
    await readCsv(input.chunks, { header: command.args.header, columns: command.args.columns, delimiter: plan.delimiter, mapper: plan.csvMapper }, {
      row(line, value) {
        const parsed = safeParseCallRecord(value);
        if (!parsed.ok) rejected.push({ line, path: parsed.error.path, message: parsed.error.message });
        else calls.set(parsed.value.callId, classify(parsed.value as CallRecord));
      },
      reject(line, _reason, message, path) {
        rejected.push({ line, path, message });
      },
    });
  } finally {
    await input.close();
  }
  return { calls, rejected };
}
