/**
 * The WARNING and note at the head of the text report quote statuses from the input: shown
 * with control characters escaped, as on stderr, never acting on the terminal; each escape
 * written once (the message is not escaped again: a status's backslash shows as `\\`, its
 * ESC as `\u001b`, on stderr, in the text and on the HTML page alike).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { record, runCli, T0, toJsonl, useTempFiles } from './fixtures.js';

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

  it('a status\'s backslash and ESC are each escaped once: on stderr, in the text and on the HTML page', async () => {
    const fixture = fileURLToPath(new URL('../fixtures/vicidial/vicidial_log.tsv', import.meta.url));
    const lines = readFileSync(fixture, 'utf8').split('\n');
    const odd = lines[1]!.replace(/^[^\t]+/, '1792746000.9001').replace('\tSALE\t', '\tA\\B\u001b\t'); // A, backslash, B, ESC
    const path = temp.file('odd.tsv', `${lines[0]}\n${lines[1]}\n${odd}\n`);
    const html = temp.path('odd.html');
    const r = await runCli(['audit', path, '--preset', 'vicidial-log', '--set', 'callCentreId=leeds', '--set', 'cli=01132345678', '--set', 'agentGuaranteed=no', '--set', 'amd=Y', '--set', 'messagePlanned=TRUE', '--html', html]);
    const shown = '"A\\\\B\\u001b" 1'; // "A\\B\u001b" 1
    expect(r.stderr).toContain(shown);
    expect(r.stdout).toContain(shown);
    expect(readFileSync(html, 'utf8')).toContain('&quot;A\\\\B\\u001b&quot; 1');
  });

  it('a rejected row\'s message quotes the value once escaped, as JSON, on stderr and in the text', async () => {
    const path = temp.file('bad.jsonl', toJsonl([record('ok', T0), { ...record('x', T0 + 60_000), hangupBy: 'a\\b\u001b' }]));
    const r = await runCli(['audit', path]);
    const quoted = '"a\\\\b\\u001b"'; // "a\\b\u001b": JSON's own escapes, not written twice
    expect(r.stderr).toContain(quoted);
    expect(r.stdout).toContain(quoted);
    expect(r.stderr).not.toContain('\\\\\\\\');
  });
});
