/**
 * Files shipped in the package next to the command: `package.json` (for `--version`) and
 * `presets/*.json`. The command runs from `dist/cli.js` (installed) or `src/cli/main.ts`
 * (development); both find the package root by walking up to the `package.json` named
 * `dialguard`.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | null | undefined;

/** The package's root directory, or `null` when it cannot be found. */
export function packageRoot(): string | null {
  if (root !== undefined) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: unknown };
      if (pkg.name === 'dialguard') return (root = dir);
    } catch {
      // not here: go up
    }
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return (root = null);
}

/** The package's version (`--version`). */
export function packageVersion(): string {
  const dir = packageRoot();
  if (dir === null) return 'unknown';
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version?: unknown };
  return typeof pkg.version === 'string' ? pkg.version : 'unknown';
}
