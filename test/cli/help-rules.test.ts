import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/index.js';
import { USAGE } from '../../src/cli/args.js';

describe('dialguard --help', () => {
  it('lists every rule the audit judges, with its paragraphs, from the library\'s rules', () => {
    const judged = RULES.filter((r) => Object.keys(r.flags).length > 0);
    expect(judged.length).toBeGreaterThan(10);
    for (const r of judged) expect(USAGE).toMatch(new RegExp(`\\n  ${r.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} +${r.refs.join(', ').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\n`));
    expect(USAGE).not.toContain('TPS and do-not-call lists'); // a pre-dial guard rule, not judged on records
  });
});
