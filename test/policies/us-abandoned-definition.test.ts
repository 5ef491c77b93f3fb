/**
 * 16 CFR 310.4(b)(1)(iv): an outbound call is "abandoned" if a person answers it and the
 * telemarketer does not connect the call to a sales representative within two (2) seconds of
 * the completed greeting. 47 CFR 64.1200(a)(7)(i) and the CRTC's rules say the same. A
 * person-answered call no agent ever took — dead air, a cut-off, AMD hanging up on a person —
 * is abandoned under these policies (`categorise` step 9) and counts in x and x + y; under
 * Ofcom it stays a silent call, outside the rate (A3.5).
 */
import { describe, expect, it } from 'vitest';
import { audit, canadaCrtc, classify, ofcom2010, ofcom2017, usFcc, usTsr, type CallRecord, type Policy } from '../../src/index.js';
import { categorise } from '../../src/rules/category/index.js';
import { AMD_HUNG_UP_ON_PERSON, DEAD_AIR, LIVE, rec, type Step } from './us-helpers.js';

/** 96 live calls and 4 person-answered calls of `kind` on 10 March 2026, 11:00 New York. */
function campaign(kind: readonly Step[], dial: Record<string, unknown> = {}): CallRecord[] {
  const out: CallRecord[] = [];
  for (let i = 0; i < 96; i++) out.push(rec(`l${i}`, `2026-03-10T15:${String(Math.floor(i / 2)).padStart(2, '0')}:${i % 2 ? '30' : '00'}Z`, LIVE, dial));
  for (let i = 0; i < 4; i++) out.push(rec(`s${i}`, `2026-03-10T16:0${i}:00Z`, kind, dial));
  return out;
}

function campaignRow(records: readonly CallRecord[], policy: Policy) {
  return audit(records, policy).table.find((r) => r.scope === 'campaign' && r.date === '2026-03-10')!;
}

/** Picked up at 5 s, greeting 5.2–6 s, and the dialler cuts the call off at 6.5 s, within the 2 s. */
const CUT_OFF: readonly Step[] = [
  [1000, { type: 'ringing' }],
  [5000, { type: 'answer' }],
  [5200, { type: 'salutation', phase: 'start' }],
  [6000, { type: 'salutation', phase: 'end' }],
  [6500, { type: 'hangup', by: 'caller' }],
];

describe('US TSR / FCC / CRTC: a person-answered call never connected to an agent is abandoned (16 CFR 310.4(b)(1)(iv); 47 CFR 64.1200(a)(7)(i))', () => {
  for (const policy of [usTsr, usFcc, canadaCrtc]) {
    it(`${policy.id}: dead-air calls count in the abandonment rate (4 of 100 person-answered calls = 4 %)`, () => {
      const row = campaignRow(campaign(DEAD_AIR), policy);
      expect(row.acr.x + row.acr.y).toBe(100);
      expect(row.acr.x).toBe(4);
      expect(row.acr.rate).toBeCloseTo(0.04, 12);
      expect(row.alert).toBe(policy.acr.alertRate !== null && 0.04 > policy.acr.alertRate);
    });

    it(`${policy.id}: a person AMD hung up on (agent review: human) counts in the abandonment rate`, () => {
      const row = campaignRow(campaign(AMD_HUNG_UP_ON_PERSON, { amd: true }), policy);
      expect(row.acr.x).toBe(4);
      expect(row.acr.rate).toBeCloseTo(0.04, 12);
    });

    it(`${policy.id}: dead air, a cut-off and an AMD false positive are abandoned, keeping what Ofcom would call them; an abandonedCall flag, no silentCall`, () => {
      const cases: [readonly Step[], Record<string, unknown>, string][] = [
        [DEAD_AIR, {}, 'deadAir'],
        [CUT_OFF, {}, 'disconnected'],
        [AMD_HUNG_UP_ON_PERSON, { amd: true }, 'amdFalsePositive'],
      ];
      for (const [steps, dial, reason] of cases) {
        const r = rec('1', '2026-03-10T15:00:00Z', steps, dial);
        expect(categorise(r, policy)).toMatchObject({ category: 'abandoned', silentReason: reason, messagePlayed: false });
        const c = classify(r, policy);
        expect(c.flags.map((f) => f.kind)).not.toContain('silentCall');
        expect(c.flags.find((f) => f.kind === 'abandonedCall')).toMatchObject({ ref: 'A1.9', detail: { messagePlayed: false } });
      }
    });
  }

  it('usTsr: a campaign with 4 % dead air is reported above the 3 % safe-harbour line', () => {
    const result = audit(campaign(DEAD_AIR), usTsr);
    expect(result.report.scopes.find((s) => s.campaignId === 'spring')!.acr.daysAboveAlert).toBeGreaterThan(0);
  });

  it('an agent who was connected and hung up at pickup (A1.7), and a recipient who hung up before any message was due with none planned, stay silent', () => {
    const agentHungUp: readonly Step[] = [[1000, { type: 'ringing' }], [5000, { type: 'answer' }], [5100, { type: 'agent' }], [5300, { type: 'hangup', by: 'caller' }]];
    const hungUpFirst: readonly Step[] = [[1000, { type: 'ringing' }], [5000, { type: 'answer' }], [5200, { type: 'salutation', phase: 'start' }], [6000, { type: 'salutation', phase: 'end' }], [6500, { type: 'hangup', by: 'recipient' }]];
    expect(categorise(rec('1', '2026-03-10T15:00:00Z', agentHungUp), usTsr)).toMatchObject({ category: 'silent', silentReason: 'agentHungUp' });
    expect(categorise(rec('2', '2026-03-10T15:00:00Z', hungUpFirst, { messagePlanned: false }), usTsr)).toMatchObject({ category: 'silent', silentReason: 'noMessagePlanned' });
  });

  for (const policy of [ofcom2017, ofcom2010]) {
    it(`${policy.id} (no connection deadline): the same calls stay silent, outside x and x + y (A3.5)`, () => {
      const row = campaignRow(campaign(DEAD_AIR), policy);
      expect(row.acr).toMatchObject({ x: 0, y: 96 });
      expect(row.counts.silent).toBe(4);
      expect(categorise(rec('1', '2026-03-10T15:00:00Z', AMD_HUNG_UP_ON_PERSON, { amd: true }), policy)).toMatchObject({ category: 'silent', silentReason: 'amdFalsePositive' });
    });
  }
});
