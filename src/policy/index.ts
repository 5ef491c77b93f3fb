/**
 * The policies dialguard ships, as values of one `Policy` type: other jurisdictions are
 * other data, never forks of the code.
 */
import { canadaCrtc } from './canada-crtc.js';
import { ofcom2010 } from './ofcom2010.js';
import { ofcom2017 } from './ofcom2017.js';
import type { Policy } from './policy.js';
import { usFcc } from './us-fcc.js';
import { usTsr } from './us-tsr.js';

export { canadaCrtc, ofcom2010, ofcom2017, usFcc, usTsr };

/** Every shipped policy by its `id`: Ofcom 2017 (the default) and 2010, US TSR, US FCC, Canada CRTC. */
export const POLICIES: Readonly<Record<'ofcom2017' | 'ofcom2010' | 'usTsr' | 'usFcc' | 'canadaCrtc', Policy>> = {
  ofcom2017,
  ofcom2010,
  usTsr,
  usFcc,
  canadaCrtc,
};

/** The shipped policy with this `id`, or `undefined` (see `POLICIES`). */
export function policyById(id: string): Policy | undefined {
  return Object.prototype.hasOwnProperty.call(POLICIES, id) ? POLICIES[id as keyof typeof POLICIES] : undefined;
}
