/**
 * A1.20, A2.13: a marketing call must present a CLI; withholding it is misuse, and
 * aggravates "any case of misuse" — a silent or abandoned call — "particularly so in
 * relation to silent calls" (A2.13). The flag and the pre-dial guard's refusal both come
 * from here.
 */
import { flag } from '../../flags.js';
import type { CallCategory } from '../category/index.js';
import { isMisuseCall } from '../repeat-within-72h/index.js';
import type { CallRule } from '../rule.js';
import { CLI_VALID_REF, CLI_WITHHELD_SILENT_REF } from './refs.js';

/** The measured values of a `cliWithheld` flag. */
export interface CliWithheldDetail {
  /**
   * The call was itself misuse — silent or abandoned (A1.3, A1.9) — so the withheld CLI
   * aggravates it (A2.13: "in any case of misuse"); `false` for a call that was not
   * (live, unconnected, answer machine); `null` when the call's category is undetermined,
   * so whether it was misuse is not known.
   */
  readonly aggravated: boolean | null;
  /** The call's category. */
  readonly category: string;
}

/** The pre-dial guard's refusal of a withheld CLI (A1.20, A2.13). */
export interface CliWithheldReason {
  readonly kind: 'cliWithheld';
  readonly ref: typeof CLI_VALID_REF;
  readonly detail: { readonly cli: string | null };
}

/**
 * `true` when no CLI is presented (A1.20): `null`, nothing but white space, or — from a
 * JavaScript or JSON host — no string at all (`undefined`, a missing field, a number): a
 * CLI that is not there is not presented.
 */
export function isWithheld(cli: string | null): boolean {
  return typeof cli !== 'string' || cli.trim() === '';
}

/**
 * A1.20: the guard's reason to refuse presenting `cli`, or `null` when a CLI is presented.
 * `detail.cli` is the CLI as given, or `null` when it was not a string.
 */
export function cliWithheldReason(cli: string | null): CliWithheldReason | null {
  return isWithheld(cli) ? { kind: 'cliWithheld', ref: CLI_VALID_REF, detail: { cli: typeof cli === 'string' ? cli : null } } : null;
}

/**
 * Whether a withheld CLI aggravates a call of `category` (A2.13: "we will usually regard
 * its absence as aggravating the harm in any case of misuse"): `true` for a silent or
 * abandoned call (`isMisuseCall`, footnote 37's misuse calls), `false` for any other
 * category, `null` for an undetermined one.
 */
export function withheldAggravates(category: CallCategory): boolean | null {
  return category === 'undetermined' ? null : isMisuseCall(category);
}

/**
 * A1.20, A1.25, A2.13 withheld CLI: a call that presented no CLI (`isWithheld`). On a
 * silent or abandoned call it is aggravated and cites A2.13 ("in any case of misuse");
 * otherwise it cites A1.20 (withholding the CLI on a marketing call), with `aggravated`
 * `false`, or `null` when the call's category is undetermined. Raised at the dial.
 */
export const cliWithheldRule: CallRule<'cliWithheld'> = {
  id: 'cliWithheld',
  title: 'CLI presented',
  refs: [CLI_VALID_REF, CLI_WITHHELD_SILENT_REF],
  flags: { cliWithheld: { ref: CLI_WITHHELD_SILENT_REF, title: 'CLI withheld', misuse: true } },
  judge(record, _policy, { categorisation }) {
    if (!isWithheld(record.cli)) return null;
    const category = categorisation.category;
    const aggravated = withheldAggravates(category);
    return flag('cliWithheld', record.callId, record.dialAt, aggravated === true ? CLI_WITHHELD_SILENT_REF : CLI_VALID_REF, { aggravated, category });
  },
};
