/**
 * The ACR alert's boundary (A3.4): it is raised when a scope's running rate rises ABOVE the
 * alert level, never at it. 200 calls and more, so a minimum sample before a running rate
 * may alert (x + y ≥ 100) changes nothing here.
 */
import { describe, expect, it } from 'vitest';
import { ofcom2017, type AnyFlag } from '../../src/index.js';
import { misuseAll } from '../../src/misuse/misuse-all.js';
import { callAt } from './helpers.js';

const number = (i: number) => `0113 496 ${String(2000 + i).padStart(4, '0')}`;
const alerts = (raised: readonly AnyFlag[]) => raised.filter((f) => f.kind === 'acrAlert');

/** `live` live calls, then `abandoned` abandoned ones (to people: AMD heard a person), a minute apart. */
function day(live: number, abandoned: number) {
  const lives = Array.from({ length: live }, (_, i) => callAt(`l${i}`, i * 60_000, 'live', { to: number(i) }));
  const dropped = Array.from({ length: abandoned }, (_, i) => callAt(`a${i}`, (live + i) * 60_000, 'abandoned', { to: number(live + i) }));
  return [...lives, ...dropped];
}

describe('ACR alert at the alert level (A3.4, 3 %)', () => {
  it('a day that ends exactly at 3 % (6 of 200) raises nothing; one more abandoned call (7 of 201) raises it', () => {
    expect(6 / 200).toBe(ofcom2017.acr.alertRate);
    const atLevel = misuseAll(day(194, 6), ofcom2017, { scopes: ['all'] });
    expect(atLevel.flatMap((u) => alerts(u.raised))).toEqual([]);
    const above = misuseAll(day(194, 7), ofcom2017, { scopes: ['all'] });
    const raised = above.flatMap((u) => alerts(u.raised));
    expect(raised).toHaveLength(1);
    expect(raised[0]).toMatchObject({ kind: 'acrAlert', callId: null, detail: { scope: 'all', x: 7, y: 194, rate: 7 / 201, alertRate: 0.03 } });
    expect(above.at(-1)?.raised.some((f) => f.kind === 'acrAlert')).toBe(true);
  });
});
