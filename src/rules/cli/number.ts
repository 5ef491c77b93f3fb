/**
 * A1.18–A1.20, A2.14 and footnote 41: the presented CLI must be a valid number that can be
 * called back, not premium rate (A1.20), and — an aggravating factor otherwise — basic
 * rate (A2.14). One verdict per CLI string serves the classifier's flags and the pre-dial
 * guard's refusals.
 */
import { flag } from '../../flags.js';
import { classifyUkNumber, EXTENSION_REASON, namedNumber, type UkNumberInfo } from '../../numbers/index.js';
import { SCAN_NOT_UK, scanUkNumber } from '../../numbers/normalise.js';
import type { CallRule } from '../rule.js';
import { CLI_BASIC_RATE_REF, CLI_VALID_REF } from './refs.js';
import { isWithheld } from './withheld.js';

/** `numberKind` of `cliNotBasicRate` for a number outside the UK plan (a country code other than 44). */
export const INTERNATIONAL_CLI_KIND = 'international';

/** The measured values of a `cliInvalid` flag. */
export interface CliInvalidDetail {
  readonly cli: string;
  readonly reason: string;
}

/** The measured values of a `cliPremiumRate` or `cliNotBasicRate` flag. */
export interface CliNumberKindDetail {
  readonly cli: string;
  readonly numberKind: string;
}

/** The verdict on one CLI as a number: the flag kind with its reference and detail, or `null` when it is fine. */
export type CliVerdict =
  | { readonly kind: 'cliInvalid'; readonly ref: typeof CLI_VALID_REF; readonly detail: CliInvalidDetail }
  | { readonly kind: 'cliPremiumRate'; readonly ref: typeof CLI_VALID_REF; readonly detail: CliNumberKindDetail }
  | { readonly kind: 'cliNotBasicRate'; readonly ref: typeof CLI_BASIC_RATE_REF; readonly detail: CliNumberKindDetail };

const DRAMA_REASON = 'drama number: in a range Ofcom keeps for TV and radio drama, never allocated, so it cannot be called back';
const SHORT_CODE_REASON = 'short code: a network service code, not a number a call can present or be returned to';

function judgeCli(cli: string): CliVerdict | null {
  const named = namedNumber(cli);
  if (named.extension !== null) return { kind: 'cliInvalid', ref: CLI_VALID_REF, detail: { cli, reason: EXTENSION_REASON } };
  const info: UkNumberInfo = classifyUkNumber(named.number);
  if (info.kind === 'invalid') {
    if (scanUkNumber(named.number) === SCAN_NOT_UK) return { kind: 'cliNotBasicRate', ref: CLI_BASIC_RATE_REF, detail: { cli, numberKind: INTERNATIONAL_CLI_KIND } };
    // Stryker disable next-line StringLiteral: unreachable: classifyUkNumber gives every invalid number its reason (a property in test/numbers/numbers.property.test.ts)
    return { kind: 'cliInvalid', ref: CLI_VALID_REF, detail: { cli, reason: info.reason ?? 'not a valid UK number' } };
  }
  // A valid form that is not diallable is a drama number (UkNumberInfo.diallable).
  if (info.drama) return { kind: 'cliInvalid', ref: CLI_VALID_REF, detail: { cli, reason: DRAMA_REASON } };
  if (info.kind === 'shortCode') return { kind: 'cliInvalid', ref: CLI_VALID_REF, detail: { cli, reason: SHORT_CODE_REASON } };
  if (info.premiumRate) return { kind: 'cliPremiumRate', ref: CLI_VALID_REF, detail: { cli, numberKind: info.kind } };
  if (!info.basicRate) return { kind: 'cliNotBasicRate', ref: CLI_BASIC_RATE_REF, detail: { cli, numberKind: info.kind } };
  return null;
}

/**
 * Verdicts by CLI string: a campaign presents few CLIs, so most calls hit. Cleared if it
 * grows large; bounded in bytes too, since only CLIs of at most `MAX_CACHED_CLI_LENGTH`
 * code units are kept (a longer one is judged every time: no number is that long, and the
 * data must not choose how much memory the cache holds).
 */
const verdicts = /* @__PURE__ */ new Map<string, CliVerdict | null>();
const MAX_VERDICTS = 4096;
/** The longest CLI string kept in the memo: room for any real number as written (`+44 (0)113 496 1000`, spaces, dashes). */
export const MAX_CACHED_CLI_LENGTH = 32;

/**
 * The presented CLI judged as a number under the UK National Numbering Plan
 * (`classifyUkNumber`), or `null` when it is fine or withheld (`cliWithheld` covers that).
 * The number judged is the one the string names (`namedNumber`, the reading `numberKey`
 * keys it by): a CLI written as a `tel:` or `sip:` URI (`sip:+441134961234@host;user=phone`)
 * or a SIP caller id (`"Acme" <sip:01134961234@host>`) is judged by the number in it, never
 * by the display name, host or parameters; a URI with no number in its user part
 * (`sip:alice@host`) is not a valid number.
 *
 * - `cliInvalid` (A1.20 "not authentic or valid", footnote 22): not a valid UK number
 *   (wrong length, unused range, letters, a country code with no number after it, such as
 *   `+33`), not diallable (an Ofcom drama number, never allocated), a network short code
 *   such as 999 or 100, or written with an extension (`0113 496 1234 x5`,
 *   `tel:+441134961234;ext=5`): a line presents a number alone, and one with an extension
 *   cannot be dialled as presented;
 * - `cliPremiumRate` (A1.20 "a controlled premium rate service number"): 09;
 * - `cliNotBasicRate` (A2.14, footnote 41): any other valid number that is not geographic
 *   01/02, 03, mobile or freephone 080 — 084, 087, 070 personal, 076 pager, 055, 056,
 *   118 — and any number outside the UK plan (`numberKind: 'international'`): a UK
 *   recipient returning it pays an international rate, which footnote 41 does not count
 *   as basic rate, though the UK plan cannot say it is invalid.
 *
 * The pre-dial guard refuses with the same verdict; the classifier raises it as a flag.
 */
export function cliVerdict(cli: string | null): CliVerdict | null {
  // Stryker disable next-line ConditionalExpression: equivalent: isWithheld(null) is true; the null test narrows the type
  if (cli === null || isWithheld(cli)) return null;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent for the verdict: the bound changes memory only
  if (cli.length > MAX_CACHED_CLI_LENGTH) return judgeCli(cli);
  let verdict = verdicts.get(cli);
  // Stryker disable next-line ConditionalExpression: equivalent: the memo; judging the CLI again gives the same verdict
  if (verdict === undefined) {
    verdict = judgeCli(cli);
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent: when the memo is emptied changes memory only
    if (verdicts.size >= MAX_VERDICTS) verdicts.clear();
    verdicts.set(cli, verdict);
  }
  return verdict;
}

/**
 * A1.20, A2.14 the CLI as a number (`cliVerdict`), under policies whose `cli.numberingPlan`
 * is `uk`: at most one flag, at the dial.
 */
export const cliNumberRule: CallRule<'cliInvalid' | 'cliPremiumRate' | 'cliNotBasicRate'> = {
  id: 'cliNumber',
  title: 'CLI valid and basic rate',
  refs: [CLI_VALID_REF, CLI_BASIC_RATE_REF],
  flags: {
    cliInvalid: { ref: CLI_VALID_REF, title: 'CLI not a valid, diallable number', misuse: true },
    cliPremiumRate: { ref: CLI_VALID_REF, title: 'premium-rate CLI', misuse: true },
    cliNotBasicRate: { ref: CLI_BASIC_RATE_REF, title: 'CLI not basic rate' },
  },
  appliesUnder: (policy) => policy.cli.numberingPlan === 'uk',
  judge(record) {
    const v = cliVerdict(record.cli);
    if (v === null) return null;
    switch (v.kind) {
      case 'cliInvalid':
        return flag('cliInvalid', record.callId, record.dialAt, v.ref, v.detail);
      case 'cliPremiumRate':
        return flag('cliPremiumRate', record.callId, record.dialAt, v.ref, v.detail);
      case 'cliNotBasicRate':
        return flag('cliNotBasicRate', record.callId, record.dialAt, v.ref, v.detail);
    }
  },
};
