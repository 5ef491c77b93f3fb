import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // Examples and the CLI import the package by name, as users do; in tests that is the source.
    alias: [
      { find: /^dialguard\/internals$/, replacement: fileURLToPath(new URL('./src/internals.ts', import.meta.url)) },
      { find: /^dialguard$/, replacement: fileURLToPath(new URL('./src/index.ts', import.meta.url)) },
    ],
  },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
