/**
 * The test set Stryker runs against each mutant (`npm run mutate`): the unit and property
 * tests, with each fast-check property capped at 100 runs (`test/support/fast-check.stryker.ts`)
 * so a run over some thousand mutants takes minutes per hundred, not hours. Left out: the
 * command's tests (they spawn processes, which never see a mutant), the examples'
 * simulator (minutes per mutant, and it kills nothing the unit tests do not), the
 * two-million-call memory test, the machine ≡ classifier property (XState per run: slow;
 * for the rules, `test/reference/` checks the same classifier directly), and the checks that the generators are not vacuous
 * (`DIALGUARD_MUTATION_RUN`: they test the generators, not the rules).
 */
import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

export default mergeConfig(
  base,
  defineConfig({
    resolve: {
      alias: [{ find: /^fast-check$/, replacement: fileURLToPath(new URL('./test/support/fast-check.stryker.ts', import.meta.url)) }],
    },
    test: {
      env: { DIALGUARD_MUTATION_RUN: '1' },
      exclude: ['test/cli/**', 'test/examples/**', 'test/misuse/bounded.test.ts', 'test/machine/agreement.property.test.ts', 'node_modules/**'],
    },
  }),
);
