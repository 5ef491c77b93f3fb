import { newRecord } from '../record.js';
import { cliNumberFlags } from '../rules/cli-number.js';
import type { Policy } from '../policy/policy.js';
import type { GuardReason } from './types.js';

/**
 * How the guard judges a CLI as a number: `uk` by the UK National Numbering Plan
 * (`classifyUkNumber`: invalid, premium rate, not basic rate — A1.20, A2.14, footnote
 * 41); `none` only refuses a withheld CLI (for policies outside the UK plan, whose CLI
 * numbers the library cannot yet judge).
 */
export type CliPlan = Policy['cli']['numberingPlan'];

const NONE: readonly GuardReason[] = Object.freeze([]);

/**
 * The reasons to refuse presenting `cli` (A1.20, A2.13, A2.14): `cliWithheld` for a `null`
 * or blank CLI; under the `uk` plan, the `cliNumberFlags` rule's verdict — `cliInvalid`,
 * `cliPremiumRate` or `cliNotBasicRate` (an overseas number is `cliNotBasicRate`,
 * `numberKind: 'international'`). Pure; the empty result is a shared frozen array.
 */
export function cliReasons(cli: string | null, plan: CliPlan): readonly GuardReason[] {
  if (cli === null || cli.trim() === '') return [{ kind: 'cliWithheld', ref: 'A1.20', detail: { cli } }];
  if (plan === 'none') return NONE;
  const record = newRecord({ callId: '', campaignId: '', callCentreId: '', to: '', cli, agentGuaranteed: false, amd: false, messagePlanned: false, dialAt: 0 });
  const out: GuardReason[] = [];
  for (const f of cliNumberFlags(record)) {
    switch (f.kind) {
      case 'cliInvalid':
        out.push({ kind: 'cliInvalid', ref: 'A1.20', detail: { cli, reason: f.detail.reason } });
        break;
      case 'cliPremiumRate':
        out.push({ kind: 'cliPremiumRate', ref: 'A1.20', detail: { cli, numberKind: f.detail.numberKind } });
        break;
      case 'cliNotBasicRate':
        out.push({ kind: 'cliNotBasicRate', ref: 'A2.14', detail: { cli, numberKind: f.detail.numberKind } });
        break;
    }
  }
  return out.length === 0 ? NONE : Object.freeze(out);
}
