/**
 * `--html FILE`: the report as one self-contained page, written next to the text or JSON.
 */
import { writeFileSync } from 'node:fs';
import { renderHtmlReport } from '../html/render-report.js';
import type { CliReport } from './audit-stream.js';
import { UsageError } from './exit-codes.js';

/** Writes `report` as HTML to `path`. @throws UsageError when the file cannot be written */
export function writeHtmlReport(path: string, report: CliReport): void {
  try {
    writeFileSync(path, renderHtmlReport(report));
  } catch (e) {
    throw new UsageError(`cannot write ${path}: ${e instanceof Error ? e.message : String(e)}`);
  }
}
