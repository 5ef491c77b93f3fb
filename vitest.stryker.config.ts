/**
 * The test set Stryker runs against each mutant (`npm run mutate`): the tests of the code
 * it mutates — classify and its rules (with their pre-dial checks: the guard's tests), the
 * reference model, the call machine and its agreement with the classifier, ACR and pacing,
 * the cross-call rules, complaints, UK numbers, the policies, the operators, the
 * out-of-range checks and the report's coverage and period — with each fast-check
 * property capped at 100 runs (`test/support/fast-check.stryker.ts`). On the shared 2-core
 * machine every mutant of a rule would otherwise run every test that classifies a call
 * (every report section, the command, the examples…), hours per run. Also left out: the two-million-call
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
  'test/operators/**/*.test.ts',
  'test/machine/agreement.property.test.ts',
  'test/rules/**/*.test.ts',
  'test/fold/**/*.test.ts',
  'test/guard/**/*.test.ts',
  'test/complaints/**/*.test.ts',
  'test/numbers/**/*.test.ts',
  'test/pacing/**/*.test.ts',
  'test/validate/out-of-range*.test.ts',
  'test/report/coverage.test.ts',
  'test/report/period.test.ts',
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
