import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it, vi } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const readme = readFileSync(join(root, 'README.md'), 'utf8');

describe('README', () => {
  it('opens with the two commands a newcomer runs, and they exist', () => {
    const first = readme.split('\n').slice(0, 6).join('\n');
    expect(first).toContain('npm ci && npm run demo');
    expect(first).toContain('npm test');
    const scripts = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts as Record<string, string>;
    expect(scripts.demo).toBeDefined();
    expect(scripts.test).toBeDefined();
  });

  it('the quick start runs as written and does what its comments say', async () => {
    const code = /## Quick start\s+```ts\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(code).toBeDefined();
    expect(code!.split('\n').length).toBeLessThanOrEqual(22);
    const dir = mkdtempSync(join(tmpdir(), 'dialguard-readme-'));
    const file = join(dir, 'quick-start.ts');
    writeFileSync(file, code!.replaceAll("from 'dialguard'", `from ${JSON.stringify(join(root, 'src/index.ts'))}`));
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    // The host's timers and clock, simulated: the call takes 9.5 s of (fake) time.
    vi.useFakeTimers({ now: Date.UTC(2026, 2, 2, 10, 0, 0) });
    try {
      await import(/* @vite-ignore */ file);
      const lines = () => log.mock.calls.map((args) => args.map(String).join(' '));
      vi.advanceTimersByTime(8_000);
      // messageDue is delivered by a tick at pickup + 2 s, on time, not with the hangup 1.5 s later
      expect(lines()).toEqual(['c1: messageDue (A2.19), 0 ms late']);
      vi.advanceTimersByTime(1_500);
      expect(lines()).toContain('silentCall A1.3 [object Object]');
      expect(lines()).toEqual(expect.arrayContaining([expect.stringMatching(/^\d{4}-\d\d-\d\d spring ACR null$/)]));
      expect(vi.getTimerCount()).toBe(0); // the example unsubscribed from its ticks
    } finally {
      vi.useRealTimers();
      log.mockRestore();
    }
  });

  it('every TypeScript sample type-checks as written, against the sources (a sample is meant to be copied)', () => {
    const samples = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);
    expect(samples.length).toBeGreaterThanOrEqual(2);
    // Inside the project, so the samples' own imports (rxjs, xstate) resolve as a user's would.
    const dir = mkdtempSync(join(root, 'test', '.readme-samples-'));
    const files = samples.map((code, i) => {
      const file = join(dir, `sample-${i}.ts`);
      // Each sample is a module of its own (its top-level names do not meet another's).
      writeFileSync(file, `${code.replaceAll("from 'dialguard'", `from ${JSON.stringify(join(root, 'src/index.ts'))}`)}\nexport {};\n`);
      return file;
    });
    const config = ts.readConfigFile(join(root, 'tsconfig.json'), (path) => ts.sys.readFile(path)).config as object;
    const { options } = ts.parseJsonConfigFileContent(config, ts.sys, root);
    let errors: string[];
    try {
      const program = ts.createProgram(files, { ...options, noUnusedLocals: false, noEmit: true, allowImportingTsExtensions: true });
      errors = ts
        .getPreEmitDiagnostics(program)
        .filter((d) => d.file !== undefined && files.includes(d.file.fileName))
        .map((d) => `${d.file!.fileName.slice(dir.length + 1)}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(errors).toEqual([]);
  }, 120_000);
});
