/**
 * A fact the input has no source for at all is unknown on every call, not absent (README,
 * "Evidence: unknown is not absent"): a CSV of dialguard's own columns whose header has no
 * column for it, or a mapping that neither maps it nor lists it as unknown. The rules that
 * need it are not judged, and the evidence section and its note say which facts and why. An
 * empty cell of a column the file has still means absent; so does a key missing from a JSON
 * Lines record.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { record, runCli, runCliJson, T0, toJsonl, useTempFiles } from './fixtures.js';

const fixture = (name: string): string => fileURLToPath(new URL(`../fixtures/evidence/${name}`, import.meta.url));
const files = useTempFiles('dialguard-unshown-');

type Rows = readonly { readonly rule: string; readonly judged: number; readonly notJudged: number }[];
const coverageOf = (rules: Rows) => new Map(rules.map((r) => [r.rule, r]));

/** What dialguard's own CSV has no column for in `no-agent-columns.csv`. */
const NO_AGENT_COLUMNS = ['salutationStartAt', 'amdResult', 'agentAt', 'messageAt', 'messageContent', 'recordingAt', 'ivmAgentRequestedAt', 'disposition'];

describe("dialguard's own CSV columns: a header with no column for a fact", () => {
  // Two answered calls of 3–4 minutes and one unanswered; no agentAt, messageAt, IVM or recording column at all.
  const csv = fixture('no-agent-columns.csv');

  it('makes the fact unknown on every row: the answered calls are not silent calls with every rule judged, and the evidence says which facts and why', async () => {
    const { report, stderr } = await runCliJson(['audit', csv, '--workers', '1']);
    const silent = report.flags.find((f) => f.kind === 'silentCall')!;
    expect(report.coverage.complete).toBe(false);
    expect(silent).toMatchObject({ count: 0, notJudged: 2 });
    expect(report.categories).toMatchObject({ calls: 3, undetermined: 2, unconnected: 1 });
    const rules = coverageOf(report.coverage.rules);
    expect(rules.get('recordingNotice')).toMatchObject({ judged: 0, notJudged: 3 });
    expect(rules.get('ivmWait')).toMatchObject({ judged: 1, notJudged: 2 }); // the unanswered call is judged: an IVM speaks only to an answered call
    expect(report.evidence!.unknownFacts).toEqual(NO_AGENT_COLUMNS);
    expect(report.evidence!.unshownFacts).toEqual({ facts: NO_AGENT_COLUMNS, reason: `the file's header has no column for ${NO_AGENT_COLUMNS.join(', ')}` });
    expect(report.evidence!.note).toContain('those facts are unknown on every call, not absent, and the rules that need them are not judged');
    expect(stderr).toContain("dialguard: note: the file's header has no column for salutationStartAt");
    expect(report.evidence!.warning).toContain('2 of 3 calls cannot be told live from silent: the file has no agent or message times and no recorded outcome.');
    expect(report.evidence!.warning).toContain('(agentAt, messageAt)');
  });

  it('the text report does not say every rule was judged on every call, and names the facts the file has no column for', async () => {
    const r = await runCli(['audit', csv, '--workers', '1']);
    expect(r.stdout).not.toContain('Every rule judged from call records was judged on every call');
    expect(r.stdout).toContain("Note: the file's header has no column for salutationStartAt, amdResult, agentAt, messageAt");
  });

  it('an empty cell of a column the file has is absent: a call with no agent, message or IVM is silent, judged; the facts with no column stay unknown', async () => {
    const rows = [
      'callId,campaignId,callCentreId,to,cli,agentGuaranteed,amd,messagePlanned,dialAt,ringingAt,answerAt,agentAt,messageAt,ivmAgentRequestedAt,hangupAt,hangupBy',
      'e1,spring,leeds,01632960001,01134961000,false,false,true,2026-03-02T10:00:00Z,2026-03-02T10:00:01Z,2026-03-02T10:00:06Z,,,,2026-03-02T10:03:00Z,recipient',
    ];
    const { report } = await runCliJson(['audit', files.file('empty-cells.csv', `${rows.join('\n')}\n`), '--workers', '1']);
    expect(report.categories).toMatchObject({ calls: 1, silent: 1 });
    expect(report.flags.find((f) => f.kind === 'silentCall')).toMatchObject({ count: 1, notJudged: 0 });
    expect(report.evidence!.unshownFacts!.facts).toEqual(['salutationStartAt', 'amdResult', 'messageContent', 'recordingAt', 'disposition']);
    expect(coverageOf(report.coverage.rules).get('recordingNotice')).toMatchObject({ judged: 0, notJudged: 1 });
  });

  it("a row's own unknown column adds to the facts with no column; --set gives a fact for every row", async () => {
    const rows = [
      'callId,campaignId,callCentreId,to,cli,agentGuaranteed,amd,messagePlanned,dialAt,answerAt,agentAt,messageAt,hangupAt,unknown',
      'u1,spring,leeds,01632960001,01134961000,false,false,true,2026-03-02T10:00:00Z,2026-03-02T10:00:06Z,,,2026-03-02T10:03:00Z,"[""agentAt"",""messageAt""]"',
    ];
    const path = files.file('unknown-column.csv', `${rows.join('\n')}\n`);
    const { report } = await runCliJson(['audit', path, '--set', 'hangupBy=recipient', '--workers', '1']);
    expect(report.categories).toMatchObject({ calls: 1, undetermined: 1 });
    expect(report.evidence!.unknownFacts).toEqual(['ringingAt', 'salutationStartAt', 'amdResult', 'agentAt', 'messageAt', 'messageContent', 'recordingAt', 'ivmAgentRequestedAt', 'disposition']);
    expect(report.evidence!.unshownFacts!.facts).toEqual(['ringingAt', 'salutationStartAt', 'amdResult', 'messageContent', 'recordingAt', 'ivmAgentRequestedAt', 'disposition']);
  });

  it('--no-header --columns: the facts the list has no column for, said so', async () => {
    const row = 'n1,spring,leeds,01632960001,01134961000,false,false,true,2026-03-02T10:00:00Z,2026-03-02T10:00:06Z,2026-03-02T10:00:06.500Z,2026-03-02T10:03:00Z,recipient';
    const columns = 'callId,campaignId,callCentreId,to,cli,agentGuaranteed,amd,messagePlanned,dialAt,answerAt,agentAt,hangupAt,hangupBy';
    const { report } = await runCliJson(['audit', files.file('no-header.csv', `${row}\n`), '--no-header', '--columns', columns, '--workers', '1']);
    expect(report.categories).toMatchObject({ calls: 1, live: 1 }); // an agent is enough to tell a live call, message times or not
    expect(report.evidence!.unshownFacts!.reason).toBe('--columns lists no column for ringingAt, salutationStartAt, amdResult, messageAt, messageContent, recordingAt, ivmAgentRequestedAt, disposition');
  });

  it('a file with a column for every fact, and JSON Lines whatever keys they lack (a missing key is absent): no fact unshown', async () => {
    const calls = [record('j1', T0), record('j2', T0 + 60_000, { to: '01632960002' })];
    const jsonl = await runCliJson(['audit', files.file('records.jsonl', toJsonl(calls.map(({ recordingAt: _r, ivmAgentRequestedAt: _i, ...rest }) => rest))), '--workers', '1']);
    expect(jsonl.report.evidence!.unshownFacts).toBeNull();
    expect(jsonl.report.evidence!.unknownFacts).toEqual([]);
    expect(jsonl.report.coverage.rules.every((r) => r.notJudged === 0)).toBe(true);
  });
});

describe('evidence.unknownFacts: a fact recorded only with an unknown one', () => {
  it('lists the facts the unknown ones leave unknown (who hung up with the hang-up time; the agent and message with the answer), not those the record holds', async () => {
    const calls = [
      record('h1', T0, { hangupAt: null, hangupBy: null, unknown: ['hangupAt'] }),
      record('a1', T0 + 60_000, { to: '01632960002', answerAt: null, agentAt: T0 + 70_000, messageAt: null, unknown: ['answerAt'] }),
    ];
    const { report } = await runCliJson(['audit', files.file('implied.jsonl', toJsonl(calls)), '--workers', '1']);
    const facts = report.evidence!.unknownFacts;
    expect(facts).toEqual(expect.arrayContaining(['hangupAt', 'hangupBy', 'answerAt', 'messageAt', 'salutationStartAt']));
    expect(facts).not.toContain('agentAt'); // recorded on a1: known, though the answer time is not
    expect(facts).not.toContain('ringingAt');
  });
});

describe('a mapping that neither maps a fact nor lists it as unknown', () => {
  const SET = ['--set', 'callCentreId=leeds', '--set', 'cli=01134961000', '--set', 'agentGuaranteed=false', '--set', 'amd=false', '--set', 'messagePlanned=true'];
  const args = ['audit', fixture('site-cdr.csv'), '--mapping', fixture('no-recording-mapping.json'), ...SET, '--workers', '1'];

  it('reads the fact as unknown on every row (not a mapping error): the recording and IVM rules are not judged, never passed', async () => {
    const { report } = await runCliJson(args);
    const rules = coverageOf(report.coverage.rules);
    expect(rules.get('recordingNotice')).toMatchObject({ judged: 0, notJudged: 3 });
    expect(rules.get('ivmWait')).toMatchObject({ judged: 1, notJudged: 2 }); // the NA call, unanswered by its times, is judged
    expect(report.categories).toMatchObject({ calls: 3, live: 1, abandoned: 1, unconnected: 1 }); // the recorded outcomes still decide
  });

  it('the evidence section and its note name those facts and the mapping', async () => {
    const { report, stderr } = await runCliJson(args);
    const facts = ['ringingAt', 'salutationStartAt', 'amdResult', 'messageContent', 'recordingAt', 'ivmAgentRequestedAt', 'disposition'];
    expect(report.evidence!.unshownFacts).toEqual({ facts, reason: `mapping ${fixture('no-recording-mapping.json')} neither maps nor lists as unknown ${facts.join(', ')}` });
    expect(report.evidence!.unknownFacts).toEqual(expect.arrayContaining([...facts, 'agentAt', 'messageAt', 'hangupBy']));
    expect(stderr).toContain('neither maps nor lists as unknown ringingAt');
    expect(stderr).toContain('those facts are unknown on every call, not absent');
  });

  it('a preset lists every fact it cannot show: nothing unshown', async () => {
    const master = fileURLToPath(new URL('../fixtures/asterisk/Master.csv', import.meta.url));
    const { report } = await runCliJson(['audit', master, '--preset', 'asterisk-cdr', '--input-tz', 'Europe/London', '--set', 'callCentreId=leeds', '--set', 'agentGuaranteed=false', '--set', 'amd=true', '--set', 'messagePlanned=true', '--workers', '1']);
    expect(report.evidence!.unshownFacts).toBeNull();
  });
});

describe('an IVM wait on a call that never ended', () => {
  it('call events: the call closed at the end of the stream, 10 minutes after the request, is flagged for its wait up to then', async () => {
    const { report } = await runCliJson(['audit', fixture('ivm-never-ended.events.jsonl'), '--workers', '1']);
    expect(report.flags.find((f) => f.kind === 'ivmLongWait')).toMatchObject({ count: 1, notJudged: 0 });
    expect(report.flags.find((f) => f.kind === 'ivmNoQueueInfo')).toMatchObject({ count: 1, notJudged: 0 });
  });
});
