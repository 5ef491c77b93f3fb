/**
 * The package carries its licence: an MIT LICENSE file matching package.json's `license`,
 * listed in `files` and present in the packed tarball.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { license: string; files: string[] };

describe('the licence', () => {
  it('is an MIT LICENSE file naming the dialguard contributors, as package.json says', () => {
    expect(pkg.license).toBe('MIT');
    const text = readFileSync(`${root}LICENSE`, 'utf8');
    expect(text.split('\n')[0]).toBe('MIT License');
    expect(text).toMatch(/^Copyright \(c\) \d{4} dialguard contributors$/m);
    expect(text).toContain('Permission is hereby granted, free of charge');
    expect(text).toContain('THE SOFTWARE IS PROVIDED "AS IS"');
  });

  it('is in the package', () => {
    expect(pkg.files).toContain('LICENSE');
    const [packed] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' })) as [{ files: { path: string }[] }];
    expect(packed.files.map((f) => f.path)).toContain('LICENSE');
  });
});
