/**
 * The WARNING and note at the head of the text report quote statuses from the input: shown
 * with control characters escaped, as on stderr, never acting on the terminal.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli, useTempFiles } from './fixtures.js';

const temp = useTempFiles('dialguard-warning-');

describe('dialguard audit: the report head quotes the input safely', () => {
  it('the WARNING at the head of the text report shows a status\'s control characters escaped', async () => {
    const fixture = fileURLToPath(new URL('../fixtures/vicidial/vicidial_log.tsv', import.meta.url));
    const lines = readFileSync(fixture, 'utf8').split('\n');
    const evil = lines[1]!.replace(/^[^\t]+/, '1792746000.9001').replace('\tSALE\t', '\tEVIL\u001b[2J\u001b]0;pwned\u0007\t');
    const path = temp.file('vicidial_log.tsv', `${lines[0]}\n${lines[1]}\n${evil}\n`);
    const r = await runCli(['audit', path, '--preset', 'vicidial-log', '--set', 'callCentreId=leeds', '--set', 'cli=01132345678', '--set', 'agentGuaranteed=no', '--set', 'amd=Y', '--set', 'messagePlanned=TRUE']);
    expect(r.stderr).toContain('WARNING'); // the status is unknown to the mapping: the call is undecidable
    expect(r.stdout).toContain('WARNING');
    expect(r.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  });
});
