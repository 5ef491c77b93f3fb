/**
 * The test set Stryker runs against each mutant (`npm run mutate`): the tests of the code
 * it mutates — classify and its rules, the reference model, the call machine's examples,
 * ACR, the cross-call rules, the policies and the ACR operator — with each fast-check
 * property capped at 100 runs (`test/support/fast-check.stryker.ts`). On the shared 2-core
 * machine every mutant of a rule would otherwise run every test that classifies a call
 * (reports, guard, pacing, operators…), hours per run. Also left out: the two-million-call
 * memory test, and the checks that the generators are not vacuous
 * (`DIALGUARD_MUTATION_RUN`: they test the generators, not the rules).
 */
import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

const INCLUDE = [
  'test/classify/**/*.test.ts',
  'test/reference/**/*.test.ts',
  'test/machine/call-machine.test.ts',
  'test/machine/deadlines.test.ts',
  'test/acr/**/*.test.ts',
  'test/misuse/**/*.test.ts',
  'test/policies/**/*.test.ts',
  'test/operators/acr.test.ts',
];

const merged = mergeConfig(
  base,
  defineConfig({
    resolve: {
      alias: [{ find: /^fast-check$/, replacement: fileURLToPath(new URL('./test/support/fast-check.stryker.ts', import.meta.url)) }],
    },
    test: {
      env: { DIALGUARD_MUTATION_RUN: '1' },
      exclude: ['test/misuse/bounded.test.ts', 'node_modules/**'],
    },
  }),
);
// mergeConfig concatenates arrays: the include list replaces the base one instead.
export default { ...merged, test: { ...merged.test, include: INCLUDE } };
