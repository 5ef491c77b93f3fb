import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
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
    try {
      await import(/* @vite-ignore */ file);
      const lines = log.mock.calls.map((args) => args.map(String).join(' '));
      expect(lines[0]).toBe('c1: messageDue (A2.19)');
      expect(lines).toContain('silentCall A1.3 [object Object]');
      expect(lines).toEqual(expect.arrayContaining([expect.stringMatching(/^\d{4}-\d\d-\d\d spring ACR null$/)]));
    } finally {
      log.mockRestore();
    }
  });
});
