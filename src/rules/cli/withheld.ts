/**
 * A1.20, A2.13: a marketing call must present a CLI; withholding it is misuse, and
 * aggravating on a silent call (A2.13: "particularly so in relation to silent calls"). The
 * flag and the pre-dial guard's refusal both come from here.
 */
import { flag } from '../../flags.js';
import type { CallRule } from '../rule.js';
import { CLI_VALID_REF, CLI_WITHHELD_SILENT_REF } from './refs.js';

/** The measured values of a `cliWithheld` flag. */
export interface CliWithheldDetail {
  /** The call was silent: aggravated (A2.13). */
  readonly aggravated: boolean;
  /** The call's category. */
  readonly category: string;
}

/** The pre-dial guard's refusal of a withheld CLI (A1.20, A2.13). */
export interface CliWithheldReason {
  readonly kind: 'cliWithheld';
  readonly ref: typeof CLI_VALID_REF;
  readonly detail: { readonly cli: string | null };
}

/** `true` when no CLI is presented: `null`, or nothing but white space. */
export function isWithheld(cli: string | null): boolean {
  return cli === null || cli.trim() === '';
}

/** A1.20: the guard's reason to refuse presenting `cli`, or `null` when a CLI is presented. */
export function cliWithheldReason(cli: string | null): CliWithheldReason | null {
  return isWithheld(cli) ? { kind: 'cliWithheld', ref: CLI_VALID_REF, detail: { cli } } : null;
}

/**
 * A1.20, A1.25, A2.13 withheld CLI: a call that presented no CLI (`isWithheld`). On a
 * silent call it is aggravated and cites A2.13; otherwise A1.20. Raised at the dial.
 */
export const cliWithheldRule: CallRule<'cliWithheld'> = {
  id: 'cliWithheld',
  title: 'CLI presented',
  refs: [CLI_VALID_REF, CLI_WITHHELD_SILENT_REF],
  flags: { cliWithheld: { ref: CLI_WITHHELD_SILENT_REF, title: 'CLI withheld' } },
  judge(record, _policy, { categorisation }) {
    if (!isWithheld(record.cli)) return null;
    const category = categorisation.category;
    const aggravated = category === 'silent';
    return flag('cliWithheld', record.callId, record.dialAt, aggravated ? CLI_WITHHELD_SILENT_REF : CLI_VALID_REF, { aggravated, category });
  },
};
