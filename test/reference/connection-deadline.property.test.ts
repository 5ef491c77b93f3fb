/**
 * Differential property: the library's category under a policy with a connection deadline
 * (Ofcom 2017's clocks plus the US/CRTC 2 s connection deadline) against the independent
 * model of 16 CFR 310.4(b)(1)(iv) (`connection-deadline.model.ts`), on generated timelines.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classify, definePolicy, foldEvents, ofcom2017 } from '../../src/index.js';
import { timeline } from '../machine/timeline.arbitrary.js';
import { connectionDeadlineCategory } from './connection-deadline.model.js';

const withDeadline = definePolicy(ofcom2017, { connection: { deadlineMs: 2_000 } });

describe('reference model ≡ classify under a connection deadline (16 CFR 310.4(b)(1)(iv))', () => {
  it('agrees on the category of any plausible call', () => {
    fc.assert(
      fc.property(timeline, ({ events }) => {
        const record = foldEvents(events);
        fc.pre(!record.anomalies.some((a) => a.kind === 'repeated'));
        expect(classify(record, withDeadline).category).toBe(connectionDeadlineCategory(record, 2_000));
      }),
      { numRuns: 2_000 },
    );
  });

  it('the comparison is not vacuous: abandoned calls with no agent ever and with a late agent both occur', () => {
    const seen = { noAgent: 0, lateAgent: 0, stillSilent: 0 };
    for (const { events } of fc.sample(timeline, { numRuns: 2_000, seed: 11 })) {
      const r = foldEvents(events);
      const c = connectionDeadlineCategory(r, 2_000);
      if (c === 'abandoned' && r.agentAt === null && r.messageAt === null) seen.noAgent += 1;
      if (c === 'abandoned' && r.agentAt !== null) seen.lateAgent += 1;
      if (c === 'silent') seen.stillSilent += 1;
    }
    expect(seen.noAgent).toBeGreaterThanOrEqual(5);
    expect(seen.lateAgent).toBeGreaterThanOrEqual(5);
    expect(seen.stillSilent).toBeGreaterThanOrEqual(5);
  });
});
