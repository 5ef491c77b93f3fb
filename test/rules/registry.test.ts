/**
 * One rule, one module: every flag kind comes from one rule; each paragraph's reference
 * string is written in one folder of src/rules (or src/acr for Annex 3's arithmetic), and
 * nowhere else in the library.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FLAG_KIND_INFO, RULES, type FlagKind } from '../../src/index.js';
import { CALL_RULES } from '../../src/internals.js';

const SRC = fileURLToPath(new URL('../../src', import.meta.url));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Every flag kind, as a record so a new kind is a compile error here until listed. */
const KINDS: { readonly [K in FlagKind]: true } = {
  silentCall: true,
  abandonedCall: true,
  shortRing: true,
  longRing: true,
  lateMessage: true,
  messageMissing: true,
  messageContent: true,
  cliWithheld: true,
  recordingWithoutNotice: true,
  recordAnomaly: true,
  repeatWithin72h: true,
  unsociableHours: true,
  cliInvalid: true,
  cliPremiumRate: true,
  cliNotBasicRate: true,
  tooManyClis: true,
  numberScanning: true,
  ivmLongWait: true,
  ivmNoQueueInfo: true,
  acrAlert: true,
};

describe('the rules', () => {
  it('every flag kind is raised by exactly one rule, with its reference and title', () => {
    for (const kind of Object.keys(KINDS) as FlagKind[]) {
      const owners = RULES.filter((r) => kind in r.flags);
      expect([kind, owners.length]).toEqual([kind, 1]);
      expect(FLAG_KIND_INFO[kind]).toEqual(owners[0]!.flags[kind as never]);
      expect(owners[0]!.refs).toContain(FLAG_KIND_INFO[kind].ref);
    }
    expect(Object.keys(FLAG_KIND_INFO).sort()).toEqual(Object.keys(KINDS).sort());
  });

  it('rule ids are unique, and every rule classify runs is listed in RULES', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of CALL_RULES) expect(RULES).toContain(r);
  });

  it('each paragraph reference string is written in one folder of src/rules (src/acr for Annex 3), nowhere else', () => {
    const home = new Map<string, Set<string>>();
    const outside: string[] = [];
    for (const path of files(SRC)) {
      const rel = relative(SRC, path).split('\\').join('/');
      const text = readFileSync(path, 'utf8');
      for (const m of text.matchAll(/['"](A\d\.\d+)['"]/g)) {
        const folder = rel.startsWith('rules/') ? rel.split('/').slice(0, 2).join('/') : rel.startsWith('acr/') ? 'acr' : null;
        if (folder === null) outside.push(`${rel}: ${m[1]}`);
        else (home.get(m[1]!) ?? home.set(m[1]!, new Set()).get(m[1]!)!).add(folder);
      }
    }
    expect(outside).toEqual([]);
    const twice = [...home].filter(([, folders]) => folders.size > 1).map(([ref, folders]) => `${ref}: ${[...folders].join(', ')}`);
    expect(twice).toEqual([]);
  });
});
