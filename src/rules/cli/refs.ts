/** The paragraphs of the CLI rules (A1.18–A1.24, A2.12–A2.14). */

/** A1.20: a CLI must be presented, and be authentic, valid and not premium rate. */
export const CLI_VALID_REF = 'A1.20';
/** A2.13: a withheld CLI aggravates any case of misuse (a silent or abandoned call), particularly a silent call. */
export const CLI_WITHHELD_SILENT_REF = 'A2.13';
/** A2.14 (footnote 41): a CLI that is not basic rate is aggravating. */
export const CLI_BASIC_RATE_REF = 'A2.14';
