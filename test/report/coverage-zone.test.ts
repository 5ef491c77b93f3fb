/**
 * The report's coverage counter (src/report/sections/coverage.ts) keeps one entry per day ×
 * rule × reason. The unsociable-hours rule's reason for a zone this runtime does not know is
 * one fixed sentence (`UNKNOWN_ZONE_REASON`), so distinct unknown zones on records built in
 * code (`audit()` does not check zones; the parsers do) make one entry, not one per zone.
 */
import { describe, expect, it } from 'vitest';
import { audit, ofcom2017 } from '../../src/index.js';
import { newRecord } from '../../src/internals.js';
import { UNKNOWN_ZONE_REASON } from '../../src/rules/unsociable-hours/index.js';
import { T0 } from '../support/heap.js';

describe('report coverage: per day and rule, not per call', () => {
  it('5,000 calls on one day with distinct unknown zones give one unsociable-hours coverage entry, counting them all', () => {
    const records = Array.from({ length: 5000 }, (_, i) => {
      const at = T0 + i * 1000;
      const r = newRecord({ callId: `c${i}`, campaignId: 'spring', callCentreId: 'leeds', to: '01134960001', cli: '01134961000', agentGuaranteed: false, amd: false, messagePlanned: true, dialAt: at, zone: `Mars/Crater_${i}` });
      return { ...r, answerAt: at + 3000, agentAt: at + 3500, hangupAt: at + 60_000, hangupBy: 'recipient' as const };
    });
    const result = audit(records, ofcom2017, { misuse: false });
    expect(result.rejected).toHaveLength(0);
    const entries = (result.reportData.notJudged ?? []).filter((n) => n.rule === 'unsociableHours');
    expect(entries).toEqual([expect.objectContaining({ date: '2026-11-23', reason: UNKNOWN_ZONE_REASON, calls: 5000 })]); // before the fix: 5,000 entries, one per zone
    expect(result.calls).toBe(5000);
  });
});
