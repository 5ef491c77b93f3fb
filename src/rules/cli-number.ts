import { flag, type Flag } from '../flags.js';
import { classifyUkNumber, type UkNumberInfo } from '../numbers/index.js';
import { SCAN_NOT_UK, scanUkNumber } from '../numbers/normalise.js';
import type { CallRecord } from '../record.js';

/** A flag about the presented CLI as a number: invalid, premium rate or not basic rate. */
export type CliNumberFlag = Flag<'cliInvalid'> | Flag<'cliPremiumRate'> | Flag<'cliNotBasicRate'>;

/** `numberKind` of `cliNotBasicRate` for a number outside the UK plan (a country code other than 44). */
export const INTERNATIONAL_CLI_KIND = 'international';

type Verdict =
  | { readonly kind: 'cliInvalid'; readonly ref: 'A1.20'; readonly reason: string }
  | { readonly kind: 'cliPremiumRate'; readonly ref: 'A1.20'; readonly numberKind: string }
  | { readonly kind: 'cliNotBasicRate'; readonly ref: 'A2.14'; readonly numberKind: string }
  | null;

const DRAMA_REASON = 'drama number: in a range Ofcom keeps for TV and radio drama, never allocated, so it cannot be called back';
const SHORT_CODE_REASON = 'short code: a network service code, not a number a call can present or be returned to';

/** The verdict on one CLI string (A1.20, A2.14, footnote 41). */
function judge(cli: string): Verdict {
  const info: UkNumberInfo = classifyUkNumber(cli);
  if (info.kind === 'invalid') {
    if (scanUkNumber(cli) === SCAN_NOT_UK) return { kind: 'cliNotBasicRate', ref: 'A2.14', numberKind: INTERNATIONAL_CLI_KIND };
// Stryker disable next-line StringLiteral: equivalent: classifyUkNumber gives every invalid number a reason
    return { kind: 'cliInvalid', ref: 'A1.20', reason: info.reason ?? 'not a valid UK number' };
  }
// Stryker disable next-line StringLiteral,LogicalOperator: equivalent: a valid number that is not diallable is a drama number, so the fallback reason is never reached
  if (!info.diallable) return { kind: 'cliInvalid', ref: 'A1.20', reason: info.drama ? DRAMA_REASON : (info.reason ?? 'not diallable') };
  if (info.kind === 'shortCode') return { kind: 'cliInvalid', ref: 'A1.20', reason: SHORT_CODE_REASON };
  if (info.premiumRate) return { kind: 'cliPremiumRate', ref: 'A1.20', numberKind: info.kind };
  if (!info.basicRate) return { kind: 'cliNotBasicRate', ref: 'A2.14', numberKind: info.kind };
  return null;
}

/** Verdicts by CLI string: a campaign presents few CLIs, so most calls hit. Cleared if it grows large. */
const verdicts = new Map<string, Verdict>();
const MAX_VERDICTS = 4096;
const NONE: readonly CliNumberFlag[] = Object.freeze([]);

/**
 * The presented CLI judged as a number (A1.18–A1.20, A2.14 and footnote 41), by
 * `classifyUkNumber`. A withheld CLI (`null` or blank) gives nothing here: `cliWithheld`
 * covers it. At most one flag, at the dial:
 *
 * - `cliInvalid` (A1.20 "not authentic or valid", footnote 22): not a valid UK number
 *   (wrong length, unused range, letters), not diallable (an Ofcom drama number, never
 *   allocated), or a network short code such as 999 or 100;
 * - `cliPremiumRate` (A1.20 "a controlled premium rate service number"): 09;
 * - `cliNotBasicRate` (A2.14, footnote 41): any other valid number that is not geographic
 *   01/02, 03, mobile or freephone 080 — 084, 087, 070 personal, 076 pager, 055, 056,
 *   118 — and any number outside the UK plan (`numberKind: 'international'`).
 *
 * An international number with another country code is not judged invalid: the UK plan
 * cannot tell whether it is allocated, and it may be a genuine overseas caller. But a UK
 * recipient returning it pays an international rate, which footnote 41 does not count as
 * basic rate, so it is flagged `cliNotBasicRate`.
 *
 * Returns the flags (none or one); the empty result is a shared frozen array.
 */
export function cliNumberFlags(record: CallRecord): readonly CliNumberFlag[] {
  const cli = record.cli;
  if (cli === null || cli.trim() === '') return NONE;
  let verdict = verdicts.get(cli);
// Stryker disable next-line ConditionalExpression: equivalent: a cache; judging again gives the same verdict
  if (verdict === undefined) {
    verdict = judge(cli);
// Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent: when the cache is cleared bounds its memory, never a verdict
    if (verdicts.size >= MAX_VERDICTS) verdicts.clear();
    verdicts.set(cli, verdict);
  }
  if (verdict === null) return NONE;
  const { callId, dialAt } = record;
  switch (verdict.kind) {
    case 'cliInvalid':
      return [flag('cliInvalid', callId, dialAt, verdict.ref, { cli, reason: verdict.reason })];
    case 'cliPremiumRate':
      return [flag('cliPremiumRate', callId, dialAt, verdict.ref, { cli, numberKind: verdict.numberKind })];
    case 'cliNotBasicRate':
      return [flag('cliNotBasicRate', callId, dialAt, verdict.ref, { cli, numberKind: verdict.numberKind })];
  }
}
