/**
 * Profiling aid for the batch path: `node --cpu-prof --import tsx bench/profile-batch.ts`
 * runs audit() on 300,000 generated records (`DIALGUARD_PROFILE_MISUSE=1`: with the misuse rules).
 */
import { generateRecords } from './generate.js';

// The built package (npm run build first), as the bench measures; DIALGUARD_BENCH_SRC=1 the sources.
const dialguard: typeof import('../src/index.js') = await import(process.env.DIALGUARD_BENCH_SRC === '1' ? '../src/index.js' : '../dist/index.js');
const { audit, ofcom2017 } = dialguard;

const records = generateRecords(Number(process.env.DIALGUARD_PROFILE_CALLS ?? 300_000));
const misuse = process.env.DIALGUARD_PROFILE_MISUSE === '1';
audit(records.slice(0, 20_000), ofcom2017, { misuse });
const t = process.hrtime.bigint();
for (let i = 0; i < 2; i++) audit(records, ofcom2017, { misuse });
console.log(`${((2 * records.length) / (Number(process.hrtime.bigint() - t) / 1e9)).toFixed(0)} calls/s`);
