/**
 * fast-check as the mutation run (`npm run mutate`) sees it: the same library, with each
 * property capped at `STRYKER_NUM_RUNS` runs (default 100), so some thousand mutants are
 * each tested in seconds. The ordinary test run never loads this file.
 */
// The real package, by path: `fast-check` itself is aliased to this file under Stryker.
import * as real from '../../node_modules/fast-check/lib/fast-check.js';

const cap = Number(process.env.STRYKER_NUM_RUNS ?? 100);
type Params = { numRuns?: number } | undefined;
const capped = <P extends Params>(params: P): P => ({ ...(params ?? {}), numRuns: Math.min(params?.numRuns ?? 100, cap) }) as P;

export * from '../../node_modules/fast-check/lib/fast-check.js';
export const assert: typeof real.assert = ((property: Parameters<typeof real.assert>[0], params?: Params) =>
  real.assert(property as never, capped(params) as never)) as typeof real.assert;
export const check: typeof real.check = ((property: Parameters<typeof real.check>[0], params?: Params) =>
  real.check(property as never, capped(params) as never)) as typeof real.check;
export default { ...real.default, assert, check };
