/**
 * The public API a newcomer can hold in their head: at most 50 values, exactly the ones
 * the README's "API at a glance" lists, and no alias of another.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as pub from '../src/index.js';
import * as internals from '../src/internals.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

function glanceTable(): Set<string> {
  const start = readme.indexOf('## API at a glance');
  const section = readme.slice(start, readme.indexOf('\n## ', start + 1));
  const names = new Set<string>();
  for (const row of section.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| for'))) {
    const values = row.split('|')[2] ?? '';
    for (const m of values.matchAll(/`([A-Za-z_][A-Za-z0-9_]*)`/g)) names.add(m[1]!);
  }
  return names;
}

describe('the public API', () => {
  const values = Object.keys(pub);

  it('has at most 50 values', () => {
    expect(values.length).toBeLessThanOrEqual(50);
  });

  it('is exactly what the README lists in "API at a glance"', () => {
    expect([...glanceTable()].sort()).toEqual([...values].sort());
  });

  it('has no aliases: no two names for one value', () => {
    const seen = new Map<unknown, string>();
    for (const name of values) {
      const v = (pub as Record<string, unknown>)[name];
      expect(seen.has(v) ? `${seen.get(v)} = ${name}` : null).toBeNull();
      seen.set(v, name);
    }
  });

  it('dialguard/internals holds every public value, the same object', () => {
    for (const name of values) expect((internals as Record<string, unknown>)[name]).toBe((pub as Record<string, unknown>)[name]);
  });
});
