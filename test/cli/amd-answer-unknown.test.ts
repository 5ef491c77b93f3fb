/**
 * The AMD evidence (A2.24) on a file that cannot show answer times (vicidial_log): a call
 * counts as answered when its category shows it (not `unconnected`, not `undetermined`);
 * a call whose answer the file cannot show either way is counted apart, never as
 * unanswered. Text and JSON give the same figures.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli, runCliJson } from './fixtures.js';
import { VICIDIAL_OPTIONS } from './dialler-rows.js';

const fixture = (path: string): string => fileURLToPath(new URL(`../fixtures/${path}`, import.meta.url));

interface Amd {
  readonly calls: number;
  readonly answered: number;
  readonly answerUnknown: number;
  readonly answeredCalls: number;
}

describe('AMD evidence without answer times (vicidial-log)', () => {
  // The fixture: 19 calls with AMD on; 5 unconnected by their status (NA, AB, ADC), 12 answered
  // by theirs (agent statuses, drops, machines), 2 APPT, a status the preset does not know.
  it('JSON: 12 answered by their status, 2 whose answer the file cannot show, not 0 answered', async () => {
    const { report } = await runCliJson(['audit', fixture('vicidial/vicidial_log.tsv'), ...VICIDIAL_OPTIONS]);
    const amd = (report as unknown as { amd: Amd }).amd;
    // Answered calls (A2.24's denominator) are those the records show answered: not the 2 APPT calls (undetermined, answer unknown).
    expect(amd).toMatchObject({ calls: 19, answered: 12, answerUnknown: 2, answeredCalls: 12 });
  });

  it('text: the same figures, the unknown ones said so', async () => {
    const r = await runCli(['audit', fixture('vicidial/vicidial_log.tsv'), ...VICIDIAL_OPTIONS]);
    expect(r.stdout).toMatch(/Calls with AMD on: 19; verdicts: human \d+, machine \d+, unknown \d+; 12 answered, answer unknown for 2\n/);
  });

  it('with the site\'s own status mapped (APPT live), every call\'s answer is known', async () => {
    const { report } = await runCliJson(['audit', fixture('vicidial/vicidial_log.tsv'), '--mapping', fixture('vicidial/site-mapping.json'), ...VICIDIAL_OPTIONS.slice(2)]);
    expect((report as unknown as { amd: Amd }).amd).toMatchObject({ calls: 19, answered: 14, answerUnknown: 0 });
    const r = await runCli(['audit', fixture('vicidial/vicidial_log.tsv'), '--mapping', fixture('vicidial/site-mapping.json'), ...VICIDIAL_OPTIONS.slice(2)]);
    expect(r.stdout).toMatch(/Calls with AMD on: 19; verdicts: human \d+, machine \d+, unknown \d+; 14 answered\n/);
  });
});
