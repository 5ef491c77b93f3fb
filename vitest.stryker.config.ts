/**
 * The test set Stryker runs against each mutant (`npm run mutate`): the unit and property
 * tests. Left out: the command's tests (they spawn processes, which never see a mutant),
 * the examples' simulator (minutes per mutant, and it kills nothing the unit tests do not)
 * and the two-million-call memory test.
 */
import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

export default mergeConfig(
  base,
  defineConfig({
    test: {
      exclude: ['test/cli/**', 'test/examples/**', 'test/misuse/bounded.test.ts', 'node_modules/**'],
    },
  }),
);
