/**
 * Tree-shaking: an app importing one function bundles that function, not the policies,
 * the drama-number table or the flag-kind table. The library is first bundled into one
 * ESM file as the package ships it (dist/index.js: one module, so the package's
 * `sideEffects: false` cannot help inside it; only pure annotations can), then an app
 * importing `abandonedCallRate` alone is bundled against that file, minified.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const entry = fileURLToPath(new URL('../../src/index.ts', import.meta.url));
let dir: string;
let library: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dialguard-shake-'));
  library = join(dir, 'index.js');
  // As tsup builds dist/index.js: one ESM bundle, the peers external.
  await build({ entryPoints: [entry], bundle: true, format: 'esm', platform: 'neutral', target: 'node20', treeShaking: true, external: ['xstate', 'rxjs'], outfile: library, logLevel: 'silent' });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function bundle(app: string): Promise<string> {
  const file = join(dir, 'app.js');
  writeFileSync(file, app);
  const out = await build({ entryPoints: [file], bundle: true, minify: true, write: false, format: 'esm', platform: 'neutral', external: ['xstate', 'rxjs'], logLevel: 'silent' });
  return out.outputFiles[0]!.text;
}

describe('tree-shaking the built library', () => {
  it('an app importing abandonedCallRate alone bundles under 2 KB, with no policy or number table', async () => {
    const code = await bundle(`import { abandonedCallRate } from ${JSON.stringify(library)};\nconsole.log(abandonedCallRate({ live: 392, abandoned: 8, machineToAgent: 400 }));\n`);
    expect(code).toContain('INVALID_ACR_INPUT'); // the function and its error are there
    for (const table of ['ofcom2017', 'usTsr', 'canadaCrtc', 'Persistent Misuse', 'Leeds 0113', 'Premium rate 0909', 'silent call']) {
      expect(code, `"${table}" bundled`).not.toContain(table);
    }
    expect(code.length).toBeLessThan(2048);
  });

  it('an app that uses a policy still gets it', async () => {
    const code = await bundle(`import { ofcom2010 } from ${JSON.stringify(library)};\nconsole.log(ofcom2010.message.deadlineFrom);\n`);
    expect(code).toContain('ofcom2010');
    expect(code).toContain('ofcom2017'); // ofcom2010 is ofcom2017 with changes
    expect(code).not.toContain('canadaCrtc');
  });
});
