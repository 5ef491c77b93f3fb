import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { createAcrLedger, createReportBuilder, newRecord, ofcom2017, type ClassifiedCall } from '../../src/internals.js';
import { T0 } from '../support/calls.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heapUsed = (): number => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};

const IDS = 1_000_000;
const base = newRecord({ callId: '', campaignId: '', callCentreId: 'leeds', to: '01134960000', cli: '01134961000', agentGuaranteed: false, amd: false, messagePlanned: true, dialAt: T0 });

/** Call `i`, of campaign `campaign-i`: a live call, one in three, else unanswered. Made on the fly, so the test holds no calls. */
function call(i: number): ClassifiedCall {
  const isLive = i % 3 === 0;
  return { record: { ...base, callId: `c${i}`, campaignId: `campaign-${i}`, dialAt: T0 + (i % 3600) * 1000 }, category: isLive ? 'live' : 'unconnected', answeredBy: isLive ? 'human' : null, flags: [] };
}

describe('a million campaign ids (issue 11 item 4)', () => {
  it('the report builder keeps a few hundred bytes per campaign day, and a report of the all scope stays small', () => {
    const before = heapUsed();
    const builder = createReportBuilder(ofcom2017);
    for (let i = 0; i < IDS; i++) builder.add(call(i));
    const report = builder.build({ scopes: ['all'] });
    const perId = (heapUsed() - before) / IDS;
    expect(report.calls).toBe(IDS);
    expect(report.scopes).toHaveLength(1);
    expect(report.scopes[0]!.days).toHaveLength(1);
    expect(report.factors.find((f) => f.id === 'abandonedCalls')!.evidence.highestCampaignDailyAcr).toBe(0);
    // Measured about 420 bytes (the cell, its evidence, and the campaign scope the factors read); 0.1 had about 16 KB.
    expect(perId).toBeLessThan(1_000);
    expect(builder.calls()).toBe(IDS);
  }, 600_000);

  it('an ACR ledger of the all scope keeps one small cell per id, and nothing for scopes not asked for', () => {
    const before = heapUsed();
    const ledger = createAcrLedger({ timeZone: ofcom2017.timeZone, scopes: ['all'] });
    for (let i = 0; i < IDS; i++) ledger.add(call(i));
    const perId = (heapUsed() - before) / IDS;
    expect(ledger.size()).toBe(IDS);
    let days = 0;
    ledger.forEachDay('all', () => (days += 1));
    expect(days).toBe(1);
    expect(ledger.rows(ledger.cellOf(call(0)), 0.03)).toHaveLength(1);
    // Measured about 280 bytes per cell.
    expect(perId).toBeLessThan(600);
  }, 600_000);
});
