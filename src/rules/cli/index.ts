/**
 * The CLI rules (A1.18–A1.24, A2.12–A2.14): a CLI must be presented (A1.20), is
 * aggravating when withheld on a silent call (A2.13), must be a valid number that can be
 * called back and not premium rate (A1.20), and should be basic rate (A2.14, footnote 41).
 * The classifier's flags and the pre-dial guard's refusals both come from here.
 */
export { CLI_BASIC_RATE_REF, CLI_VALID_REF, CLI_WITHHELD_SILENT_REF } from './refs.js';
export { cliWithheldReason, cliWithheldRule, isWithheld, type CliWithheldDetail, type CliWithheldReason } from './withheld.js';
export { cliNumberRule, cliVerdict, INTERNATIONAL_CLI_KIND, type CliInvalidDetail, type CliNumberKindDetail, type CliVerdict } from './number.js';
