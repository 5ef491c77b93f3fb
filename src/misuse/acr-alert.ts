import type { AcrRow } from '../acr/table.js';
import { flag, type Flag } from '../flags.js';

/**
 * ACR alert (A3.4): a scope's Abandoned Call Rate on a calendar day is above the alert
 * level the user chose (`row.alert`, set against `alertRate`). An alert only, never a safe
 * harbour: calls under the level are not thereby lawful (A4.12, A4.20). The rate is the
 * running rate after the call at `at`; the daily table gives the day's final rate.
 *
 * Returns the flag — about the scope and day, so `callId` is `null` — or `null`.
 */
export function acrAlert(row: AcrRow, alertRate: number, at: number): Flag<'acrAlert'> | null {
  const rate = row.acr.rate;
  if (!row.alert || rate === null) return null;
  const { x, y, z, estimated } = row.acr;
  return flag('acrAlert', null, at, 'A3.4', {
    date: row.date,
    scope: row.scope,
    campaignId: row.campaignId,
    callCentreId: row.callCentreId,
    rate,
    alertRate,
    x,
    y,
    z,
    estimated,
  });
}
