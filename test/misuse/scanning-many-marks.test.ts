/**
 * A1.35 number scanning with a number called in several campaigns and on several days: each
 * campaign day keeps its own mark for the number (whether its only call there so far was a
 * probe), found again by a later call of that campaign day, whichever of the number's marks
 * it is — the first, or one after it — and kept with its probe flag when older days are
 * dropped.
 */
import { describe, expect, it } from 'vitest';
import { createMisuseState, definePolicy, ofcom2017, type AnyFlag, type MisuseState } from '../../src/index.js';
import { callAt, DAY, HOUR } from './helpers.js';

// Two probes in a campaign on a day raise the flag.
const scanning = definePolicy(ofcom2017, { scanning: { minCalls: 2, maxRingMs: 3000 } });
const M = 60_000;
const X = '0113 496 4201';

/** The campaigns whose day a call raised `numberScanning` for. */
function scanned(state: MisuseState, id: string, at: number, outcome: 'probe' | 'live', campaignId: string, to: string): string[] {
  const raised: readonly AnyFlag[] = state.next(callAt(id, at, outcome, { to, campaignId }, scanning)).raised;
  return raised.filter((f) => f.kind === 'numberScanning').map((f) => (f.detail as { campaignId: string }).campaignId);
}

describe('number scanning: one number, several campaign days (A1.35)', () => {
  /** X probed in campaigns a, b and c on 23 November: three marks, each a probe. */
  const probedInThreeCampaigns = (): MisuseState => {
    const state = createMisuseState(scanning, { alertRate: null });
    for (const [i, campaign] of ['a', 'b', 'c'].entries()) expect(scanned(state, `x${campaign}`, i * M, 'probe', campaign, X)).toEqual([]);
    return state;
  };

  it('each campaign counts X as its probe: a second number probed in any of them reaches the threshold there', () => {
    for (const campaign of ['a', 'b', 'c']) {
      expect(scanned(probedInThreeCampaigns(), 'y', HOUR, 'probe', campaign, '0113 496 4202')).toEqual([campaign]);
    }
  });

  it('a live call to X in one campaign takes X out of that campaign’s probes only (the first mark, or one after it)', () => {
    for (const [live, still] of [
      ['a', ['b', 'c']],
      ['b', ['a', 'c']],
      ['c', ['a', 'b']],
    ] as const) {
      const state = probedInThreeCampaigns();
      expect(scanned(state, 'x-live', 10 * M, 'live', live, X)).toEqual([]);
      expect(scanned(state, 'y', HOUR, 'probe', live, '0113 496 4202')).toEqual([]); // X is no longer a probe there: one probe
      for (const campaign of still) expect(scanned(state, `y-${campaign}`, HOUR, 'probe', campaign, '0113 496 4203')).toEqual([campaign]);
    }
  });

  it('live calls to X in two campaigns each take X out of their own campaign’s probes, whatever their order', () => {
    for (const [first, second, still] of [
      ['b', 'a', 'c'],
      ['c', 'b', 'a'],
      ['a', 'c', 'b'],
      ['c', 'a', 'b'],
    ] as const) {
      const state = probedInThreeCampaigns();
      scanned(state, 'x-live-1', 10 * M, 'live', first, X);
      scanned(state, 'x-live-2', 11 * M, 'live', second, X);
      for (const campaign of [first, second]) expect(scanned(state, `y-${campaign}`, HOUR, 'probe', campaign, '0113 496 4202')).toEqual([]);
      expect(scanned(state, `y-${still}`, HOUR, 'probe', still, '0113 496 4202')).toEqual([still]);
    }
  });

  it('a second live call to X in the same campaign takes nothing more away', () => {
    const state = probedInThreeCampaigns();
    scanned(state, 'x-live-1', 10 * M, 'live', 'c', X);
    scanned(state, 'x-live-2', 11 * M, 'live', 'c', X);
    expect(scanned(state, 'y', HOUR, 'probe', 'c', '0113 496 4202')).toEqual([]); // one probe
    expect(scanned(state, 'z', HOUR + M, 'probe', 'c', '0113 496 4203')).toEqual(['c']); // two: X's probe was taken away once only
  });

  describe('when older days are dropped, the marks of the days kept stay with their probe flags', () => {
    /**
     * X probed in a and b on 23 Nov, in a and c on 24 Nov; then a call at 00:10 on 25 Nov
     * drops 23 Nov (its first two marks). X's marks of 24 Nov remain: a (probe), c (probe).
     */
    const overThreeDays = (): MisuseState => {
      const state = probedInTwo();
      scanned(state, 'x24a', DAY + 2 * HOUR, 'probe', 'a', X);
      scanned(state, 'x24c', DAY + 2 * HOUR + M, 'probe', 'c', X);
      scanned(state, 'w25', DAY + 14 * HOUR + 10 * M, 'live', 'a', '0113 496 4209'); // 25 Nov: 23 Nov is dropped
      return state;
    };
    const probedInTwo = (): MisuseState => {
      const state = createMisuseState(scanning, { alertRate: null });
      scanned(state, 'x23a', 0, 'probe', 'a', X);
      scanned(state, 'x23b', M, 'probe', 'b', X);
      return state;
    };
    const late24 = DAY + 13 * HOUR; // 23:00 on 24 Nov, an hour before the call that moved to 25 Nov

    it('X still counts as a probe on 24 Nov in a and in c', () => {
      expect(scanned(overThreeDays(), 'y', late24, 'probe', 'a', '0113 496 4202')).toEqual(['a']);
      expect(scanned(overThreeDays(), 'y', late24, 'probe', 'c', '0113 496 4202')).toEqual(['c']);
    });

    it('a late live call to X on 24 Nov in c finds X’s mark there (now its first or not), and a stays a probe', () => {
      const state = overThreeDays();
      expect(scanned(state, 'x-live', late24, 'live', 'c', X)).toEqual([]);
      expect(scanned(state, 'y', late24 + M, 'probe', 'c', '0113 496 4202')).toEqual([]);
      expect(scanned(state, 'z', late24 + 2 * M, 'probe', 'a', '0113 496 4203')).toEqual(['a']);
    });

    it('a late live call to X on 24 Nov in a does the same for a, and c stays a probe', () => {
      const state = overThreeDays();
      expect(scanned(state, 'x-live', late24, 'live', 'a', X)).toEqual([]);
      expect(scanned(state, 'y', late24 + M, 'probe', 'a', '0113 496 4202')).toEqual([]);
      expect(scanned(state, 'z', late24 + 2 * M, 'probe', 'c', '0113 496 4203')).toEqual(['c']);
    });

    it('a mark that was no probe stays no probe when it takes the place of a dropped one', () => {
      const state = probedInTwo();
      scanned(state, 'x24a', DAY + 2 * HOUR, 'live', 'a', X); // X's mark of 24 Nov in a: not a probe
      scanned(state, 'w25', DAY + 14 * HOUR + 10 * M, 'live', 'b', '0113 496 4209'); // 25 Nov: 23 Nov is dropped
      expect(scanned(state, 'x-late', late24, 'live', 'a', X)).toEqual([]); // finds X's mark of 24 Nov: nothing to take away
      expect(scanned(state, 'y', late24 + M, 'probe', 'a', '0113 496 4202')).toEqual([]);
      expect(scanned(state, 'z', late24 + 2 * M, 'probe', 'a', '0113 496 4203')).toEqual(['a']); // two probes on 24 Nov in a
    });

    it('a number whose every mark was of a dropped day is a new number of the day it is called on again', () => {
      const state = probedInTwo();
      scanned(state, 'w24', DAY + 2 * HOUR, 'live', 'a', '0113 496 4207'); // 24 Nov, another number
      scanned(state, 'w25', DAY + 14 * HOUR + 10 * M, 'live', 'a', '0113 496 4208'); // 25 Nov: 23 Nov is dropped (both of X's marks)
      scanned(state, 'w26', 2 * DAY + 14 * HOUR + 10 * M, 'live', 'a', '0113 496 4209'); // 26 Nov: 24 Nov is dropped (the one mark of 4207)
      expect(scanned(state, 'x26b', 2 * DAY + 15 * HOUR, 'probe', 'b', X)).toEqual([]);
      expect(scanned(state, 'y26b', 2 * DAY + 15 * HOUR + M, 'probe', 'b', '0113 496 4202')).toEqual(['b']);
      expect(scanned(state, 'w26-again', 2 * DAY + 15 * HOUR + 2 * M, 'probe', 'a', '0113 496 4207')).toEqual([]); // 4207: a new number of 26 Nov, the first probe in a
    });
  });
});
