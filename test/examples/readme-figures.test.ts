/**
 * README, "Examples": the figures it quotes for `examples/over-dialled.ts` and
 * `examples/sharded.ts` are what those examples print, run in full as the README says
 * (each is seeded, so its output is fixed). A change that moves a figure must move the
 * README with it.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const scaling = readFileSync(join(root, 'docs/scaling.md'), 'utf8');
const num = (s: string | undefined): number => Number(s?.replaceAll(',', ''));

/** The example's output, run in full (not the CI's smoke size). */
function runExample(name: string): string {
  const env = { ...process.env };
  delete env.DIALGUARD_SMOKE;
  const r = spawnSync(process.execPath, ['--import', 'tsx', join('examples', `${name}.ts`)], { cwd: root, env, encoding: 'utf8', maxBuffer: 16 << 20 });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
}

describe('README "Examples": the figures quoted are the examples\' own', () => {
  it('over-dialled.ts: the repeats within 72 h of the over-dialled campaign, and none for the well-run one', () => {
    const claim = /over-dialled\.ts`[\s\S]*?(\d[\d,]*)\s+silent or abandoned repeats within 72 h/.exec(readme);
    expect(claim).not.toBeNull();
    const row = /repeat calls within 72 h \(A2\.9\)\s+([\d,]+)\s+([\d,]+)/.exec(runExample('over-dialled'));
    expect(row).not.toBeNull();
    expect(num(row![1])).toBe(0); // "no repeats"
    expect(num(row![2])).toBe(num(claim![1]));
  }, 240_000);

  it('sharded.ts: one node\'s repeat flags, and those missed when sharded by call id (README and docs/scaling.md)', () => {
    const claim = /the\s+(\d[\d,]*) repeat flags equal one node's; sharded by call id, (\d[\d,]*) of the/.exec(readme);
    const table = /\| repeat calls within 72 h \(A2\.9\) \| (\d[\d,]*) \| (\d[\d,]*), the same calls \| (\d[\d,]*) \((\d[\d,]*) missed\) \|/.exec(scaling);
    expect(claim).not.toBeNull();
    expect(table).not.toBeNull();
    const out = runExample('sharded');
    const repeats = /repeat calls within 72 h \(A2\.9\)\s+([\d,]+)\s+([\d,]+)\s+([\d,]+)/.exec(out);
    const missed = /no: ([\d,]+) missed/.exec(out);
    expect(repeats).not.toBeNull();
    expect(missed).not.toBeNull();
    const printed = { one: num(repeats![1]), byNumber: num(repeats![2]), byCallId: num(repeats![3]), missed: num(missed![1]) };
    expect({ one: printed.one, missed: printed.missed }).toEqual({ one: num(claim![1]), missed: num(claim![2]) });
    expect(printed).toEqual({ one: num(table![1]), byNumber: num(table![2]), byCallId: num(table![3]), missed: num(table![4]) });
  }, 240_000);
});
