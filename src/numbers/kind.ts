/**
 * The kinds of UK number a calling line identity (CLI) can be, by the ranges of the UK
 * National Telephone Numbering Plan, and which of them are "basic rate" for the
 * persistent-misuse policy (A1.20, A1.33, A2.14, footnote 41).
 */

/**
 * What range of the National Telephone Numbering Plan a number falls in.
 *
 * - `geographic`: 01 and 02 area codes.
 * - `nonGeographic03`: 03 UK-wide numbers (030, 033, 034, 037), charged as geographic.
 * - `mobile`: 071–075, 077–079 (footnote 33), and 07624 (Isle of Man mobiles).
 * - `personal`: 070 personal numbering — not mobile (footnote 33), not basic rate (footnote 41).
 * - `pager`: 076 radiopaging, except 07624 — not mobile (footnote 33).
 * - `freephone`: 0800 and 0808, free to the caller (footnote 41).
 * - `service084` / `service087`: special services 0842–0845 / 0870–0873 (footnote 41: not basic rate).
 * - `premium`: 090, 091, 098 premium rate services (footnote 41: not basic rate).
 * - `directory118`: 118 xxx directory enquiries (footnote 41: not basic rate).
 * - `corporate`: 055 corporate numbering (not in footnote 41's basic-rate list).
 * - `voip`: 056 location-independent (VoIP) numbers (not in footnote 41's basic-rate list).
 * - `shortCode`: network short codes such as 999, 112, 100, 116 xxx — not a CLI anyone can return.
 * - `invalid`: none of the above (wrong length, unused range, not a UK number, not a number).
 */
export type UkNumberKind =
  | 'geographic'
  | 'nonGeographic03'
  | 'mobile'
  | 'personal'
  | 'pager'
  | 'freephone'
  | 'service084'
  | 'service087'
  | 'premium'
  | 'directory118'
  | 'corporate'
  | 'voip'
  | 'shortCode'
  | 'invalid';

/** Every {@link UkNumberKind}, in the order documented there (A1.20, A2.14). */
export const UK_NUMBER_KINDS: readonly UkNumberKind[] = [
  'geographic',
  'nonGeographic03',
  'mobile',
  'personal',
  'pager',
  'freephone',
  'service084',
  'service087',
  'premium',
  'directory118',
  'corporate',
  'voip',
  'shortCode',
  'invalid',
];

/**
 * The basic-rate kinds of footnote 41 (used by A1.20, A1.33, A2.14): geographic 01 and 02,
 * 03, standard-rate mobile, and freephone 080 (free to the caller). Everything else —
 * 084, 087, 09, 070, 118, pagers, 055/056, short codes — is not basic rate.
 */
export const BASIC_RATE_KINDS: readonly UkNumberKind[] = ['geographic', 'nonGeographic03', 'mobile', 'freephone'];

/** `true` when numbers of this kind are basic rate under footnote 41 (A1.20, A1.33, A2.14). */
export function isBasicRateKind(kind: UkNumberKind): boolean {
  return kind === 'geographic' || kind === 'nonGeographic03' || kind === 'mobile' || kind === 'freephone';
}
