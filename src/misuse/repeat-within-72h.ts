import { flag, type Flag } from '../flags.js';
import type { Policy } from '../policy/policy.js';
import type { CallRecord } from '../record.js';

/** A silent or abandoned call, remembered against its number for the repeat rule (A2.9). */
export interface MisuseCallRef {
  readonly callId: string;
  /** Its dial time, epoch ms. */
  readonly at: number;
  readonly category: 'silent' | 'abandoned';
}

/**
 * A2.9 repeat within 72 hours: a call to a number dialled within `policy.repeat.windowMs`
 * after the dial of a silent or abandoned call to it (`previous`), without a guaranteed live
 * agent (`record.agentGuaranteed`). The gap runs from dial to dial and must be at least 0
 * and less than the window: exactly 72:00:00.000 later is outside it. Any outcome of the
 * repeat call counts — the policy asks whether the caller "guaranteed the availability of a
 * live agent for the repeat call", which matters whatever the call then did.
 *
 * Returns the flag — at the repeat's dial, citing the earlier call, its category and the
 * gap — or `null`.
 */
export function repeatWithin72h(record: CallRecord, previous: MisuseCallRef | null, policy: Policy): Flag<'repeatWithin72h'> | null {
  if (previous === null || record.agentGuaranteed) return null;
  const gapMs = record.dialAt - previous.at;
  const windowMs = policy.repeat.windowMs;
  if (gapMs < 0 || gapMs >= windowMs) return null;
  return flag('repeatWithin72h', record.callId, record.dialAt, 'A2.9', {
    previousCallId: previous.callId,
    previousAt: previous.at,
    previousCategory: previous.category,
    gapMs,
    windowMs,
  });
}
