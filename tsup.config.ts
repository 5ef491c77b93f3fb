import { defineConfig } from 'tsup';

export default defineConfig([
  {
    // The library: zero-I/O, tree-shakeable, ESM + CJS + .d.ts. `dialguard/internals` holds the
    // building blocks behind the public API, for the command, tests and low-level hosts.
    entry: { index: 'src/index.ts', internals: 'src/internals.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    treeshake: true,
    target: 'node20',
    external: ['xstate', 'rxjs'],
  },
  {
    // The `dialguard` command: uses the library only through its entry points
    // (`import … from 'dialguard'` and `'dialguard/internals'`, kept external), so its file-reading and CSV code is
    // never loaded by the library. `cli-worker` is the worker thread of `--workers N`, found
    // beside cli.js; each file is whole (no shared chunks), so cli.js stays the program.
    entry: { cli: 'src/cli/main.ts', 'cli-worker': 'src/cli/parallel/worker.ts' },
    format: ['esm'],
    splitting: false,
    dts: false,
    sourcemap: true,
    clean: false,
    target: 'node20',
    external: ['dialguard', 'dialguard/internals', 'xstate', 'rxjs', 'csv-parse'],
    banner: { js: '#!/usr/bin/env node' },
  },
]);
