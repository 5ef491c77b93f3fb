import { flag, type Flag } from '../flags.js';
import type { CallRecord } from '../record.js';
import type { CallCategory } from './category.js';

/**
 * A1.20, A1.25, A2.13 withheld CLI: a call that presented no CLI. On a silent call it is
 * aggravated (A2.13: "particularly so in relation to silent calls") and cites A2.13.
 * Returns the flag, or `null`.
 */
export function cliWithheld(record: CallRecord, category: CallCategory): Flag<'cliWithheld'> | null {
  if (record.cli !== null && record.cli.trim() !== '') return null;
  const aggravated = category === 'silent';
  return flag('cliWithheld', record.callId, record.dialAt, aggravated ? 'A2.13' : 'A1.20', { aggravated, category });
}
