/**
 * An extension written after a number (`0800 123456 ext 7`, `01204 12345 x6`,
 * `+44 113 496 1234;ext=7`): not part of the number, so it must neither join its digits
 * (another subscriber's number, A2.8–A2.9) nor pass as a CLI that can be dialled (A1.20,
 * footnote 22). One backward scan from the end, in time linear in the string: no regular
 * expressions, whatever the input's length.
 */

/** A number as written, cut at its extension (A1.20, A2.9). */
export interface WrittenExtension {
  /** The number before the marker, as written, without the white space before the marker: `'0800 123456'`. */
  readonly number: string;
  /** The extension's digits: `'7'`. */
  readonly extension: string;
}

/**
 * Why `classifyUkNumber` and the CLI rule (A1.20, footnote 22) call a number written with an
 * extension invalid: a line presents, and a recipient dials, the number alone.
 */
export const EXTENSION_REASON =
  'has an extension (x, ext, #, ;ext=): not part of the number, so the number as written cannot be dialled';

/** The markers, lower case, longest first so `extension` is not read as `ext` + `ension`. */
const WORD_MARKERS: readonly string[] = ['extension', 'ext', 'x'];

const isDigit = (c: number) => c >= 48 && c <= 57;
const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isSpace = (c: number) => c === 32 || c === 9 || c === 160;
/** `+ - . ( )`: how a number is written, besides its digits and spaces. */
const isNumberPunctuation = (c: number) => c === 43 || c === 45 || c === 46 || c === 40 || c === 41;

/** The index where `word` (lower case) ends at `end` in `text`, case-insensitively, as a whole word; `-1` if it does not. */
function wordBefore(text: string, end: number, word: string): number {
  const start = end - word.length;
  if (start < 0 || text.slice(start, end).toLowerCase() !== word) return -1;
  return start > 0 && isLetter(text.charCodeAt(start - 1)) ? -1 : start;
}

/**
 * Cuts a number written plainly at an extension marker — `x`, `ext`, `ext.`, `extension`
 * (any case, with or without a space, `.` or `:` before the digits), `#`, or `;ext=` — that
 * is followed by the extension's digits and nothing else but white space (A1.20, A2.9):
 * `'0800 123456 ext 7'` is `{ number: '0800 123456', extension: '7' }`. `null` when `text`
 * does not end in one, or when what comes before the marker has no digit or anything but
 * digits, spaces and `+ - . ( )` (it is not a number written with an extension: a letter,
 * or a code such as `*31#` before a number).
 */
export function splitExtension(text: string): WrittenExtension | null {
  let i = text.length;
  while (i > 0 && isSpace(text.charCodeAt(i - 1))) i--;
  const digitsEnd = i;
  while (i > 0 && isDigit(text.charCodeAt(i - 1))) i--;
  if (i === digitsEnd) return null;
  const extension = text.slice(i, digitsEnd);
  while (i > 0 && (isSpace(text.charCodeAt(i - 1)) || text[i - 1] === '.' || text[i - 1] === ':' || text[i - 1] === '=')) i--;
  let start = -1;
  if (text[i - 1] === '#') start = i - 1;
  for (let w = 0; start < 0 && w < WORD_MARKERS.length; w++) start = wordBefore(text, i, WORD_MARKERS[w]!);
  if (start < 0) return null;
  if (text[start - 1] === ';') start--;
  let end = start;
  while (end > 0 && isSpace(text.charCodeAt(end - 1))) end--;
  let digit = false;
  for (let k = 0; k < end; k++) {
    const c = text.charCodeAt(k);
    if (isDigit(c)) digit = true;
    else if (!isSpace(c) && !isNumberPunctuation(c)) return null; // a letter, '*', '#', ';'…: not a number before the marker (`*31#07700900123` is a GSM code, then a number)
  }
  return digit ? { number: text.slice(0, end), extension } : null;
}
