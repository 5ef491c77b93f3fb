/**
 * `--html FILE`: the report as one self-contained page, written next to the text or JSON.
 */
import { writeFileSync } from 'node:fs';
import { renderHtmlReport } from '../html/render-report.js';
import type { CliReport } from './audit-stream.js';
import { UsageError } from './exit-codes.js';
import type { HourlySummary } from './hourly.js';

/** Writes `report` (with the calls by hour of day) as HTML to `path`. @throws UsageError when the file cannot be written */
export function writeHtmlReport(path: string, report: CliReport & { readonly hours: HourlySummary }): void {
  try {
    writeFileSync(path, renderHtmlReport(report));
  } catch (e) {
    throw new UsageError(`cannot write ${path}: ${e instanceof Error ? e.message : String(e)}`);
  }
}
