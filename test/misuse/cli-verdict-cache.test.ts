/**
 * The CLI verdict memo (src/rules/cli/number.ts) holds at most 4,096 CLIs, and only CLIs
 * of at most `MAX_CACHED_CLI_LENGTH` characters: a file of long, distinct CLIs (a JSON
 * Lines row may hold a megabyte) cannot make it keep data-sized text alive after the calls
 * are gone. A long CLI is still judged, every time, with the same verdict.
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { classify, type CallRecord } from 'dialguard';
import { cliVerdict, MAX_CACHED_CLI_LENGTH } from '../../src/rules/cli/number.js';
import { callAt } from './helpers.js';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

describe('CLI verdict memo is bounded in bytes', () => {
  it('classifying 1,500 calls with distinct 40 KB CLIs, then dropping them, leaves < 16 MB of heap behind', () => {
    const base = callAt('z', 0, 'live').record;
    const filler = '7'.repeat(40_000);
    for (let i = 0; i < 20; i++) classify({ ...base, callId: `w${i}`, cli: `0113496${i}` } as CallRecord); // warm up
    gc();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < 1_500; i++) {
      const cli = `+${i}:${filler}`.split('').join(''); // a fresh string per call, as JSON.parse gives each row
      classify({ ...base, callId: `c${i}`, cli } as CallRecord);
    }
    gc();
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(16_000_000);
  });

  it('a CLI longer than the memo keeps is judged as one that fits, every time', () => {
    expect(MAX_CACHED_CLI_LENGTH).toBeGreaterThanOrEqual('+44 (0) 113 496 1999 '.length);
    const long = `0113 496 1999${' '.repeat(MAX_CACHED_CLI_LENGTH)}x`;
    const first = cliVerdict(long);
    expect(first).toMatchObject({ kind: 'cliInvalid', detail: { cli: long } });
    expect(cliVerdict(long)).toEqual(first);
    expect(cliVerdict(`${'0'.repeat(MAX_CACHED_CLI_LENGTH + 1)}`)?.kind).toBe('cliInvalid');
    const written = '+44 (0)113 496 1999'; // a real number as written: cached, and fine
    expect(cliVerdict(written)).toBeNull();
    expect(cliVerdict(written)).toBeNull();
  });
});
