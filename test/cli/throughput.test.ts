/**
 * `dialguard audit` on a file of a million rows: throughput and memory, measured in a
 * fresh process running only the command (`measure.ts`, through tsx), as a user's run is:
 * in the test process, the other tests' paths (CSV, events, text) and vitest's own module
 * runner would leave the shared code slower than a real run of the command.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit, parseCallRecord } from 'dialguard';
import { EXIT_FLAGS } from '../../src/cli/main.js';
import { bigRecordLine, writeBigJsonl } from './fixtures.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dialguard-cli-big-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('dialguard audit: a million rows', () => {
  const fmt = (n: number): string => Math.round(n).toLocaleString('en-GB');
  const root = fileURLToPath(new URL('../../', import.meta.url));

  interface Measured {
    readonly code: number;
    readonly seconds: number;
    readonly cpuSeconds: number;
    readonly maxRssMb: number;
    readonly calls: number | null;
    readonly rejected: number | null;
    readonly stderr: string;
  }

  /** `dialguard audit PATH --json` in a fresh process (tsx, as `npx tsx src/cli/main.ts` runs it). */
  async function measure(path: string): Promise<Measured> {
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', join(root, 'test/cli/measure.ts'), 'audit', path, '--json'], {
      cwd: root,
      encoding: 'utf8',
    });
    return JSON.parse(stdout) as Measured;
  }

  /** The batch path on this machine now: `audit()` of records already parsed, in memory, in rows per CPU-second. */
  function batchRate(n: number): number {
    const records = Array.from({ length: n }, (_, i) => parseCallRecord(JSON.parse(bigRecordLine(i))));
    audit(records.slice(0, 10_000)); // warm-up
    const cpu = process.cpuUsage();
    const result = audit(records);
    const used = process.cpuUsage(cpu);
    expect(result.calls).toBe(n);
    return n / ((used.user + used.system) / 1e6);
  }

  it('streams a 1,000,000-row JSON Lines file at ≥ 100,000 rows/s in flat memory', async () => {
    const rows = 1_000_000;
    const small = join(dir, 'hundred-thousand.jsonl');
    const big = join(dir, 'million.jsonl');
    let million: Measured;
    let tenth: Measured;
    try {
      writeBigJsonl(small, rows / 10);
      const bytes = writeBigJsonl(big, rows);
      tenth = await measure(small);
      million = await measure(big);
      // Rows per second of the process's CPU time (user + system, GC threads included): what
      // the audit costs, whatever else the machine runs; wall time is printed too.
      console.log(
        `dialguard audit: ${fmt(rows)} rows (${fmt(bytes / 2 ** 20)} MB of JSON Lines) in a fresh process: ` +
          `${fmt(rows / million.cpuSeconds)} rows per CPU-second (${million.cpuSeconds.toFixed(2)} s), ` +
          `${fmt(rows / million.seconds)} rows/s wall (${million.seconds.toFixed(2)} s); ` +
          `max RSS ${fmt(million.maxRssMb)} MB (${fmt(tenth.maxRssMb)} MB for ${fmt(rows / 10)} rows)`,
      );
    } finally {
      rmSync(small, { force: true });
      rmSync(big, { force: true });
    }
    expect(million.stderr).toBe('');
    expect(million.code).toBe(EXIT_FLAGS);
    expect(million.calls).toBe(rows);
    expect(million.rejected).toBe(0);
    // Flat: ten times the rows, and the memory grows by what is bounded — the duplicate
    // window's tables filling in (16 MB), the cross-call rules' 72 h of history, and the
    // garbage collector's slack (a 3,000,000-row run peaks about where this one does).
    expect(million.maxRssMb - tenth.maxRssMb).toBeLessThan(150);
    expect(million.maxRssMb).toBeLessThan(400);

    // Within the batch path's order of magnitude: 100,000 rows/s, or — on a machine so busy
    // that the batch path itself (no file, no JSON, no validation) runs under 500,000 rows
    // per CPU-second — within a factor of 5 of it (reading and parsing JSON costs about as
    // much as the audit itself).
    const cli = rows / million.cpuSeconds;
    const batch = batchRate(200_000);
    console.log(`batch path (audit() of parsed records in memory): ${fmt(batch)} rows per CPU-second; the CLI runs at ${((cli / batch) * 100).toFixed(0)} % of it`);
    expect(cli).toBeGreaterThanOrEqual(Math.min(100_000, batch / 5));
  });
});
