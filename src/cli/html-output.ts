/**
 * `--html FILE`: the report as one self-contained page, written next to the text or JSON.
 */
import { accessSync, constants, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { renderHtmlReport } from '../html/render-report.js';
import type { CliReport } from './audit-stream.js';
import { UsageError } from './exit-codes.js';
import type { HourlySummary } from './hourly.js';

/**
 * Checks, before the audit reads its input, that `path` can be written: its folder exists
 * and is writable, and `path` is not a folder (nor a file that cannot be written). The
 * report is printed before the page is written, so a page that fails only then would
 * leave a report on stdout and exit 2; this says so at once, before any work.
 * @throws UsageError naming the path and the reason
 */
export function assertHtmlWritable(path: string): void {
  const problem = (): string | null => {
    const folder = dirname(path);
    const where = statSync(folder, { throwIfNoEntry: false });
    if (where === undefined) return `its folder ${folder} does not exist`;
    if (!where.isDirectory()) return `${folder} is not a folder`;
    const existing = statSync(path, { throwIfNoEntry: false });
    if (existing?.isDirectory()) return 'it is a folder';
    try {
      accessSync(existing === undefined ? folder : path, constants.W_OK);
    } catch {
      return existing === undefined ? `its folder ${folder} is not writable` : 'it is not writable';
    }
    return null;
  };
  const why = problem();
  if (why !== null) throw new UsageError(`--html ${path}: cannot write the page: ${why}`);
}

/** Writes `report` (with the calls by hour of day) as HTML to `path`. @throws UsageError when the file cannot be written */
export function writeHtmlReport(path: string, report: CliReport & { readonly hours: HourlySummary }): void {
  try {
    writeFileSync(path, renderHtmlReport(report));
  } catch (e) {
    throw new UsageError(`cannot write ${path}: ${e instanceof Error ? e.message : String(e)}`);
  }
}
