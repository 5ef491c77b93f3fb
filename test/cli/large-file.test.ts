/**
 * `dialguard audit` on a file larger than one read chunk, streamed: every row is read,
 * none is rejected or dropped, and the report's counts equal `audit()` of the same
 * records in memory. (Its throughput and memory on a million rows are measured by the
 * benchmark, `bench/cli-throughput.ts`, run by `npm run bench`: a test asserts no speed.)
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit, parseCallRecord, report } from 'dialguard';
import { EXIT_FLAGS, main, type CliReport } from '../../src/cli/main.js';
import { captureIo, writeBigJsonl } from './fixtures.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dialguard-cli-large-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('dialguard audit: a file of many chunks', () => {
  it('streams 20,000 JSON Lines rows (≈ 8 MB): every call counted, as audit() counts them in memory', async () => {
    const rows = 20_000;
    const path = join(dir, 'calls.jsonl');
    const bytes = writeBigJsonl(path, rows);
    expect(bytes).toBeGreaterThan(4 * 2 ** 20); // many read chunks, lines split across them
    const cap = captureIo();
    const code = await main(['audit', path, '--json'], cap.io);
    expect(cap.stderr()).toBe('');
    expect(code).toBe(EXIT_FLAGS);
    const got = JSON.parse(cap.stdout()) as CliReport;
    expect(got.calls).toBe(rows);
    expect(got.rejected.count).toBe(0);

    const records = readFileSync(path, 'utf8').trimEnd().split('\n').map((line) => parseCallRecord(JSON.parse(line)));
    const want = report(audit(records));
    expect(got.categories).toEqual(want.categories);
    expect(got.flags).toEqual(want.flags);
    expect(got.repeatsWithin72h).toBe(want.repeatsWithin72h);
  });
});
