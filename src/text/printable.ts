/**
 * Text from the data (call ids, campaign and call-centre names, file names, messages that
 * quote a received value) made safe to print for a person: every character that would act
 * on a terminal or a log instead of showing is written out visibly, so a value can never
 * start a new line, forge a row of a table, move the cursor, set a window title or reorder
 * the text around it.
 *
 * Escaped: the C0 controls (U+0000–U+001F, newline and tab included), DEL (U+007F), the
 * C1 controls (U+0080–U+009F: CSI, OSC, ST …), the line and paragraph separators
 * (U+2028, U+2029), the bidirectional marks, embeddings, overrides and isolates (U+061C,
 * U+200E, U+200F, U+202A–U+202E, U+2066–U+2069), the zero-width no-break space U+FEFF,
 * and lone surrogates. Newline, carriage return and tab are written `\n`, `\r`, `\t`;
 * every other one `\u` and four hex digits (ESC is `\u001b`). Everything else, other
 * scripts and emoji included, is kept as it is.
 */

/** One character that acts instead of showing (see the module comment); `g` for replacing. */
const UNPRINTABLE_G =
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/** The same, for a test (no `lastIndex` state). */
const UNPRINTABLE = /* @__PURE__ */ (() => new RegExp(UNPRINTABLE_G.source))();

/** The short escapes; the rest are `\uXXXX`. */
const SHORT: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** What `clipPrintable` never cuts through: an escape written by `printable`, a surrogate pair, else one code unit. */
const TOKEN = /\\u[0-9a-f]{4}|\\[nrt]|[\ud800-\udbff][\udc00-\udfff]|[\s\S]/g;

/** The mark of a value cut short. */
export const ELLIPSIS = '\u2026';

function escapeOne(c: string): string {
  return SHORT[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/**
 * Cuts already-printable `text` (the output of `printable`, or a line built from such
 * values) to at most `maxLength` UTF-16 code units, ending it with `…` when it was longer.
 * It cuts between whole code points and never inside an escape (`\u001b`, `\n`), so a cut
 * never leaves half an escape or half a surrogate pair.
 */
export function clipPrintable(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  if (maxLength < 1) return '';
  const room = maxLength - ELLIPSIS.length;
  let out = '';
  for (const [token] of text.matchAll(TOKEN)) {
    if (out.length + token.length > room) break;
    out += token;
  }
  return out + ELLIPSIS;
}

/**
 * `text` with every control, separator and bidirectional-formatting character written out
 * visibly (`\u001b`, `\n`; see the module comment), cut to `maxLength` code units with `…`
 * when given (see `clipPrintable`). Use it on every value from the data that a person
 * reads on a terminal or in a log: `formatReport` and the `dialguard audit` command do.
 * JSON output needs no such step (`JSON.stringify` escapes controls itself).
 */
export function printable(text: string, maxLength = Infinity): string {
  const escaped = UNPRINTABLE.test(text) ? text.replace(UNPRINTABLE_G, escapeOne) : text;
  return maxLength === Infinity ? escaped : clipPrintable(escaped, maxLength);
}
