/**
 * nextDialRatio's `reason` says why the ratio is what it is: 'falling' is documented as
 * "Moving down towards the model's ratio", 'rising' as "Moving up". With headroom under the
 * reserve, the reserve's cap relabels every capped step 'falling' — even when the capped ratio
 * is still above the previous one (the ratio rose).
 */
import { describe, expect, it } from 'vitest';
import { from } from 'rxjs';
import { ofcom2017, pacing, type PacingAdvice } from 'dialguard';
import { nextDialRatio } from 'dialguard/internals';
import { callAt } from '../misuse/helpers.js';

describe('pacing reason (Annex 3 pacing)', () => {
  it('a step whose ratio goes up is never labelled falling', () => {
    const step = nextDialRatio(
      1,
      { headroom: 1, aboveTarget: false, curve: null, livePerDial: 0.3, targetAcr: 0.03 },
      { maxDialRatio: 3, horizonDials: 3000, riseRate: 0.005, fallRate: 0.05, reserveAbandons: 2 },
    );
    expect(step.dialRatio).toBeGreaterThan(1);
    expect(step.reason).not.toBe('falling');
  });

  it('the pacing operator: after a campaign’s first live call the ratio rises from 1.0, and the advice does not say falling', () => {
    const out: PacingAdvice[] = [];
    from([callAt('l1', 0, 'live')]).pipe(pacing(ofcom2017, { targetAcr: 0.03 })).subscribe((a) => out.push(a));
    expect(out[0]!.dialRatio).toBeGreaterThan(1);
    expect(out[0]!.reason).not.toBe('falling');
  });
});
