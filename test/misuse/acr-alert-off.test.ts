/**
 * The ACR alert turned off (`alertRate: null`, A3.4). Under a policy that sets an alert
 * level, the ACR table and the report still mark the days above it; the alert rule, not
 * run, is then listed as not judged on every call, never passed. Under a policy with no
 * level there is no alert at all: nothing marks a day, and nothing is listed.
 */
import { describe, expect, it } from 'vitest';
import { definePolicy, ofcom2017 } from '../../src/index.js';
import { misuseAll } from '../../src/misuse/misuse-all.js';
import { ALERT_TURNED_OFF } from '../../src/misuse/state.js';
import { callAt } from './helpers.js';

const calls = () => [callAt('l1', 0, 'live'), callAt('a1', 60_000, 'abandoned', { to: '0113 496 2001' })];
const alertNotJudged = (u: { call: { notJudged?: readonly { rule: string; reason: string }[] } }) => (u.call.notJudged ?? []).filter((n) => n.rule === 'acrAlert');

describe('the ACR alert turned off', () => {
  it('alertRate null under a policy with a level: acrAlert is not judged on every call, for that reason', () => {
    const updates = misuseAll(calls(), ofcom2017, { alertRate: null });
    for (const u of updates) expect(alertNotJudged(u)).toEqual([{ rule: 'acrAlert', title: expect.any(String), refs: expect.arrayContaining(['A3.4']), reason: ALERT_TURNED_OFF }]);
    expect(updates.flatMap((u) => u.raised).some((f) => f.kind === 'acrAlert')).toBe(false);
  });

  it('the alert on (the default): acrAlert is judged, never listed', () => {
    for (const u of misuseAll(calls(), ofcom2017)) expect(alertNotJudged(u)).toEqual([]);
  });

  it('a policy with no alert level: there is no alert to judge, so nothing is listed', () => {
    const none = definePolicy(ofcom2017, { acr: { alertRate: null } });
    for (const u of misuseAll(calls(), none)) expect(alertNotJudged(u)).toEqual([]);
    for (const u of misuseAll(calls(), none, { alertRate: null })) expect(alertNotJudged(u)).toEqual([]);
  });
});
