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
});
