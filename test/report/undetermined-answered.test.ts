/**
 * An undetermined call is not always an answered one. README ("What a call becomes"): an
 * unanswered call whose records show no end — they stop while it rang — is undetermined,
 * "it may still have been answered"; its record shows no answer, so the report neither
 * counts it among the answered calls of the AMD evidence (A2.24: the machine share's
 * denominator) nor calls it answered in its warnings (text and HTML). An undetermined call
 * whose records do show an answer (cut off just after it) is counted answered.
 */
import { describe, expect, it } from 'vitest';
import { audit, formatReport } from '../../src/index.js';
import { renderHtmlReport } from '../../src/html/render-report.js';
import { buildReport } from '../../src/report/index.js';
import { record, T0 } from '../cli/fixtures.js';

/** A live call, an answer-machine call, and a call whose records stop while it rang (no answer, no end). */
function calls() {
  return [
    record('live', T0),
    record('machine', T0 + 60_000, { to: '01632960002', amd: true, amdResult: 'machine', amdAt: T0 + 67_000, agentAt: null, hangupAt: T0 + 67_100, hangupBy: 'caller', lastEventAt: T0 + 67_100 }),
    record('ringing', T0 + 120_000, { to: '01632960003', answerAt: null, agentAt: null, hangupAt: null, hangupBy: null, lastEventAt: T0 + 123_000 }),
  ];
}

/** A call whose records stop at its answer (no agent, no message, no hang-up): undetermined, but answered. */
const cutAtAnswer = () => record('cut', T0 + 180_000, { to: '01632960004', agentAt: null, hangupAt: null, hangupBy: null, lastEventAt: T0 + 186_000 });

describe('an undetermined call whose records show no answer is not counted or described as answered', () => {
  it('sanity: the unanswered call is undetermined, and its records show no answer', () => {
    const r = audit(calls()).report;
    expect(r.categories).toMatchObject({ calls: 3, live: 1, answerMachine: 1, undetermined: 1, unconnected: 0 });
  });

  it('AMD evidence (A2.24): answered calls are the 2 the records show answered, so the machine share is 1 of 2 (50 %), not 1 of 3', () => {
    const r = audit(calls()).report;
    expect(r.amd).toMatchObject({ answeredCalls: 2, undeterminedAnswered: 0, machineShareOfAnswered: 0.5 });
    expect(formatReport(r)).toContain('Answered calls picked up by machines: 1 of 2 (50.00 %)');
  });

  it('an undetermined call whose records show the answer is counted answered', () => {
    const r = audit([...calls(), cutAtAnswer()]).report;
    expect(r.categories.undetermined).toBe(2);
    expect(r.amd).toMatchObject({ answeredCalls: 3, undeterminedAnswered: 1, machineShareOfAnswered: 1 / 3 });
  });

  it('the warnings do not call the undetermined calls "answered" (text and HTML)', () => {
    const r = audit(calls()).report;
    const text = formatReport(r).replace(/\n +/g, ' ');
    const warnings = text.split('\n').filter((l) => l.startsWith('WARNING:'));
    expect(warnings.length).toBeGreaterThan(0);
    for (const w of warnings) expect(w).toMatch(/^WARNING: 1 call could not be shown live, abandoned or silent \(undetermined\)/);
    const html = renderHtmlReport(r);
    expect(html).not.toMatch(/answered calls? could not be told/);
    expect(html).toContain('id="undetermined">1 call could not be told live, abandoned or silent from the records');
  });

  it('report data stored before undeterminedAnswered existed reads it as 0 (its undetermined calls are not counted answered)', () => {
    const data = audit([...calls(), cutAtAnswer()]).reportData;
    const old = { ...data, cells: data.cells.map(({ amd: { undeterminedAnswered: _, ...amd }, ...c }) => ({ ...c, amd })) };
    expect(buildReport(old as unknown as typeof data).amd).toMatchObject({ answeredCalls: 2, undeterminedAnswered: 0 });
  });
});
