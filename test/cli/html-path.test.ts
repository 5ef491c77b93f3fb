/**
 * `--html FILE` that cannot be written is refused before the input is read: never a
 * report on stdout followed by exit 2.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT_USAGE } from '../../src/cli/exit-codes.js';
import { T0, record, runCli, toJsonl, useTempFiles } from './fixtures.js';

const temp = useTempFiles('dialguard-html-path-');

describe('dialguard audit --html with a path that cannot be written', () => {
  for (const [what, target] of [
    ['a folder that does not exist', () => join(temp.path('missing'), 'report.html')],
    ['a path that is a folder', () => {
      const dir = temp.path('a-folder');
      mkdirSync(dir, { recursive: true });
      return dir;
    }],
  ] as const) {
    it(`${what}: exit 2 at once, nothing on stdout`, async () => {
      const path = temp.file('calls.jsonl', toJsonl([record('c1', T0)]));
      const r = await runCli(['audit', path, '--html', target()]);
      expect(r.code).toBe(EXIT_USAGE);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/--html .*cannot write the page/);
    });
  }
});
